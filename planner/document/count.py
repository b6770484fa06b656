"""Character counts as Chinese applicants know them from Word's 字数: each CJK character
(and full-width punctuation) counts 1, each run of other non-space characters (a Latin word,
a number) counts 1.

`count_section` is the one count of a section (the editor, `validate`, the office summary):
Word's 字数 of the text as exported, so markup and citation keys do not count, table cells
and captions do. `count_chars` counts plain text.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the model's dataclasses load with the first non-empty section, not at start
    from planner.document.blocks import Blocks, Inlines

# CJK ideographs, kana, hangul, CJK and full-width punctuation count one each; the
# ideographic space U+3000 (a paragraph's "　　" indent) is a space, as Word counts it.
_EAST_ASIAN = (
    "\u2e80-\u2fff\u3001-\u303f\u3040-\u30ff\u3100-\u312f\u3190-\u31ff\u3400-\u4dbf"
    "\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003ffff"
)
# Quotes, dashes and the ellipsis are shared by Chinese and Latin text (Unicode's "ambiguous"
# width): Word sets them in the East Asian font inside Chinese text, where each counts 1 like
# any full-width mark, and in the Latin font inside Latin text, where they belong to the word.
_SHARED = "\u2018\u2019\u201c\u201d\u2013\u2014\u2026"
_CITATION_MARKER = "[1]"  # what a citation becomes in the export: one non-CJK word


@cache
def _token() -> re.Pattern[str]:
    # compiled on first use (~3 ms): the window starts with empty sections and needs no count
    return re.compile(rf"[{_EAST_ASIAN}]|[^\s{_EAST_ASIAN}]+")


@cache
def _shared() -> tuple[re.Pattern[str], re.Pattern[str]]:
    return re.compile(f"[{_SHARED}]+"), re.compile(f"[{_EAST_ASIAN}]")


def _settle_shared(found: re.Match[str]) -> str:
    """A run of quotes/dashes beside a CJK character is full-width (一 stands for each),
    otherwise it is part of the Latin word around it (a stands for each)."""
    text, (start, end) = found.string, found.span()
    east_asian = _shared()[1]
    beside = text[start - 1 : start] + text[end : end + 1]
    return ("\u4e00" if east_asian.search(beside) else "a") * (end - start)


def count_chars(text: str) -> int:
    """Word-style count of plain text: 每个汉字计 1, each Latin word or number 1.

    `don’t stop` counts 2 (an apostrophe inside a Latin word is part of it); in `“全域经营”时代`
    each quote counts 1, as Word counts quotes typed in Chinese text (full-width, East Asian
    font); a dash or ellipsis between Chinese characters (`研究——方法`, `等等……`) counts 1 per
    character. A lone quote between spaces is a word of its own, as Word counts it."""
    if not text:
        return 0
    shared, _ = _shared()
    if shared.search(text) is not None:
        text = shared.sub(_settle_shared, text)
    return len(_token().findall(text))


def inlines_text(inlines: Inlines) -> str:
    """The text of runs as Word sees it in the export: a citation is its numeric marker."""
    from planner.document.blocks import Citation

    return "".join(_CITATION_MARKER if isinstance(run, Citation) else run.text for run in inlines)


def count_blocks(blocks: Blocks) -> int:
    """Word's 字数 of the blocks as exported: paragraphs, headings, list items, table cells and
    captions, figure captions; each counted apart (a cell's last word never joins the next).
    The labels the exporter adds (表 1, 图 1, heading numbers) are not the applicant's text and
    are left out, as Word leaves out list numbers."""
    from planner.document.blocks import iter_inlines

    return sum(count_chars(inlines_text(inlines)) for inlines in iter_inlines(blocks))


def count_section(markdown_text: str) -> int:
    """Word's 字数 of a section's Markdown as it will be exported (`**加粗**` counts 2)."""
    if not markdown_text or markdown_text.isspace():
        return 0  # without importing the parser: empty sections are what the window starts with
    from planner.document.markdown import parse_section  # markdown-it: ~60 ms to import

    return count_blocks(parse_section(markdown_text))
