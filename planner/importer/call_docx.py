"""Read a call's topic list from a Word file into the text the importer reads.

Each paragraph becomes one line with a blank line after it, so that paragraph N is on line 2N-1
(call_import maps the report back to paragraphs). Heading styles become Markdown headings, list
paragraphs become `- ` items, and numbers that Word draws itself (automatic heading and list
numbering, absent from the paragraph's text) are written out where the structure needs them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from planner.errors import CallFileError
from planner.formats.yaml_lines import excerpt
from planner.formats.zip_guard import read_office_file
from planner.importer.call_lines import join_broken


def docx_call_text(path: Path) -> str:
    """The paragraphs of a .docx as importer text (docx_call_parts without the tables)."""
    return docx_call_parts(path)[0]


def docx_call_parts(path: Path) -> tuple[str, list[tuple[int, int, str]]]:
    """The paragraphs of a .docx as importer text, and the tables it leaves out as (line of
    the text where each stands, its rows, the start of its text). Raises CallFileError if it
    is not a usable .docx: sizes are checked before parsing (planner.formats.zip_guard), and
    whatever a malformed package makes python-docx or lxml raise becomes one message."""
    import docx  # lazy: python-docx costs ~0.2 s to import
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph

    data = read_office_file(path, CallFileError, "Word file")
    try:
        document = docx.Document(data)
        numbers = _HeadingNumbers()
        lines: list[str] = []
        tables: list[tuple[int, int, str]] = []
        for child in document.element.body.iterchildren():
            if child.tag == qn("w:p"):
                lines.append(_paragraph_line(Paragraph(child, document), numbers))
                lines.append("")
            elif child.tag == qn("w:tbl"):
                rows = child.findall(qn("w:tr"))
                first = "".join(t.text or "" for t in child.iter(qn("w:t")))
                tables.append((len(lines) + 1, len(rows), excerpt(first, 40)))
    except Exception as exc:  # hostile XML: lxml, KeyError, AttributeError, IndexError, …
        raise CallFileError(str(path), f"cannot read the Word file: {_reason(exc)}") from None
    return "\n".join(lines), tables


def _reason(exc: Exception) -> str:
    """Why python-docx failed, briefly and without quoting the file at length."""
    from lxml.etree import XMLSyntaxError

    if isinstance(exc, XMLSyntaxError):
        return f"broken XML ({excerpt(exc, 80)})"
    if isinstance(exc, ValueError) and "content type" in str(exc):
        return "it is not a Word document (a .docm, a template or another Office file?)"
    return f"a broken part ({type(exc).__name__}: {excerpt(exc, 60)})"


def _paragraph_line(paragraph: Any, numbers: _HeadingNumbers) -> str:
    text = _one_line(paragraph.text)
    style = paragraph.style.name.lower() if paragraph.style is not None else ""
    if not text.strip() or style.startswith("toc"):
        return ""  # a table of contents field's entries
    numbered = _has_numbering(paragraph)
    if style.startswith("heading ") and style[8:].isdigit():
        level = int(style[8:])
        if numbered and not text[:1].isdigit():
            number = numbers.next(level)
            text = f"{number}{'' if '.' in number else '.'} {text}"
        return f"{'#' * level} {text}"
    if (numbered or style.startswith("list")) and not text[:1].isdigit():
        return f"- {text}"
    return text


def _one_line(text: str) -> str:
    """A paragraph's manual line breaks joined like a page break's; tabs as spaces."""
    line = ""
    for part in text.replace("\t", " ").split("\n"):
        line = join_broken(line, part.strip())
    return line


def _has_numbering(paragraph: Any) -> bool:
    """Whether Word numbers this paragraph, directly or through its style (or the style's base)."""
    p_pr = paragraph._p.pPr
    if p_pr is not None and p_pr.numPr is not None:
        return True
    style = paragraph.style
    seen: set[str] = set()
    while style is not None and style.style_id not in seen:  # a style based on itself ends
        seen.add(style.style_id)
        s_pr = style.element.pPr
        if s_pr is not None and s_pr.numPr is not None:
            return True
        style = style.base_style
    return False


class _HeadingNumbers:
    """Outline numbers (`1`, `1.1`) for headings Word numbers itself, counted from the first."""

    def __init__(self) -> None:
        self.top: int | None = None
        self.counts: list[int] = []

    def next(self, level: int) -> str:
        if self.top is None or level < self.top:
            self.top, self.counts = level, []
        depth = level - self.top + 1
        self.counts = (self.counts + [0] * depth)[:depth]
        self.counts[-1] += 1
        return ".".join(str(n) for n in self.counts)
