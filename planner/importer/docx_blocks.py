"""A returned .docx's body as units (paragraphs and tables, in reading order) and a run of
units as the document model's blocks — the way back of `planner.export` (issue 15).

Units keep what the proposal reader needs to place them: the paragraph's number (for the
report), the content control it sits in (`w:sdt` tag = section key) and whether that control
still shows its placeholder, its heading level and list numbering. `to_blocks` then reads one
section's units as paragraphs, sub-headings, lists, tables with captions and figures — in the
spirit of novelWriter's `fromqdoc.py`, which reads a QTextDocument back into its text format.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from lxml import etree

from planner.document.blocks import (
    Align,
    Block,
    Figure,
    Heading,
    Inline,
    Inlines,
    ListBlock,
    ListItem,
    Paragraph,
    Span,
    Table,
)
from planner.importer.docx_inlines import Image, InlineReader, Marker, Piece
from planner.importer.docx_styles import ListInfo, WordStyles, w

MAX_PARAGRAPHS = 60_000  # a proposal has a few hundred; a 10,000-page file is refused
MAX_PAGES = 2_000
MAX_TABLE_CELLS = 20_000

_CAPTION = re.compile(r"^\s*(表|图|Table|Figure|Fig\.)\s*\d+(?:[-.．]\d+)*\s*[:：.．]?\s*")
_SUB_NUMBER = re.compile(
    r"^\s*(?:[（(][一二三四五六七八九十百]+[）)]|[一二三四五六七八九十百]+[、.．]"
    r"|\d+(?:\.\d+)*[.、．](?!\d)|[（(]\d+[）)])\s*"
)
_TYPED_MARKER = re.compile(r"^(?:([•·●○■□◆▪\-–*])|(\d{1,3})[.．、)）])[\t ]+")
_INDENT_STEP = 420  # twips: the exporter's list indent (0.74 cm)


class TooLong(Exception):
    """The document has more paragraphs or pages than any proposal (see MAX_*)."""


@dataclass
class Para:
    number: int  # 1-based, counting every paragraph of the body (table cells too)
    element: etree._Element
    control: str | None  # tag of the innermost block content control around it
    placeholder: bool  # that control still shows its placeholder
    style_id: str | None
    heading: int | None  # 0: title; 1: top-level heading; None: body text
    list: ListInfo | None
    pieces: list[Piece]
    grey: bool  # every visible character is placeholder-grey
    indent: int  # left indent in twips
    caption: bool  # a Caption-style paragraph

    @property
    def text(self) -> str:
        return "".join(p.text for p in self.pieces if isinstance(p, Span))

    @property
    def images(self) -> list[Image]:
        return [p for p in self.pieces if isinstance(p, Image)]


@dataclass
class TableUnit:
    number: int
    element: etree._Element
    control: str | None
    placeholder: bool


Unit = Para | TableUnit


@dataclass
class BodyReader:
    styles: WordStyles
    inlines: InlineReader
    count: int = 0
    unreadable: list[tuple[int, str]] = field(default_factory=list)  # (paragraph, what)

    def units(self, body: etree._Element) -> list[Unit]:
        # counted first, in C: a hostile file is refused before anything is built for it
        paragraphs = sum(1 for _ in body.iter(w("p")))
        if paragraphs > MAX_PARAGRAPHS:
            raise TooLong(f"{paragraphs} paragraphs")
        breaks = sum(1 for br in body.iter(w("br")) if br.get(w("type")) == "page")
        if breaks + 1 > MAX_PAGES:
            raise TooLong(f"{breaks + 1} pages")
        out = list(self._walk(body, None, False))
        changes = self.inlines.changes
        pages = max(changes.page_breaks, changes.rendered_pages) + 1
        if pages > MAX_PAGES:
            raise TooLong(f"{pages} pages")
        return out

    def _walk(self, parent: etree._Element, control: str | None, ph: bool) -> Iterator[Unit]:
        joined: list[Piece] = []  # a deleted paragraph mark joins a paragraph with the next
        for child in parent:
            tag = child.tag
            if tag == w("p"):
                para = self.paragraph(child, control, ph)
                if joined:
                    para.pieces = joined + para.pieces
                    joined = []
                if _mark_deleted(child):
                    self.inlines.changes.tracked += 1
                    joined = [*para.pieces, Span(" ")] if para.pieces else []
                    continue
                yield para
            elif tag == w("tbl"):
                number = self.count + 1
                self.count += sum(1 for _ in child.iter(w("p")))
                self._check_count()
                yield TableUnit(number, child, control, ph)
            elif tag == w("sdt"):
                props = child.find(w("sdtPr"))
                tag_el = props.find(w("tag")) if props is not None else None
                inner = tag_el.get(w("val")) if tag_el is not None else None
                shows = props is not None and props.find(w("showingPlcHdr")) is not None
                content = child.find(w("sdtContent"))
                if content is not None:
                    yield from self._walk(content, inner or control, shows or ph)
            elif tag in (w("customXml"), w("ins"), w("moveTo")):
                if tag != w("customXml"):
                    self.inlines.changes.tracked += 1
                yield from self._walk(child, control, ph)
            elif tag in (w("del"), w("moveFrom")):
                self.inlines.changes.tracked += 1
            elif tag == w("altChunk"):
                self.unreadable.append((self.count + 1, "an embedded document (altChunk)"))
        if joined:
            self.count += 1
            yield self._para_from(joined, None, control, ph)

    def paragraph(self, p: etree._Element, control: str | None, ph: bool) -> Para:
        self.count += 1
        self._check_count()
        pieces, grey = self.inlines.read(p)
        para = self._para_from(pieces, p, control, ph)
        para.grey = grey
        return para

    def _para_from(
        self, pieces: list[Piece], p: etree._Element | None, control: str | None, ph: bool
    ) -> Para:
        ppr = p.find(w("pPr")) if p is not None else None
        style_el = ppr.find(w("pStyle")) if ppr is not None else None
        style_id = style_el.get(w("val")) if style_el is not None else None
        if ppr is not None and ppr.find(w("pageBreakBefore")) is not None:
            self.inlines.changes.page_breaks += 1
        name = self.styles.name(style_id)
        return Para(
            number=self.count,
            element=p if p is not None else etree.Element(w("p")),
            control=control,
            placeholder=ph,
            style_id=style_id,
            heading=self.styles.heading_level(ppr, style_id),
            list=self.styles.list_info(ppr, style_id),
            pieces=pieces,
            grey=False,
            indent=_left_indent(ppr),
            caption=name in ("caption", "题注") or name.startswith("caption"),
        )

    def _check_count(self) -> None:
        if self.count > MAX_PARAGRAPHS:
            raise TooLong(f"more than {MAX_PARAGRAPHS} paragraphs")

    # tables ------------------------------------------------------------------------------
    def table_cells(self, tbl: etree._Element) -> list[list[tuple[Inlines, str]]]:
        """Rows of (cell inlines, cell alignment); merged cells repeated as empty cells."""
        rows: list[list[tuple[Inlines, str]]] = []
        cells = 0
        for tr in _children(tbl, "tr"):
            row: list[tuple[Inlines, str]] = []
            for tc in _children(tr, "tc"):
                cells += 1
                if cells > MAX_TABLE_CELLS:
                    raise TooLong(f"a table of more than {MAX_TABLE_CELLS} cells")
                tc_pr = tc.find(w("tcPr"))
                span = 1
                merged = False
                if tc_pr is not None:
                    grid = tc_pr.find(w("gridSpan"))
                    if grid is not None and (grid.get(w("val")) or "").isdigit():
                        span = max(1, min(int(grid.get(w("val"), "1")), 64))
                    v_merge = tc_pr.find(w("vMerge"))
                    merged = v_merge is not None and v_merge.get(w("val")) != "restart"
                inlines: list[Inline] = []
                align = ""
                for p in tc.iter(w("p")):
                    pieces, _ = self.inlines.read(p)
                    line = _inlines(pieces)
                    if line and inlines:
                        inlines.append(Span(" "))
                    inlines.extend(line)
                    jc = p.find(f"{w('pPr')}/{w('jc')}")
                    if jc is not None and not align:
                        align = jc.get(w("val"), "")
                row.append(((() if merged else _tidy(inlines)), align))
                row.extend(((), "") for _ in range(span - 1))
            rows.append(row)
        return rows


def _children(parent: etree._Element, tag: str) -> Iterator[etree._Element]:
    """Rows of a table or cells of a row, through content controls and custom XML."""
    for child in parent:
        if child.tag == w(tag):
            yield child
        elif child.tag in (w("sdt"), w("customXml"), w("sdtContent"), w("ins")):
            yield from _children(child, tag)


def _mark_deleted(p: etree._Element) -> bool:
    mark = p.find(f"{w('pPr')}/{w('rPr')}/{w('del')}")
    return mark is not None


def _left_indent(ppr: etree._Element | None) -> int:
    ind = ppr.find(w("ind")) if ppr is not None else None
    if ind is None:
        return 0
    value = ind.get(w("left")) or ind.get(w("start")) or "0"
    try:
        return int(value)
    except ValueError:
        return 0


# units → blocks ----------------------------------------------------------------------------
@dataclass
class FigureFound:
    """A picture met while reading; the proposal reader saves it and fills in the path."""

    image: Image
    paragraph: int


@dataclass
class _Item:
    ordered: bool
    depth: int
    start: int
    list_id: int
    blocks: list[Block]
    abstract: int = -1


def _inlines(pieces: list[Piece]) -> Inlines:
    """Pieces of one line as inline runs: tabs and line breaks as spaces, markers kept as is
    (the proposal reader maps them to citations)."""
    out: list[Inline] = []
    for piece in pieces:
        if isinstance(piece, Span):
            text = piece.text.replace("\t", " ")
            if text:
                out.append(Span(text, piece.bold, piece.italic, piece.superscript, piece.subscript))
        elif isinstance(piece, Marker):
            out.append(piece)  # type: ignore[arg-type]  # resolved before anything else sees it
        elif piece == "\n":
            out.append(Span(" "))
    return _tidy(out)


def _tidy(inlines: list[Inline] | Inlines) -> Inlines:
    """Leading and trailing white space (ideographic spaces typed as an indent included)
    dropped; adjacent runs with the same look joined; empty runs gone."""
    runs = list(inlines)
    while runs and isinstance(runs[0], Span) and not runs[0].text.strip():
        runs.pop(0)
    while runs and isinstance(runs[-1], Span) and not runs[-1].text.strip():
        runs.pop()
    if runs and isinstance(runs[0], Span):
        first = runs[0]
        runs[0] = Span(
            first.text.lstrip(), first.bold, first.italic, first.superscript, first.subscript
        )
    if runs and isinstance(runs[-1], Span):
        last = runs[-1]
        runs[-1] = Span(
            last.text.rstrip(), last.bold, last.italic, last.superscript, last.subscript
        )
    out: list[Inline] = []
    for run in runs:
        prev = out[-1] if out else None
        if isinstance(run, Span) and isinstance(prev, Span):
            same = (prev.bold, prev.italic, prev.superscript, prev.subscript) == (
                run.bold,
                run.italic,
                run.superscript,
                run.subscript,
            )
            if same or not run.text.strip():
                out[-1] = Span(
                    prev.text + run.text, prev.bold, prev.italic, prev.superscript, prev.subscript
                )
                continue
        if isinstance(run, Span) and not run.text:
            continue
        out.append(run)
    return tuple(out)


def strip_prefix(inlines: Inlines, pattern: re.Pattern[str]) -> Inlines:
    """`inlines` without the text `pattern` matches at their start (a caption's "表 1 ", a
    sub-heading's "（一）"), even when the match spans runs."""
    text = "".join(r.text for r in inlines if isinstance(r, Span))
    match = pattern.match(text)
    if not match or not match.end():
        return inlines
    left = match.end()
    out: list[Inline] = []
    for run in inlines:
        if left and isinstance(run, Span):
            cut = min(left, len(run.text))
            left -= cut
            rest = run.text[cut:]
            if rest:
                out.append(Span(rest, run.bold, run.italic, run.superscript, run.subscript))
            continue
        out.append(run)
    return _tidy(out)


def is_caption(para: Para) -> bool:
    return para.caption or bool(_CAPTION.match(para.text))


def caption_kind(para: Para) -> str:
    """'table', 'figure' or '' from the caption's label."""
    match = _CAPTION.match(para.text)
    if not match:
        return ""
    return "table" if match.group(1) in ("表", "Table") else "figure"


def paragraph_lines(para: Para) -> list[Inlines]:
    """The paragraph as the lines its manual line breaks make (each one a paragraph)."""
    lines: list[list[Piece]] = [[]]
    for piece in para.pieces:
        if piece == "\n":
            lines.append([])
        elif not isinstance(piece, Image):
            lines[-1].append(piece)
    out = [_inlines(line) for line in lines]
    return [line for line in out if line]


class BlockBuilder:
    """Units of one section → blocks; figures are collected for the caller to save."""

    def __init__(self, reader: BodyReader, figure_path) -> None:
        self.reader = reader
        self.figure_path = figure_path  # (FigureFound) -> str | None: where it was saved
        self.blocks: list[Block] = []
        self.items: list[_Item] = []  # the open list's items, flat, with their depths
        self.pending_caption: Inlines | None = None
        self.notes: list[tuple[int, str]] = []

    def add(self, unit: Unit) -> None:
        if isinstance(unit, TableUnit):
            self._close_list()
            self._table(unit)
            return
        para = unit
        for image in para.images:
            self._close_list()
            self._figure(para, image)
        if not para.text.strip():
            return
        if (is_caption(para) and caption_kind(para) != "") or para.caption:
            caption = strip_prefix(_inlines(para.pieces), _CAPTION)
            last = self.blocks[-1] if self.blocks else None
            if (
                caption_kind(para) != "table"
                and isinstance(last, Figure)
                and not last.caption
                and not self.items
            ):
                self.blocks[-1] = Figure(last.path, caption, last.width_percent)
                return
            if caption_kind(para) != "figure":
                self._close_list()
                self.pending_caption = caption
                return
        if para.heading is not None and para.heading >= 1:
            self._close_list()
            level = max(1, min(para.heading - 1, 3))
            text = strip_prefix(_inlines(para.pieces), _SUB_NUMBER)
            if text:
                self.blocks.append(Heading(level, text))
            return
        self._text(para)

    def finish(self) -> tuple[Block, ...]:
        self._close_list()
        if self.pending_caption:
            self.blocks.append(Paragraph(self.pending_caption))
            self.pending_caption = None
        return tuple(self.blocks)

    # ---------------------------------------------------------------------------------
    def _text(self, para: Para) -> None:
        lines = paragraph_lines(para)
        info = para.list
        typed = None
        if info is None and lines:
            typed = _typed_marker(lines[0])
        if info is not None or typed is not None:
            if typed is not None:
                ordered, start, lines[0] = typed
                depth = max(1, round(para.indent / _INDENT_STEP)) if para.indent else 1
                info = ListInfo(ordered, depth, -1, start)
            assert info is not None
            self._flush_caption()
            self._item(info, [Paragraph(line) for line in lines])
            return
        if self.items and para.indent > 0:  # a second paragraph of a list item
            self.items[-1].blocks.extend(Paragraph(line) for line in lines)
            return
        self._close_list()
        self._flush_caption()
        self.blocks.extend(Paragraph(line) for line in lines)

    def _item(self, info: ListInfo, blocks: list[Block]) -> None:
        if self.items:
            top = self.items[0]
            last = next((i for i in reversed(self.items) if i.depth == info.depth), None)
            # Word's rule: a num with a start override begins a new list; nums that share one
            # definition continue each other (LibreOffice writes a list's items that way)
            restarted = (
                info.ordered
                and last is not None
                and (
                    (info.restarts and info.num_id != last.list_id)
                    or info.abstract != last.abstract
                )
            )
            if info.depth == top.depth and (info.ordered != top.ordered or restarted):
                self._close_list()
        self.items.append(
            _Item(info.ordered, info.depth, info.start, info.num_id, blocks, info.abstract)
        )

    def _close_list(self) -> None:
        if self.items:
            self.blocks.extend(_build_lists(self.items))
            self.items = []

    def _flush_caption(self) -> None:
        if self.pending_caption:
            self.blocks.append(Paragraph(self.pending_caption))
            self.pending_caption = None

    def _table(self, unit: TableUnit) -> None:
        rows = self.reader.table_cells(unit.element)
        rows = [r for r in rows if r]
        if not rows:
            return
        width = max(len(r) for r in rows)
        ragged = any(len(r) != width for r in rows)
        padded = [r + [((), "")] * (width - len(r)) for r in rows]
        header = tuple(_unbold(c) for c, _ in padded[0])
        body = tuple(tuple(c for c, _ in r) for r in padded[1:])
        sample = padded[1] if len(padded) > 1 else padded[0]
        align = tuple(_align(a) for _, a in sample)
        caption = self.pending_caption or ()
        self.pending_caption = None
        self.blocks.append(Table(header, body, align, caption, ragged))

    def _figure(self, para: Para, image: Image) -> None:
        self._flush_caption()
        path = self.figure_path(FigureFound(image, para.number))
        if path is None:
            return
        self.blocks.append(Figure(path[0], (), path[1]))


def _unbold(cell: Inlines) -> Inlines:
    """A header cell without the bold the exporter gives every header cell."""
    spans = [r for r in cell if isinstance(r, Span) and r.text.strip()]
    if not spans or not all(r.bold for r in spans):
        return cell
    return _tidy(
        [
            Span(r.text, False, r.italic, r.superscript, r.subscript) if isinstance(r, Span) else r
            for r in cell
        ]
    )


def _align(value: str) -> Align:
    if value in ("center", "centre"):
        return "center"
    if value in ("right", "end"):
        return "right"
    if value in ("left", "start"):
        return "left"
    return "default"


def _typed_marker(line: Inlines) -> tuple[bool, int, Inlines] | None:
    """A list item typed by hand or by the exporter's fallback: `•\\t` or `3.\\t`."""
    first = line[0] if line else None
    if not isinstance(first, Span):
        return None
    match = _TYPED_MARKER.match(first.text)
    if not match or ("\t" not in match.group(0) and not match.group(1)):
        return None
    rest = first.text[match.end() :]
    runs = (
        (Span(rest, first.bold, first.italic, first.superscript, first.subscript),) if rest else ()
    ) + line[1:]
    ordered = match.group(2) is not None
    return ordered, int(match.group(2)) if ordered else 1, _tidy(runs)


def _build_lists(items: list[_Item]) -> list[ListBlock]:
    """Flat items with depths → nested list blocks. A deeper item opens a list inside the item
    before it; a change between bullets and numbers at the same depth starts a new list."""
    out: list[ListBlock] = []
    i = 0
    while i < len(items):
        depth = items[i].depth
        ordered = items[i].ordered
        group: list[ListItem] = []
        start = items[i].start
        while i < len(items) and items[i].depth >= depth:
            item = items[i]
            if item.depth == depth and item.ordered != ordered:
                break
            if item.depth > depth:
                j = i
                while j < len(items) and items[j].depth > depth:
                    j += 1
                nested = _build_lists(items[i:j])
                if group:
                    last = group[-1]
                    group[-1] = ListItem((*last.blocks, *nested))
                else:
                    group.append(ListItem(tuple(nested)))
                i = j
                continue
            group.append(ListItem(tuple(item.blocks)))
            i += 1
        out.append(ListBlock(ordered, tuple(group), start if ordered else 1))
    return out
