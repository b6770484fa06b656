"""Windows and dialogs open whole on the screen they are on (a 1366×768 laptop, 2× scaling)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def resize_within_screen(widget: QWidget, width: int, height: int, share: float = 0.9) -> None:
    """`width`×`height` where the screen has room, else `share` of what it has."""
    screen = widget.screen().availableGeometry()
    widget.resize(
        min(width, int(screen.width() * share)), min(height, int(screen.height() * share))
    )
