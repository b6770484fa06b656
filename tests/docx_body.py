"""The body of an exported .docx as a reader sees it: paragraphs and tables in reading order,
through the content controls (`w:sdt`) that hold each section since issue 15.

python-docx's `Document.paragraphs` lists only the body's direct children, so a section's text
inside its control would be invisible to a test that used it (STYLE.md)."""

from __future__ import annotations

from collections.abc import Iterator

from docx.document import Document
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

_P, _TBL, _SDT, _CONTENT = qn("w:p"), qn("w:tbl"), qn("w:sdt"), qn("w:sdtContent")
_VANISH = f"{qn('w:pPr')}/{qn('w:rPr')}/{qn('w:vanish')}"


def _hidden_anchor(p) -> bool:
    """The empty, hidden paragraph that opens each of the exporter's content controls."""
    return p.tag == _P and p.find(qn("w:r")) is None and p.find(_VANISH) is not None


def body_items(doc: Document) -> Iterator:
    """Block-level paragraphs and tables, content controls opened (their hidden anchors
    left out: no reader sees them)."""

    def walk(parent) -> Iterator:
        for child in parent.iterchildren():
            if child.tag in (_P, _TBL) and not _hidden_anchor(child):
                yield child
            elif child.tag == _SDT:
                content = child.find(_CONTENT)
                if content is not None:
                    yield from walk(content)

    yield from walk(doc.element.body)


def body_paragraphs(doc: Document) -> list[Paragraph]:
    """What `doc.paragraphs` was before the sections sat in content controls."""
    return [Paragraph(p, doc._body) for p in body_items(doc) if p.tag == _P]


def body_tables(doc: Document) -> list[Table]:
    """What `doc.tables` was before the sections sat in content controls."""
    return [Table(t, doc._body) for t in body_items(doc) if t.tag == _TBL]
