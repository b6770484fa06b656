"""Section text with light Markdown → Word paragraphs, real list paragraphs and bold/italic runs.

Only what an applicant types in a plain text box is markup here: blank-line paragraphs,
`-`/`*`/`+` bullets, `1.` numbers, `**bold**`, `*italic*`. Everything else (headings, links,
HTML, code, entities) stays literal text, so no character the applicant typed is swallowed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from markdown_it import MarkdownIt
from markdown_it.token import Token

from planner.export.clean import clean_text
from planner.export.writer import ListLevel, Writer

_MD = MarkdownIt("zero").enable(["list", "emphasis", "newline"])


def parse_markup(text: str) -> list[Token]:
    return _MD.parse(clean_text(text))


def write_markup(writer: Writer, text: str, body_style: str | None) -> Counter[str]:
    """Append `text` as paragraphs and lists in `body_style`. Returns the characters of the
    `1.` list markers it consumed (Word draws those numbers itself), for the verification."""
    markers: Counter[str] = Counter()
    lists: list[ListLevel] = []
    paragraph = None
    item_starts = False
    for token in parse_markup(text):
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            ordered = kind == "ordered_list_open"
            start = int(token.attrs.get("start", 1)) if ordered else 1
            lists.append(writer.open_list(ordered, len(lists) + 1, start))
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif kind == "list_item_open":
            item_starts = True
            markers.update(token.info)
        elif kind == "paragraph_open":
            if lists and item_starts:
                paragraph = writer.list_item(lists[-1])
                item_starts = False
            elif lists:
                paragraph = writer.list_continuation(len(lists))
            else:
                paragraph = writer.paragraph(body_style)
        elif kind == "inline" and paragraph is not None:
            _write_inline(writer, paragraph, token.children or ())
    return markers


def _write_inline(writer: Writer, paragraph, children: Sequence[Token]) -> None:
    bold = italic = 0
    for child in children:
        kind = child.type
        if kind == "strong_open":
            bold += 1
        elif kind == "strong_close":
            bold -= 1
        elif kind == "em_open":
            italic += 1
        elif kind == "em_close":
            italic -= 1
        elif kind in ("softbreak", "hardbreak"):
            writer.run(paragraph, "\n")
        elif child.content:
            writer.run(paragraph, child.content, bold=bold > 0, italic=italic > 0)
