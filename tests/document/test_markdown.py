"""A section's Markdown → the document model, small constructs asserted exactly."""

from __future__ import annotations

import pytest

from planner.document.blocks import (
    Citation,
    Figure,
    Heading,
    ListBlock,
    ListItem,
    Paragraph,
    Span,
    Table,
    inline_text,
)
from planner.document.markdown import MAX_LIST_DEPTH, parse_section, to_markdown


def p(*runs) -> Paragraph:
    return Paragraph(tuple(Span(r) if isinstance(r, str) else r for r in runs))


def cell(text: str) -> tuple[Span, ...]:
    return (Span(text),) if text else ()


def test_every_line_is_its_own_paragraph():
    assert parse_section("研究背景\n国内外现状\n\n\n发展趋势\n") == (
        p("研究背景"),
        p("国内外现状"),
        p("发展趋势"),
    )


def test_blank_and_empty_sections_have_no_blocks():
    assert parse_section("") == ()
    assert parse_section(" \n\t\n") == ()


def test_headings_stop_at_three_levels():
    assert parse_section("# 一级\n## 二级 ##\n### 三级\n#### 四级\n#没有空格") == (
        Heading(1, (Span("一级"),)),
        Heading(2, (Span("二级 ##"),)),  # a closing sequence is text the user typed
        Heading(3, (Span("三级"),)),
        p("#### 四级"),
        p("#没有空格"),
    )


def test_nested_lists_with_start_and_continued_lines():
    text = "- 第一\n  接着写\n- 第二\n  3. 子项\n  4. 子项二\n后文"
    assert parse_section(text) == (
        ListBlock(
            False,
            (
                ListItem((p("第一"), p("接着写"))),
                ListItem(
                    (
                        p("第二"),
                        ListBlock(True, (ListItem((p("子项"),)), ListItem((p("子项二"),))), 3),
                    )
                ),
            ),
        ),
        p("后文"),
    )


def test_bullet_characters_and_ordered_start():
    assert parse_section("* a\n+ b") == (
        ListBlock(False, (ListItem((p("a"),)),)),
        ListBlock(False, (ListItem((p("b"),)),)),  # another bullet character: another list
    )
    assert parse_section("7. 七") == (ListBlock(True, (ListItem((p("七"),)),), 7),)


def test_emphasis_sup_sub_and_nesting():
    (para,) = parse_section("**加粗**、*斜体*、__粗__、_斜_、***都有***、m^2^、H~2~O、**x^2^**")
    assert para.inlines == (
        Span("加粗", bold=True),
        Span("、"),
        Span("斜体", italic=True),
        Span("、"),
        Span("粗", bold=True),
        Span("、"),
        Span("斜", italic=True),
        Span("、"),
        Span("都有", bold=True, italic=True),
        Span("、m"),
        Span("2", superscript=True),
        Span("、H"),
        Span("2", subscript=True),
        Span("O、"),
        Span("x", bold=True),
        Span("2", bold=True, superscript=True),
    )


def test_bold_next_to_chinese_punctuation():
    # CommonMark would leave this literal: the closing ** follows punctuation, precedes a letter
    (para,) = parse_section("**“数据湖”**架构")
    assert para.inlines == (Span("“数据湖”", bold=True), Span("架构"))


def test_emphasis_never_ends_on_a_blank():
    # the italic closes inside ^…^, after the space: the space is not italic in the model
    (para,) = parse_section("*1 ^*1^")
    assert para.inlines == (Span("1", italic=True), Span(" "), Span("1", superscript=True))
    assert parse_section(to_markdown((para,))) == (para,)


def test_what_is_no_markup_stays_as_typed():
    for text in ("5*3=15", "a * b", "snake_case_name", "3~5 年", "x^y z", "~~删除~~", "****"):
        assert parse_section(text) == (p(text),), text


def test_citations_single_and_multiple():
    (para,) = parse_section("见[@zhang2020]与[@li:2021; @wang_a-b]。[@ bad] [see @x]")
    assert para.inlines == (
        Span("见"),
        Citation(("zhang2020",)),
        Span("与"),
        Citation(("li:2021", "wang_a-b")),
        Span("。[@ bad] [see @x]"),
    )


def test_key_punctuation_is_internal_only():
    (para,) = parse_section("[@a.b] [@a.]")
    assert para.inlines == (Citation(("a.b",)), Span(" [@a.]"))


def test_table_cells_alignment_and_caption_before():
    text = "Table: 经费预算\n| 科目 | 金额 | 说明 |\n|:--|--:|:-:|\n| 设备费 | **5** | 服务器 |"
    assert parse_section(text) == (
        Table(
            header=(cell("科目"), cell("金额"), cell("说明")),
            rows=((cell("设备费"), (Span("5", bold=True),), cell("服务器")),),
            align=("left", "right", "center"),
            caption=(Span("经费预算"),),
        ),
    )


