"""What the QTextDocument writer (to_qdoc.py) is made of: the formats, made once per writer from
planner/document/look.py, and the pieces every part is written with (a block, a run of text,
inlines, a caption). The tables are in qdoc_tables.py, the parts and blocks in to_qdoc.py.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from PySide6.QtCore import QSizeF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QPagedPaintDevice,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextTable,
)

from planner.document import look
from planner.document.blocks import Citation, Inlines
from planner.references.citations import marker
from planner.ui.pages.faces import Faces, installed_faces
from planner.ui.pages.marks import BOLD, CAPTION, CITATION_KEYS, CITATION_SERIAL, ITEM_INDENT, LABEL

FIXED = QTextBlockFormat.LineHeightTypes.FixedHeight.value
SINGLE = QTextBlockFormat.LineHeightTypes.SingleHeight.value
GREY = QColor(0x80, 0x80, 0x80)


# Qt breaks a line inside a word only after trying every width: a pasted 200,000-letter
# "word" (a URL, a base64 blob) took 10 s to lay out. Zero-width spaces every 64 letters
# give it break points; nothing visible changes and Word wraps such a word anyway.
_UNBROKEN = re.compile(r"[^\s\u2e80-\u9fff\uf900-\uffef]{200,}")


def _breakable(match: re.Match[str]) -> str:
    word = match.group(0)
    return "\u200b".join(word[i : i + 64] for i in range(0, len(word), 64))


class QDocBase:
    """The formats and pieces of QDocWriter; `write()` (there) sets the cursor and counters."""

    _item_indent = 0  # inside a list item (its list's indent): figures and tables say so
    editing = False  # True in the rich editor's subclass (planner/ui/editor/to_editor.py)
    image_prefix = "planner-figure:"  # + the figure's number: the image's resource name
    # set by write() for each document
    cursor: QTextCursor
    numbers: Mapping[str, int]
    citations: int
    _fresh: bool
    _after_table: QTextTable | None

    def __init__(self, device: QPagedPaintDevice, faces: Faces | None = None) -> None:
        self.device = device
        self.faces = faces or installed_faces()
        self.px = device.logicalDpiY() / look.PT_PER_INCH  # device pixels per point
        # Qt's layout scales some format lengths from 96 dpi to the device (vertical margins,
        # line heights, list indents, tables, images: `self.u` a point) and takes others as
        # device pixels (left margins and first-line indents: `self.px` a point), as measured
        self.u = 96 / look.PT_PER_INCH
        self.page_px = QSizeF(
            look.cm_to_pt(look.PAGE_WIDTH_CM) * self.px,
            look.cm_to_pt(look.PAGE_HEIGHT_CM) * self.px,
        )
        self.body_px = QSizeF(
            self.page_px.width()
            - look.cm_to_pt(look.MARGIN_LEFT_CM + look.MARGIN_RIGHT_CM) * self.px,
            self.page_px.height()
            - look.cm_to_pt(look.MARGIN_TOP_CM + look.MARGIN_BOTTOM_CM) * self.px,
        )
        self._formats()

    # -- formats, made once per writer

    def _formats(self) -> None:
        px = self.u
        song, hei = self.faces.song, self.faces.hei
        self.body_font = self.faces.font(song, look.BODY_PT)
        self.text = QTextCharFormat()
        self.text.setFont(self.body_font)
        self.heading_text = {
            h: self._char(self.faces.font(song if h.song else hei, h.size_pt, bold=h.bold))
            for h in (look.TITLE, look.SUBTITLE, look.HEADING_1, look.HEADING_2, look.HEADING_3,
                      look.HEADING_4)
        }  # fmt: skip
        self.caption_text = self._char(self.faces.font(hei, look.CAPTION_PT))
        self.small_text = self._char(self.faces.font(song, look.TABLE_TEXT_PT))
        self.normal = QTextBlockFormat()
        self.normal.setLineHeight(look.LINE_PITCH_PT * px, FIXED)
        self.body = QTextBlockFormat(self.normal)
        self.body.setAlignment(Qt.AlignmentFlag.AlignJustify)
        self.body.setTextIndent(look.FIRST_LINE_INDENT_CHARS * look.BODY_PT * self.px)
        self.cell = QTextBlockFormat(self.normal)
        self.table_cell = QTextBlockFormat()
        self.table_cell.setLineHeight(look.TABLE_LINE_PT * px, FIXED)
        self.caption = QTextBlockFormat()
        self.caption.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.caption.setTopMargin(look.CAPTION_SPACE_PT * px)
        self.caption.setBottomMargin(look.CAPTION_SPACE_PT * px)
        self.centred = QTextBlockFormat(self.normal)
        self.centred.setAlignment(Qt.AlignmentFlag.AlignHCenter)

    @staticmethod
    def _char(font: QFont) -> QTextCharFormat:
        fmt = QTextCharFormat()
        fmt.setFont(font)
        return fmt

    def heading_format(self, heading: look.HeadingLook, level: int) -> QTextBlockFormat:
        fmt = QTextBlockFormat()
        fmt.setTopMargin(heading.before_pt * self.u)
        fmt.setBottomMargin(heading.after_pt * self.u)
        fmt.setLineHeight(100, SINGLE)
        fmt.setHeadingLevel(level)
        if heading.centred:
            fmt.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        return fmt

    # -- the document

    def new_document(self) -> QTextDocument:
        doc = QTextDocument()
        doc.setUndoRedoEnabled(False)
        # before any text: fonts resolve for the device and the layout paginates for it
        doc.documentLayout().setPaintDevice(self.device)
        doc.setPageSize(self.body_px)
        doc.setDocumentMargin(0)
        doc.setDefaultFont(self.body_font)
        doc.setIndentWidth(look.BODY_PT * 1.75 * self.u)  # a list level: 21 pt, as the .docx
        option = doc.defaultTextOption()
        option.setUseDesignMetrics(True)
        doc.setDefaultTextOption(option)
        return doc

    # -- pieces

    def _block(self, fmt: QTextBlockFormat, char: QTextCharFormat | None = None) -> None:
        char = char or self.text
        if self._item_indent:
            fmt = QTextBlockFormat(fmt)
            fmt.setProperty(ITEM_INDENT, self._item_indent)
        if self._after_table is not None:
            # Qt drops the space before the block that follows a table: the table keeps it
            if fmt.topMargin() > 0:
                frame = self._after_table.format()
                frame.setBottomMargin(fmt.topMargin())
                self._after_table.setFormat(frame)
            self._after_table = None
        if self._fresh:
            self.cursor.setBlockFormat(fmt)
            self.cursor.setBlockCharFormat(char)
            self._fresh = False
        else:
            self.cursor.insertBlock(fmt, char)

    def _insert(self, text: str, fmt: QTextCharFormat) -> None:
        if text:
            if _UNBROKEN.search(text):
                text = _UNBROKEN.sub(_breakable, text)
            # a typed line break stays a line break inside the paragraph
            self.cursor.insertText(text.replace("\n", "\u2028"), fmt)

    def _bold(self, fmt: QTextCharFormat) -> QTextCharFormat:
        out = QTextCharFormat(fmt)
        out.setFontWeight(QFont.Weight.Bold)
        return out

    def _grey(self) -> QTextCharFormat:
        fmt = QTextCharFormat(self.text)
        fmt.setForeground(QBrush(GREY))
        fmt.setFontItalic(True)
        return fmt

    def _inlines(self, inlines: Inlines, base: QTextCharFormat) -> None:
        for run in inlines:
            if isinstance(run, Citation):
                fmt = QTextCharFormat(base)
                fmt.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignSuperScript)
                self.citations += 1
                fmt.setProperty(CITATION_KEYS, "; ".join(run.keys))
                fmt.setProperty(CITATION_SERIAL, self.citations)
                self._insert_citation(run.keys, fmt)
                continue
            fmt = base
            if run.bold or run.italic or run.superscript or run.subscript:
                fmt = QTextCharFormat(base)
                if run.bold:
                    fmt.setFontWeight(QFont.Weight.Bold)
                    fmt.setProperty(BOLD, True)
                if run.italic:
                    fmt.setFontItalic(True)
                if run.superscript:
                    fmt.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignSuperScript)
                elif run.subscript:
                    fmt.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignSubScript)
            self._insert(run.text, fmt)

    def _caption(self, label: str, caption: Inlines, kind: str = "") -> None:
        fmt = QTextBlockFormat(self.caption)
        fmt.setProperty(CAPTION, kind)
        self._block(fmt, self.caption_text)
        label_text = QTextCharFormat(self.caption_text)
        label_text.setProperty(LABEL, True)
        # the editor always has the space: the caption typed after it is not glued to "图 1"
        self._insert_label(label, label_text, bool(caption))
        self._inlines(caption, self.caption_text)

    def _insert_citation(self, keys: tuple[str, ...], fmt: QTextCharFormat) -> None:
        self.cursor.insertText(marker(keys, self.numbers), fmt)

    def _insert_label(self, label: str, fmt: QTextCharFormat, captioned: bool) -> None:
        self._insert(label + (" " if captioned or self.editing else ""), fmt)
