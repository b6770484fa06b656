"""A section's Markdown (pandoc-compatible) ↔ the document model of `planner.document.blocks`.

    every line ended with Enter       Paragraph (also inside a list item: a further paragraph)
    # / ## / ###                      Heading 1..3 (`####` and deeper stay text)
    - * + items, 1. items             ListBlock / ListItem, nested by indentation, `3.` starts at 3
    **bold** __bold__ *it* _it_       Span flags, nested freely
    ^sup^ ~sub~                       Span flags (pandoc; a space inside is written `\\ `)
    [@key] [@a; @b]                   Citation (pandoc keys)
    | a | b | + |---|:-:|            Table; `Table: 标题` or `: 标题` just before/after: caption
    ![标题](path){width=60%}          Figure, when alone on its line
    \\*                               the literal character

Everything else (HTML, links, code spans, entities, images inside text) is kept as the text
typed. Control characters are dropped with `clean_text`, as the exporter drops them.

Bounded: the parse is linear in the text; lists nest at most `MAX_LIST_DEPTH` levels (a deeper
marker is text of the deepest item), a table holds at most `MAX_TABLE_CELLS` cells.
`to_markdown` writes the canonical form: `parse_section(to_markdown(b)) == b` for the values
`parse_section` returns, and `to_markdown(parse_section(t))` is a fixed point after one pass.
"""

from __future__ import annotations

import re
from functools import cache

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from planner.document import markdown_blocks as mb
from planner.document import markdown_inline as mi
from planner.document.blocks import (
    Align,
    Block,
    Blocks,
    Citation,
    Figure,
    Heading,
    Inline,
    Inlines,
    ListBlock,
    ListItem,
    Paragraph,
    Span,
    Table,
)
from planner.document.clean import clean_text
from planner.document.markdown_write import to_markdown

MAX_LIST_DEPTH = mb.MAX_LIST_DEPTH
MAX_TABLE_CELLS = mb.MAX_TABLE_CELLS

__all__ = ["MAX_LIST_DEPTH", "MAX_TABLE_CELLS", "parse_section", "parse_whole", "to_markdown"]


@cache
def _parser() -> MarkdownIt:
    md = MarkdownIt("zero", {"maxNesting": 4 * mb.MAX_LIST_DEPTH + 20})
    md.block.ruler.at("paragraph", mb.paragraph)
    for name, rule in (
        ("pp_heading", mb.heading),
        ("pp_figure", mb.figure),
        ("pp_table", mb.table),
        ("pp_list", mb.capped_list),
    ):
        md.block.ruler.before("paragraph", name, rule)
    md.inline.ruler.enable(["escape"])
    md.inline.ruler.before("escape", "pp_script_space", mi.script_space)
    md.inline.ruler.push("pp_emphasis", mi.emphasis)
    md.inline.ruler.push("pp_script", mi.script)
    md.inline.ruler.push("pp_citation", mi.citation)
    md.inline.ruler2.before("fragments_join", "pp_pairs", mi.pair_emphasis)
    md.core.ruler.after("block", "pp_captions", _mark_captions)
    md.core.ruler.at("inline", _inline_fast)
    return md


def parse_section(text: str) -> Blocks:
    """The blocks of one section's text (never raises on any input).

    The text is read in chunks that cannot influence each other, each parsed once and kept
    (`_CHUNKS`): a line at the left margin that is no list item, caption or table line starts
    a block that nothing before it can absorb and that absorbs nothing after it. So a keystroke
    re-parses only the chunk it touched, which keeps the live count cheap (issue 12: ≤ 5 ms)."""
    text = clean_text(text)
    if not text.strip(" \t\n"):  # a line of U+3000 is a paragraph (it is no indent)
        return ()
    out: list[Block] = []
    for chunk in _chunks(text):
        out.extend(_parse_chunk(chunk))
    return tuple(out)


def parse_whole(text: str) -> Blocks:
    """The same as `parse_section` without chunks or cache (the reference the tests compare)."""
    text = clean_text(text)
    if not text.strip(" \t\n"):  # a line of U+3000 is a paragraph (it is no indent)
        return ()
    blocks, _ = _blocks(_parser().parse(text), 0, None)
    return tuple(blocks)


_CHUNKS: dict[str, Blocks] = {}
_CHUNK_CACHE_TEXT = 8_192  # a longer chunk (a huge table or list) is parsed without being kept
_CHUNK_CACHE_BUDGET = 2_000_000  # characters kept in all; then the cache starts over
_cached = [0]  # characters in _CHUNKS (no LRU bookkeeping: emptying is thread-safe enough)


def _parse_chunk(chunk: str) -> Blocks:
    blocks = _CHUNKS.get(chunk)
    if blocks is None:
        blocks = parse_whole(chunk)
        if len(chunk) <= _CHUNK_CACHE_TEXT:
            if _cached[0] + len(chunk) > _CHUNK_CACHE_BUDGET:
                _CHUNKS.clear()
                _cached[0] = 0
            _CHUNKS[chunk] = blocks
            _cached[0] += len(chunk)
    return blocks


_NOT_ALONE = re.compile(
    r"[ \t]"  # indented: may belong to a list item
    r"|(?:[-+*]|\d{1,9}[.)])(?:[ \t]|\Z)"  # a list item
    r"|[-:| \t]+\Z"  # a table's alignment row
    r"|(?:[Tt]able)?:"  # a caption, which attaches to a table next to it
)


