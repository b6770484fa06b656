"""The problems list, like an IDE's: every validation problem of the open proposal."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QStyle, QTreeWidget, QTreeWidgetItem, QWidget

from planner.problems import Problem

FIELD_ROLE = Qt.ItemDataRole.UserRole


class ProblemsPane(QTreeWidget):
    problemActivated = Signal(str)  # the problem's field, e.g. "sections.budget"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setColumnCount(3)
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.itemActivated.connect(self._on_activated)
        self.retranslate()

    def retranslate(self) -> None:
        self.setHeaderLabels([self.tr("Severity"), self.tr("Field"), self.tr("Problem")])

    def set_problems(self, problems: list[Problem]) -> None:
        self.clear()
        style = self.style()
        icons = {
            True: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
            False: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
        }
        # errors first: they make the proposal invalid
        for problem in sorted(problems, key=lambda p: not p.is_error):
            severity = self.tr("Error") if problem.is_error else self.tr("Warning")
            item = QTreeWidgetItem(self, [severity, problem.field, problem.message])
            item.setIcon(0, icons[problem.is_error])
            item.setData(0, FIELD_ROLE, problem.field)
            item.setToolTip(2, problem.message)
        for column in (0, 1):
            self.resizeColumnToContents(column)

    def rows(self) -> list[tuple[str, str, str]]:
        return [
            tuple(self.topLevelItem(i).text(c) for c in range(3))  # type: ignore[misc]
            for i in range(self.topLevelItemCount())
        ]

    def _on_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        self.problemActivated.emit(str(item.data(0, FIELD_ROLE)))
