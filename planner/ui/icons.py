"""The app's icons, from the PNG sizes rendered into resources/icons/ by scripts/make_icons.py.

PNGs rather than the SVGs: Qt reads PNG without any plugin, so the frozen bundle needs no
SVG icon engine, and each size is rendered once. Our own toolbar and problem icons, rather
than QStyle's standard ones, also keep QStyle's 566 enum members out of start-up (about
4% of the instructions until the first paint) and look the same on every platform.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon

from planner.resources import resource_path

ICON_SIZES = (16, 32, 48, 64, 128, 256, 512)
UI_ICONS = ("new", "open", "save", "export", "warning", "error")
UI_ICON_SIZES = (16, 24, 32, 48)


def app_icon() -> QIcon:
    return _sized_icon("planner", ICON_SIZES)


def ui_icon(name: str, theme_name: str = "") -> QIcon:
    """One of UI_ICONS; with a theme name, the desktop's icon theme wins where it has that
    icon (Linux desktops), so the toolbar matches the rest of the desktop."""
    icon = _sized_icon(name, UI_ICON_SIZES)
    return QIcon.fromTheme(theme_name, icon) if theme_name else icon


def _sized_icon(stem: str, sizes: tuple[int, ...]) -> QIcon:
    icon = QIcon()
    for size in sizes:  # the size given, Qt need not open each file to learn it
        icon.addFile(str(resource_path("icons", f"{stem}-{size}.png")), QSize(size, size))
    return icon
