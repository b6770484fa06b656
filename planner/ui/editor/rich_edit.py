"""The rich text box of one section: formatting as Word users expect, growing with its text.

Shortcuts work whether or not the formatting toolbar was built: Ctrl+B, Ctrl+I, Ctrl+.
(superscript), Ctrl+, (subscript), Ctrl+Shift+L / Ctrl+Shift+N (bullets / numbers),
Ctrl+1..3 (sub-heading), Ctrl+0 (body text), Ctrl+Space (clear formatting).
Tab indents a list item (Shift+Tab outdents), moves to the next cell in a table, and leaves
the box anywhere else (so the keyboard can still walk the window).
The box has no scroll bar of its own: it is as tall as its text, the pane scrolls.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QMimeData, QPointF, QSize, Qt, Signal
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFocusEvent,
    QFont,
    QInputMethodEvent,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextListFormat,
    QTextTable,
)
from PySide6.QtWidgets import QFrame, QSizePolicy, QTextEdit, QWidget

from planner.ui.editor.heading_numbers import paint_heading_numbers
from planner.ui.editor.live_numbers import LiveNumbers, shown_text
from planner.ui.pages.marks import BOLD, CITATION_KEYS, CITATION_SERIAL, LABEL

_STICKY = (CITATION_KEYS, CITATION_SERIAL, LABEL)  # never carried on to typed text
SUPERSCRIPT = _SUPER = QTextCharFormat.VerticalAlignment.AlignSuperScript
SUBSCRIPT = _SUB = QTextCharFormat.VerticalAlignment.AlignSubScript
_NORMAL = QTextCharFormat.VerticalAlignment.AlignNormal
_PICTURES = (".png", ".jpg", ".jpeg", ".gif", ".bmp")
MARKDOWN_MIME = "application/x-proposal-planner-markdown"
MIN_LINES = 3
MIN_HEIGHT_PX = 104  # an empty section: room for a few lines, as the plain boxes had


class RichTextEdit(QTextEdit):
    """A QTextEdit whose document the editor's writer fills and its reader reads."""

    focusEntered = Signal()
    # (mime data, cursor) → True when the paste was handled (figures, HTML, text)
    paste_handler: Callable[[QMimeData, QTextCursor], bool] | None = None
    # the selection at a cursor → its Markdown (a copy within the app)
    copy_handler: Callable[[QTextCursor], str] | None = None
    # level 0..3 → the writer's block and character formats for body text / a sub-heading
    block_styles: Callable[[int], tuple[QTextBlockFormat, QTextCharFormat]] | None = None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptRichText(True)
        self.setTabChangesFocus(False)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._watched: QAbstractTextDocumentLayout | None = None
        self.live_numbers = LiveNumbers()  # what its number objects draw (the SectionEditor's)
        self._watch_document()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        painter = QPainter(self.viewport())
        painter.setPen(self.palette().text().color())
        scroll = QPointF(self.horizontalScrollBar().value(), self.verticalScrollBar().value())
        paint_heading_numbers(painter, self.document(), scroll)
        painter.end()

    # -- growing with the text
    def setDocument(self, document: QTextDocument) -> None:
        super().setDocument(document)
        self._watch_document()

    def _watch_document(self) -> None:
        layout = self.document().documentLayout()
        if layout is not self._watched:
            self._watched = layout
            layout.documentSizeChanged.connect(lambda _size: self._fit_height())
        self._fit_height()

    def _fit_height(self) -> None:
        line = self.fontMetrics().lineSpacing()
        text = self.document().size().height()
        frame = 2 * self.frameWidth() + 4
        self.setFixedHeight(int(max(text, MIN_LINES * line * 1.6, MIN_HEIGHT_PX)) + frame)

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_height()  # narrower: more lines

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.focusEntered.emit()

    # -- typing
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._shortcut(event):
            event.accept()
            return
        key = event.key()
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            back = key == Qt.Key.Key_Backtab or bool(
                event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            )
            if self._tab(back):
                event.accept()
                return
            QWidget.focusNextPrevChild(self, not back)  # QTextEdit's own refuses when editable
            event.accept()
            return
        if key in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete) and self._delete_citation(
            key == Qt.Key.Key_Backspace
        ):
            event.accept()
            return
        if event.text() and event.text().isprintable():
            self._unstick()
        super().keyPressEvent(event)

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:
        if event.commitString():
            self._unstick()
        super().inputMethodEvent(event)

    def _unstick(self) -> None:
        """Text typed after a citation or a caption's label is the user's own text."""
        fmt = self.textCursor().charFormat()
        if not any(fmt.hasProperty(p) for p in _STICKY):
            return
        clean = QTextCharFormat(fmt)
        for prop in _STICKY:
            clean.clearProperty(prop)
        clean.clearProperty(QTextFormat.Property.ObjectType)  # after a number object
        if fmt.hasProperty(CITATION_KEYS):
            clean.setVerticalAlignment(_NORMAL)
        self.setCurrentCharFormat(clean)

    def _delete_citation(self, backwards: bool) -> bool:
        """Backspace or Delete next to a citation removes it whole, as Word does a field."""
        cursor = self.textCursor()
        if cursor.hasSelection():
            return False
        probe = QTextCursor(cursor)
        if backwards:
            if probe.atBlockStart():
                return False
            fmt = probe.charFormat()  # of the character before the cursor
        else:
            if probe.atBlockEnd():
                return False
            probe.movePosition(QTextCursor.MoveOperation.NextCharacter)
            fmt = probe.charFormat()
        if not fmt.hasProperty(CITATION_SERIAL):
            return False
        serial = fmt.property(CITATION_SERIAL)
        block = cursor.block()
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            it += 1
            if fragment.charFormat().property(CITATION_SERIAL) == serial:
                start = fragment.position()
                end = start + fragment.length()
                if start <= cursor.position() <= end:
                    cursor.setPosition(start)
                    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
                    cursor.removeSelectedText()
                    return True
        return False

    def _shortcut(self, event: QKeyEvent) -> bool:
        ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if not ctrl:
            return False
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        key = event.key()
        actions: dict[int, Callable[[], None]] = {
            Qt.Key.Key_B: self.toggle_bold,
            Qt.Key.Key_I: self.toggle_italic,
            Qt.Key.Key_Period: lambda: self.toggle_script(_SUPER),
            Qt.Key.Key_Comma: lambda: self.toggle_script(_SUB),
            Qt.Key.Key_Space: self.clear_formatting,
            Qt.Key.Key_0: lambda: self.set_heading(0),
            Qt.Key.Key_1: lambda: self.set_heading(1),
            Qt.Key.Key_2: lambda: self.set_heading(2),
            Qt.Key.Key_3: lambda: self.set_heading(3),
        }
        if shift:
            actions = {
                Qt.Key.Key_L: lambda: self.make_list(False),
                Qt.Key.Key_N: lambda: self.make_list(True),
            }
        action = actions.get(key)
        if action is None or self.isReadOnly():
            return False
        action()
        return True

    def _tab(self, back: bool) -> bool:
        cursor = self.textCursor()
        table = cursor.currentTable()
        if table is not None:
            self._next_cell(table, cursor, back)
            return True
        if cursor.currentList() is not None and not self.isReadOnly():
            self.indent(-1 if back else 1)
            return True
        return False

    def _next_cell(self, table: QTextTable, cursor: QTextCursor, back: bool) -> None:
        cell = table.cellAt(cursor)
        index = cell.row() * table.columns() + cell.column() + (-1 if back else 1)
        if index >= table.rows() * table.columns() and not self.isReadOnly():
            table.appendRows(1)  # Tab in the last cell adds a row, as in Word
        index = max(0, min(index, table.rows() * table.columns() - 1))
        target = table.cellAt(index // table.columns(), index % table.columns())
        self.setTextCursor(target.lastCursorPosition())

    # -- formatting (the toolbar calls these too)
    def _merge(self, fmt: QTextCharFormat) -> None:
        """On the selection; without one, on the word the cursor is in (as Word does) and on
        what is typed next. One undo step either way."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            word = QTextCursor(cursor)
            word.select(QTextCursor.SelectionType.WordUnderCursor)
            if (
                word.hasSelection()
                and word.selectionStart() < cursor.position() < word.selectionEnd()
            ):
                word.mergeCharFormat(fmt)
        self.mergeCurrentCharFormat(fmt)  # the selection (one step) and the typing format

    def toggle_bold(self) -> None:
        current = self.currentCharFormat()
        if self._bold_by_style():  # a heading or a table's first row: bold is the mark
            bold = current.boolProperty(BOLD)
        else:
            bold = current.fontWeight() > QFont.Weight.Normal.value
        fmt = QTextCharFormat()
        if bold and not self._bold_by_style():
            fmt.setFontWeight(QFont.Weight.Normal)
        elif not bold:
            fmt.setFontWeight(QFont.Weight.Bold)
        fmt.setProperty(BOLD, not bold)
        self._merge(fmt)

    def _bold_by_style(self) -> bool:
        cursor = self.textCursor()
        table = cursor.currentTable()
        if table is not None and table.cellAt(cursor).row() == 0:
            return True
        return cursor.blockFormat().headingLevel() > 0

    def toggle_italic(self) -> None:
        fmt = QTextCharFormat()
        fmt.setFontItalic(not self.fontItalic())
        self._merge(fmt)

    def toggle_script(self, align: QTextCharFormat.VerticalAlignment) -> None:
        fmt = QTextCharFormat()
        current = self.currentCharFormat().verticalAlignment()
        fmt.setVerticalAlignment(_NORMAL if current == align else align)
        self._merge(fmt)

    def clear_formatting(self) -> None:
        """Bold, italic and scripts off; a sub-heading or list item back to body text."""
        cursor = self.textCursor()
        cursor.beginEditBlock()
        plain = QTextCharFormat()
        plain.setFontWeight(QFont.Weight.Normal)
        plain.setFontItalic(False)
        plain.setVerticalAlignment(_NORMAL)
        plain.setProperty(BOLD, False)
        if cursor.hasSelection():
            cursor.mergeCharFormat(plain)
        self.mergeCurrentCharFormat(plain)
        cursor.endEditBlock()
        if cursor.currentList() is not None:
            _remove_from_list(cursor)
        elif cursor.blockFormat().headingLevel() > 0:
            self.set_heading(0)

    def set_heading(self, level: int) -> None:
        """Level 1..3: a sub-heading of the section; 0: body text again."""
        styler = self.block_styles
        cursor = self.textCursor()
        cursor.beginEditBlock()
        if cursor.currentList() is not None:
            _remove_from_list(cursor)
        if styler is not None:
            block, char = styler(level)
            cursor.setBlockFormat(block)
            select = QTextCursor(cursor)
            select.movePosition(QTextCursor.MoveOperation.StartOfBlock)
            select.movePosition(
                QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor
            )
            select.setCharFormat(char)
            cursor.setBlockCharFormat(char)
            self.setCurrentCharFormat(char)
        cursor.endEditBlock()

    def make_list(self, ordered: bool) -> None:
        """The paragraph (or the selected ones) become a list; again: back to paragraphs."""
        cursor = self.textCursor()
        style = QTextListFormat.Style.ListDecimal if ordered else QTextListFormat.Style.ListDisc
        current = cursor.currentList()
        cursor.beginEditBlock()
        if current is not None and current.format().style() == style:
            _remove_from_list(cursor)
        elif current is not None:
            fmt = current.format()
            fmt.setStyle(style)
            current.setFormat(fmt)
        else:
            if cursor.blockFormat().headingLevel() > 0:
                self.set_heading(0)
            fmt = QTextListFormat()
            fmt.setStyle(style)
            fmt.setIndent(2)  # the writer's first level (text at 42 pt, as the .docx)
            cursor.createList(fmt)
        cursor.endEditBlock()

    def indent(self, delta: int) -> None:
        """Tab / Shift+Tab in a list: one level deeper or shallower (at most 9 levels)."""
        from planner.ui.editor.list_levels import change_list_level  # on use: off the start path

        change_list_level(self.textCursor(), delta)

    # -- pasting
    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return source.hasImage() or source.hasUrls() or super().canInsertFromMimeData(source)

    def insertFromMimeData(self, source: QMimeData) -> None:
        handler = self.paste_handler
        if handler is not None and not self.isReadOnly() and handler(source, self.textCursor()):
            self.ensureCursorVisible()
            return
        if source.hasText():
            self.textCursor().insertText(source.text())

    def createMimeDataFromSelection(self) -> QMimeData:
        """Qt's HTML and text, and the selection's Markdown: a copy within the app keeps its
        citations, figures and captions (HTML cannot carry them)."""
        qt = super().createMimeDataFromSelection()
        if self.copy_handler is None:
            return qt
        # Qt's own mime data lists a fixed set of formats: copied into a plain one, plus ours
        mime = QMimeData()
        for name in qt.formats():
            mime.setData(name, qt.data(name))
        cursor = self.textCursor()
        # the numbers as shown, not the object characters that draw them (live_numbers.py)
        mime.setText(shown_text(self.document(), cursor.selectionStart(), cursor.selectionEnd()))
        markdown = self.copy_handler(cursor)
        if markdown:
            mime.setData(MARKDOWN_MIME, markdown.encode("utf-8"))
        return mime


def _remove_from_list(cursor: QTextCursor) -> None:
    from planner.ui.editor.list_levels import remove_from_list  # on use: off the start path

    remove_from_list(cursor)


def shortcut_text(sequence: str) -> str:
    """A shortcut as the platform writes it (tooltips)."""
    return QKeySequence(sequence).toString(QKeySequence.SequenceFormat.NativeText)
