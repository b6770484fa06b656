"""A QTextDocument → the document model: what the rich editor holds, or what was pasted.

    blocks = read_document(editor.document())          # then planner.document.markdown
    blocks = read_document(html_doc, foreign=True)     # the clipboard's HTML, via setHtml

The reverse of planner/ui/pages/to_qdoc.py (in the spirit of novelWriter's fromqdoc): walks
the root frame's blocks and tables in order. Meaning comes from the properties that writer
leaves (citations, figures, captions, labels) and from what any rich text has: weight, italic,
vertical alignment, heading level, list style and indent. Colours, fonts and sizes are not
read, so a paste from Word or a web page keeps its structure and drops its look.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QFont,
    QTextBlock,
    QTextCharFormat,
    QTextDocument,
    QTextFormat,
    QTextFrame,
    QTextList,
    QTextListFormat,
    QTextTable,
    QTextTableCell,
)

from planner.document.blocks import (
    Align,
    Block,
    Blocks,
    Citation,
    Figure,
    Heading,
    Inline,
    Inlines,
    ListBlock,
    ListItem,
    Paragraph,
    Span,
    Table,
    join_spans,
)
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

MAX_TABLE_CELLS = 10_000  # a pasted table beyond this is cut (the parser's bound too)
_ORDERED = {
    QTextListFormat.Style.ListDecimal,
    QTextListFormat.Style.ListLowerAlpha,
    QTextListFormat.Style.ListUpperAlpha,
    QTextListFormat.Style.ListLowerRoman,
    QTextListFormat.Style.ListUpperRoman,
}
_SUPER = QTextCharFormat.VerticalAlignment.AlignSuperScript
_SUB = QTextCharFormat.VerticalAlignment.AlignSubScript
_ALIGN: dict[Qt.AlignmentFlag, Align] = {
    Qt.AlignmentFlag.AlignLeft: "left",
    Qt.AlignmentFlag.AlignHCenter: "center",
    Qt.AlignmentFlag.AlignRight: "right",
}
_OBJECT = "\ufffc"  # an image's character


def read_document(doc: QTextDocument, *, foreign: bool = False) -> Blocks:
    """The blocks `doc` shows. `foreign`: pasted HTML, where `<h1>` is a level-1 sub-heading
    (in the editor, the writer's level 2 is the section's first sub-heading level)."""
    return _Reader(foreign).frame(doc.rootFrame())


def read_inlines(block: QTextBlock, *, ignore_bold: bool = False) -> Inlines:
    """The runs of one text block: labels and images left out, neighbours merged."""
    base_weight = max(block.charFormat().fontWeight(), QFont.Weight.Normal.value)
    runs: list[Inline] = []
    last_serial: object = None
    it = block.begin()
    while not it.atEnd():
        fragment = it.fragment()
        it += 1
        if not fragment.isValid():
            continue
        fmt = fragment.charFormat()
        if fmt.hasProperty(CITATION_KEYS):
            serial = fmt.property(CITATION_SERIAL)
            if runs and isinstance(runs[-1], Citation) and serial == last_serial:
                continue  # one citation split in two fragments (an edit inside it)
            keys = tuple(k.strip() for k in str(fmt.property(CITATION_KEYS)).split(";"))
            runs.append(Citation(tuple(k for k in keys if k)))
            last_serial = serial
            continue
        last_serial = None
        if fmt.boolProperty(LABEL) or fmt.isImageFormat():
            continue
        text = fragment.text().replace(_OBJECT, "").replace("\u2028", "\n")
        if not text:
            continue
        align = fmt.verticalAlignment()
        span = Span(
            text,
            # where the style is bold (headings, a table's first row) only the mark says so
            bold=fmt.boolProperty(BOLD) if ignore_bold else fmt.fontWeight() > base_weight,
            italic=fmt.fontItalic(),
            superscript=align == _SUPER,
            subscript=align == _SUB,
        )
        last = runs[-1] if runs else None
        if isinstance(last, Span) and last.look == span.look:
            runs[-1] = Span(last.text + span.text, *span.look)
        else:
            runs.append(span)
    return _strip_ends(runs)


def _strip_ends(runs: list[Inline]) -> Inlines:
    """A line's text does not start or end with blanks (the parser strips them too)."""
    for index, strip in ((0, str.lstrip), (-1, str.rstrip)):
        while runs and isinstance(runs[index], Span):
            span = runs[index]
            assert isinstance(span, Span)
            if span.superscript or span.subscript:
                break
            text = strip(span.text, " \t")
            if text:
                runs[index] = Span(text, *span.look)
                break
            runs.pop(index)
    return tuple(runs)


