"""A call written in Word imports like its text: headings by style, Word's own numbering."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml.ns import qn
from docx.oxml.parser import OxmlElement

from planner.cli.main import main
from planner.formats.call_file import load_call
from planner.importer.call_import import call_id_for, import_call_file, import_call_text


def _number_with_word(paragraph, num_id: str = "1") -> None:
    """Give a paragraph Word's automatic numbering: its number is then not in its text."""
    num_pr = OxmlElement("w:numPr")
    for tag, value in (("w:ilvl", "0"), ("w:numId", num_id)):
        child = OxmlElement(tag)
        child.set(qn("w:val"), value)
        num_pr.append(child)
    paragraph._p.get_or_add_pPr().append(num_pr)


def write_call_docx(path: Path) -> None:
    """A call as an office writes it in Word: heading styles numbered by Word, list styles."""
    d = docx.Document()
    d.add_heading("2025 年度申报主题", level=0)
    d.add_paragraph("（各主题均不限于给定的建议研究方向。）")
    headings = []
    headings.append(d.add_heading("智能计算", level=1))
    headings.append(d.add_heading("图学习", level=2))
    d.add_paragraph("图是描述复杂关系的通用结构。课题组可提供脱敏数据。")
    d.add_paragraph("第二段背景。")
    d.add_paragraph("建议研究方向：")
    d.add_paragraph("动态图表示学习；", style="List Number")
    d.add_paragraph("图上的因果推理。", style="List Number")
    headings.append(d.add_heading("开放命题", level=2))
    d.add_paragraph("方向不限。")
    headings.append(d.add_heading("数据安全", level=1))
    headings.append(d.add_heading("数据溯源", level=2))
    background = d.add_paragraph("数据溯源是数据治理的基础，")
    background.add_run().add_break()  # a manual line break inside a sentence
    background.add_run("也是审计的前提。")
    d.add_paragraph("建议研究方向：")
    for text in ("数字水印；", "数据血缘分析。"):
        _number_with_word(d.add_paragraph(text))
    for heading in headings:
        _number_with_word(heading)
    d.save(str(path))


SAME_CALL_AS_TEXT = """\
（各主题均不限于给定的建议研究方向。）

1. 智能计算

1.1 图学习

图是描述复杂关系的通用结构。课题组可提供脱敏数据。

第二段背景。

建议研究方向：

1) 动态图表示学习；
2) 图上的因果推理。

1.2 开放命题

方向不限。

2. 数据安全

2.1 数据溯源

数据溯源是数据治理的基础，也是审计的前提。

建议研究方向：

① 数字水印；
② 数据血缘分析。
"""


def test_docx_call_imports_like_the_same_call_as_text(tmp_path: Path) -> None:
    source = tmp_path / "call-2025.docx"
    write_call_docx(source)
    call, report = import_call_file(source)
    assert report.problems == []
    expected, _ = import_call_text(SAME_CALL_AS_TEXT, call.id, call.title)
    assert call == expected
    assert call.topic("2.1").title == "数据溯源"
    assert [d.text for d in call.topic("1.1").directions] == [
        "动态图表示学习；",
        "图上的因果推理。",
    ]


def test_docx_call_round_trips_through_the_command(tmp_path: Path, capsys) -> None:
    source = tmp_path / "call-2025.docx"
    write_call_docx(source)
    out = tmp_path / "call.yaml"
    assert main(["import-call", str(source), "-o", str(out), "--title", "2025 年度"]) == 0
    call = load_call(out)
    assert (call.id, call.title) == (call_id_for("2025 年度"), "2025 年度")
    assert [t.id for t in call.topics()] == ["1.1", "1.2", "2.1"]
    assert call.topic("1.1").resources == ("课题组可提供脱敏数据。",)
    assert "2 areas, 3 topics, 4 directions" in capsys.readouterr().out


def test_docx_problems_name_paragraphs(tmp_path: Path, capsys) -> None:
    source = tmp_path / "bad.docx"
    d = docx.Document()
    d.add_paragraph("1. 智能计算")
    d.add_paragraph("1.1 图学习")
    d.add_paragraph("")
    d.add_paragraph("建议研究方向：")
    d.save(str(source))
    assert main(["import-call", str(source), "-o", str(tmp_path / "x.yaml")]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"{source}, paragraph 2: topic 1.1 has no background text",
        f"{source}, paragraph 4: topic 1.1: the directions block is empty",
    ]


def test_a_file_that_is_not_a_docx_is_a_located_error(tmp_path: Path, capsys) -> None:
    source = tmp_path / "call.docx"
    source.write_text("1. not a Word file", encoding="utf-8")
    assert main(["import-call", str(source), "-o", str(tmp_path / "x.yaml")]) == 2
    assert f"{source}: cannot read the Word file" in capsys.readouterr().err


def test_the_report_names_the_title_block_tables_and_topics_without_directions(tmp_path) -> None:
    """Issue 16: the report said everything was read while a table and the title were dropped;
    the call was named after the file."""
    source = tmp_path / "call2025.docx"
    write_call_docx(source)
    d = docx.Document(str(source))
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "联系人"
    table.cell(0, 1).text = "电话"
    d.save(str(source))
    call, report = import_call_file(source)
    assert call.title == report.title == "2025 年度申报主题"
    assert call.id == call_id_for("2025 年度申报主题")
    notes = [note.message for note in report.notes]
    assert notes[0] == "the title block “2025 年度申报主题”: not a topic (it names the call)"
    assert "topic 1.2 has no suggested directions" in notes
    assert any(n.startswith("a table of 2 rows was not read") and "联系人电话" in n for n in notes)
    assert report.problems == []  # still a usable call: the notes are said, not errors
