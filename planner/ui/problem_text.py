"""Problems in the interface's language: planner.model.problem_wording, asked in the language
the app is in at the moment of asking (View → Language switches it at run time). The problems
list, the workspace table's tooltips, the export report and the mail-merge report use it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from planner.model.call import Call
from planner.model.problem_wording import Coded, ProblemWording
from planner.model.problems import Problem
from planner.ui.i18n import office_language

if TYPE_CHECKING:
    from planner.office.mail_merge import RowProblem


class ProblemText(QObject):
    """Says a Problem (or a RowProblem of a sheet) in the language the app is in now."""

    def __init__(self, call: Call, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.call = call

    def _wording(self) -> ProblemWording:
        return ProblemWording(self.call, office_language())

    def severity(self, problem: Problem) -> str:
        return self._wording().severity(problem)

    def describe(self, problem: Problem) -> str:
        return self._wording().describe(problem)

    def where(self, problem: Problem) -> str:
        return self._wording().where(problem)

    def describe_row(self, problem: RowProblem, sheet: str) -> str:
        return self._wording().describe_row(problem, sheet)

    def field_label(self, problem: Problem) -> str:
        return self._wording().field_label(problem)

    def message(self, problem: Coded) -> str:
        return self._wording().message(problem)
