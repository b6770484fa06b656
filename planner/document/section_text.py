"""Section text → document blocks: the interim reader, until `planner.document.markdown`
(issue 12, branch doc-markdown) is merged; `assembly.parse_section` prefers that one.

Enough for the page layout to show real proposals: one paragraph per line, `#`–`###`
sub-headings, `-`/`*`/`+` and `1.` lists, `**bold**` and `*italic*`, `[@key]` citations.
"""

from __future__ import annotations

import re

from planner.document.blocks import (
    Block,
    Blocks,
    Citation,
    Heading,
    Inline,
    ListBlock,
    ListItem,
    Paragraph,
    Span,
)

_HEADING = re.compile(r"^(#{1,3})\s+(.*)$")
_BULLET = re.compile(r"^\s*[-*+]\s+(.*)$")
_NUMBER = re.compile(r"^\s*(\d{1,9})[.)]\s+(.*)$")
_INLINE = re.compile(r"\*\*(.+?)\*\*|\*(.+?)\*|\[(@[^\]]+)\]")


def parse_inlines(text: str) -> tuple[Inline, ...]:
    out: list[Inline] = []
    pos = 0
    for m in _INLINE.finditer(text):
        if m.start() > pos:
            out.append(Span(text[pos : m.start()]))
        if m.group(1) is not None:
            out.append(Span(m.group(1), bold=True))
        elif m.group(2) is not None:
            out.append(Span(m.group(2), italic=True))
        else:
            keys = tuple(k.strip().lstrip("@") for k in m.group(3).split(";") if k.strip())
            out.append(Citation(keys))
        pos = m.end()
    if pos < len(text):
        out.append(Span(text[pos:]))
    return tuple(out)


def parse_section_text(text: str) -> Blocks:
    blocks: list[Block] = []
    items: list[ListItem] = []
    ordered = False
    start = 1

    def close_list() -> None:
        if items:
            blocks.append(ListBlock(ordered, tuple(items), start))
            items.clear()

    for line in text.splitlines():
        if not line.strip():
            close_list()
            continue
        bullet, number = _BULLET.match(line), _NUMBER.match(line)
        if bullet or number:
            kind = number is not None
            if items and kind != ordered:
                close_list()
            if not items:
                ordered, start = kind, int(number.group(1)) if number else 1
            body = number.group(2) if number else bullet.group(1)  # type: ignore[union-attr]
            items.append(ListItem((Paragraph(parse_inlines(body)),)))
            continue
        close_list()
        heading = _HEADING.match(line)
        if heading:
            blocks.append(Heading(len(heading.group(1)), parse_inlines(heading.group(2))))
        else:
            blocks.append(Paragraph(parse_inlines(line.strip())))
    close_list()
    return tuple(blocks)
