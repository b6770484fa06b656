"""Render the app icon sizes from resources/icons/planner.svg, and the toolbar and problem icons.

Writes `planner-<size>.png` for every size a desktop asks for, `planner.ico` (Windows) and
`planner.icns` (macOS) beside the SVG. Both containers simply carry PNG payloads, so no image
library beyond Qt is needed. Each UI icon (`new.svg`, `warning.svg`, … see
planner.ui.icons.UI_ICONS) becomes `<name>-<size>.png` in the sizes toolbars and lists use.
The outputs are committed; rerun this after editing an SVG:

    QT_QPA_PLATFORM=offscreen python scripts/make_icons.py
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from planner.ui.icons import UI_ICON_SIZES, UI_ICONS

ICON_DIR = Path(__file__).resolve().parent.parent / "resources" / "icons"
SOURCE = ICON_DIR / "planner.svg"
PNG_SIZES = (16, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 32, 48, 64, 128, 256)  # 256 is the largest an ICO entry can describe
# ICNS PNG-payload types: (type, pixel size). The @2x types reuse the same pixels.
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"icp6", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic09", 512),
    (b"ic11", 32),
    (b"ic12", 64),
    (b"ic13", 256),
    (b"ic14", 512),
)


def render_png(renderer: QSvgRenderer, size: int) -> bytes:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError(f"could not encode the {size}px PNG")
    return bytes(data)


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """ICONDIR + one ICONDIRENTRY per size, each pointing at a PNG (Windows Vista and later)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, payloads = b"", b""
    for size, png in pngs.items():
        dim = 0 if size >= 256 else size  # 0 means 256 in an ICO entry
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(png), offset)
        payloads += png
        offset += len(png)
    return header + entries + payloads


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """'icns' + big-endian length, then (type, length incl. 8-byte header, PNG) chunks."""
    chunks = b"".join(
        kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for kind, size in ICNS_TYPES
    )
    return b"icns" + struct.pack(">I", 8 + len(chunks)) + chunks


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 (fonts, images)
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        print(f"make_icons: {SOURCE} is not a valid SVG", file=sys.stderr)
        return 1
    pngs = {size: render_png(renderer, size) for size in PNG_SIZES}
    for size, png in pngs.items():
        (ICON_DIR / f"planner-{size}.png").write_bytes(png)
    (ICON_DIR / "planner.ico").write_bytes(ico_bytes({s: pngs[s] for s in ICO_SIZES}))
    (ICON_DIR / "planner.icns").write_bytes(icns_bytes(pngs))
    for name in UI_ICONS:
        ui_renderer = QSvgRenderer(str(ICON_DIR / f"{name}.svg"))
        if not ui_renderer.isValid():
            print(f"make_icons: {name}.svg is not a valid SVG", file=sys.stderr)
            return 1
        for size in UI_ICON_SIZES:
            (ICON_DIR / f"{name}-{size}.png").write_bytes(render_png(ui_renderer, size))
    print(f"make_icons: wrote {len(pngs)} PNGs, planner.ico and planner.icns, and "
          f"{len(UI_ICONS)} UI icons in {len(UI_ICON_SIZES)} sizes in {ICON_DIR}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
