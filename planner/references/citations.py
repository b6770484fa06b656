"""Numeric citations (顺序编码制): numbers in order of first citation, and their markers.

The whole document is numbered at once, its sections in the order of the form, so a work
first cited in section 3 and again in section 1 keeps the number its first citation gave it.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping, Sequence

from planner.document.blocks import Blocks, citation_keys

UNKNOWN_MARKER = "[?]"  # a key with no reference: validation reports it, the marker shows it


def document_citation_keys(sections: Iterable[Blocks]) -> list[str]:
    """Cited keys of the whole document in order of first citation, each once."""
    seen: dict[str, None] = {}
    for blocks in sections:
        for key in citation_keys(blocks):
            seen.setdefault(key, None)
    return list(seen)


def section_order(sections: Mapping[str, str], form_keys: Sequence[str]) -> list[str]:
    """The sections as the document prints them: the form's order, then any the form lacks."""
    return [k for k in form_keys if k in sections] + [k for k in sections if k not in form_keys]


def text_citation_keys(sections: Mapping[str, str], form_keys: Sequence[str]) -> list[str]:
    """`document_citation_keys` of sections' Markdown text, parsed in the form's order."""
    from planner.document.markdown import parse_section

    order = section_order(sections, form_keys)
    return document_citation_keys(parse_section(sections[k]) for k in order if "@" in sections[k])


def number_citations(cited_keys: Iterable[str], known: Collection[str]) -> dict[str, int]:
    """1, 2, 3… for the cited keys that have a reference, in citation order.

    Keys without a reference get no number, so the markers and the printed list agree."""
    numbers: dict[str, int] = {}
    for key in cited_keys:
        if key in known and key not in numbers:
            numbers[key] = len(numbers) + 1
    return numbers


def marker(keys: Sequence[str], numbers: Mapping[str, int]) -> str:
    """`[1]`, `[1,2]`, `[1-3]`: the numbers in ascending order, three or more consecutive
    ones joined as a range (GB/T 7714-2015, 10.1.2)."""
    found = sorted({numbers[k] for k in keys if k in numbers})
    if not found:
        return UNKNOWN_MARKER
    parts: list[str] = []
    start = prev = found[0]
    for n in [*found[1:], None]:
        if n is not None and n == prev + 1:
            prev = n
            continue
        if prev - start >= 2:
            parts.append(f"{start}-{prev}")
        else:
            parts.extend(str(i) for i in range(start, prev + 1))
        if n is not None:
            start = prev = n
    return "[" + ",".join(parts) + "]"


def rename_citation_key(text: str, old: str, new: str) -> str:
    """`text` (a section's Markdown) with each citation of `old` citing `new` instead:
    `[@old]` → `[@new]`, `[@a; @old]` → `[@a; @new]`; the rest of the text byte for byte."""
    from planner.document.markdown_inline import CITATION, KEY

    one_key = re.compile(rf"@({KEY})")

    def in_citation(found: re.Match[str]) -> str:
        return one_key.sub(lambda k: f"@{new}" if k.group(1) == old else k.group(0), found.group(0))

    return CITATION.sub(in_citation, text) if f"@{old}" in text else text
