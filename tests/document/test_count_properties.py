"""Word's 字数 over any text (hypothesis, a bounded number of examples): counts add up over a
space, markup and citation keys never count, and a section's count is that of its text as
exported. The examples in test_count.py pin the single cases; these cover the space between."""

from __future__ import annotations

from dataclasses import replace
from functools import cache

import paths
from exported_text import exported_sections
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.document.count import count_chars, count_section
from planner.model.call import Call

SETTINGS = settings(
    max_examples=150,
    deadline=None,
    database=None,  # nothing written into the checkout
    suppress_health_check=[HealthCheck.too_slow],
)

# what the count treats specially: CJK, full-width forms, the quotes and dashes shared by
# Chinese and Latin text, the ideographic space, apostrophes, control and format characters
COUNTED = "ab1中文数据ＡＢ１，。、（）“”‘’—–…’ \t\u3000\u200b\x07"
TEXT = st.one_of(st.text(max_size=30), st.text(alphabet=COUNTED, max_size=30))
SPACES = st.text(alphabet=" \t\n\u3000\u2003", min_size=1, max_size=3)
# text in which Markdown finds no markup: no `*_^~[]#|\:.!<>&` and no list or heading start
PLAIN = st.text(alphabet="ab1中文数据ＡＢ１，。、（）“”‘’—…", min_size=1, max_size=12)
PLAIN_LINES = st.lists(
    st.lists(PLAIN, min_size=1, max_size=4).map(" ".join), min_size=1, max_size=4
).map("\n".join)
KEYS = st.text(alphabet="abz019_-:.", min_size=1, max_size=8).filter(
    lambda k: k[0].isalnum() and k[-1].isalnum()
)


@SETTINGS
@given(TEXT, TEXT, SPACES)
def test_counts_add_up_over_a_space(left: str, right: str, space: str) -> None:
    assert count_chars(left + space + right) == count_chars(left) + count_chars(right)


@SETTINGS
@given(TEXT)
def test_a_count_is_never_negative_nor_more_than_the_characters(text: str) -> None:
    count = count_chars(text)
    assert 0 <= count <= len(text)
    assert (count == 0) == (text.strip() == "")


@SETTINGS
@given(PLAIN_LINES)
def test_text_without_markup_counts_as_plain_text(text: str) -> None:
    assert count_section(text) == count_chars(text)


@SETTINGS
@given(st.lists(PLAIN, min_size=1, max_size=3).map(" ".join), st.integers(0, 8))
def test_markup_never_counts(words: str, construct: int) -> None:
    marked = [
        f"**{words}**",
        f"*{words}*",
        f"__{words}__",
        f"***{words}***",
        f"# {words}",
        f"### {words}",
        f"- {words}",
        f"12. {words}",
        f"| {words} |\n|:--:|",
    ][construct]
    assert count_section(marked) == count_chars(words), marked


@SETTINGS
@given(PLAIN, PLAIN)
def test_superscript_and_subscript_marks_never_count(base: str, script: str) -> None:
    # pandoc: no space inside ^…^ / ~…~; the script joins the word before it, as in Word
    for mark in ("^", "~"):
        assert count_section(f"{base}{mark}{script}{mark}") == count_chars(base + script)


@SETTINGS
@given(PLAIN_LINES, st.lists(KEYS, min_size=1, max_size=3), st.booleans())
def test_a_citation_counts_as_its_one_marker_whatever_its_keys(
    text: str, keys: list[str], spaced: bool
) -> None:
    cited = "[" + "; ".join(f"@{k}" for k in keys) + "]"
    marker = "[1]"  # a numeric marker in the export, whatever the keys are
    joiner = " " if spaced else ""
    assert count_section(text + joiner + cited) == count_chars(text + joiner + marker)


@SETTINGS
@given(PLAIN_LINES, st.sampled_from("*_^~[]#|\\`!<>&"))
def test_an_escaped_character_counts_as_the_character(text: str, char: str) -> None:
    assert count_section(f"{text}\\{char}") == count_chars(text + char)


# Markdown as applicants write it: constructs and the characters that make or break them
INLINE_TOKENS = [
    "研究", "数据库", "HTAP", "2025", "5 万元", "“", "”", "—", "……", "’", "，", "。", " ", "　",
    "\t", "**", "*", "_", "__", "^", "~", "\\*", "\\", "[@zhang2020]", "[@a; @b]", "[", "]",
    "|", "#", "<b>", "&amp;", "`", "(x)", "{=}", "\x07", "\u200b",
]  # fmt: skip
INLINE = st.lists(st.sampled_from(INLINE_TOKENS), min_size=1, max_size=8).map("".join)


@st.composite
def tables(draw: st.DrawFn) -> str:
    width = draw(st.integers(1, 3))
    cells = st.lists(INLINE, min_size=width, max_size=width).map(" | ".join)
    rows = [
        draw(cells),
        "|".join(draw(st.sampled_from(["---", ":--", ":-:", "--:"])) for _ in range(width)),
    ]
    rows += draw(st.lists(cells, max_size=2))
    table = "\n".join(f"| {row} |" for row in rows)
    caption = draw(st.sampled_from(["", "Table: ", ": "]))
    if not caption:
        return table
    return (
        f"{caption}{draw(INLINE)}\n{table}"
        if draw(st.booleans())
        else f"{table}\n{caption}{draw(INLINE)}"
    )


BLOCK = st.one_of(
    INLINE,
    st.builds(str.__add__, st.sampled_from(["# ", "## ", "### ", "#### "]), INLINE),
    st.builds(str.__add__, st.sampled_from(["- ", "  - ", "1. ", "3. ", "+ ", "    "]), INLINE),
    tables(),
)
SECTION_TEXT = st.lists(
    st.tuples(BLOCK, st.sampled_from(["\n", "\n\n"])), min_size=1, max_size=5
).map(lambda blocks: "".join(block + end for block, end in blocks))


@cache
def _builtin_call() -> Call:
    from planner.formats.call_file import load_call
    from planner.resources import builtin_call_path

    return load_call(builtin_call_path())


@settings(SETTINGS, max_examples=40)  # each example is a whole export
@given(SECTION_TEXT, SECTION_TEXT)
def test_a_section_counts_what_its_exported_text_counts(first: str, second: str) -> None:
    from planner.export.docx import build_docx
    from planner.formats.proposal_file import load_proposal

    call = _builtin_call()  # not a fixture: a failing example then prints only the texts
    proposal, _ = load_proposal(paths.DATA / "sample.proposal.yaml")
    keys = [s.key for s in call.form]
    proposal = replace(proposal, sections={keys[0]: first, keys[1]: second})
    data, _result = build_docx(proposal, call, base=paths.DATA)
    written = exported_sections(data)
    for section, text in zip(call.form, (first, second), strict=False):
        expected = count_section(text)
        if expected:  # an empty section is exported as a placeholder to fill in
            assert count_chars(written[section.title]) == expected, (text, written[section.title])
