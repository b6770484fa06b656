"""Markdown → model → Markdown is exact and stable (hypothesis, a bounded number of examples)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.document.blocks import (
    Citation,
    Figure,
    Heading,
    ListBlock,
    ListItem,
    Paragraph,
    Span,
    Table,
)
from planner.document.markdown import parse_section, parse_whole, to_markdown

SETTINGS = settings(max_examples=75, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# markup characters on purpose: each must come back as the text it was
TEXT = st.text(alphabet="ab中文 \t\u3000*_^~[]@;#|\\!(){}=%:-+.<>&`’“", min_size=1, max_size=6)
WORD = st.text(alphabet="ab1_中", min_size=1, max_size=3)
KEYS = st.builds(
    lambda first, rest: first + "".join(p + w for p, w in rest),
    WORD,
    st.lists(st.tuples(st.sampled_from(":.#$%&-+?<>~/"), WORD), max_size=2),
)


def _span(text: str, flags: tuple[bool, bool, bool, bool]) -> Span:
    return Span(text, *flags)


RAW_RUNS = st.lists(
    st.one_of(
        st.tuples(TEXT, st.tuples(*[st.booleans()] * 4)),
        st.lists(KEYS, min_size=1, max_size=3).map(lambda k: Citation(tuple(k))),
    ),
    max_size=4,
)


@st.composite
def inline_runs(draw, allow_empty: bool = True):
    """Canonical runs: what parse_section can return. Bold/italic text does not start or end
    with a space (`** a**` is no emphasis), neighbours with the same flags are one span, and
    the text of a line does not start or end with a blank."""
    raw = draw(RAW_RUNS)
    runs: list[Span | Citation] = []
    for item in raw:
        if isinstance(item, Citation):
            runs.append(item)
            continue
        text, flags = item
        if flags[0] or flags[1]:
            text = text.strip()
        if not text:
            continue
        span = _span(text, flags)
        last = runs[-1] if runs else None
        if isinstance(last, Span) and _flags(last) == flags:
            runs[-1] = _span(last.text + text, flags)
        else:
            runs.append(span)
    for index, strip in ((0, str.lstrip), (-1, str.rstrip)):
        while runs and isinstance(runs[index], Span) and not _scripted(runs[index]):
            span = runs[index]
            text = strip(span.text, " \t")
            if text:
                runs[index] = _span(text, _flags(span))
                break
            runs.pop(index)
    if not allow_empty and not runs:
        runs = [Span("x")]
    return tuple(runs)


def _flags(span: Span) -> tuple[bool, bool, bool, bool]:
    return span.bold, span.italic, span.superscript, span.subscript


def _scripted(span: Span) -> bool:
    return span.superscript or span.subscript


PATHS = st.text(alphabet="ab中/._-() \\", min_size=1, max_size=10).filter(lambda p: p.strip())


@st.composite
def tables(draw):
    width = draw(st.integers(1, 3))
    cells = st.lists(inline_runs(), min_size=width, max_size=width).map(tuple)
    rows = tuple(draw(st.lists(cells, max_size=2)))
    align = tuple(draw(st.lists(st.sampled_from(["default", "left", "center", "right"]),
                                min_size=width, max_size=width)))  # fmt: skip
    ragged = bool(rows) and draw(st.booleans())
    return Table(draw(cells), rows, align, draw(inline_runs()), ragged)


figures = st.builds(Figure, PATHS, inline_runs(), st.one_of(st.none(), st.integers(1, 100)))
paragraphs = inline_runs(allow_empty=False).map(Paragraph)


def blocks_in(depth: int):
    leaf = st.one_of(paragraphs, paragraphs, figures, tables())
    if depth == 0:
        return leaf
    items = st.lists(blocks_in(depth - 1), max_size=2).map(lambda b: ListItem(tuple(b)))
    lists = st.builds(
        lambda ordered, items, start: ListBlock(ordered, tuple(items), start if ordered else 1),
        st.booleans(),
        st.lists(items, min_size=1, max_size=2),
        st.one_of(st.integers(0, 12), st.integers(0, 999_999_999)),
    )
    return st.one_of(leaf, lists)


documents = st.lists(
    st.one_of(
        blocks_in(2),
        st.builds(Heading, st.integers(1, 3), inline_runs()),
    ),
    max_size=5,
).map(tuple)


@SETTINGS
@given(documents)
def test_model_to_markdown_and_back_is_exact(blocks):
    text = to_markdown(blocks)
    assert parse_section(text) == blocks, text


FRAGMENTS = st.sampled_from(
    [
        "- ", "* ", "+ ", "1. ", "3) ", "  ", "    ", "\t", "# ", "## ", "#### ", "\n", "\n",
        "\n\n", "| a | b |", "|", "|---|:-:|", "\n|---|\n", "Table: ", ": ", "![c](p.png)",
        "{width=50%}", "**", "*", "__", "_", "^", "~", "~~", "[@k]", "[@a; @b]", "[@", "]",
        "\\", "\\*", "\\ ", "中文", "a", "b2", " ", "“", "’", "<b>", "[a](b)", "`c`", "&amp;",
    ]
)  # fmt: skip


@SETTINGS
@given(st.lists(FRAGMENTS, max_size=30).map("".join))
def test_canonical_markdown_is_a_fixed_point(text):
    blocks = parse_section(text)
    assert blocks == parse_whole(text)  # reading in chunks changes nothing
    canonical = to_markdown(blocks)
    assert parse_section(canonical) == blocks, canonical
    assert to_markdown(parse_section(canonical)) == canonical
