"""The text of an exported .docx per proposal section, as Word's 字数 would count it: every
paragraph of the body in document order (table cells, content controls included), without the
labels the exporter adds (sub-heading numbers, 表 1 / 图 1), which Word leaves out as it leaves
out list numbers."""

from __future__ import annotations

import io
import re
import zipfile

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_SECTION = re.compile(r"^[一二三四五六七八九十]+、(.+)$")
_HEADING_NUMBER = re.compile(r"^(（[一二三四五六七八九十]+）|\d+\. |（\d+）)")
_CAPTION_LABEL = re.compile(r"^[表图] \d+ ?")
# what a run holds, as text: a tab and a line break separate words as a space does
_PIECES = {f"{W}t": "", f"{W}tab": "\t", f"{W}br": "\n"}


def _style(p: etree._Element) -> str:
    found = p.find(f"{W}pPr/{W}pStyle")
    return (found.get(f"{W}val") or "") if found is not None else ""


def _text(p: etree._Element) -> str:
    runs = p.iter(f"{W}r")  # a run's children only: `w:tab` is also a tab stop in `w:pPr`
    text = "".join(_PIECES.get(e.tag) or e.text or "" for r in runs for e in r if e.tag in _PIECES)
    if _style(p) in ("Heading2", "Heading3", "Heading4"):
        return _HEADING_NUMBER.sub("", text, count=1)
    if _style(p) == "Caption":
        return _CAPTION_LABEL.sub("", text, count=1)
    return text


def exported_sections(data: bytes) -> dict[str, str]:
    """Section title → its text as written, one line per paragraph (or table cell)."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        body = etree.fromstring(package.read("word/document.xml")).find(f"{W}body")
    assert body is not None
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for p in body.iter(f"{W}p"):
        if _style(p) == "Heading1":
            found = _SECTION.match(_text(p))
            current = sections.setdefault(found.group(1), []) if found else None
        elif current is not None:
            current.append(_text(p))
    return {title: "\n".join(lines) for title, lines in sections.items()}
