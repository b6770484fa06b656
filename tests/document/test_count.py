"""Word's 字数: of plain text (count_chars) and of a section as exported (count_section)."""

from __future__ import annotations

import pytest

from planner.document.count import count_blocks, count_chars, count_section
from planner.document.markdown import parse_section
from planner.model.proposal import Proposal
from planner.model.validate import section_counts


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("don’t stop", 2),  # the apostrophe is inside a Latin word
        ("“hello” world", 2),
        ("“全域经营”时代", 8),  # quotes in Chinese text are full-width marks: 1 each
        ("他说“OK”。", 6),
        ("研究——方法", 6),
        ("等等……", 4),
        ("a — b", 3),  # a lone dash between spaces is a word of its own
        ("‘引’", 3),
        ("HTAP 数据库", 4),
        ("\u3000\u3000首行缩进。", 5),
    ],
)
def test_count_chars_as_word_counts(text, count):
    assert count_chars(text) == count


@pytest.mark.parametrize(
    ("markdown", "count"),
    [
        ("**加粗**", 2),
        ("*斜体*与 __粗__", 4),  # (`与__粗__`: `_` inside a word is text, as in pandoc)
        ("# 研究目标", 4),
        ("- 第一点\n- 第二点\n  1. 子项", 8),
        ("m^2^ 与 H~2~O", 3),  # "m2", "与", "H2O"
        ("见[@zhang2020]。", 3),  # 见, the marker [1], 。 (the key is not text)
        ("SQL[@a; @b] 优化", 3),  # the marker joins the Latin word before it
        ("<b>粗</b>", 3),  # kept literally: "<b>", 粗, "</b>"
        ("\\*星\\*", 3),
        ("![技术路线图](figures/route.png){width=60%}", 5),  # the caption counts
    ],
)
def test_count_section_counts_the_exported_text(markdown, count):
    assert count_section(markdown) == count


def test_table_cells_and_caption_count_markup_does_not():
    text = "Table: 经费预算\n| 科目 | 金额 |\n|:--|--:|\n| 设备费 | 5 万元 |\n| **合计** | 5 |"
    # 经费预算 4 + 科目 2 + 金额 2 + 设备费 3 + 5 万元 3 + 合计 2 + 5 1
    assert count_section(text) == 17


def test_cells_are_counted_apart():
    # "a|b" in one paragraph would be one word; as two cells Word sees two
    assert count_section("| a | b |\n|---|---|") == 2


def test_empty_sections():
    assert count_section("") == 0
    assert count_section(" \n\t") == 0
    assert count_blocks(()) == 0


def test_validate_counts_what_count_section_counts(call):
    text = "Table: 进度\n| 年 | 内容 |\n|---|---|\n| 2025 | **调研** |\n研究[@k]显示 *A* 与 B。"
    proposal = Proposal(call=call.id, sections={s.key: text for s in call.form})
    counts = section_counts(proposal, call)
    assert {c.count for c in counts} == {count_section(text)} == {count_blocks(parse_section(text))}
    # 进度 2, 年 1, 内容 2, 2025 1, 调研 2; 研 究 [1] 显 示 A 与 B 。 9
    assert counts[0].count == 17
