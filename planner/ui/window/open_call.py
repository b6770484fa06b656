"""File → Open Call…: load a call file, or import a text/Markdown/.docx call after a report.

`planner.importer.any_call.load_any_call` decides which and reads it; this module only asks:
it shows what went wrong, or the import report for the user to accept.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from planner.errors import PlannerError
from planner.importer.any_call import CALL_FILE_SUFFIXES, IMPORT_SUFFIXES, load_any_call
from planner.model.call import Call
from planner.ui.dialogs.call_import_dialog import CallImportDialog

# Called as translate("OpenCall", "…") with the literal context: lupdate only collects the
# strings it can see at the call (a helper wrapping translate() would hide them from the .ts).
translate = QCoreApplication.translate


def call_file_filter() -> str:
    """The file dialog filter for Open call…"""
    imports = " ".join(f"*{s}" for s in IMPORT_SUFFIXES)
    files = " ".join(f"*{s}" for s in CALL_FILE_SUFFIXES)
    return ";;".join(
        (
            translate("OpenCall", "Calls") + f" ({files} {imports})",
            translate("OpenCall", "Call files") + f" ({files})",
            translate("OpenCall", "Topic lists to import") + f" ({imports})",
        )
    )


def ask_call(parent: QWidget | None, path: Path | None) -> Call | None:
    """The call in `path` (None: the built-in one), or None when it cannot be read or the user
    declines the import. Problems are shown to the user here; nothing is remembered."""
    asked = ask_call_source(parent, path)
    return asked[0] if asked is not None else None


def ask_call_source(parent: QWidget | None, path: Path | None) -> tuple[Call, Path | None] | None:
    """As `ask_call`, with the file to remember for it: `path`, or the call file the user saved
    from the import dialog (Save call as…), which keeps the id and title they gave it at the
    next start, where the topic list would be imported again under its own title."""
    try:
        loaded = load_any_call(path)
    except PlannerError as exc:
        QMessageBox.warning(parent, translate("OpenCall", "Cannot open the call"), str(exc))
        return None
    if loaded.report is None or loaded.path is None:
        return loaded.call, path
    dialog = CallImportDialog(loaded.call, loaded.report, loaded.path, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    call = dialog.call()
    saved = dialog.saved_to
    if saved is not None and dialog.saved_call == call:
        return call, saved
    return call, path
