"""Edit → Find and Replace (Ctrl+H) in the proposal's own text: every section's box, in form
order. Replacing edits the boxes, so each replacement is undone there (Ctrl+Z)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextEdit,
    QWidget,
)

from planner.ui.i18n import fill


class FindReplaceDialog(QDialog):
    # the search field, under the name of QWidget.find(id), which nothing calls here
    find: QLineEdit  # type: ignore[assignment]

    def __init__(
        self,
        boxes: Callable[[], Sequence[QTextEdit]],
        reveal: Callable[[QTextEdit], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.boxes = boxes
        self.reveal = reveal
        self.setWindowTitle(self.tr("Find and replace in the proposal"))
        form = QFormLayout(self)
        self.find = QLineEdit(self)
        self.replace = QLineEdit(self)
        form.addRow(self.tr("&Find:"), self.find)
        form.addRow(self.tr("Replace &with:"), self.replace)
        self.find.setAccessibleName(self.tr("Find"))
        self.replace.setAccessibleName(self.tr("Replace with"))
        self.status = QLabel(self)
        form.addRow(self.status)
        buttons = QDialogButtonBox(self)
        self.next_button = QPushButton(self.tr("Find &next"), self)
        self.replace_button = QPushButton(self.tr("&Replace"), self)
        self.all_button = QPushButton(self.tr("Replace &all"), self)
        for button in (self.next_button, self.replace_button, self.all_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.next_button.clicked.connect(self.find_next)
        self.replace_button.clicked.connect(self.replace_one)
        self.all_button.clicked.connect(self.replace_all)
        self.next_button.setDefault(True)
        form.addRow(buttons)
        self.adjustSize()

    def find_next(self) -> bool:
        needle = self.find.text()
        if not needle:
            return False
        boxes = list(self.boxes())
        start = next((i for i, b in enumerate(boxes) if b.textCursor().hasSelection()), 0)
        order = boxes[start:] + boxes[:start]
        for n, box in enumerate(order):
            cursor = box.textCursor() if n == 0 else QTextCursor(box.document())
            found = box.document().find(needle, cursor, QTextDocument.FindFlag(0))
            if not found.isNull():
                for other in boxes:
                    if other is not box:
                        c = other.textCursor()
                        c.clearSelection()
                        other.setTextCursor(c)
                box.setTextCursor(found)
                self.reveal(box)
                self.status.setText("")
                return True
        self.status.setText(fill(self.tr("“{text}” is not in the proposal."), text=needle))
        return False

    def replace_one(self) -> None:
        for box in self.boxes():
            cursor = box.textCursor()
            if cursor.hasSelection() and cursor.selectedText() == self.find.text():
                cursor.insertText(self.replace.text())
                break
        self.find_next()

    def replace_all(self) -> int:
        needle, count = self.find.text(), 0
        if not needle:
            return 0
        for box in self.boxes():
            doc = box.document()
            cursor = QTextCursor(doc)
            edit = QTextCursor(doc)
            edit.beginEditBlock()  # one undo step per box
            while True:
                cursor = doc.find(needle, cursor)
                if cursor.isNull():
                    break
                cursor.insertText(self.replace.text())
                count += 1
            edit.endEditBlock()
        self.status.setText(self.tr("%n replaced.", "", count))
        return count
