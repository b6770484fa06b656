"""The proposal's outline: its sections with their counts and limits; a click jumps there."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from planner.model.call import Call
from planner.model.proposal import Proposal
from planner.model.validate import OVER, section_count
from planner.ui.i18n import fill

_OVER = QColor(0xC6, 0x28, 0x28)


class OutlinePane(QWidget):
    sectionActivated = Signal(str)  # a section's key

    def __init__(self, call: Call, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.call = call
        self.list = QListWidget(self)
        self.list.setObjectName("outline")
        self.list.setWordWrap(True)
        self.list.itemActivated.connect(self._activated)
        self.list.itemClicked.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        self.retranslate()

    def retranslate(self) -> None:
        self.list.setAccessibleName(self.tr("Outline of the proposal"))

    def show_proposal(self, proposal: Proposal, call: Call) -> None:
        self.call = call
        current = self.list.currentRow()
        self.list.clear()
        for section in call.form:
            counted = section_count(section, proposal.sections.get(section.key, ""))
            if counted.limit is None:
                count = self.tr("%n characters", "", counted.count)
            else:
                count = fill(self.tr("{count} / {limit}"), count=counted.count, limit=counted.limit)
            item = QListWidgetItem(f"{section.title}\n    {count}", self.list)
            item.setData(Qt.ItemDataRole.UserRole, section.key)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{section.title}: {count}")
            if counted.status == OVER:
                item.setForeground(QBrush(_OVER))
        if 0 <= current < self.list.count():
            self.list.setCurrentRow(current)

    def _activated(self, item: QListWidgetItem) -> None:
        self.sectionActivated.emit(str(item.data(Qt.ItemDataRole.UserRole)))
