"""The app's window icon, built from the rendered PNG sizes in resources/icons/.

PNGs rather than the SVG: Qt reads PNG without any plugin, so the frozen bundle needs no
SVG icon engine, and each size is rendered once by scripts/make_icons.py.
"""

from __future__ import annotations

from PySide6.QtGui import QIcon

from planner.resources import resource_path

ICON_SIZES = (16, 32, 48, 64, 128, 256, 512)


def app_icon() -> QIcon:
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addFile(str(resource_path("icons", f"planner-{size}.png")))
    return icon
