"""`import_call_text` and `planner import-call` on the seed call and on hand-written calls."""

from __future__ import annotations

import shutil
from pathlib import Path

import paths
import pytest

from planner.cli.main import main
from planner.document.numerals import from_chinese, to_chinese
from planner.formats.call_file import dump_call, load_call, parse_call
from planner.importer.call_import import call_id_for, import_call_file, import_call_text
from planner.importer.call_lines import is_noise, text_blocks
from planner.resources import builtin_call_path

DATA = paths.DATA


def directions(call, topic_id: str) -> list[str]:
    return [d.text for d in call.topic(topic_id).directions]


def test_import_call_command_rewrites_the_shipped_call(tmp_path: Path, capsys) -> None:
    out = tmp_path / "topics.yaml"
    argv = ["import-call", str(DATA / "call-topics.txt"), "-o", str(out)]
    args = ["--id", "call-topics", "--title", "申报主题", "--display-title", "项目申报书"]
    assert main([*argv, *args]) == 0
    assert out.read_bytes() == builtin_call_path().read_bytes()
    assert "5 areas, 28 topics, 91 directions" in capsys.readouterr().out


def test_chinese_call_with_contents_page_noise_and_every_numbering(tmp_path: Path) -> None:
    call, report = import_call_file(DATA / "calls" / "zh-noise.txt")
    assert report.problems == []
    # issue 16: named by the document's own title, not the file's name (a rename orphaned its
    # proposals); the id is made from the title, the same on every machine
    assert call.title == report.title == "2025 年度联合研究计划申报指南"
    assert call.id == call_id_for(call.title) == "call-60564c69"
    renamed, _ = import_call_file(shutil.copy(DATA / "calls" / "zh-noise.txt", tmp_path / "x.txt"))
    assert (renamed.id, renamed.title) == (call.id, call.title)
    assert report.notes[0][:2] == (
        1,
        "the title block “2025 年度联合研究计划申报指南”: not a topic (it names the call)",
    )
    assert [(a.id, a.title) for a in call.areas] == [("1", "智能计算"), ("2", "数据安全")]
    assert [t.id for t in call.topics()] == ["1.1", "1.2", "1.3", "2.1", "2.2", "2.3"]
    graph = call.topic("1.1")
    # a paragraph cut by a page number ("- 2 -") is joined; two paragraphs stay two
    assert graph.background == (
        "图是描述复杂关系的通用结构。本课题研究大规模图上的表示学习与推理，面向推荐、风控等场景。"
        "课题组可提供脱敏的社交图数据与 GPU 算力。\n\n第二段背景：已有工作多集中于静态图。"
    )
    assert graph.resources == ("课题组可提供脱敏的社交图数据与 GPU 算力。",)
    # 1、 and an item broken over two lines
    assert directions(call, "1.1") == [
        "动态图表示学习；",
        "图上的因果推理；",
        "大规模图的高效训练。",
    ]
    assert directions(call, "1.2") == []  # an open topic
    assert directions(call, "1.3") == ["联邦学习的安全聚合；", "可信执行环境。"]  # （1）
    assert directions(call, "2.1") == ["数字水印；", "数据血缘分析。"]  # ①
    assert directions(call, "2.2") == [  # an unnumbered paragraph is one direction
        "基于多模态内容域数据和广告域数据，研究跨域弱相关的匹配方法，提升匹配效果。"
    ]
    assert directions(call, "2.3") == ["多源日志的关联分析；", "基于大模型的告警研判。"]  # - 1.


def test_english_markdown_call_with_contents_links_and_page_footers() -> None:
    call, report = import_call_file(DATA / "calls" / "en-noise.md", "en-2025", "Topics 2025")
    assert report.problems == []
    assert (call.id, call.title) == ("en-2025", "Topics 2025")
    assert call.note.startswith("Topics are not limited to the suggested directions")
    assert [(a.id, a.title) for a in call.areas] == [
        ("1", "Intelligent Computing"),
        ("2", "Data Security"),
    ]
    graph = call.topic("1.1")
    assert graph.title == "Graph Learning"
    assert graph.background.split("\n\n") == [
        "Graphs describe complex relations. This topic studies representation learning on "
        "large graphs for recommendation and risk control.",
        "Most existing work considers static graphs. The team can provide anonymised social "
        "graph data and GPU time.",
    ]
    assert graph.resources == ("The team can provide anonymised social graph data and GPU time.",)
    assert directions(call, "1.1") == [  # 1) and a page break inside an item
        "Dynamic graph representation learning;",
        "Causal inference on graphs;",
        "Efficient training of very large graphs.",
    ]
    assert directions(call, "1.2") == []
    assert call.topic("2.1").resources == ("We offer access to a test platform.",)
    assert directions(call, "2.1") == ["Digital watermarking;", "Data lineage analysis."]  # (1)
    assert len(directions(call, "2.2")) == 2  # - 1.
    assert directions(call, "2.3") == [
        "Build matching methods across content and advertising domains that improve relevance."
    ]


def test_areas_and_directions_both_numbered_with_a_dot() -> None:
    text = (
        "1. Intelligent Computing\n\n1.1 Graph Learning\n\nGraphs.\n\n"
        "Suggested research directions:\n\n1. Dynamic graphs\n2. Causal inference\n\n"
        "2. Data Security\n\n2.1 Provenance\n\nProvenance matters.\n\n"
        "Research directions: Watermarking of data sets.\n"
    )
    call, report = import_call_text(text, "c", "C")
    assert report.problems == []
    assert [(a.id, a.title) for a in call.areas] == [
        ("1", "Intelligent Computing"),
        ("2", "Data Security"),
    ]
    assert directions(call, "1.1") == ["Dynamic graphs", "Causal inference"]
    assert directions(call, "2.1") == ["Watermarking of data sets."]


