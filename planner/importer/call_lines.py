"""The lines of a call's topic list: what each line looks like, which are noise, and paragraphs.

Text exported from a call's PDF or Word file carries a table of contents, "返回目录" links, page
numbers and paragraphs cut by page breaks; this module drops the noise and regroups the rest into
blocks (paragraphs) that keep their first line number. planner/importer/call_import.py gives
them structure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

# `1. 标题`, `1、标题`, `一、标题`, `## 1. Title` (a Markdown heading of any level)
AREA = re.compile(r"^(?:#{1,6}\s*)?(?:(\d+)(?:\\?[.．]|、)|([一二三四五六七八九十]+)、)\s*(\S.*)$")
# `1.1 标题`, `1.1. 标题`, `1.1、标题`, `1.1标题`, `### 1.1 Title`
TOPIC = re.compile(r"^(?:#{1,6}\s*)?(\d+[.．]\d+)(?:[.．、]\s*|\s+|(?=[\u4e00-\u9fff]))(\S.*)$")
# `建议研究方向：`, `Suggested research directions:`; text may follow the colon
DIRECTIONS = re.compile(
    r"^(?:#{1,6}\s*)?(?:建议的?研究方向|研究方向建议|(?:suggested )?research directions"
    r"|suggested directions)\s*(?:[:：]\s*(.*))?$",
    re.IGNORECASE,
)
# `1)`, `1）`, `1.`, `1、`, `(1)`, `（1）`, `①`, optionally behind a Markdown bullet `- `
ITEM = re.compile(
    rf"^(?:[-*+•]\s+)?(?:(\d+)[)）]|(\d+)(?:\\?[.．]|、)(?!\d)|[(（](\d+)[)）]|([{_CIRCLED}]))"
    r"\s*(\S.*)$"
)
BULLET = re.compile(r"^[-*+•]\s+(\S.*)$")
# Every pattern here is anchored at the line's start and has no two adjacent unbounded parts
# that can trade characters, so matching is linear in the line: a 16,000-character line of
# dots took 7 s when contents lines were found with `^.*?(?:\.{4,}|…)\s*\d+$` (quadratic).
# What must be found "anywhere in the line" is plain string work (`is_noise`, `note_text`).
_NOISE = re.compile(
    r"(?:\|.*"  # a Markdown table row: the table of contents
    r"|[-*+]?\s*\[[^\]]*\]\(#[^)]*\)"  # a Markdown link list item to an anchor: contents
    r"|[↑^]?\s*\[?(?:返回目录|返回顶部)\]?(?:\(.*\))?"
    r"|\[?back to (?:contents|top|the contents)\]?(?:\(.*\))?"
    r"|\d{1,3}|[-—–]\s*\d+\s*[-—–]|第\s*\d+\s*页(?:\s*[,，]?\s*共\s*\d+\s*页)?"
    r"|page\s+\d+(?:\s+of\s+\d+)?|\d+\s*/\s*\d+)",
    re.IGNORECASE,
)
# the dot leaders of a contents line: `....`, `……`, `····`, `. . . .`
_LEADERS = ("....", "……", "····")
_SPACED_DOTS = re.compile(r"\.\s\.\s\.\s\.")
# A paragraph that does not end like a sentence was cut by a page break.
SENTENCE_END = tuple("。！？；;.!?：:”」）)")
# Prose, not a heading: a heading does not end like a clause and is not long.
_CLAUSE_END = tuple("。；;，,")


@dataclass
class Block:
    """A paragraph (or a heading, an item) and the line it starts on."""

    line: int
    text: str


def join_broken(a: str, b: str) -> str:
    """Join two pieces of one sentence: a space between Latin letters/digits, none for Chinese."""
    if a and b and a[-1].isascii() and a[-1].isalnum() and b[0].isascii() and b[0].isalnum():
        return f"{a} {b}"
    return a + b


def looks_like_heading(title: str) -> bool:
    return len(title) <= 80 and not title.endswith(_CLAUSE_END)


def is_noise(line: str) -> bool:
    return bool(_NOISE.fullmatch(line)) or _is_contents_line(line)


def _is_contents_line(line: str) -> bool:
    """`标题 ........ 12`: dot leaders, then a page number, at the end of the line."""
    end = len(line)
    digits = end
    while digits and line[digits - 1].isdecimal():
        digits -= 1
    if digits == end:
        return False
    head = line[:digits].rstrip()
    return head.endswith(_LEADERS) or bool(_SPACED_DOTS.fullmatch(head[-7:]))


def note_text(line: str) -> str | None:
    """The text of the call's "(topics are not limited to the suggested directions …)"
    sentence, without its parentheses; None for any other line."""
    if len(line) < 2 or line[0] not in "（(" or line[-1] not in ")）":
        return None
    inner = line[1:-1]
    return inner if "不限于" in inner or "not limited" in inner.lower() else None


def _clean(raw: str) -> str:
    # Markdown bold and form feeds (pdftotext's page breaks) carry nothing for a call file.
    return raw.replace("\f", " ").replace("**", "").strip()


def _is_heading(line: str) -> bool:
    m = TOPIC.match(line) or AREA.match(line)
    return m is not None and looks_like_heading(m.groups()[-1])


def text_blocks(text: str) -> list[Block]:
    """Paragraphs (runs of non-blank lines) with their first line number; noise lines dropped.

    A heading is a block of its own; a list item or a directions intro starts one. A heading-like
    line inside a sentence (`…提升了` / `2.5 倍的速度`) is part of that sentence.
    """
    blocks: list[Block] = []
    current: Block | None = None
    current_heading = False
    # split on newlines only, so that line numbers are an editor's (splitlines also cuts at \f)
    for number, raw in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), 1):
        line = _clean(raw)
        if not line or is_noise(line):
            current = None
            continue
        heading = _is_heading(line)
        starts = bool(ITEM.match(line) or BULLET.match(line) or DIRECTIONS.match(line))
        if heading and current is not None and not current_heading:
            heading = current.text.endswith(SENTENCE_END)
        if current is None or starts or heading or current_heading:
            current = Block(number, line)
            current_heading = heading
            blocks.append(current)
        else:
            current.text = join_broken(current.text, line)
    return blocks


def numbered_item(line: str) -> tuple[int, str, str] | None:
    """(number, numbering style, text) of a numbered list item, or None."""
    m = ITEM.match(line)
    if not m:
        return None
    for style, group in zip(("paren", "dot", "brackets"), m.groups()[:3], strict=True):
        if group:
            return int(group), style, m.group(5).strip()
    return _CIRCLED.index(m.group(4)) + 1, "circled", m.group(5).strip()
