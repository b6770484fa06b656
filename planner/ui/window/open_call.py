"""File → Open call…: load a call file, or import a text/Markdown/.docx call after a report.

The main window calls `open_call_file(parent, path)` and switches to the call it returns.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from planner.errors import PlannerError
from planner.formats.call_file import load_call
from planner.importer.call_import import IMPORT_SUFFIXES, import_call_file
from planner.model.call import Call
from planner.ui.dialogs.call_import_dialog import CallImportDialog
from planner.ui.window.recent_calls import remember_call

# Called as translate("OpenCall", "…") with the literal context: lupdate only collects the
# strings it can see at the call (a helper wrapping translate() would hide them from the .ts).
translate = QCoreApplication.translate


def call_file_filter() -> str:
    """The file dialog filter for Open call…"""
    imports = " ".join(f"*{s}" for s in IMPORT_SUFFIXES)
    return ";;".join(
        (
            translate("OpenCall", "Calls") + f" (*.yaml *.yml {imports})",
            translate("OpenCall", "Call files") + " (*.yaml *.yml)",
            translate("OpenCall", "Topic lists to import") + f" ({imports})",
        )
    )


def open_call_file(
    parent: QWidget | None, path: Path, settings: QSettings | None = None
) -> Call | None:
    """The call in `path`, or None when it cannot be read or the user declines the import.

    Problems are shown to the user here; a call that was used goes into the recent list.
    """
    path = Path(path)
    try:
        imported = path.suffix.lower() in IMPORT_SUFFIXES
        call = _import(parent, path) if imported else load_call(path)
    except PlannerError as exc:
        QMessageBox.warning(parent, translate("OpenCall", "Cannot open the call"), str(exc))
        return None
    if call is not None:
        remember_call(path, settings)
    return call


def _import(parent: QWidget | None, path: Path) -> Call | None:
    call, report = import_call_file(path)
    if not call.areas:
        QMessageBox.warning(
            parent,
            translate("OpenCall", "Cannot open the call"),
            translate("OpenCall", "{file}: no numbered area or topic headings were found.").format(
                file=path.name
            ),
        )
        return None
    dialog = CallImportDialog(call, report, path, parent)
    return call if dialog.exec() == QDialog.DialogCode.Accepted else None