def test_chinese_numeral_areas_and_unspaced_topic_headings() -> None:
    text = "十一、第十一领域\n\n11.1第一个主题\n\n背景。\n\n建议研究方向：\n\n1) 方向一。\n"
    call, report = import_call_text(text, "c", "C")
    assert report.problems == []
    assert [(a.id, a.title) for a in call.areas] == [("11", "第十一领域")]
    assert call.topic("11.1").title == "第一个主题"


def test_numbers_inside_a_sentence_are_text_not_headings() -> None:
    text = "1. 领域\n\n1.1 主题\n\n加速比达到\n2.5 倍的水平，可应用于\n1. 标注提效；2. 数据增强。\n"
    call, report = import_call_text(text, "c", "C")
    assert report.problems == []
    assert (
        call.topic("1.1").background == "加速比达到2.5 倍的水平，可应用于1. 标注提效；2. 数据增强。"
    )


MALFORMED = """\
Call for proposals

2.1 Orphan topic

Text of a topic with no area.

1. Intelligent Computing

1.2 Graph Learning

Graphs describe complex relations.

Suggested research directions:

1) Dynamic graphs;
3) Causal inference.

Contact: Dr. Wang, by e-mail.

1.2 Graph Learning again

Another background.

1.3 No background

Suggested research directions:

3. Data Security

Security is an area introduction that the importer cannot place.

3.1 Provenance

Provenance matters.
"""


def test_malformed_call_reports_each_problem_with_its_line() -> None:
    call, report = import_call_text(MALFORMED, "c", "C")
    assert report.describe("bad.txt") == [
        "bad.txt:3: topic 2.1 comes before any area heading",
        "bad.txt:16: topic 1.2: direction 3 follows direction 1",
        "bad.txt:18: topic 1.2: text after the directions was not placed: Contact: Dr. Wang, "
        "by e-mail.",
        "bad.txt:20: topic 1.2 appears twice (first on line 9); the second was skipped",
        "bad.txt:24: topic 1.3 has no background text",
        "bad.txt:26: topic 1.3: the directions block is empty",
        "bad.txt:30: text outside any topic was skipped: Security is an area introduction that th…",
    ]
    # what could be placed still loads
    assert [t.id for t in call.topics()] == ["2.1", "1.2", "1.3", "3.1"]


def test_malformed_call_on_the_command_line_exits_1_and_names_the_lines(
    tmp_path: Path, capsys
) -> None:
    source = tmp_path / "bad.txt"
    source.write_text(MALFORMED, encoding="utf-8")
    out = tmp_path / "bad.yaml"
    assert main(["import-call", str(source), "-o", str(out)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0] == f"{source}:3: topic 2.1 comes before any area heading"
    assert len([e for e in err if not e.startswith("note: ")]) == 7
    assert load_call(out).id == "call-for-proposals"  # the partial call is written, and loads


def test_text_without_headings_writes_nothing(tmp_path: Path, capsys) -> None:
    source = tmp_path / "notes.md"
    source.write_text("Some notes\n\nNo numbered headings here.\n", encoding="utf-8")
    out = tmp_path / "notes.yaml"
    assert main(["import-call", str(source), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"{source}: no area or topic headings were found" in err
    assert "nothing written" in err
    assert not out.exists()


def test_unreadable_source_is_a_located_error(tmp_path: Path, capsys) -> None:
    source = tmp_path / "call.txt"
    source.write_bytes(b"1. \xff\xfe area\n")
    assert main(["import-call", str(source), "-o", str(tmp_path / "x.yaml")]) == 2
    assert "line 1: not UTF-8 text" in capsys.readouterr().err


@pytest.mark.parametrize(
    "line",
    [
        "| 1.1 标题 | 2 |",
        "1.1 面向少量样本学习 .......... 2",
        "- [1.1 Graph Learning](#graph-learning)",
        "[返回目录](#)",
        "返回目录",
        "[Back to contents](#contents)",
        "12",
        "- 3 -",
        "第 3 页",
        "第3页 共12页",
        "Page 2 of 5",
        "3 / 12",
    ],
)
def test_noise_lines(line: str) -> None:
    assert is_noise(line)


@pytest.mark.parametrize("line", ["1.1 标题", "2023 年", "1) 方向", "Page layout matters."])
def test_not_noise(line: str) -> None:
    assert not is_noise(line)


def test_line_numbers_count_newlines_only() -> None:
    # a form feed (pdftotext's page break) is not a line of its own in an editor
    blocks = text_blocks("1. 领域\n\f1.1 主题\n\n背景\x0c。\n")
    assert [(b.line, b.text) for b in blocks] == [(1, "1. 领域"), (2, "1.1 主题"), (4, "背景 。")]


@pytest.mark.parametrize(
    ("numeral", "value"),
    [("一", 1), ("九", 9), ("十", 10), ("十二", 12), ("二十", 20), ("二十三", 23)],
)
def test_cn_number(numeral: str, value: int) -> None:
    assert from_chinese(numeral) == value


def test_imported_call_round_trips_through_the_loader() -> None:
    call, _ = import_call_file(DATA / "calls" / "zh-noise.txt")
    assert parse_call(dump_call(call), "x") == call


def test_chinese_numerals_both_ways() -> None:
    """The exporter's section numbers read back as the importer reads area headings."""
    assert [to_chinese(n) for n in (1, 9, 10, 11, 20, 99)] == [
        "一",
        "九",
        "十",
        "十一",
        "二十",
        "九十九",
    ]
    assert all(from_chinese(to_chinese(n)) == n for n in range(1, 100))
