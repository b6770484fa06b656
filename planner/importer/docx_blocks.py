"""One section's units (from `planner.importer.docx_body`) as the document model's blocks —
the way back of `planner.export` (issue 15), in the spirit of novelWriter's `fromqdoc.py`,
which reads a QTextDocument back into its text format: paragraphs, sub-headings without their
（一） numbers, lists rebuilt from Word's numbering, tables with their captions, figures.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

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
from planner.importer.docx_body import BodyReader, Para, TableUnit, Unit
from planner.importer.docx_inlines import Image, Piece, line_inlines, tidy
from planner.importer.docx_styles import ListInfo

_CAPTION = re.compile(r"^\s*(表|图|Table|Figure|Fig\.)\s*\d+(?:[-.．]\d+)*\s*[:：.．]?\s*")
_SUB_NUMBER = re.compile(
    r"^\s*(?:[（(][一二三四五六七八九十百]+[）)]|[一二三四五六七八九十百]+[、.．]"
    r"|\d+(?:\.\d+)*[.、．](?!\d)|[（(]\d+[）)])\s*"
)
_TYPED_MARKER = re.compile(r"^(?:([•·●○■□◆▪\-–*])|(\d{1,3})[.．、)）])[\t ]+")
_INDENT_STEP = 420  # twips: the exporter's list indent (0.74 cm)


FigurePlace = tuple[str, int | None]  # a saved figure's path and its width in percent


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
    return tidy(out)


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
    out = [line_inlines(line) for line in lines]
    return [line for line in out if line]


class BlockBuilder:
    """Units of one section → blocks; figures are collected for the caller to save."""

    def __init__(
        self, reader: BodyReader, figure_path: Callable[[FigureFound], FigurePlace | None]
    ) -> None:
        self.reader = reader
        self.figure_path = figure_path  # where the figure was saved, None if it was not
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
            caption = strip_prefix(line_inlines(para.pieces), _CAPTION)
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
            text = strip_prefix(line_inlines(para.pieces), _SUB_NUMBER)
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
    return tidy(
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
    return ordered, int(match.group(2)) if ordered else 1, tidy(runs)


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
