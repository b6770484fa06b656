"""What a figure's image file holds, read from its bytes without decoding a single pixel.

A figure path in a section is written by the applicant and may name anything: a missing file,
a folder, a text file renamed .png, a truncated download, or a decompression bomb (a valid
60000×60000 PNG header over a few kilobytes of zeros, which Word or LibreOffice would try to
inflate to 10 GB). The export and validation both ask `read_image` first: it bounds the bytes
read, parses only the container (chunk/marker structure, CRCs, trailers) and refuses pixel
counts no proposal figure needs. No image library is involved, so nothing can decode a bomb.
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass
from pathlib import Path

MAX_BYTES = 20 * 1024 * 1024  # a 300-dpi A4 scan as PNG is ~10 MB
MAX_PIXELS = 60_000_000  # 7,746² – more than any printer resolves on an A4 page
MAX_SIDE = 20_000

MISSING, UNREADABLE, NOT_IMAGE, CORRUPT, TOO_LARGE = (
    "missing", "unreadable", "not_image", "corrupt", "too_large",
)  # fmt: skip


class ImageError(Exception):
    """Why an image cannot go into the document; `reason` is one of the constants above."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True)
class ImageInfo:
    kind: str  # "png", "jpeg", "gif", "bmp"
    width: int  # pixels
    height: int
    dpi_x: float
    dpi_y: float
    data: bytes


def resolve(path: str, base: Path | None) -> Path:
    """A figure's file: as written when absolute, else relative to the proposal's folder."""
    candidate = Path(path)  # no `~` expansion: pandoc does none, and `~nobody` would raise
    if candidate.is_absolute() or base is None:
        return candidate
    return base / candidate


def read_image(file: Path) -> ImageInfo:
    """The checked image, or ImageError saying in English what is wrong with it."""
    try:
        size = file.stat().st_size
        if not file.is_file():
            raise ImageError(UNREADABLE, "it is not a file")
        if size > MAX_BYTES:
            raise ImageError(TOO_LARGE, f"{size // 1_048_576} MB, over {MAX_BYTES // 1_048_576} MB")
        with file.open("rb") as stream:
            # as much as stat said, plus one byte to notice a file that grew since: `read`
            # allocates what it is asked for, so never MAX_BYTES for a small file
            data = stream.read(size + 1)
    except FileNotFoundError:
        raise ImageError(MISSING, "no such file") from None
    except OSError as exc:
        raise ImageError(UNREADABLE, exc.strerror or str(exc)) from None
    except ValueError as exc:  # a NUL in the path: no such file can exist
        raise ImageError(MISSING, str(exc)) from None
    if len(data) > MAX_BYTES:
        raise ImageError(TOO_LARGE, f"over {MAX_BYTES // 1_048_576} MB")
    return parse_image(data)


def parse_image(data: bytes) -> ImageInfo:
    reader = _READERS.get(_kind(data))
    if reader is None:
        raise ImageError(NOT_IMAGE, "not a PNG, JPEG, GIF or BMP image")
    try:
        width, height, dpi_x, dpi_y = reader(data)
    except (struct.error, IndexError, ValueError):
        raise ImageError(CORRUPT, "the file is damaged (cut short?)") from None
    _limit(width, height)
    return ImageInfo(_kind(data), width, height, dpi_x or 96.0, dpi_y or dpi_x or 96.0, data)


def _limit(width: int, height: int) -> None:
    """Called by each reader as soon as the header gives the size, before anything else."""
    if width <= 0 or height <= 0:
        raise ImageError(CORRUPT, f"impossible size {width}×{height}")
    if width > MAX_SIDE or height > MAX_SIDE or width * height > MAX_PIXELS:
        raise ImageError(TOO_LARGE, f"{width}×{height} pixels, more than a page can show")


def _kind(data: bytes) -> str:
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return "gif"
    if data.startswith(b"BM"):
        return "bmp"
    return ""


def _png(data: bytes) -> tuple[int, int, float, float]:
    """Every chunk's CRC is checked and IEND must be there: a truncated or damaged file is
    caught without inflating IDAT."""
    pos, width, height, dpi_x, dpi_y = 8, 0, 0, 0.0, 0.0
    while True:
        length, kind = struct.unpack_from(">I4s", data, pos)
        body = data[pos + 4 : pos + 8 + length]
        if len(body) != length + 4 or len(data) < pos + 12 + length:
            raise ValueError("cut short")
        (crc,) = struct.unpack_from(">I", data, pos + 8 + length)
        if zlib.crc32(body) != crc:
            raise ValueError(f"bad CRC in {kind!r}")
        if kind == b"IHDR":
            width, height = struct.unpack_from(">II", body, 4)
            _limit(width, height)
        elif kind == b"pHYs" and length >= 9:
            x, y, unit = struct.unpack_from(">IIB", body, 4)
            if unit == 1:  # pixels per metre
                dpi_x, dpi_y = x * 0.0254, y * 0.0254
        elif kind == b"IEND":
            return width, height, dpi_x, dpi_y
        pos += 12 + length


_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


def _jpeg(data: bytes) -> tuple[int, int, float, float]:
    pos, dpi = 2, 0.0
    while True:
        if data[pos] != 0xFF:
            raise ValueError("not a marker")
        marker = data[pos + 1]
        if marker == 0xFF:  # fill byte
            pos += 1
            continue
        (length,) = struct.unpack_from(">H", data, pos + 2)
        if marker == 0xE0 and data[pos + 4 : pos + 9] == b"JFIF\x00":
            unit, x = data[pos + 11], struct.unpack_from(">H", data, pos + 12)[0]
            dpi = float(x) if unit == 1 else x * 2.54 if unit == 2 else 0.0
        if marker in _SOF:
            height, width = struct.unpack_from(">HH", data, pos + 5)
            _limit(width, height)
            if data.rfind(b"\xff\xd9") < pos:  # no end-of-image marker: cut short
                raise ValueError("no EOI")
            return width, height, dpi, dpi
        pos += 2 + length


def _gif(data: bytes) -> tuple[int, int, float, float]:
    width, height = struct.unpack_from("<HH", data, 6)
    _limit(width, height)
    if not data.rstrip(b"\x00").endswith(b";"):  # the trailer
        raise ValueError("no trailer")
    return width, height, 0.0, 0.0


def _bmp(data: bytes) -> tuple[int, int, float, float]:
    declared, offset, header = struct.unpack_from("<I4xII", data, 2)
    if header < 40:
        raise ValueError("OS/2 1.x bitmaps are not supported")
    width, height, _planes, bits, compression = struct.unpack_from("<iiHHI", data, 18)
    x, y = struct.unpack_from("<ii", data, 38)
    _limit(width, abs(height))
    pixels = ((width * bits + 31) // 32) * 4 * abs(height) if compression == 0 else 1
    if len(data) < max(declared, offset + pixels):
        raise ValueError("cut short")
    return width, abs(height), max(x, 0) * 0.0254, max(y, 0) * 0.0254


_READERS = {"png": _png, "jpeg": _jpeg, "gif": _gif, "bmp": _bmp}
