"""New proposals from a sheet…: one pre-filled proposal per applicant of an .xlsx/.csv sheet,
made in the workspace by `planner.office.mail_merge`, never overwriting a file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from planner.errors import PlannerError
from planner.model.call import Call
from planner.office.mail_merge import plan_mail_merge, write_proposal_files
from planner.ui.i18n import fill
from planner.ui.problem_text import ProblemText


class MergeAction(QObject):
    def __init__(self, parent: QWidget, call: Call) -> None:
        super().__init__(parent)
        self.parent_widget = parent  # message boxes are shown over it
        self.call = call
        self.problem_text = ProblemText(call, self)  # bad rows, in the UI's language

    def choose_sheet(self) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(
            self.parent_widget,
            self.tr("New proposals from an applicants sheet"),
            "",
            self.tr("Applicant sheets (*.xlsx *.csv)"),
        )
        return Path(name) if name else None

    def merge(self, sheet: Path, folder: Path) -> list[str] | None:
        """Make the proposal files in `folder`; the report's lines, None if nothing was made."""
        try:
            plan = plan_mail_merge(sheet, self.call, folder)
        except PlannerError as exc:  # unreadable sheet, no name or topic column: nothing made
            QMessageBox.warning(self.parent_widget, self.tr("No proposals made"), str(exc))
            return None
        try:
            write_proposal_files(plan)
        except PlannerError as exc:  # a file could not be written: say so, show what was made
            QMessageBox.warning(
                self.parent_widget, self.tr("Not every proposal was made"), str(exc)
            )
        count = len(plan.items)
        lines = [
            fill(self.tr("New proposals from {sheet}: {count}"), sheet=sheet.name, count=count)
        ]
        lines += [
            fill(
                self.tr("Row {row}: {file} exists and was left as it is."),
                row=item.row,
                file=item.proposal_path.name,
            )
            for item in plan.kept
        ]
        lines += [self.problem_text.describe_row(p, sheet.name) for p in plan.problems]
        return lines + plan.notes
