"""The problems list, like an IDE's: every validation problem of the open proposal, worded
by planner.ui.problem_text in the interface's language."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from planner.model.call import Call
from planner.model.problems import Problem
from planner.ui.icons import ui_icon
from planner.ui.problem_text import ProblemText

FIELD_ROLE = Qt.ItemDataRole.UserRole
CITED_ROLE = Qt.ItemDataRole.UserRole + 1  # an unknown citation's key: the place to show


class ProblemsPane(QTreeWidget):
    problemActivated = Signal(str)  # the problem's field, e.g. "sections.budget"

    def __init__(self, call: Call, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = ProblemText(call, self)
        self._problems: list[Problem] = []
        self._error_icon = ui_icon("error", "dialog-error")
        self._warning_icon = ui_icon("warning", "dialog-warning")
        self.setColumnCount(3)
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.itemActivated.connect(self._on_activated)
        self.activated_citation = ""  # while problemActivated is emitted: its cited key
        self.retranslate()

    def retranslate(self) -> None:
        self.setHeaderLabels([self.tr("Severity"), self.tr("Field"), self.tr("Problem")])
        self._show()

    def set_call(self, call: Call) -> None:
        """Section titles come from the call's form."""
        self.text.call = call
        self._show()

    def set_problems(self, problems: list[Problem]) -> None:
        # each edit revalidates: rebuilding an unchanged list (and sizing its columns) is waste
        if problems == self._problems and self.topLevelItemCount() == len(problems):
            return
        self._problems = list(problems)
        self._show()

    def _show(self) -> None:
        self.clear()
        icons = {True: self._error_icon, False: self._warning_icon}
        # errors first: they make the proposal invalid
        for problem in sorted(self._problems, key=lambda p: not p.is_error):
            message = self.text.message(problem)
            item = QTreeWidgetItem(
                self,
                [self.text.severity(problem), self.text.field_label(problem), message],
            )
            item.setIcon(0, icons[problem.is_error])
            item.setData(0, FIELD_ROLE, problem.field)
            item.setData(0, CITED_ROLE, str(problem.params.get("key", "")))
            if problem.code != "unknown_citation":
                item.setData(0, CITED_ROLE, "")
            where = problem.field
            if problem.line is not None:
                where += "  " + self.text.where(problem)
            item.setToolTip(1, where)
            item.setToolTip(2, message)
        gap = self.fontMetrics().height()  # else the longest label touches the next column
        for column in (0, 1):
            self.resizeColumnToContents(column)
            self.setColumnWidth(column, self.columnWidth(column) + gap)

    def rows(self) -> list[tuple[str, str, str]]:
        """What the list shows: severity, field label, message."""
        return [(item.text(0), item.text(1), item.text(2)) for item in self._items()]

    def fields(self) -> list[str]:
        """The field path of each row, in row order."""
        return [str(item.data(0, FIELD_ROLE)) for item in self._items()]

    def _items(self) -> list[QTreeWidgetItem]:
        items = (self.topLevelItem(i) for i in range(self.topLevelItemCount()))
        return [item for item in items if item is not None]  # none is, below the count

    def _on_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        self.activated_citation = str(item.data(0, CITED_ROLE) or "")
        self.problemActivated.emit(str(item.data(0, FIELD_ROLE)))
        self.activated_citation = ""