@dataclass
class _OpenList:
    """A list being read: its indent in the editor and the items so far."""

    indent: int
    ordered: bool
    start: int
    qlist: QTextList
    items: list[list[Block]] = field(default_factory=list)

    def block(self) -> ListBlock:
        return ListBlock(self.ordered, tuple(ListItem(tuple(i)) for i in self.items), self.start)


class _Reader:
    def __init__(self, foreign: bool) -> None:
        self.foreign = foreign
        self.out: list[Block] = []
        self.lists: list[_OpenList] = []
        self.pending_figure: Figure | None = None  # waiting for its caption below
        self.pending_caption: Inlines | None = None  # a table's caption, above it
        self.figure_indent = 0  # the pending figure's list item (0: none)

    def frame(self, frame: QTextFrame) -> Blocks:
        it = frame.begin()
        while not it.atEnd():
            child = it.currentFrame()
            if child is not None:
                if isinstance(child, QTextTable):
                    self.table(child)
                else:
                    self.frame(child)  # a plain frame (pasted HTML): its blocks in order
            else:
                self.text_block(it.currentBlock())
            it += 1
        self.flush_figure()
        self.close_lists(0)
        if self.pending_caption:
            self.out.append(Paragraph(self.pending_caption))
            self.pending_caption = None
        return tuple(self.out)

    # -- where blocks go
    def emit(self, block: Block) -> None:
        self.out.append(block)

    def close_lists(self, indent: int) -> None:
        """Close every open list deeper than `indent` (0: all)."""
        while self.lists and self.lists[-1].indent > indent:
            done = self.lists.pop()
            block = done.block()
            if self.lists and self.lists[-1].items:
                self.lists[-1].items[-1].append(block)
            else:
                self.emit(block)

    def place(self, block: Block, indent: int) -> None:
        """`block` at the top level, or (written inside a list item) into that item."""
        if indent and self.lists and self.lists[0].indent <= indent:
            self.close_lists(indent)
            if self.lists[-1].indent == indent and self.lists[-1].items:
                self.lists[-1].items[-1].append(block)
                return
        self.close_lists(0)
        self.emit(block)

    def flush_figure(self, caption: Inlines = ()) -> None:
        if self.pending_figure is not None:
            f = self.pending_figure
            self.pending_figure = None
            self.place(Figure(f.path, caption, f.width_percent), self.figure_indent)

    # -- blocks
    def text_block(self, block: QTextBlock) -> None:
        fmt = block.blockFormat()
        kind = fmt.property(CAPTION) if fmt.hasProperty(CAPTION) else None
        if kind == "figure" and self.pending_figure is not None:
            self.flush_figure(read_inlines(block))
            return
        self.flush_figure()
        indent = int(fmt.property(ITEM_INDENT) or 0) if fmt.hasProperty(ITEM_INDENT) else 0
        if kind == "table":
            if not indent:
                self.close_lists(0)
            self.pending_caption = read_inlines(block)
            return
        if self.pending_caption is not None:  # a table caption with no table after it
            if self.pending_caption:
                self.emit(Paragraph(self.pending_caption))
            self.pending_caption = None
        figure = self.figure_in(block)
        if figure is not None:
            if not indent:
                self.close_lists(0)
            self.pending_figure, self.figure_indent = figure, indent
            return
        qlist = block.textList()
        if qlist is not None:
            self.list_item(block, qlist)
            return
        level = fmt.headingLevel()
        inlines = read_inlines(block, ignore_bold=level > 0)
        if fmt.indent() > 0 and self.lists:
            # a further paragraph of a list item: under the item of its indent
            self.close_lists(fmt.indent())
            if inlines and self.lists and self.lists[-1].items:
                self.lists[-1].items[-1].append(Paragraph(inlines))
            return
        self.close_lists(0)
        if level > 0:
            level = level if self.foreign else level - 1
            if level >= 1 and (inlines or not self.foreign):
                self.emit(Heading(min(level, 3), inlines))  # even empty, as typed: `#`
                return
        if inlines:  # an empty line: the Markdown has none
            self.emit(Paragraph(inlines))

    def figure_in(self, block: QTextBlock) -> Figure | None:
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            it += 1
            if fmt.isImageFormat() and fmt.hasProperty(FIGURE_PATH):
                width = int(fmt.property(FIGURE_WIDTH) or 0)
                return Figure(str(fmt.property(FIGURE_PATH)), (), width or None)
        return None

    def list_item(self, block: QTextBlock, qlist: QTextList) -> None:
        fmt = qlist.format()
        indent = max(fmt.indent(), 1)
        self.close_lists(indent)
        top = self.lists[-1] if self.lists else None
        if top is None or top.indent < indent or (top.qlist != qlist and top.indent == indent):
            if top is not None and top.indent == indent:
                self.close_lists(indent - 1)  # another list at the same depth
            ordered = fmt.style() in _ORDERED
            self.lists.append(_OpenList(indent, ordered, fmt.start() if ordered else 1, qlist))
            if len(self.lists) > 1 and not self.lists[-2].items:
                self.lists[-2].items.append([])  # a list nested with no item text above it
        inlines = read_inlines(block)
        self.lists[-1].items.append([Paragraph(inlines)] if inlines else [])

    def table(self, table: QTextTable) -> None:
        self.flush_figure()
        fmt = table.format()
        indent = int(fmt.property(ITEM_INDENT) or 0) if fmt.hasProperty(ITEM_INDENT) else 0
        caption = self.pending_caption or ()
        self.pending_caption = None
        if fmt.hasProperty(FIGURE_PATH):  # a missing figure's framed placeholder
            width = int(fmt.property(FIGURE_WIDTH) or 0)
            self.pending_figure = Figure(str(fmt.property(FIGURE_PATH)), (), width or None)
            self.figure_indent = indent
            return
        rows, columns = table.rows(), table.columns()
        if columns == 0 or rows == 0:
            return
        rows = min(rows, max(1, MAX_TABLE_CELLS // columns))
        grid: list[tuple[Inlines, ...]] = []
        align: list[Align] = ["default"] * columns
        for r in range(rows):
            cells: list[Inlines] = []
            for c in range(columns):
                cell = table.cellAt(r, c)
                cells.append(self.cell(cell, header=r == 0) if cell.isValid() else ())
                if r == 0 and cell.isValid():
                    first = cell.firstCursorPosition().block().blockFormat()
                    if first.hasProperty(QTextFormat.Property.BlockAlignment):
                        align[c] = _ALIGN.get(first.alignment() & _H_MASK, "default")
                        if self.foreign and align[c] == "left":
                            align[c] = "default"  # a web page's or Word's cells: as typed
            grid.append(tuple(cells))
        ragged = bool(fmt.boolProperty(TABLE_RAGGED)) and not self.foreign
        self.place(Table(grid[0], tuple(grid[1:]), tuple(align), caption, ragged), indent)

    def cell(self, cell: QTextTableCell, *, header: bool) -> Inlines:
        """A cell's runs; its paragraphs (Enter typed in a cell) joined by a space."""
        runs: list[Inline] = []
        block = cell.firstCursorPosition().block()
        end = cell.lastCursorPosition().block()
        while block.isValid():
            inlines = read_inlines(block, ignore_bold=header)
            if inlines:
                if runs:
                    runs.append(Span(" "))
                runs.extend(inlines)
            if block == end:
                break
            block = block.next()
        return _strip_ends(join_spans(runs))


_H_MASK = Qt.AlignmentFlag.AlignHorizontal_Mask
