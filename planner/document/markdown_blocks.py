"""Block rules for markdown-it-py: what a section's lines mean (see `planner.document.markdown`).

One line is one paragraph (the applicant pressed Enter to end it), so the paragraph rule takes a
single line and no construct needs a blank line before it. Headings stop at `###`, figures are
an image alone on its line, and pipe tables keep every cell typed (markdown-it's own table rule
drops cells beyond the header's width). List nesting is capped at `MAX_LIST_DEPTH`.
"""

from __future__ import annotations

import re

from markdown_it.rules_block import StateBlock, list_block
from markdown_it.rules_block.table import escapedSplit

MAX_LIST_DEPTH = 9  # Word's list levels; deeper markers stay literal text of the deepest item
MAX_TABLE_CELLS = 65_536  # a table stops growing here; further rows are read as paragraphs

HEADING = re.compile(r"(#{1,3})(?:[ \t]+(.*?))?[ \t]*\Z")
# `Table: 标题`, `table: 标题` or `: 标题` (pandoc); no space is needed after `Table:`
CAPTION = re.compile(r"(?:[Tt]able:[ \t]*|:[ \t]+)(?=\S)")
_BLOCK_START = re.compile(r"(?:[-+*]|\d{1,9}[.)]|#{1,3})(?:[ \t]|\Z)")
_DELIMITER_CELL = re.compile(r":?-+:?")
_ALIGN = {
    (True, True): "center",
    (False, True): "right",
    (True, False): "left",
    (False, False): "default",
}
_WIDTH = re.compile(r"\{[ \t]*width=(\"?)(\d{1,3})%\1[ \t]*\}")


def _line(state: StateBlock, line: int) -> str:
    """The line without its indentation or trailing blanks."""
    return state.src[state.bMarks[line] + state.tShift[line] : state.eMarks[line]].rstrip(" \t")


def paragraph(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    if silent:
        return False
    state.line = start + 1
    token = state.push("paragraph_open", "p", 1)
    token.map = [start, start + 1]
    token = state.push("inline", "", 0)
    token.content = _line(state, start)
    token.map = [start, start + 1]
    token.children = []
    state.push("paragraph_close", "p", -1)
    return True


def heading(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    if state.parentType == "list":
        return False  # sub-headings belong to the section, not inside a list item
    found = HEADING.match(_line(state, start))
    if found is None:
        return False
    if silent:
        return True
    state.line = start + 1
    level = len(found.group(1))
    token = state.push("heading_open", f"h{level}", 1)
    token.meta = {"level": level}
    token.map = [start, start + 1]
    token = state.push("inline", "", 0)
    token.content = found.group(2) or ""  # a closing `##` is kept: it is text the user typed
    token.map = [start, start + 1]
    token.children = []
    state.push("heading_close", f"h{level}", -1)
    return True


def capped_list(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """markdown-it's list rule, refused below `MAX_LIST_DEPTH` (each level opens a list and an
    item): a deeper marker is then a paragraph, so recursion and memory stay bounded."""
    if state.level >= 2 * MAX_LIST_DEPTH:
        return False
    return list_block(state, start, end, silent)


def scan_figure(line: str) -> tuple[str, str, int | None] | None:
    """`![caption](path){width=60%}` filling the whole line → (caption source, path, width)."""
    if not line.startswith("!["):
        return None
    depth, i, n = 1, 2, len(line)
    while i < n:
        ch = line[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth -= 1
            if depth == 0:
                break
        i += 1
    if i >= n or not line.startswith("(", i + 1):
        return None
    caption, i = line[2:i], i + 2
    if line.startswith("<", i):
        close = line.find(">", i)
        if close < 0 or line[close + 1 : close + 2] != ")":
            return None
        path, i = line[i + 1 : close], close + 2
        if "<" in path:
            return None
    else:
        close = line.find(")", i)
        if close < 0:
            return None
        path, i = line[i:close], close + 1
        if any(ch in path for ch in " \t<>("):
            return None
    if not path.strip():
        return None
    width = None
    if i < n:
        found = _WIDTH.fullmatch(line, i)
        if found is None or not 1 <= int(found.group(2)) <= 100:
            return None
        width = int(found.group(2))
    return caption, path, width


def figure(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    scanned = scan_figure(_line(state, start))
    if scanned is None:
        return False
    if silent:
        return True
    caption, path, width = scanned
    state.line = start + 1
    token = state.push("figure_open", "figure", 1)
    token.meta = {"path": path, "width": width}
    token.map = [start, start + 1]
    token = state.push("inline", "", 0)
    token.content = caption.strip(" \t")
    token.map = [start, start + 1]
    token.children = []
    state.push("figure_close", "figure", -1)
    return True


def _cells(line: str) -> list[str] | None:
    """A row's cells, or None when the line has no unescaped `|` (then it is no row)."""
    cells = escapedSplit(line)
    if len(cells) < 2:
        return None
    if cells[0].strip(" \t") == "":
        cells.pop(0)
    if cells and cells[-1].strip(" \t") == "":
        cells.pop()
    return [cell.strip(" \t") for cell in cells]


def _aligns(line: str) -> list[str] | None:
    if not line or line[0] not in "|-:" or any(ch not in "|-: \t" for ch in line):
        return None
    parts = line.split("|")
    aligns = []
    for i, part in enumerate(parts):
        part = part.strip(" \t")
        if not part:
            if i in (0, len(parts) - 1):
                continue
            return None
        if not _DELIMITER_CELL.fullmatch(part):
            return None
        left, right = part.startswith(":"), part.endswith(":")
        aligns.append(
            "center" if left and right else "right" if right else "left" if left else "default"
        )
    return aligns or None


def _is_row(state: StateBlock, line: int) -> list[str] | None:
    if state.sCount[line] < state.blkIndent or state.isEmpty(line):
        return None
    text = _line(state, line)
    if CAPTION.match(text) or _BLOCK_START.match(text):
        return None  # a caption, list item or heading ends the table
    return _cells(text)


def table(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """A GFM pipe table: header, alignment row, rows while lines hold an unescaped `|`.
    Short rows are padded, cells past the header widen the table; both mark it ragged."""
    if start + 1 >= end or state.sCount[start + 1] < state.blkIndent:
        return False
    aligns = _aligns(_line(state, start + 1))
    if aligns is None:
        return False
    header = _cells(_line(state, start))
    if header is None or len(header) != len(aligns):
        return False
    if silent:
        return True
    rows: list[list[str]] = []
    width, ragged, line = len(header), False, start + 2
    while line < end and (cells := _is_row(state, line)) is not None:
        short_or_long = len(cells) != len(header)
        # a typed-but-empty extra cell only marks the row ragged (to_markdown writes one)
        while len(cells) > width and cells[-1] == "":
            cells.pop()
        new_width = max(width, len(cells))
        if new_width * (len(rows) + 2) > MAX_TABLE_CELLS:
            break
        ragged = ragged or short_or_long
        width = new_width
        rows.append(cells)
        line += 1
    state.line = line
    token = state.push("table_open", "table", 1)
    token.meta = {"align": aligns + ["default"] * (width - len(aligns)), "ragged": ragged}
    token.map = [start, line]
    for cells in [header, *rows]:
        state.push("tr_open", "tr", 1)
        for cell in cells + [""] * (width - len(cells)):
            token = state.push("inline", "", 0)
            token.content = cell
            token.children = []
        state.push("tr_close", "tr", -1)
    state.push("table_close", "table", -1)
    return True
