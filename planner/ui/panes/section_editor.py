"""One form section: its title, a rich text box with the guidance as placeholder, a live count.

The box shows what the document will show (bold, lists, sub-headings, tables, figures,
citations as [n]); the proposal keeps the documented Markdown. The Markdown as loaded is kept
until the user edits this section, so opening and saving a file without an edit writes the
same bytes. The conversion (planner/ui/editor/section_text.py) is imported on first use: an
empty section at start-up costs a plain QTextEdit.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, Signal
from PySide6.QtGui import QFont, QTextCursor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from planner.model.call import FormSection
from planner.model.validate import OVER, section_count
from planner.ui.editor.rich_edit import RichTextEdit
from planner.ui.i18n import fill

OVER_STYLE = "color: #c62828; font-weight: bold;"
OVER_EDIT_STYLE = "QTextEdit { border: 2px solid #c62828; }"


class SectionEditor(QWidget):
    textEdited = Signal(str, str)  # section key, Markdown
    focused = Signal(str)  # section key: its box has the keyboard (the toolbar acts on it)

    def __init__(self, section: FormSection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.section = section
        self.title = QLabel(section.title + (" *" if section.required else ""), self)
        font = QFont(self.title.font())
        font.setBold(True)
        self.title.setFont(font)
        self.count = QLabel(self)
        self.count.setObjectName("sectionCount")
        self.edit = RichTextEdit(self)
        self.edit.setPlaceholderText(section.guidance)
        self.edit.setAccessibleName(section.title)
        self.edit.setAccessibleDescription(section.guidance)
        self.title.setBuddy(self.edit)
        self.guidance = QLabel(section.guidance, self)  # shown in focus mode
        self.guidance.setWordWrap(True)
        self.guidance.setObjectName("sectionGuidance")
        self.guidance.setStyleSheet("color: palette(mid);")
        self.guidance.hide()
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.setSpacing(3)
        layout.addLayout(top)
        layout.addWidget(self.guidance)
        layout.addWidget(self.edit)
        self._markdown = ""  # as loaded, or as last read from the box after an edit
        self._rich = False  # the box holds the writer's document (not Qt's default one)
        self._loading = False
        self.numbers: Mapping[str, int] = {}
        self.base: Path | None = None
        self.figure_folder: Callable[[], Path | None] = lambda: None
        self.edit.paste_handler = self._paste
        self.edit.copy_handler = self._copy
        self.edit.focusEntered.connect(self._on_focus)
        self._connect_document()
        self._update_count()

    def set_text(
        self, text: str, numbers: Mapping[str, int] | None = None, base: Path | None = None
    ) -> None:
        """Load Markdown without it counting as an edit (clears undo, as a fresh file should)."""
        self._markdown = text
        self.numbers = numbers or {}
        self.edit.live_numbers.citations = self.numbers
        self.base = base
        self._loading = True
        if text.strip():
            from planner.ui.editor.section_text import load

            load(self.edit, text, self.numbers, base)
            self._rich = True
            self._connect_document()
        elif self._rich:
            self._reset_empty()
        else:
            self.edit.clear()
        self._loading = False
        self._update_count()

    def _reset_empty(self) -> None:
        from planner.ui.editor.section_text import write_blocks

        write_blocks(self.edit, (), self.numbers, self.base)
        self._connect_document()

    def ensure_rich(self) -> None:
        """The writer's empty document with its formats, before the first key is typed."""
        if not self._rich:
            self._loading = True
            self._reset_empty()
            self._rich = True
            self._loading = False

    def text(self) -> str:
        return self._markdown

    def show_guidance(self, on: bool) -> None:
        self.guidance.setVisible(on and bool(self.section.guidance))

    def paste_context(self):  # -> PasteContext (imported with the paste, on first use)
        from planner.ui.editor.paste import PasteContext

        return PasteContext(self.numbers, self.base, self.figure_folder, self._refuse)

    def renumber(self, numbers: Mapping[str, int]) -> None:
        """Show each citation's [n] as `numbers` say: a repaint (the text, the Markdown and
        the box's undo history do not change)."""
        if numbers == self.numbers:
            return
        self.numbers = self.edit.live_numbers.citations = numbers
        if self._rich and "@" in self._markdown:
            from planner.ui.editor.section_text import redraw_numbers

            redraw_numbers(self.edit.document(), labels=False)

    def set_caption_starts(self, tables: int, figures: int) -> None:
        """The tables and figures of the sections before this one: its 表 N / 图 N go on."""
        live = self.edit.live_numbers
        if (live.tables_before, live.figures_before) == (tables, figures):
            return
        live.tables_before, live.figures_before = tables, figures
        self.redraw_labels()

    def redraw_labels(self) -> None:
        if self._rich:
            from planner.ui.editor.section_text import redraw_numbers

            redraw_numbers(self.edit.document(), citations=False)

    def select_citation(self, cited: str) -> bool:
        """Select the first citation that cites `cited`; False when there is none."""
        from planner.ui.pages.marks import CITATION_KEYS

        block = self.edit.document().begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                it += 1
                keys = fragment.charFormat().property(CITATION_KEYS)
                if keys and cited in [k.strip() for k in str(keys).split(";")]:
                    cursor = self.edit.textCursor()
                    cursor.setPosition(fragment.position())
                    cursor.setPosition(
                        fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor
                    )
                    self.edit.setTextCursor(cursor)
                    return True
            block = block.next()
        return False

    def _copy(self, cursor: QTextCursor) -> str:
        from planner.ui.editor.paste import selection_markdown

        return selection_markdown(cursor)

    def _paste(self, source: QMimeData, cursor: QTextCursor) -> bool:
        self.ensure_rich()
        from planner.ui.editor.paste import paste

        return paste(source, cursor, self.paste_context())

    def _refuse(self, what: str) -> None:
        from planner.ui.dialogs import messages as dialogs

        if not what:
            text = self.tr(
                "Save the proposal first: its pictures are kept in a folder beside its file."
            )
        else:
            text = fill(self.tr("This picture cannot be inserted: {file}"), file=what)
        dialogs.show_error(self, self.tr("Picture not inserted"), text)

    def _connect_document(self) -> None:
        self.edit.document().contentsChanged.connect(self._on_changed)

    def _on_focus(self) -> None:
        self.ensure_rich()
        self.focused.emit(self.section.key)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._update_count()  # the count is the only translated text here
        super().changeEvent(event)

    def _on_changed(self) -> None:
        if self._loading:
            return
        from planner.ui.editor.section_text import markdown_of

        markdown = markdown_of(self.edit.document())
        if markdown == self._markdown or (not markdown.strip() and not self._markdown.strip()):
            return  # a format change the Markdown does not hold, or the same text again
        self._markdown = markdown
        self._update_count()
        self.textEdited.emit(self.section.key, markdown)

    def _update_count(self) -> None:
        counted = section_count(self.section, self._markdown)  # the rule `validate` applies
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