def _chunks(text: str) -> list[str]:
    """Split at lines that stand alone (see `parse_section`); other lines stay together."""
    chunks: list[str] = []
    pending: list[str] = []
    for line in text.split("\n"):
        if line and "|" not in line and _NOT_ALONE.match(line) is None:
            if pending:
                chunks.append("\n".join(pending))
                pending = []
            chunks.append(line)
        else:
            pending.append(line)
    if pending:
        chunks.append("\n".join(pending))
    return chunks


_INLINE_MARKUP = re.compile(r"[\\*_^~\[]")  # what an inline rule of ours can start at


def _inline_fast(state: StateCore) -> None:  # core rule: markdown-it's, minus lines without markup
    md = state.md
    for token in state.tokens:
        if token.type != "inline":
            continue
        if _INLINE_MARKUP.search(token.content) is None:
            text = Token("text", "", 0)
            text.content = token.content
            token.children = [text]
        else:
            token.children = md.inline.parse(token.content, md, state.env, [])


def _mark_captions(state: StateCore) -> None:  # core rule, before inline parsing cuts the prefix
    """A `Table:` paragraph next to a table (the one before it first) becomes its caption."""
    tokens: list[Token] = state.tokens
    for i, token in enumerate(tokens):
        if token.type != "paragraph_open":
            continue
        inline = tokens[i + 1]
        found = mb.CAPTION.match(inline.content)
        if found is None:
            continue
        target = None
        if i and tokens[i - 1].type == "table_close" and tokens[i - 1].level == token.level:
            target = _open_of(tokens, i - 1)
            if "caption" in tokens[target].meta:
                target = None
        after = i + 3
        if (
            target is None
            and after < len(tokens)
            and tokens[after].type == "table_open"
            and tokens[after].level == token.level
        ):
            target = after
        if target is not None:
            tokens[target].meta["caption"] = inline
            token.meta = {"caption": True}
            inline.content = inline.content[found.end() :]


def _open_of(tokens: list[Token], close: int) -> int:
    level = tokens[close].level
    i = close - 1
    while tokens[i].type != "table_open" or tokens[i].level != level:
        i -= 1
    return i


def _inlines(token: Token) -> Inlines:
    out: list[Inline] = []
    families: dict[str, set[str]] = {"*": set(), "_": set()}  # weights on, per delimiter
    scripts = {"^": 0, "~": 0}
    for child in token.children or ():
        kind = child.type
        if kind == "toggle":
            on = families[child.meta["family"]]
            on.symmetric_difference_update(child.meta["weights"])
        elif kind in ("script_open", "script_close"):
            scripts[child.meta["marker"]] += 1 if kind == "script_open" else -1
        elif kind == "citation":
            out.append(Citation(tuple(child.meta["keys"])))
        elif child.content:
            weights = families["*"] | families["_"]
            span = Span(
                child.content,
                bold="bold" in weights,
                italic="italic" in weights,
                superscript=scripts["^"] > 0,
                subscript=scripts["~"] > 0,
            )
            out.append(span)
    return tuple(mi.settle_edges(out))


def _blocks(tokens: list[Token], i: int, stop: str | None) -> tuple[list[Block], int]:
    """Blocks from tokens[i] up to the closing token `stop`; returns them and the index after."""
    out: list[Block] = []
    n = len(tokens)
    while i < n:
        token = tokens[i]
        kind = token.type
        if kind == stop:
            return out, i + 1
        if kind == "paragraph_open":
            if "caption" not in token.meta:
                inline = tokens[i + 1]
                # markup around nothing: the line is kept as typed rather than lost
                out.append(Paragraph(_inlines(inline) or (Span(inline.content),)))
            i += 3
        elif kind == "heading_open":
            out.append(Heading(token.meta["level"], _inlines(tokens[i + 1])))
            i += 3
        elif kind == "figure_open":
            caption = _inlines(tokens[i + 1])
            out.append(Figure(token.meta["path"], caption, token.meta["width"]))
            i += 3
        elif kind == "table_open":
            table, i = _table(tokens, i)
            out.append(table)
        elif kind in ("bullet_list_open", "ordered_list_open"):
            block, i = _list(tokens, i)
            out.append(block)
        else:
            i += 1
    return out, i


def _list(tokens: list[Token], i: int) -> tuple[ListBlock, int]:
    token = tokens[i]
    ordered = token.type == "ordered_list_open"
    close = "ordered_list_close" if ordered else "bullet_list_close"
    start = int(token.attrs.get("start", 1)) if ordered else 1
    items: list[ListItem] = []
    i += 1
    while tokens[i].type != close:
        if tokens[i].type == "list_item_open":
            blocks, i = _blocks(tokens, i + 1, "list_item_close")
            items.append(ListItem(tuple(blocks)))
        else:
            i += 1
    return ListBlock(ordered, tuple(items), start), i + 1


def _table(tokens: list[Token], i: int) -> tuple[Table, int]:
    opening = tokens[i]
    rows: list[tuple[Inlines, ...]] = []
    row: list[Inlines] = []
    i += 1
    while tokens[i].type != "table_close":
        kind = tokens[i].type
        if kind == "inline":
            row.append(_inlines(tokens[i]))
        elif kind == "tr_close":
            rows.append(tuple(row))
            row = []
        i += 1
    align: tuple[Align, ...] = tuple(opening.meta["align"])
    caption = opening.meta.get("caption")
    caption_runs = _inlines(caption) if caption is not None else ()
    table = Table(rows[0], tuple(rows[1:]), align, caption_runs, opening.meta["ragged"])
    return table, i + 1
