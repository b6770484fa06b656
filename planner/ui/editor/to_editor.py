"""The document model → the rich editor's QTextDocument, with the pages' one writer.

The page preview's `QDocWriter` (planner/ui/pages/to_qdoc.py) writes a section's blocks here
too, so the editor shows what the document will show. What differs is only the medium: the
screen instead of a paged device, tables as wide as the editor instead of the page's column
widths, and the caption label always followed by a space to type after.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from functools import cache
from pathlib import Path

from PySide6.QtCore import QSizeF
from PySide6.QtGui import (
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextOption,
    QTextTable,
)

from planner.document import look
from planner.document.blocks import Blocks, Paragraph, Table
from planner.ui.editor.heading_numbers import label_room
from planner.ui.editor.live_numbers import OBJECT_CHAR, object_format
from planner.ui.pages.faces import Faces, installed_faces
from planner.ui.pages.marks import CITATION_KEYS
from planner.ui.pages.to_qdoc import QDocWriter, WrittenDocument

TEXT_WIDTH_PT = 300  # a figure is at most this wide in the editor (400 px at 96 dpi)
DOCUMENT_MARGIN_PX = 6
_SERIALS = itertools.count(1)


@cache
def editor_writer() -> EditorWriter:
    """One writer for every section editor (its fonts are looked up once)."""
    return EditorWriter()


class EditorWriter(QDocWriter):
    editing = True

    def __init__(self, faces: Faces | None = None, text_width_pt: float = TEXT_WIDTH_PT) -> None:
        # no QPagedPaintDevice: the screen, where Qt takes every length as 96-dpi pixels
        self.faces = faces or installed_faces()
        self.px = self.u = 96 / look.PT_PER_INCH
        width = text_width_pt * self.px
        self.page_px = QSizeF(width, width * 1.5)
        self.body_px = QSizeF(width, width * 1.3)  # a figure's height is bounded like a page's
        self._formats()

    def new_document(self) -> QTextDocument:
        doc = QTextDocument()
        doc.setUndoRedoEnabled(False)
        doc.setDocumentMargin(DOCUMENT_MARGIN_PX)
        doc.setDefaultFont(self.body_font)
        doc.setIndentWidth(look.BODY_PT * 1.75 * self.u)
        option = doc.defaultTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        doc.setDefaultTextOption(option)
        return doc

    def write_blocks(
        self,
        blocks: Blocks,
        numbers: Mapping[str, int],
        base: Path | None,
        doc: QTextDocument | None = None,
    ) -> WrittenDocument:
        """`blocks` into `doc` (a new document when None), citations numbered by `numbers`."""
        doc = doc if doc is not None else self.new_document()
        self.out = WrittenDocument(doc)
        self.cursor = QTextCursor(doc)
        self._fresh = True
        self._after_table = None
        self.numbers = numbers
        self.base = base
        self.tables = self.figure_count = self.citations = 0
        self.image_prefix = QDocWriter.image_prefix
        self._blocks(blocks, "")
        return self.out

    def insert_blocks(
        self, cursor: QTextCursor, blocks: Blocks, numbers: Mapping[str, int], base: Path | None
    ) -> None:
        """`blocks` at `cursor` in the editor (a paste, an inserted table or figure): one
        paragraph joins the text at the cursor; more start on a line of their own."""
        self.out = WrittenDocument(cursor.document())
        self.numbers = numbers
        self.base = base
        self._after_table = None
        self.tables = self.figure_count = 0
        serial = next(_SERIALS)
        self.citations = serial * 100_000  # unique in the document: never merged
        self.image_prefix = f"planner-figure:{serial}-"  # not one the document holds
        cursor.beginEditBlock()
        self.cursor = cursor
        if len(blocks) == 1 and isinstance(blocks[0], Paragraph):
            self._inlines(blocks[0].inlines, self._typing_format(cursor))
        else:
            self._fresh = cursor.block().length() <= 1 and cursor.currentList() is None
            self._blocks(blocks, "")
        cursor.endEditBlock()

    def _typing_format(self, cursor: QTextCursor) -> QTextCharFormat:
        fmt = QTextCharFormat(self.text)
        here = cursor.charFormat()
        if cursor.block().blockFormat().headingLevel() > 0 or here.hasProperty(CITATION_KEYS):
            return fmt
        return QTextCharFormat(here) if not cursor.atBlockStart() else fmt

    def _insert_citation(self, keys: tuple[str, ...], fmt: QTextCharFormat) -> None:
        """One object the box draws as the citation's current number (live_numbers.py)."""
        self.cursor.insertText(OBJECT_CHAR, object_format(fmt))

    def _insert_label(self, label: str, fmt: QTextCharFormat, captioned: bool) -> None:
        """表 N / 图 N as one object drawn with the document's number, then the space."""
        self.cursor.insertText(OBJECT_CHAR, object_format(fmt))
        self._insert(" ", fmt)

    def _end_table(self, table: QTextTable) -> None:
        """After the table, not at the document's end (the editor inserts mid-text)."""
        after = table.lastCursorPosition()
        after.movePosition(QTextCursor.MoveOperation.NextBlock)
        self.cursor.setPosition(after.position())
        self._fresh = self.cursor.block().length() <= 1
        self._after_table = table

    def heading_format(self, heading: look.HeadingLook, level: int) -> QTextBlockFormat:
        """A sub-heading keeps room before its text for the number the box paints there."""
        fmt = super().heading_format(heading, level)
        if level >= 2:
            fmt.setTextIndent(label_room(level, heading.size_pt) * self.u)
        return fmt

    def styles(self, level: int) -> tuple[QTextBlockFormat, QTextCharFormat]:
        """Body text (0) or a section's sub-heading 1..3: the writer's formats for it."""
        if level <= 0:
            return QTextBlockFormat(self.body), QTextCharFormat(self.text)
        heading = (look.HEADING_2, look.HEADING_3, look.HEADING_4)[min(level, 3) - 1]
        return self.heading_format(heading, level + 1), QTextCharFormat(self.heading_text[heading])

    def _column_widths(self, block: Table) -> list[float] | None:
        return None  # as wide as the editor, not the page's columns (and no python-docx)