def test_caption_after_the_table_pandoc_colon_and_no_space():
    after = parse_section("| a |\n|---|\n| 1 |\n: 进度表")
    assert after[0].caption == (Span("进度表"),)
    assert len(after) == 1
    assert parse_section("Table:进度表\n| a |\n|---|")[0].caption == (Span("进度表"),)


def test_a_caption_goes_to_one_table_only():
    blocks = parse_section("| a |\n|---|\nTable: 一\n| b |\n|---|\nTable: 二\n\nTable: 三")
    assert [inline_text(b.caption) for b in blocks if isinstance(b, Table)] == ["一", "二"]
    assert blocks[-1] == p("Table: 三")  # nothing left to caption: it stays text


def test_ragged_rows_are_padded_and_marked():
    (table,) = parse_section("| a | b |\n|---|---|\n| 1 |\n| 1 | 2 | 3 |")
    assert table.ragged
    assert table.header == (cell("a"), cell("b"), ())  # widened: no typed cell is dropped
    assert table.rows == ((cell("1"), (), ()), (cell("1"), cell("2"), cell("3")))
    assert table.align == ("default", "default", "default")
    (even,) = parse_section("| a | b |\n|---|---|\n| 1 | |")
    assert not even.ragged


def test_escaped_pipe_in_a_cell():
    (table,) = parse_section("| a \\| b |\n|---|")
    assert table.header == (cell("a | b"),)


def test_figure_with_width_and_caption():
    assert parse_section("![技术路线图](figures/route.png){width=60%}") == (
        Figure("figures/route.png", (Span("技术路线图"),), 60),
    )
    assert parse_section("![](<my figs/a b.png>)") == (Figure("my figs/a b.png"),)


def test_an_image_inside_text_or_with_other_attributes_stays_text():
    for text in (
        "见图 ![a](b.png)",
        "![a](b.png) 如图",
        "![a](b.png){#fig:x}",
        "![a](b.png){width=150%}",
    ):
        assert parse_section(text) == (p(text),), text


def test_html_links_code_and_entities_are_kept_literally():
    text = "<b>粗</b> [链接](https://x.cn) `code` &amp; &#42; <!-- c -->"
    assert parse_section(text) == (p(text),)


def test_backslash_escapes_give_the_character():
    assert parse_section("\\*不斜\\* \\# \\[@k] \\\\ \\中") == (p("*不斜* # [@k] \\ \\中"),)
    assert parse_section("\\# 不是标题\n\\- 不是列表\n1\\. 不是编号") == (
        p("# 不是标题"),
        p("- 不是列表"),
        p("1. 不是编号"),
    )


def test_control_characters_are_dropped_and_cr_is_a_line_end():
    assert parse_section("行一\r\n行\x00二\r行三\x0b") == (p("行一"), p("行二"), p("行三"))


def test_ten_thousand_list_levels_are_capped_without_losing_text():
    deep = "- " * 10_000 + "底"
    blocks = parse_section(deep)
    depth, block = 0, blocks[0]
    while isinstance(block, ListBlock):
        depth += 1
        block = block.items[0].blocks[0]
    assert depth == MAX_LIST_DEPTH
    assert block == p("- " * (10_000 - MAX_LIST_DEPTH) + "底")  # deeper markers are text
    indented = "".join("  " * i + "- 层\n" for i in range(300))
    assert to_markdown(parse_section(indented)).count("层") == 300


def test_a_megabyte_section_is_read_whole():
    line = "国内外研究现状表明，" * 40 + "**加粗**与引用[@k]，m^2^ | 表\n"
    big = line * (1_000_000 // len(line))
    blocks = parse_section(big)
    assert len(blocks) == big.count("\n")
    assert blocks[0] == parse_section(line)[0]
    assert len(parse_section("^" + "字" * 1_000_000)[0].inlines[0].text) == 1_000_001


def test_to_markdown_escapes_what_would_be_markup():
    blocks = (p("# 不是标题"), p("- 不是列表"), p("1. 不是编号"), p("Table: 不是标题"),
              p("5*3 a_b _c ^d~ [@k] |"))  # fmt: skip
    text = to_markdown(blocks)
    assert text == (
        "\\# 不是标题\n\\- 不是列表\n1\\. 不是编号\nTable\\: 不是标题\n"
        "5\\*3 a_b \\_c \\^d\\~ \\[@k] \\|\n"
    )
    assert parse_section(text) == blocks


@pytest.mark.parametrize(
    "text",
    [
        "Table: 预算\n| 科目 | 金额 |\n| :-- | --: |\n| 设备费 | 5 |\n",
        "- 一\n  - 二\n    1. 三\n",
        "![图](a.png){width=50%}\n",
        "**粗*粗斜*** H~2~O [@a; @b]\n",
    ],
)
def test_canonical_text_is_written_back_unchanged(text):
    assert to_markdown(parse_section(text)) == text
