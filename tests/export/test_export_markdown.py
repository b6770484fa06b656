"""A section's Markdown, as the applicant types it, through parse and export to Word; and a
bad figure as `planner export`, `planner validate` and a batch report it."""

from __future__ import annotations

from pathlib import Path

import docx
import pictures
import pytest
from docx_body import body_paragraphs, body_tables

from planner.cli.main import main
from planner.export.docx import export_docx
from planner.formats.proposal_file import save_proposal
from planner.model.proposal import Proposal

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture
def with_text(call):
    def make(text: str, key: str = "background") -> Proposal:
        return Proposal(call=call.id, topic="1.2", sections={key: text})

    return make


def section_paragraphs(doc, last_heading: str = "三、研究目标与研究内容"):
    paragraphs = body_paragraphs(doc)
    start = next(i for i, p in enumerate(paragraphs) if p.text == "二、研究背景与意义")
    end = next(i for i, p in enumerate(paragraphs) if p.text == last_heading)
    return paragraphs[start + 1 : end]


def test_lines_typed_with_enter_are_paragraphs(with_text, exported) -> None:
    _, doc = exported(with_text("第一段 **加粗** 与 *倾斜* 文字。\n第二段。\n\n第三段。"))
    first, second, third = section_paragraphs(doc)
    assert [first.text, second.text, third.text] == [
        "第一段 加粗 与 倾斜 文字。",
        "第二段。",
        "第三段。",
    ]
    assert {p.style.name for p in (first, second, third)} == {"Body Text"}
    assert first._p.find(f".//{W}br") is None
    runs = {r.text: (bool(r.bold), bool(r.italic)) for r in first.runs}
    assert runs["加粗"] == (True, False) and runs["倾斜"] == (False, True)


def test_sub_headings_lists_table_and_figure(with_text, exported, tmp_path) -> None:
    (tmp_path / "figures").mkdir()
    (tmp_path / "figures" / "route.png").write_bytes(pictures.png(800, 400, dpi=96))
    text = (
        "# 研究现状\n"
        "国内外研究如下。\n"
        "- 要点一\n"
        "- 要点二\n"
        "\n"
        "Table: 经费预算\n"
        "| 科目 | 金额 |\n"
        "|---|---:|\n"
        "| 设备费 | 20 |\n"
        "\n"
        "![技术路线](figures/route.png){width=60%}\n"
        "## 存在问题\n"
        "问题在于代价模型。"
    )
    result, doc = exported(with_text(text), base=tmp_path)
    got = [(p.style.name, p.text) for p in section_paragraphs(doc)]
    assert got == [
        ("Heading 2", "（一）研究现状"),
        ("Body Text", "国内外研究如下。"),
        ("List Bullet", "要点一"),
        ("List Bullet", "要点二"),
        ("Caption", "表 1 经费预算"),
        ("Normal", ""),  # the picture
        ("Caption", "图 1 技术路线"),
        ("Heading 3", "1. 存在问题"),
        ("Body Text", "问题在于代价模型。"),
    ]
    (table,) = body_tables(doc)[1:]
    assert [[c.text for c in row.cells] for row in table.rows] == [
        ["科目", "金额"],
        ["设备费", "20"],
    ]
    extent = doc.element.body.find(f".//{{{docx.oxml.ns.nsmap['wp']}}}extent")
    text_width = doc.sections[0].page_width - 2 * doc.sections[0].left_margin
    assert abs(int(extent.get("cx")) - text_width * 0.6) < 1000
    assert not result.problems


def bad_figure_proposal(tmp_path: Path, call) -> Path:
    source = tmp_path / "p.proposal.yaml"
    (tmp_path / "figures").mkdir()
    (tmp_path / "figures" / "bomb.png").write_bytes(pictures.bomb_png())
    proposal = Proposal(
        call=call.id,
        topic="1.2",
        title="题目",
        sections={"approach": "方法如下。\n![技术路线](figures/bomb.png)\n其后。"},
    )
    save_proposal(proposal, source)
    return source


