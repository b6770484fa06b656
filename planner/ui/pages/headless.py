"""A Qt application for drawing pages from a terminal: no window, no display needed.

`planner export … -o OUT.pdf` and a batch's PDF workers lay out and paint with QtGui only. With
no display (a server, an SSH session, a container) Qt would abort looking for one, so the
offscreen platform is chosen first; a user's own QT_QPA_PLATFORM is kept.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QCoreApplication


def needs_offscreen(environ: dict[str, str] | os._Environ[str] = os.environ) -> bool:
    if environ.get("QT_QPA_PLATFORM"):
        return False
    if sys.platform.startswith(("win", "darwin")):
        return False  # these always have their platform
    return not (environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"))


def gui_application() -> QCoreApplication:
    """The running QGuiApplication (or QApplication), else a new one."""
    if needs_offscreen():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance()
    if app is None:
        app = QGuiApplication([sys.argv[0] if sys.argv else "planner"])
    return app
