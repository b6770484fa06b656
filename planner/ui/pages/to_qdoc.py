"""The document model → a paged QTextDocument with the export's look (issue 14).

    written = QDocWriter(device).write(assembled)   # assembled: planner.document.assembly
    written.document.pageCount()

One writer over the core's blocks, as novelWriter's `toqdoc` is one writer over its tokens:
the page preview, the PDF, printing and (issue 13) the rich editor all use it. Sizes follow
planner/document/look.py in points, converted to the paint device's pixels: the device is set
on the layout before anything is written, so fonts resolve for it (else glyphs come out tiny
in a PDF) and pagination is the device's. Tables, figures and the applicant table are real
QTextTables and images; a figure that cannot be shown is a framed placeholder, as in the .docx.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QPagedPaintDevice,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrameFormat,
    QTextImageFormat,
    QTextLength,
    QTextListFormat,
    QTextOption,
    QTextTable,
    QTextTableFormat,
)

from planner.document import look
from planner.document.assembly import (
    TITLE_PLACEHOLDER,
    ApplicantTable,
    AssembledProposal,
    Content,
    Labelled,
    PartHeading,
    Placeholder,
    TitleBlock,
)
from planner.document.blocks import (
    Block,
    Citation,
    Figure,
    Heading,
    Inlines,
    ListBlock,
    Paragraph,
    ReferenceList,
    Span,
    Table,
)
from planner.references.citations import marker
from planner.ui.pages.faces import Faces, installed_faces
from planner.ui.pages.figures import FigureImage, load_figure
from planner.ui.pages.marks import (
    BOLD,
    CAPTION,
    CITATION_KEYS,
    CITATION_SERIAL,
    FIGURE_PATH,
    FIGURE_WIDTH,
    ITEM_INDENT,
    LABEL,
    TABLE_RAGGED,
)

_FIXED = QTextBlockFormat.LineHeightTypes.FixedHeight.value
_SINGLE = QTextBlockFormat.LineHeightTypes.SingleHeight.value
_GREY = QColor(0x80, 0x80, 0x80)
_RULE = QColor(0x40, 0x40, 0x40)
_SHADE = QColor(0xF2, 0xF2, 0xF2)
_CELL_MARGIN_PT = 2 / 25.4 * 72  # 2 mm, the .docx table cell margin
_ALIGN = {
    "left": Qt.AlignmentFlag.AlignLeft,
    "center": Qt.AlignmentFlag.AlignHCenter,
    "right": Qt.AlignmentFlag.AlignRight,
}


# Qt breaks a line inside a word only after trying every width: a pasted 200,000-letter
# "word" (a URL, a base64 blob) took 10 s to lay out. Zero-width spaces every 64 letters
# give it break points; nothing visible changes and Word wraps such a word anyway.
_UNBROKEN = re.compile(r"[^\s\u2e80-\u9fff\uf900-\uffef]{200,}")


def _breakable(match: re.Match[str]) -> str:
    word = match.group(0)
    return "\u200b".join(word[i : i + 64] for i in range(0, len(word), 64))


@dataclass(frozen=True)
class HeadingAnchor:
    """A heading of the document, for the PDF's bookmarks and the preview's section list."""

    level: int  # 1: 一、… and 参考文献; 2: a heading inside a part or a section's （一）
    text: str
    key: str  # the form section's key, or ""
    position: int  # the heading block's position in the QTextDocument


@dataclass
class WrittenDocument:
    document: QTextDocument
    headings: list[HeadingAnchor] = field(default_factory=list)
    figures: int = 0  # pictures drawn (placeholders not counted)
    problems: list[str] = field(default_factory=list)  # figures shown as placeholders, why


class QDocWriter:
    """Writes one AssembledProposal into a new QTextDocument laid out for `device`."""

    _item_indent = 0  # inside a list item (its list's indent): figures and tables say so
    editing = False  # True in the rich editor's subclass (planner/ui/editor/to_editor.py)
    image_prefix = "planner-figure:"  # + the figure's number: the image's resource name

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
        self.normal.setLineHeight(look.LINE_PITCH_PT * px, _FIXED)
        self.body = QTextBlockFormat(self.normal)
        self.body.setAlignment(Qt.AlignmentFlag.AlignJustify)
        self.body.setTextIndent(look.FIRST_LINE_INDENT_CHARS * look.BODY_PT * self.px)
        self.cell = QTextBlockFormat(self.normal)
        self.table_cell = QTextBlockFormat()
        self.table_cell.setLineHeight(look.TABLE_LINE_PT * px, _FIXED)
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
        fmt.setLineHeight(100, _SINGLE)
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

    def write(self, assembled: AssembledProposal) -> WrittenDocument:
        doc = self.new_document()
        self.out = WrittenDocument(doc)
        self.cursor = QTextCursor(doc)
        self._fresh = True  # the cursor is in an empty block that the next paragraph takes
        self._after_table: QTextTable | None = None
        self.numbers: Mapping[str, int] = assembled.citation_numbers
        self.base = assembled.base
        self.tables = self.figure_count = self.citations = 0
        # one edit block: Qt lays the document out once at the end, not after every insert
        # (that was ~95 % of the time of a 20-page proposal)
        self.cursor.beginEditBlock()
        try:
            self._parts(assembled)
        finally:
            self.cursor.endEditBlock()
        return self.out

    def _parts(self, assembled: AssembledProposal) -> None:
        for part in assembled.parts:
            if isinstance(part, TitleBlock):
                self._title(part)
            elif isinstance(part, ApplicantTable):
                self._applicant(part)
            elif isinstance(part, PartHeading):
                look_ = look.HEADING_1 if part.level == 1 else look.HEADING_2
                self._heading(part.text, look_, part.level, part.key)
            elif isinstance(part, Labelled):
                self._block(self.body)
                self._insert(part.label, self._bold(self.text))
                self._insert(part.text, self.text)
            elif isinstance(part, Placeholder):
                self._block(self.body)
                self._insert(part.text, self._grey())
            elif isinstance(part, Content):
                self._blocks(part.blocks, part.key)

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
        fmt.setForeground(QBrush(_GREY))
        fmt.setFontItalic(True)
        return fmt

    def _title(self, part: TitleBlock) -> None:
        # Qt drops the space before a document's first block; Word keeps it: a spacer line
        spacer = QTextBlockFormat()
        spacer.setLineHeight(look.SUBTITLE.before_pt * self.u, _FIXED)
        self._block(spacer, self._char(self.faces.font(self.faces.song, 1)))
        self._block(self.heading_format(look.SUBTITLE, 0), self.heading_text[look.SUBTITLE])
        self._insert(part.call_title, self.heading_text[look.SUBTITLE])
        title_char = self.heading_text[look.TITLE]
        self._block(self.heading_format(look.TITLE, 0), title_char)
        if part.title.strip():
            self._insert(part.title, title_char)
        else:
            grey = QTextCharFormat(title_char)
            grey.setForeground(QBrush(_GREY))
            grey.setFontItalic(True)
            self._insert(TITLE_PLACEHOLDER, grey)

    def _heading(self, text: str, heading: look.HeadingLook, level: int, key: str) -> None:
        char = self.heading_text[heading]
        self._block(self.heading_format(heading, level), char)
        self.out.headings.append(HeadingAnchor(level, text, key, self.cursor.block().position()))
        self._insert(text, char)

    def _table_format(
        self, widths_pt: Sequence[float] | None, padding_pt: float
    ) -> QTextTableFormat:
        fmt = QTextTableFormat()
        if self._item_indent:
            fmt.setProperty(ITEM_INDENT, self._item_indent)
        fmt.setBorder(0.5 * self.u)
        fmt.setBorderBrush(QBrush(_RULE))
        fmt.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
        fmt.setBorderCollapse(True)  # single rules, as Word draws them
        fmt.setCellSpacing(0)
        fmt.setCellPadding(0)
        fmt.setMargin(0)
        if widths_pt:
            fmt.setColumnWidthConstraints(
                [QTextLength(QTextLength.Type.FixedLength, w * self.u) for w in widths_pt]
            )
            fmt.setLeftMargin(-_CELL_MARGIN_PT * self.u)  # Word draws the rules outside the text
        else:
            fmt.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
        self._padding = padding_pt * self.u
        self._rule_width, self._rule_colour = 0.5 * self.u, _RULE
        return fmt

    def _cell_cursor(
        self,
        table: QTextTable,
        row: int,
        column: int,
        *,
        shade: bool = False,
        block: QTextBlockFormat | None = None,
        char: QTextCharFormat | None = None,
    ) -> QTextCursor:
        cell = table.cellAt(row, column)
        fmt = cell.format().toTableCellFormat()
        fmt.setLeftPadding(_CELL_MARGIN_PT * self.u)
        fmt.setRightPadding(_CELL_MARGIN_PT * self.u)
        fmt.setTopPadding(self._padding)
        fmt.setBottomPadding(self._padding)
        fmt.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignMiddle)
        fmt.setBorder(self._rule_width)
        fmt.setBorderBrush(QBrush(self._rule_colour))
        fmt.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
        if shade:
            fmt.setBackground(QBrush(_SHADE))
        cursor = cell.firstCursorPosition()
        cursor.setBlockFormat(block or self.cell)
        cursor.setBlockCharFormat(char or self.text)
        cell.setFormat(fmt)  # after the block's: that would reset the cell's own format
        return cursor

    def _end_table(self, table: QTextTable) -> None:
        self.cursor.movePosition(QTextCursor.MoveOperation.End)
        self._fresh = True
        self._after_table = table

    def _applicant(self, part: ApplicantTable) -> None:
        rows = (len(part.cells) + 1) // 2
        widths = [2.5, 5.2, 2.5, 5.2]
        fmt = self._table_format([look.cm_to_pt(w) for w in widths], (25.5 - 22) / 2)
        table = self.cursor.insertTable(rows, 4, fmt)
        for i, (label, value) in enumerate(part.cells):
            row, column = divmod(i, 2)
            cursor = self._cell_cursor(table, row, column * 2, shade=True)
            cursor.insertText(label, self._bold(self.text))
            cursor = self._cell_cursor(table, row, column * 2 + 1)
            cursor.insertText(value, self.text)
        self._end_table(table)
        self._block(self.normal)  # keeps the first heading off the table, as the .docx

    # -- the document model's blocks
    def _blocks(self, blocks: tuple[Block, ...], key: str, depth: int = 0) -> None:
        for block in blocks:
            if isinstance(block, Paragraph):
                self._block(self.body)
                self._inlines(block.inlines, self.text)
            elif isinstance(block, Heading):
                heading = (look.HEADING_2, look.HEADING_3, look.HEADING_4)[
                    min(max(block.level, 1), 3) - 1
                ]
                char = self.heading_text[heading]
                self._block(self.heading_format(heading, block.level + 1), char)
                text = "".join(r.text for r in block.inlines if isinstance(r, Span))
                self.out.headings.append(
                    HeadingAnchor(2, text, key, self.cursor.block().position())
                )
                self._inlines(block.inlines, char)
            elif isinstance(block, ListBlock):
                self._list(block, key, depth + 1)
            elif isinstance(block, Table):
                self._table(block)
            elif isinstance(block, Figure):
                self._figure(block)
            elif isinstance(block, ReferenceList):
                self._references(block)

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

    def _list(self, block: ListBlock, key: str, depth: int) -> None:
        fmt = QTextListFormat()
        fmt.setStyle(
            QTextListFormat.Style.ListDecimal if block.ordered else QTextListFormat.Style.ListDisc
        )
        fmt.setIndent(depth + 1)  # level 1 text at 42 pt, level 2 at 63 pt: the .docx's
        if block.ordered:
            fmt.setStart(block.start)
        item_format = QTextBlockFormat(self.normal)
        item_format.setAlignment(Qt.AlignmentFlag.AlignJustify)
        text_list = None
        for item in block.items:
            first = True
            children = item.blocks
            if not children or not isinstance(children[0], Paragraph):
                children = (Paragraph(()), *children)  # the item's marker, on a line of its own
            for child in children:
                if isinstance(child, Paragraph):
                    self._block(item_format)
                    if first:
                        if text_list is None:
                            text_list = self.cursor.createList(fmt)
                        else:
                            text_list.add(self.cursor.block())
                    else:  # a second paragraph of the item: under its text, no marker
                        indented = QTextBlockFormat(item_format)
                        indented.setIndent(depth + 1)
                        self.cursor.setBlockFormat(indented)
                    self._inlines(child.inlines, self.text)
                    first = False
                else:
                    # a figure or table inside the item: marked, so the editor reads it back there
                    outer, self._item_indent = self._item_indent, depth + 1
                    self._blocks((child,), key, depth)
                    self._item_indent = outer

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

    def _table(self, block: Table) -> None:
        self.tables += 1
        self._caption(f"表 {self.tables}", block.caption, "table")  # above it, as the .docx
        columns = max(len(block.header), 1)
        fmt = self._table_format(self._column_widths(block), 1)
        fmt.setHeaderRowCount(1)  # repeated at the top of each page
        fmt.setProperty(TABLE_RAGGED, block.ragged)
        table = self.cursor.insertTable(len(block.rows) + 1, columns, fmt)
        bold_small = self._bold(self.small_text)
        for r, row in enumerate((block.header, *block.rows)):
            for c in range(columns):
                cell_block = QTextBlockFormat(self.table_cell)
                align = block.align[c] if c < len(block.align) else "default"
                if align in _ALIGN:
                    cell_block.setAlignment(_ALIGN[align])
                cursor = self._cell_cursor(
                    table, r, c, shade=r == 0, block=cell_block, char=self.small_text
                )
                saved, self.cursor = self.cursor, cursor
                self._inlines(
                    row[c] if c < len(row) else (), bold_small if r == 0 else self.small_text
                )
                self.cursor = saved
        self._end_table(table)

    def _column_widths(self, block: Table) -> Sequence[float] | None:
        if not block.header:
            return None
        # the .docx's rule, in its one home (python-docx is imported with it, once)
        from planner.export.tables import column_widths

        return column_widths(block, round(self.body_px.width() / self.px))

    def _figure(self, block: Figure) -> None:
        self.figure_count += 1
        image: FigureImage = load_figure(
            block.path,
            self.base,
            self.body_px.width() / self.px,
            self.body_px.height() / self.px,
            block.width_percent,
        )
        if image.image is None:
            self.out.problems.append(image.problem)
            self._placeholder_frame(image.shown)
            frame = self._after_table.format() if self._after_table is not None else None
            if frame is not None and self._after_table is not None:
                frame.setProperty(FIGURE_PATH, block.path)
                frame.setProperty(FIGURE_WIDTH, block.width_percent or 0)
                self._after_table.setFormat(frame)
        else:
            name = f"{self.image_prefix}{self.figure_count}"
            self.out.document.addResource(
                QTextDocument.ResourceType.ImageResource.value, QUrl(name), image.image
            )
            fmt = QTextImageFormat()
            fmt.setName(name)
            fmt.setWidth(image.width_pt * self.u)
            fmt.setHeight(image.height_pt * self.u)
            fmt.setProperty(FIGURE_PATH, block.path)
            fmt.setProperty(FIGURE_WIDTH, block.width_percent or 0)
            single = QTextBlockFormat(self.centred)
            single.setLineHeight(100, _SINGLE)
            self._block(single)
            self.cursor.insertImage(fmt)
            self.out.figures += 1
        self._caption(f"图 {self.figure_count}", block.caption, "figure")  # below the figure

    def _placeholder_frame(self, text: str) -> None:
        """A red-framed line naming the file, as the .docx's placeholder paragraph."""
        fmt = self._table_format(None, 4)
        colour = QColor(0xC0, 0x00, 0x00)  # the .docx placeholder's frame
        fmt.setBorder(1 * self.u)
        fmt.setBorderBrush(QBrush(colour))
        self._rule_width, self._rule_colour = 1 * self.u, colour
        table = self.cursor.insertTable(1, 1, fmt)
        centred = QTextBlockFormat(self.cell)
        centred.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        cursor = self._cell_cursor(table, 0, 0, block=centred)
        cursor.insertText(text, self._bold(self.text))
        self._end_table(table)

    def _references(self, block: ReferenceList) -> None:
        """Each entry 五号, hanging under its [n] (the heading is a PartHeading before it)."""
        hanging = QTextBlockFormat()
        hanging.setLineHeight(look.REFERENCE_LINE_PT * self.u, _FIXED)
        # left, not justified: Qt would stretch the tab after [n] across the line
        hanging.setAlignment(Qt.AlignmentFlag.AlignLeft)
        indent = look.REFERENCE_INDENT_PT * self.px
        hanging.setLeftMargin(indent)
        hanging.setTextIndent(-indent)
        hanging.setTabPositions(  # tab stops are scaled like vertical lengths
            [QTextOption.Tab(look.REFERENCE_INDENT_PT * self.u, QTextOption.TabType.LeftTab)]
        )
        char = self._char(self.faces.font(self.faces.song, look.REFERENCE_PT))
        for entry in block.entries:
            self._block(hanging, char)
            self._insert(f"[{entry.number}]\t{entry.text}", char)


def page_break_before(block_format: QTextBlockFormat) -> QTextBlockFormat:
    fmt = QTextBlockFormat(block_format)
    fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
    return fmt