def test_export_with_a_bad_figure_writes_the_document_and_exits_1(
    call, tmp_path: Path, capsys, monkeypatch
) -> None:
    source = bad_figure_proposal(tmp_path, call)
    monkeypatch.chdir("/")  # figure paths start at the proposal's folder, not the cwd
    out = tmp_path / "p.docx"
    assert main(["export", str(source), "-o", str(out)]) == 1
    captured = capsys.readouterr()
    assert "wrote" in captured.out
    assert "figures/bomb.png" in captured.err and "研究方案与技术路线" in captured.err
    assert "60000×60000 pixels" in captured.err
    texts = [p.text for p in body_paragraphs(docx.Document(str(out)))]
    assert "［图片无法读取：figures/bomb.png（图片过大）］" in texts
    assert "其后。" in texts  # the text after it is all there


def test_validate_names_the_bad_figure_and_its_section(call, tmp_path: Path, capsys) -> None:
    source = bad_figure_proposal(tmp_path, call)
    assert main(["validate", str(source)]) == 1
    out = capsys.readouterr().out
    assert (
        "error: sections.approach: 研究方案与技术路线: figure figures/bomb.png cannot be read"
    ) in out


def test_a_ragged_table_is_a_validation_warning(call, tmp_path: Path, capsys) -> None:
    source = tmp_path / "r.proposal.yaml"
    table = "| 甲 | 乙 | 丙 |\n|---|---|---|\n| 1 |\n"
    save_proposal(Proposal(call=call.id, topic="1.2", sections={"budget": table}), source)
    main(["validate", str(source)])
    out = capsys.readouterr().out
    assert "warning: sections.budget: 经费预算: table 1 of the section has rows of different" in out


def test_the_batch_finds_figures_beside_each_proposal(call, tmp_path: Path) -> None:
    """Two proposals in two folders, each with its own figures/route.png."""
    from planner.office.batch import plan_exports, run_exports
    from planner.office.workspace import scan_workspace

    for name, side in (("a", 20), ("b", 40)):
        folder = tmp_path / "ws" / name
        (folder / "figures").mkdir(parents=True)
        (folder / "figures" / "route.png").write_bytes(pictures.png(side, side))
        proposal = Proposal(
            call=call.id,
            topic="1.2",
            title=name,
            sections={"approach": "![路线](figures/route.png)"},
        )
        save_proposal(proposal, folder / f"{name}.proposal.yaml")
    workspace = scan_workspace(tmp_path / "ws", call)
    assert all(e.valid for e in workspace.entries)
    jobs = plan_exports(workspace.entries, tmp_path / "out")
    (tmp_path / "out").mkdir()
    outcomes = [e.outcome for e in run_exports(jobs, call)]
    assert [o.error for o in outcomes] == ["", ""]
    for outcome in outcomes:
        doc = docx.Document(str(outcome.target))
        assert "［图片无法读取" not in "".join(p.text for p in body_paragraphs(doc))
        assert doc.inline_shapes[0].width > 0


def test_export_docx_without_a_folder_reads_figures_from_the_cwd(
    with_text, call, tmp_path, monkeypatch
) -> None:
    (tmp_path / "fig.png").write_bytes(pictures.png(10, 10))
    monkeypatch.chdir(tmp_path)
    result = export_docx(with_text("![图](fig.png)"), call, tmp_path / "x.docx")
    assert not result.problems


def test_a_batch_reports_a_document_written_with_a_placeholder(call, tmp_path: Path) -> None:
    from planner.office.batch import plan_exports, run_exports
    from planner.office.workspace import scan_workspace

    (tmp_path / "ws").mkdir()
    bad_figure_proposal(tmp_path / "ws", call)
    (entry,) = scan_workspace(tmp_path / "ws", call).entries
    (problem,) = entry.errors  # validation names the figure, with its line and its code
    assert (problem.code, problem.line) == ("figure_unreadable", 15)  # sections.approach
    entry.problems = []  # exported anyway, as `planner export` does
    (tmp_path / "out").mkdir()
    jobs = plan_exports([entry], tmp_path / "out")
    (outcome,) = [e.outcome for e in run_exports(jobs, call)]
    assert outcome.error.startswith("written, but a picture is missing: ")
    assert "figures/bomb.png" in outcome.error
    assert outcome.target.is_file()
