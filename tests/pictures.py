"""Image files for figure tests, made from bytes (no image library): PNG, GIF, BMP, and the
hostile ones (a decompression-bomb header, a cut-short file)."""

from __future__ import annotations

import struct
import zlib

import paths

JPEG = (paths.DATA / "figures" / "photo.jpg").read_bytes()  # 120×80, made once with ImageMagick

# the smallest GIF: 1×1, one colour, with its trailer
GIF = bytes.fromhex(
    "47494638396101000100800000ffffff00000021f90401000000002c00000000010001000002024401003b"
)


def _chunk(kind: bytes, data: bytes) -> bytes:
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))


def png(width: int, height: int, rgb: tuple[int, int, int] = (40, 90, 160), dpi: int = 0) -> bytes:
    """A valid solid-colour PNG; `dpi` writes a pHYs chunk."""
    row = b"\x00" + bytes(rgb) * width
    chunks = _chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
    if dpi:
        per_metre = round(dpi / 0.0254)
        chunks += _chunk(b"pHYs", struct.pack(">IIB", per_metre, per_metre, 1))
    chunks += _chunk(b"IDAT", zlib.compress(row * height))
    return b"\x89PNG\r\n\x1a\n" + chunks + _chunk(b"IEND", b"")


def bomb_png(side: int = 60_000) -> bytes:
    """A well-formed PNG header claiming side×side pixels over a few bytes of data: decoding it
    would allocate 10 GB."""
    header = _chunk(b"IHDR", struct.pack(">IIBBBBB", side, side, 8, 2, 0, 0, 0))
    data = _chunk(b"IDAT", zlib.compress(b"\x00" * 1024))
    return b"\x89PNG\r\n\x1a\n" + header + data + _chunk(b"IEND", b"")


def bmp(width: int, height: int) -> bytes:
    row = (b"\x80\x40\x20" * width).ljust((width * 3 + 3) // 4 * 4, b"\x00")
    pixels = row * height
    header = struct.pack("<IiiHHIIiiII", 40, width, height, 1, 24, 0, len(pixels), 2835, 2835, 0, 0)
    size = 14 + len(header) + len(pixels)
    return b"BM" + struct.pack("<IHHI", size, 0, 0, 54) + header + pixels
