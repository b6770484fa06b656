"""The count `validate` gives a section is the count of that section's text as exported: the
.docx is read back (its body XML walked: paragraphs, list items, table cells, captions) and
counted with the core's own function (issue 12, must have 4)."""

from __future__ import annotations

import io
import re
import zipfile

import golden_docx
import pytest
from lxml import etree

from planner.document.count import count_chars
from planner.formats.proposal_file import load_proposal
from planner.model.validate import section_counts

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_SECTION = re.compile(r"^[一二三四五六七八九十]+、(.+)$")
# labels the exporter adds, which Word's 字数 of the applicant's text leaves out as it leaves
# out list numbers: sub-heading numbers and caption labels (citation markers stay: they count)
_HEADING_NUMBER = re.compile(r"^(（[一二三四五六七八九十]+）|\d+\. |（\d+）)")
_CAPTION_LABEL = re.compile(r"^[表图] \d+ ?")


def style(p) -> str:
    found = p.find(f"{W}pPr/{W}pStyle")
    return found.get(f"{W}val") if found is not None else ""


def paragraph_text(p) -> str:
    text = "".join(t.text or "" for t in p.iter(f"{W}t"))
    if style(p) in ("Heading2", "Heading3", "Heading4"):
        text = _HEADING_NUMBER.sub("", text, count=1)
    elif style(p) == "Caption":
        text = _CAPTION_LABEL.sub("", text, count=1)
    return text


def _blocks(parent):
    """Body paragraphs and tables in order, through the sections' content controls."""
    for child in parent:
        if child.tag == f"{W}sdt":
            yield from _blocks(child.find(f"{W}sdtContent"))
        else:
            yield child


def exported_sections(data: bytes) -> dict[str, str]:
    """Section title → its text as written in the document, one line per paragraph or cell."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        body = etree.fromstring(package.read("word/document.xml")).find(f"{W}body")
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for child in _blocks(body):
        if child.tag == f"{W}p" and style(child) == "Heading1":
            found = _SECTION.match(paragraph_text(child))
            current = sections.setdefault(found.group(1), []) if found else None
        elif current is not None and child.tag == f"{W}p":
            current.append(paragraph_text(child))
        elif current is not None and child.tag == f"{W}tbl":
            current.extend(paragraph_text(p) for p in child.iter(f"{W}p"))
    return {title: "\n".join(lines) for title, lines in sections.items()}


@pytest.mark.parametrize("case", golden_docx.CASES, ids=lambda c: c.name)
def test_validate_counts_what_the_document_holds(call, case) -> None:
    proposal, _ = load_proposal(case.proposal)
    written = exported_sections(golden_docx.export_bytes(case))
    counts = {sc.title: sc.count for sc in section_counts(proposal, call)}
    filled = {t: n for t, n in counts.items() if n}
    assert filled, "the case has text"
    assert {t: count_chars(written[t]) for t in filled} == filled
    if case.name == "rich":  # the constructs whose counting matters are all there
        text = "\n".join(written.values())
        assert "估计误差 ≤ 15%" in text and "技术路线图" in text and "研究现状" in text
