"""What the office does to proposals in the workspace window: set their status (under the
planner's lock, planner.office.status) and keep a reviewer note (planner.office.notes).

A file open in this app's planner window gets its status there (`statusInPlannerRequested`,
wired by the main window), so the next save in the planner cannot write the old status back.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QInputDialog, QWidget

from planner.errors import PlannerError
from planner.model.call import Call
from planner.office.notes import set_note
from planner.office.status import set_status_locked
from planner.office.workspace import Entry, load_entry
from planner.ui.i18n import fill
from planner.ui.status_labels import status_label
from planner.ui.workspace.workspace_model import WorkspaceModel


class ReviewActions(QObject):
    statusInPlannerRequested = Signal(Path, str)

    def __init__(self, parent: QWidget, call: Call, model: WorkspaceModel) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.call = call
        self.model = model

    def set_status(
        self, rows: list[tuple[int, Entry]], status: str, root: Path
    ) -> tuple[str, list[str]]:
        """Set `status` for each (model row, entry); the report line and the failures."""
        from planner.storage.file_lock import LockedError

        failures: list[str] = []
        changed = 0
        for row, entry in rows:
            if entry.proposal is None:
                failures.append(
                    fill(self.tr("{file}: unreadable, fix the file first"), file=entry.name)
                )
                continue
            try:
                set_status_locked(entry.path, status, root)
            except LockedError as exc:
                if exc.holder.is_ours():  # open in our planner window: it sets and saves it
                    self.statusInPlannerRequested.emit(entry.path, status)
                    changed += 1
                else:
                    failures.append(
                        fill(
                            self.tr("{file}: open in another planner ({holder}); not changed"),
                            file=entry.name,
                            holder=exc.holder.describe(),
                        )
                    )
                continue
            except PlannerError as exc:
                failures.append(str(exc))
                continue
            self.model.replace_entry(row, load_entry(entry.path, self.call, root))
            changed += 1
        message = fill(
            self.tr("Status set to “{status}” for %n proposals.", "", changed),
            status=status_label(status),
        )
        return message, failures

    def ask_note(self, entry: Entry) -> str:
        """Ask for the note of `entry` and keep it; "" when kept or cancelled, else why not."""
        text, ok = QInputDialog.getMultiLineText(
            self.parent_widget,
            self.tr("Reviewer note"),
            fill(self.tr("Note on {file} (kept by the workspace, not sent):"), file=entry.name),
            self.model.note(entry),
        )
        workspace = self.model.workspace()
        if ok and workspace is not None:
            return self.set_note(workspace.root, entry.name, text)
        return ""

    def set_note(self, root: Path, name: str, text: str) -> str:
        """Keep the note; "" when kept, else why not."""
        try:
            set_note(root, name, text)
        except PlannerError as exc:
            return str(exc)
        self.model.reload_notes()
        return ""
