"""The app icon: every size a desktop asks for, and the ICO/ICNS containers built from them;
the toolbar and problem icons the app ships."""

from __future__ import annotations

import struct
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QImage

from planner.resources import resource_path
from planner.ui.icons import ICON_SIZES, UI_ICON_SIZES, UI_ICONS, app_icon, ui_icon

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def png_size(data: bytes) -> tuple[int, int]:
    assert data.startswith(PNG_MAGIC)
    return struct.unpack(">II", data[16:24])  # IHDR width, height


def test_every_png_size_is_rendered_and_not_blank(qapp) -> None:
    for size in ICON_SIZES:
        image = QImage(str(resource_path("icons", f"planner-{size}.png")))
        assert image.size() == QSize(size, size)
        centre = image.pixelColor(size // 3, size // 2)  # on the blue page
        assert centre.alpha() == 255
        assert centre.blue() > centre.red()


def test_window_icon_offers_every_size(qapp) -> None:
    icon = app_icon()
    assert not icon.isNull()
    assert {s.width() for s in icon.availableSizes()} == set(ICON_SIZES)


def test_ui_icons_are_rendered_from_their_svg_in_every_size(qapp) -> None:
    for name in UI_ICONS:
        assert Path(resource_path("icons", f"{name}.svg")).is_file()  # the source to edit
        for size in UI_ICON_SIZES:
            image = QImage(str(resource_path("icons", f"{name}-{size}.png")))
            assert image.size() == QSize(size, size), (name, size)
            assert image.pixelColor(size // 2, size // 2).alpha() > 0, (name, size)  # not blank
    # the problems list tells errors (red) from warnings (amber) at a glance
    error = QImage(str(resource_path("icons", "error-24.png"))).pixelColor(5, 12)
    warning = QImage(str(resource_path("icons", "warning-24.png"))).pixelColor(8, 16)
    assert error.red() > 150 and error.green() < 100
    assert warning.red() > 200 and warning.green() > 150 and warning.blue() < 100


def test_ui_icon_offers_its_sizes_without_a_theme(qapp) -> None:
    icon = ui_icon("save")
    assert {s.width() for s in icon.availableSizes()} == set(UI_ICON_SIZES)


def test_ico_carries_png_entries_up_to_256() -> None:
    data = Path(resource_path("icons", "planner.ico")).read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    sizes = []
    for i in range(count):
        width, height, _, _, planes, bpp, length, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * i : 22 + 16 * i]
        )
        payload = data[offset : offset + length]
        declared = width or 256
        assert png_size(payload) == (declared, declared)
        assert (height or 256, planes, bpp) == (declared, 1, 32)
        sizes.append(declared)
    assert sizes == [16, 32, 48, 64, 128, 256]


def test_icns_chunks_are_pngs_of_their_type_size() -> None:
    data = Path(resource_path("icons", "planner.icns")).read_bytes()
    assert data[:4] == b"icns"
    assert struct.unpack(">I", data[4:8])[0] == len(data)
    expected = {b"icp4": 16, b"icp5": 32, b"icp6": 64, b"ic07": 128, b"ic08": 256, b"ic09": 512}
    expected |= {b"ic11": 32, b"ic12": 64, b"ic13": 256, b"ic14": 512}  # the @2x types
    found = {}
    pos = 8
    while pos < len(data):
        kind, length = data[pos : pos + 4], struct.unpack(">I", data[pos + 4 : pos + 8])[0]
        found[kind] = png_size(data[pos + 8 : pos + length])[0]
        pos += length
    assert pos == len(data)
    assert found == expected
