"""Edit → Undo, Redo, Cut, Copy, Paste, Select All: they act on the field that has the focus,
and what can be dropped on the window (a file or a folder it opens)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from planner.formats.proposal_file import SUFFIX
from planner.importer.any_call import can_open_as_call


def run_edit_command(widget: QWidget | None, name: str) -> None:
    """Run `name` ("undo", "copy", "selectAll"…) on `widget`, the field last focused: each
    text field keeps its own undo history. Copy also copies what is selected in the call's
    text (a QLabel, which has no copy() of its own)."""
    if isinstance(widget, QLabel):
        if name == "copy" and widget.hasSelectedText():
            QApplication.clipboard().setText(widget.selectedText())
    elif widget is not None and hasattr(widget, name):
        getattr(widget, name)()


def dropped_path(mime: QMimeData) -> Path | None:
    """The one local file or folder dropped, if the window can open it: a proposal, a folder
    of proposals (the workspace), or a call (a call file, or a topic list to import)."""
    urls = mime.urls()
    if len(urls) != 1 or not urls[0].isLocalFile():
        return None
    path = Path(urls[0].toLocalFile())
    if path.is_dir() or path.name.endswith(SUFFIX):
        return path
    return path if path.is_file() and can_open_as_call(path) else None
