"""Edit → Undo, Redo, Cut, Copy, Paste, Select All: they act on the field that has the focus,
and what can be dropped on the window (a file or a folder it opens)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

from planner.formats.proposal_file import SUFFIX
from planner.importer.any_call import can_open_as_call


def has_text_undo(widget: QWidget | None, command: str) -> bool:
    """Whether `widget` is a text field with something of its own to undo (or redo)."""
    if isinstance(widget, QLineEdit):
        return widget.isUndoAvailable() if command == "undo" else widget.isRedoAvailable()
    if isinstance(widget, (QTextEdit, QPlainTextEdit)):
        doc = widget.document()
        return doc.isUndoAvailable() if command == "undo" else doc.isRedoAvailable()
    return False


def run_window_edit(widget: QWidget | None, command: str, undo_stack: QUndoStack) -> None:
    """Edit → `command` in the window: undo and redo outside a text field (or in one with
    nothing to undo) act on the window's own changes, `undo_stack`."""
    if command in ("undo", "redo") and not has_text_undo(widget, command):
        (undo_stack.undo if command == "undo" else undo_stack.redo)()
        return
    run_edit_command(widget, command)


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
