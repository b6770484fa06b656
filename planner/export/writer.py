"""Adds paragraphs and runs to a document; every string goes through `clean_text` here."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from docx.document import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm
from docx.text.paragraph import Paragraph
from lxml.etree import SubElement, _Element

from planner.export.clean import clean_text, significant
from planner.export.styles import DocStyles
from planner.export.typography import PLACEHOLDER_GREY

if TYPE_CHECKING:
    from docx.oxml.text.paragraph import CT_P

_LIST_INDENT = Cm(0.74)
_PPR, _PSTYLE, _VAL = qn("w:pPr"), qn("w:pStyle"), qn("w:val")
_R, _RPR, _B, _I, _COLOR = qn("w:r"), qn("w:rPr"), qn("w:b"), qn("w:i"), qn("w:color")
_SZ, _VERT = qn("w:sz"), qn("w:vertAlign")
_T, _BR, _TAB, _SPACE = qn("w:t"), qn("w:br"), qn("w:tab"), qn("xml:space")
_NUMPR, _ILVL, _NUMID = qn("w:numPr"), qn("w:ilvl"), qn("w:numId")


@dataclass
class ListLevel:
    """One open list: a real Word list (`style_id`, `num_id`) or, in a template without list
    styles, indented paragraphs with a typed bullet or number."""

    ordered: bool
    depth: int
    style_id: str | None
    num_id: int | None
    number: int


class Writer:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        # what we write ourselves, for the verification (the applicant's text is counted apart)
        self.own: Counter[str] = Counter()
        self._counting_own = True
        self.styles = DocStyles(doc)
        self._body = doc._body
        self._end = doc.element.body.sectPr  # the body's last child: insert before it

    def paragraph(self, style_id: str | None = None) -> Paragraph:
        # python-docx's add_paragraph looks for the body's sectPr with a linear scan on every
        # call, which makes a long document quadratic; we keep a reference instead
        p = cast("CT_P", OxmlElement("w:p"))  # the registered element class of w:p
        self.insert(p)
        if style_id is not None:
            # built directly: python-docx's get_or_add_* scans long successor lists per call
            ppr = SubElement(p, _PPR)
            SubElement(ppr, _PSTYLE).set(_VAL, style_id)
        return Paragraph(p, self._body)

    def insert(self, element: _Element) -> None:
        """Place a body-level element (a paragraph, a table) after everything written so far."""
        if self._end is not None:
            self._end.addprevious(element)
        else:
            self.doc.element.body.append(element)

    @contextmanager
    def applicant(self) -> Iterator[None]:
        """Runs written inside are the applicant's text, not counted into `own`."""
        self._counting_own = False
        try:
            yield
        finally:
            self._counting_own = True

    def run(
        self,
        paragraph: Paragraph,
        text: str,
        *,
        bold: bool = False,
        italic: bool = False,
        grey: bool = False,
        superscript: bool = False,
        subscript: bool = False,
        half_points: int | None = None,
    ) -> None:
        text = clean_text(text)
        if not text:
            return
        if self._counting_own:
            self.own.update(significant(text))
        r = SubElement(paragraph._p, _R)
        if bold or italic or grey or superscript or subscript or half_points:
            rpr = SubElement(r, _RPR)  # children in schema order: b, i, color, sz, vertAlign
            if bold:
                SubElement(rpr, _B)
            if italic or grey:
                SubElement(rpr, _I)
            if grey:
                SubElement(rpr, _COLOR).set(_VAL, str(PLACEHOLDER_GREY))
            if half_points:
                SubElement(rpr, _SZ).set(_VAL, str(half_points))
            if superscript or subscript:
                SubElement(rpr, _VERT).set(_VAL, "superscript" if superscript else "subscript")
        _set_run_text(r, text)

    def text_paragraph(self, text: str, style_id: str | None = None, **fmt: bool) -> Paragraph:
        paragraph = self.paragraph(style_id)
        self.run(paragraph, text, **fmt)
        return paragraph

    def placeholder(self, text: str) -> Paragraph:
        """Grey italic text for the applicant to replace."""
        return self.text_paragraph(text, self.styles.body, grey=True)

    # lists -------------------------------------------------------------------------------
    def open_list(self, ordered: bool, depth: int, start: int = 1) -> ListLevel:
        style_id = self.styles.list_style(ordered, depth)
        num_id = None
        if ordered and style_id is not None:
            num_id = self.styles.restart_numbering(style_id, start)
            if num_id is None:
                style_id = None  # cannot restart: typed numbers are better than wrong ones
        return ListLevel(ordered, depth, style_id, num_id, start - 1)

    def list_item(self, level: ListLevel) -> Paragraph:
        level.number += 1
        if level.style_id is not None:
            paragraph = self.paragraph(level.style_id)
            if level.num_id is not None:  # after pStyle, as the schema orders them
                ppr = paragraph._p.pPr
                assert ppr is not None  # self.paragraph wrote it, with the style
                num_pr = SubElement(ppr, _NUMPR)
                SubElement(num_pr, _ILVL).set(_VAL, "0")
                SubElement(num_pr, _NUMID).set(_VAL, str(level.num_id))
            return paragraph
        paragraph = self.paragraph(self.styles.normal)
        self._indent(paragraph, level.depth)
        self.run(paragraph, f"{level.number}.\t" if level.ordered else "•\t")
        return paragraph

    def list_continuation(self, depth: int) -> Paragraph:
        """A second paragraph inside a list item: indented like the item, no bullet."""
        paragraph = self.paragraph(self.styles.normal)
        paragraph.paragraph_format.left_indent = _LIST_INDENT * (depth + 1)  # under the text
        return paragraph

    @staticmethod
    def _indent(paragraph: Paragraph, depth: int) -> None:
        pf = paragraph.paragraph_format
        pf.left_indent = _LIST_INDENT * depth
        pf.first_line_indent = -_LIST_INDENT
        pf.tab_stops.add_tab_stop(_LIST_INDENT * depth)


def _set_run_text(r: _Element, text: str) -> None:
    """`w:t` pieces with `w:br` for newlines and `w:tab` for tabs. python-docx's `run.text`
    does the same one character at a time, which dominates the export of long sections."""
    for i, line in enumerate(text.split("\n")):
        if i:
            SubElement(r, _BR)
        for j, piece in enumerate(line.split("\t")):
            if j:
                SubElement(r, _TAB)
            if piece:
                t = SubElement(r, _T)
                t.text = piece
                if piece[0].isspace() or piece[-1].isspace():
                    t.set(_SPACE, "preserve")
