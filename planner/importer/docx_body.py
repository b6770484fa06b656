"""A returned .docx's body as units: paragraphs and tables in reading order (issue 15).

Units keep what the proposal reader needs to place them: the paragraph's number (for the
report), the content control it sits in (`w:sdt` tag = section key) and whether that control
still shows its placeholder, its heading level and list numbering. Tracked changes are read as
if accepted. `planner.importer.docx_blocks` then reads one section's units as blocks.
"""

from __future__ import annotations

import builtins
from collections.abc import Iterator
from dataclasses import dataclass, field

from lxml import etree

from planner.document.blocks import Inline, Inlines, Span
from planner.importer.docx_inlines import Image, InlineReader, Piece, line_inlines, tidy
from planner.importer.docx_styles import ListInfo, WordStyles, w

MAX_PARAGRAPHS = 60_000  # a proposal has a few hundred; a 10,000-page file is refused
MAX_PAGES = 2_000
MAX_TABLE_CELLS = 20_000


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
    pieces: builtins.list[Piece]  # builtins: the field `list` hides the name for type checkers
    grey: bool  # every visible character is placeholder-grey
    indent: int  # left indent in twips
    caption: bool  # a Caption-style paragraph

    @property
    def text(self) -> str:
        return "".join(p.text for p in self.pieces if isinstance(p, Span))

    @property
    def images(self) -> builtins.list[Image]:
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
                    line = line_inlines(pieces)
                    if line and inlines:
                        inlines.append(Span(" "))
                    inlines.extend(line)
                    jc = p.find(f"{w('pPr')}/{w('jc')}")
                    if jc is not None and not align:
                        align = jc.get(w("val"), "")
                row.append(((() if merged else tidy(inlines)), align))
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
