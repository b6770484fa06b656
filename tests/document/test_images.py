"""Image files are checked from their bytes: format, size, damage, and bombs, never decoded."""

from __future__ import annotations

import struct
import tracemalloc
from pathlib import Path

import pictures
import pytest

from planner.document import images
from planner.document.images import ImageError, read_image


def check(tmp_path: Path, content: bytes, name: str = "x.png"):
    path = tmp_path / name
    path.write_bytes(content)
    return read_image(path)


def reason(tmp_path: Path, content: bytes) -> str:
    with pytest.raises(ImageError) as info:
        check(tmp_path, content)
    return info.value.reason


def test_each_format_gives_its_pixel_size_and_resolution(tmp_path) -> None:
    png = check(tmp_path, pictures.png(30, 20, dpi=300))
    assert (png.kind, png.width, png.height, round(png.dpi_x)) == ("png", 30, 20, 300)
    jpeg = check(tmp_path, pictures.JPEG)
    assert (jpeg.kind, jpeg.width, jpeg.height) == ("jpeg", 120, 80)
    gif = check(tmp_path, pictures.GIF)
    assert (gif.kind, gif.width, gif.height, gif.dpi_x) == ("gif", 1, 1, 96.0)
    bmp = check(tmp_path, pictures.bmp(7, 5))
    assert (bmp.kind, bmp.width, bmp.height, round(bmp.dpi_x)) == ("bmp", 7, 5, 72)


def test_damaged_files_are_corrupt(tmp_path) -> None:
    good = pictures.png(40, 40)
    assert reason(tmp_path, good[:-20]) == images.CORRUPT  # cut short
    flipped = bytearray(good)
    flipped[40] ^= 0xFF  # a byte inside IDAT: its CRC no longer matches
    assert reason(tmp_path, bytes(flipped)) == images.CORRUPT
    assert reason(tmp_path, pictures.JPEG[:-200]) == images.CORRUPT
    assert reason(tmp_path, pictures.GIF[:-1]) == images.CORRUPT
    assert reason(tmp_path, pictures.bmp(50, 50)[:100]) == images.CORRUPT
    assert reason(tmp_path, b"\x89PNG\r\n\x1a\n") == images.CORRUPT


def test_what_is_not_an_image(tmp_path) -> None:
    assert reason(tmp_path, b"") == images.NOT_IMAGE
    assert reason(tmp_path, "技术路线图".encode()) == images.NOT_IMAGE
    assert reason(tmp_path, b"%PDF-1.7\n") == images.NOT_IMAGE
    with pytest.raises(ImageError) as info:
        read_image(tmp_path / "nowhere.png")
    assert info.value.reason == images.MISSING
    with pytest.raises(ImageError) as info:
        read_image(tmp_path)
    assert info.value.reason == images.UNREADABLE


def test_a_decompression_bomb_is_refused_without_decoding(tmp_path) -> None:
    """60000×60000 pixels would be 10 GB decoded; the check reads 2 KB and allocates little."""
    bomb = pictures.bomb_png()
    assert len(bomb) < 2_000
    tracemalloc.start()
    try:
        assert reason(tmp_path, bomb) == images.TOO_LARGE
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 1_000_000
    # the same for a BMP header claiming as much
    header = bytearray(pictures.bmp(2, 2))
    struct.pack_into("<ii", header, 18, 60_000, 60_000)
    assert reason(tmp_path, bytes(header)) == images.TOO_LARGE


def test_a_file_over_the_size_cap_is_not_read(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(images, "MAX_BYTES", 1_000)
    assert reason(tmp_path, pictures.png(200, 200, dpi=1) + b"\0" * 2_000) == images.TOO_LARGE


def test_hostile_paths_are_reasons_not_tracebacks(tmp_path) -> None:
    for path, expected in (
        (tmp_path / ("x" * 5000 + ".png"), images.UNREADABLE),  # name too long
        (Path("/dev/zero"), images.UNREADABLE),  # endless, not a file
        (Path("bad\x00name.png"), images.MISSING),
        (images.resolve("~nobody-here/a.png", tmp_path), images.MISSING),
    ):
        with pytest.raises(ImageError) as info:
            read_image(path)
        assert info.value.reason == expected, path
