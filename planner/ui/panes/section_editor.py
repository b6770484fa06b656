"""One form section: its title, a text editor with the guidance as placeholder, a live count."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from planner.model.call import FormSection
from planner.model.validate import OVER, count_section
from planner.ui.i18n import fill

OVER_STYLE = "color: #c62828; font-weight: bold;"
OVER_EDIT_STYLE = "QPlainTextEdit { border: 2px solid #c62828; }"


class SectionEditor(QWidget):
    textEdited = Signal(str, str)  # section key, text

    def __init__(self, section: FormSection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.section = section
        self.title = QLabel(section.title + (" *" if section.required else ""), self)
        font = QFont(self.title.font())
        font.setBold(True)
        self.title.setFont(font)
        self.count = QLabel(self)
        self.count.setObjectName("sectionCount")
        self.edit = QPlainTextEdit(self)
        self.edit.setPlaceholderText(section.guidance)
        self.edit.setTabChangesFocus(True)
        self.edit.setMinimumHeight(110)
        self.title.setBuddy(self.edit)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.setSpacing(3)
        layout.addLayout(top)
        layout.addWidget(self.edit)
        self.edit.textChanged.connect(self._on_changed)
        self._update_count()

    def set_text(self, text: str) -> None:
        """Load text without it counting as an edit (clears undo, as a fresh file should)."""
        self.edit.blockSignals(True)
        self.edit.setPlainText(text)
        self.edit.blockSignals(False)
        self._update_count()

    def text(self) -> str:
        return self.edit.toPlainText()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._update_count()  # the count is the only translated text here
        super().changeEvent(event)

    def _on_changed(self) -> None:
        self._update_count()
        self.textEdited.emit(self.section.key, self.text())

    def _update_count(self) -> None:
        counted = count_section(self.section, self.text())  # the limit rule `validate` applies
        if counted.limit is None:
            self.count.setText(self.tr("%n characters", "", counted.count))
            _set_style(self.count, "")
            return
        over = counted.status == OVER
        text = fill(
            self.tr("{count} / {limit} characters"), count=counted.count, limit=counted.limit
        )
        if over:
            text = fill(
                self.tr("{text} — over the limit by {over}"), text=text, over=counted.over_by
            )
        self.count.setText(text)
        _set_style(self.count, OVER_STYLE if over else "")
        _set_style(self.edit, OVER_EDIT_STYLE if over else "")


def _set_style(widget: QWidget, sheet: str) -> None:
    """Only on a change: even an empty style sheet re-polishes the widget (per keystroke)."""
    if widget.styleSheet() != sheet:
        widget.setStyleSheet(sheet)
