"""Stand-in for branch `doc-markdown` (planner/document/markdown.py) until it merges: every
non-blank line is a plain paragraph. Delete when `parse_section` is in."""

from __future__ import annotations

from planner.document.blocks import Blocks, Paragraph, Span


def parse_section(text: str) -> Blocks:
    return tuple(Paragraph((Span(line.strip()),)) for line in text.splitlines() if line.strip())
