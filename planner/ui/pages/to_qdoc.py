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

from collections.abc import Mapping
from dataclasses import dataclass, field

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import (
    QBrush,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextImageFormat,
    QTextListFormat,
    QTextOption,
    QTextTable,
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
    Figure,
    Heading,
    ListBlock,
    Paragraph,
    ReferenceList,
    Span,
    Table,
)
from planner.document.line_fit import balanced_lines
from planner.ui.pages.figures import FigureImage, load_figure
from planner.ui.pages.marks import FIGURE_PATH, FIGURE_WIDTH
from planner.ui.pages.qdoc_base import FIXED, GREY, SINGLE
from planner.ui.pages.qdoc_tables import QDocTables


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


class QDocWriter(QDocTables):
    """Writes one AssembledProposal into a new QTextDocument laid out for `device`.

    The formats and pieces are in qdoc_base.py, the tables in qdoc_tables.py."""

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

    def _title(self, part: TitleBlock) -> None:
        # Qt drops the space before a document's first block; Word keeps it: a spacer line
        spacer = QTextBlockFormat()
        spacer.setLineHeight(look.SUBTITLE.before_pt * self.u, FIXED)
        self._block(spacer, self._char(self.faces.font(self.faces.song, 1)))
        self._block(self.heading_format(look.SUBTITLE, 0), self.heading_text[look.SUBTITLE])
        self._insert(part.call_title, self.heading_text[look.SUBTITLE])
        title_char = self.heading_text[look.TITLE]
        self._block(self.heading_format(look.TITLE, 0), title_char)
        if part.title.strip():
            # the .docx's balanced lines (no character left alone on the last line)
            width_em = self.body_px.width() / self.px / look.TITLE.size_pt
            self._insert("\n".join(balanced_lines(part.title.strip(), width_em)), title_char)
        else:
            grey = QTextCharFormat(title_char)
            grey.setForeground(QBrush(GREY))
            grey.setFontItalic(True)
            self._insert(TITLE_PLACEHOLDER, grey)

    def _heading(self, text: str, heading: look.HeadingLook, level: int, key: str) -> None:
        char = self.heading_text[heading]
        self._block(self.heading_format(heading, level), char)
        self.out.headings.append(HeadingAnchor(level, text, key, self.cursor.block().position()))
        self._insert(text, char)

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
            single.setLineHeight(100, SINGLE)
            self._block(single)
            self.cursor.insertImage(fmt)
            self.out.figures += 1
        self._caption(f"图 {self.figure_count}", block.caption, "figure")  # below the figure

    def _references(self, block: ReferenceList) -> None:
        """Each entry 五号, hanging under its [n] (the heading is a PartHeading before it)."""
        hanging = QTextBlockFormat()
        hanging.setLineHeight(look.REFERENCE_LINE_PT * self.u, FIXED)
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
