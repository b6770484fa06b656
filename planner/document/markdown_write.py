"""The document model → a section's canonical Markdown (the inverse of `parse_section`).

One line per paragraph, no blank lines except between two tables; bullets `-` (`+` for a list
right after another), numbers `1.` (`1)` likewise); `**bold**`, `*italic*`, `^sup^`, `~sub~`;
captions as `Table: 标题` before the table (after it when the table before is uncaptioned, so
the caption cannot attach to that one). A character that would otherwise be markup is escaped
with a backslash, only where it could be read as markup.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from planner.document.blocks import (
    Block,
    Blocks,
    Citation,
    Figure,
    Heading,
    Inlines,
    ListBlock,
    Paragraph,
    ReferenceList,
    Span,
    Table,
)

_PUNCT = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_ALWAYS = frozenset("*^~|")
_LIST_START = re.compile(r"[-+](?=[ \t]|\Z)")
_NUMBER_START = re.compile(r"\d{1,9}(?=[.)]([ \t]|\Z))")
_CAPTION_START = re.compile(r"(?:[Tt]able)?(?=:)")
_HEADING_START = re.compile(r"#{1,3}(?=[ \t]|\Z)")
_ALIGN_ROW = {"default": "---", "left": ":--", "center": ":-:", "right": "--:"}
_MAX_NUMBER = 999_999_999  # a longer number is no list marker


def to_markdown(blocks: Blocks) -> str:
    """The canonical text of `blocks`, ending with a newline (empty for no blocks)."""
    lines = _container(blocks)
    return "\n".join(lines) + "\n" if lines else ""


def _container(blocks: Iterable[Block]) -> list[str]:
    lines: list[str] = []
    previous: Block | None = None
    alternate = False
    for block in blocks:
        if isinstance(block, ListBlock):
            same_kind = isinstance(previous, ListBlock) and previous.ordered == block.ordered
            alternate = not alternate if same_kind else False
            lines.extend(_list(block, alternate))
        elif isinstance(block, Table):
            if isinstance(previous, Table):
                lines.append("")  # else the second table's rows would continue the first
            after = isinstance(previous, Table) and not previous.caption
            lines.extend(_table(block, caption_after=after))
        elif isinstance(block, Paragraph):
            lines.append(_line_start(inlines_markdown(block.inlines)))
        elif isinstance(block, Heading):
            text = inlines_markdown(block.inlines)
            lines.append("#" * min(max(block.level, 1), 3) + (" " + text if text else ""))
        elif isinstance(block, Figure):
            lines.append(_figure(block))
        elif isinstance(block, ReferenceList):
            pass  # made by the exporter from the proposal's references, never typed
        previous = block
    return lines


def _list(block: ListBlock, alternate: bool) -> list[str]:
    lines: list[str] = []
    count = len(block.items)
    sequential = block.start + count - 1 <= _MAX_NUMBER
    start = min(max(block.start, 0), _MAX_NUMBER)
    for n, item in enumerate(block.items):
        if block.ordered:
            marker = f"{start + n if sequential else start}{')' if alternate else '.'}"
        else:
            marker = "+" if alternate else "-"
        body = _container(item.blocks)
        if not body:
            lines.append(marker)
            continue
        pad = " " * (len(marker) + 1)
        lines.append(f"{marker} {body[0]}" if body[0] else marker)
        lines.extend(pad + line if line else "" for line in body[1:])
    return lines


def _table(table: Table, caption_after: bool) -> list[str]:
    width = max(len(table.header), 1)
    caption = [f"Table: {inlines_markdown(table.caption)}"] if table.caption else []
    lines = [] if caption_after else list(caption)
    lines.append(_row(table.header, width))
    align = [*table.align, *["default"] * width][:width]
    lines.append("| " + " | ".join(_ALIGN_ROW.get(a, "---") for a in align) + " |")
    for n, row in enumerate(table.rows):
        # one typed-but-empty extra cell keeps the table marked ragged when read back
        lines.append(_row(row, width, extra=table.ragged and n == 0))
    if caption_after:
        lines.extend(caption)
    return lines


def _row(cells: tuple[Inlines, ...], width: int, extra: bool = False) -> str:
    texts = [inlines_markdown(cell) for cell in cells[:width]]
    texts += [""] * (width - len(texts)) + ([""] if extra else [])
    return "| " + " | ".join(texts) + " |"


def _figure(figure: Figure) -> str:
    caption = inlines_markdown(figure.caption, brackets=True)
    path = figure.path
    if not path or any(ch in path for ch in " \t()<>") or path.startswith("<"):
        path = f"<{path}>"
    width = f"{{width={figure.width_percent}%}}" if figure.width_percent else ""
    return f"![{caption}]({path}){width}"


def _line_start(text: str) -> str:
    """Escape what would make a paragraph's line a heading, list item, caption or figure."""
    if _HEADING_START.match(text) or _LIST_START.match(text) or text.startswith("!["):
        return "\\" + text
    found = _NUMBER_START.match(text) or _CAPTION_START.match(text)
    if found is not None:
        return text[: found.end()] + "\\" + text[found.end() :]
    return text


def inlines_markdown(inlines: Inlines, brackets: bool = False) -> str:
    """Runs as inline Markdown: emphasis toggles outside `^…^`/`~…~`, which close around them
    and around citations (a citation's `; ` would end a superscript)."""
    out: list[str] = []
    bold = italic = False
    scripts: list[str] = []  # open `^` / `~`, innermost last
    for run in (*inlines, None):
        if isinstance(run, Span):
            want_bold, want_italic = run.bold, run.italic
            want = [m for m, on in (("^", run.superscript), ("~", run.subscript)) if on]
        elif isinstance(run, Citation):
            want_bold, want_italic, want = bold, italic, []
        else:
            want_bold = want_italic = False
            want = []
        toggle = "*" * (italic != want_italic) + "**" * (bold != want_bold)
        keep = 0  # scripts that stay open: a prefix of the stack, unless emphasis changes
        if not toggle:
            while keep < len(scripts) and keep < len(want) and scripts[keep] == want[keep]:
                keep += 1
        while len(scripts) > keep:
            out.append(scripts.pop())
        out.append(toggle)
        bold, italic = want_bold, want_italic
        for marker in want[keep:]:
            out.append(marker)
            scripts.append(marker)
        if isinstance(run, Span):
            out.append(_escape(run.text, bool(scripts), brackets))
        elif isinstance(run, Citation) and run.keys:
            out.append("[" + "; ".join("@" + key for key in run.keys) + "]")
    return "".join(out)


def _escape(text: str, in_script: bool, brackets: bool) -> str:
    out: list[str] = []
    n = len(text)
    i = 0
    while i < n:
        ch = text[i]
        following = text[i + 1] if i + 1 < n else ""
        if ch == "_":
            end = i
            while end < n and text[end] == "_":
                end += 1
            run = text[i:end]
            inert = i > 0 and text[i - 1].isalnum() and end < n and text[end].isalnum()
            out.append(run if inert else "\\_" * len(run))
            i = end
            continue
        if ch in _ALWAYS or (brackets and ch in "[]"):
            out.append("\\" + ch)
        elif ch == "\\":
            out.append("\\\\" if not following or following in _PUNCT or following in " \t" else ch)
        elif ch == "[" and (following in ("", "@")):
            out.append("\\[")
        elif in_script and ch in " \t":
            out.append("\\" + ch)
        else:
            out.append(ch)
        i += 1
    return "".join(out)
