"""The proposal's references as the document will print them (GB/T 7714-2015, numbered in
order of first citation), with add, delete and import. Changes go to the window (signals),
which applies them as undoable steps."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planner.model.proposal import Proposal
from planner.ui.i18n import fill

_GREY = QColor(0x80, 0x80, 0x80)


class ReferencesPane(QWidget):
    addRequested = Signal()
    importRequested = Signal()
    deleteRequested = Signal(str)  # a reference's id
    editRequested = Signal(str)  # a reference's id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setObjectName("references")
        self.list.setWordWrap(True)
        self.add = QPushButton(self)
        self.import_ = QPushButton(self)
        self.edit = QPushButton(self)
        self.delete = QPushButton(self)
        self.edit.clicked.connect(self._edit)
        self.list.itemActivated.connect(lambda _item: self._edit())
        self.add.clicked.connect(self.addRequested)
        self.import_.clicked.connect(self.importRequested)
        self.delete.clicked.connect(self._delete)
        buttons = QHBoxLayout()
        for button in (self.add, self.edit, self.import_, self.delete):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.note)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.note.setText(
            self.tr("As the document prints them (GB/T 7714-2015), in order of first citation.")
        )
        self.list.setAccessibleName(self.tr("References"))
        self.add.setText(self.tr("&New reference…"))
        self.import_.setText(self.tr("&Import .bib / .ris…"))
        self.edit.setText(self.tr("&Edit…"))
        self.delete.setText(self.tr("&Delete"))

    def show_proposal(self, proposal: Proposal, numbers: dict[str, int]) -> None:
        from planner.references.gbt7714 import format_reference

        self.list.clear()
        ordered = sorted(
            proposal.references, key=lambda r: numbers.get(str(r.get("id", "")), 10**9)
        )
        for item in ordered:
            key = str(item.get("id", ""))
            number = numbers.get(key)
            text = format_reference(item)
            if number is not None:
                row = QListWidgetItem(f"[{number}] {text}", self.list)
            else:
                row = QListWidgetItem(
                    fill(self.tr("(not cited: [@{key}]) {text}"), key=key, text=text), self.list
                )
                row.setForeground(QBrush(_GREY))
            row.setData(Qt.ItemDataRole.UserRole, key)
            row.setToolTip(f"[@{key}]")

    def select_key(self, key: str) -> None:
        for i in range(self.list.count()):
            if self.list.item(i).data(Qt.ItemDataRole.UserRole) == key:
                self.list.setCurrentRow(i)
                self.list.setFocus()
                return

    def _delete(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.deleteRequested.emit(str(item.data(Qt.ItemDataRole.UserRole)))

    def _edit(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.editRequested.emit(str(item.data(Qt.ItemDataRole.UserRole)))
