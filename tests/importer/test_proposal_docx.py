"""A returned .docx reads back into the proposal it holds (issue 15): our export as it is, as a
user edits it in Word, and a document made without the app."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from paths import DATA
from returned_docx import (
    control,
    export,
    paragraph_after,
    reopen,
    rich_proposal,
    table_after,
    text_paragraph,
    type_into,
)

from planner.cli.main import main
from planner.document.blocks import Figure, ListBlock, ListItem, Paragraph, Span, Table
from planner.document.markdown import parse_section
from planner.formats.proposal_file import load_proposal
from planner.importer.proposal_docx import read_proposal_docx


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "figures").mkdir()
    shutil.copy(DATA / "figures" / "photo.jpg", tmp_path / "figures" / "photo.jpg")
    return tmp_path


def without_paths(blocks):
    """Figures compare by caption and width: their files move to OUT.figures/."""
    return tuple(Figure("", b.caption, b.width_percent) if isinstance(b, Figure) else b
                 for b in blocks)  # fmt: skip


def test_export_then_import_gives_the_proposal_back(call, folder: Path) -> None:
    proposal = rich_proposal(call)
    source = export(proposal, call, folder)
    out = folder / "back.proposal.yaml"
    assert main(["import-proposal", str(source), "-o", str(out)]) == 0
    back, problems = load_proposal(out)
    assert not problems
    assert back.title == proposal.title
    assert back.applicant == proposal.applicant
    assert (back.topic, back.directions) == ("1.1", [2, 4])
    assert back.own_directions == proposal.own_directions
    for key, text in proposal.sections.items():
        assert without_paths(parse_section(back.sections[key])) == without_paths(
            parse_section(text)
        ), key
    assert all(back.sections[s.key] == "" for s in call.form if s.key not in proposal.sections)
    figure = next(b for b in parse_section(back.sections["background"]) if isinstance(b, Figure))
    assert figure.path == "back.figures/技术路线图.jpg"
    saved = folder / figure.path
    assert saved.read_bytes() == (folder / "figures" / "photo.jpg").read_bytes()


def test_the_report_says_how_each_part_was_found(call, folder: Path, capsys) -> None:
    source = export(rich_proposal(call), call, folder)
    main(["import-proposal", str(source), "-o", str(folder / "b.proposal.yaml")])
    err = capsys.readouterr().err
    assert "9 sections read (9 by content control, 0 by heading)" in err
    assert "topic 1.1 from the document properties" in err


def test_empty_sections_are_controls_showing_their_guidance(call, folder: Path) -> None:
    source = export(rich_proposal(call), call, folder)
    doc = reopen(source)
    innovation = control(doc, "innovation")
    props = innovation.find(qn("w:sdtPr"))
    assert props.find(qn("w:alias")).get(qn("w:val")) == "创新点"
    assert props.find(qn("w:showingPlcHdr")) is not None
    background = control(doc, "background").find(qn("w:sdtPr"))
    assert background.find(qn("w:showingPlcHdr")) is None
    result = read_proposal_docx(source, call)
    assert result.proposal.sections["innovation"] == ""  # the placeholder is not the text


def test_identity_is_in_the_custom_properties(call, folder: Path) -> None:
    import zipfile

    source = export(rich_proposal(call), call, folder)
    with zipfile.ZipFile(source) as package:
        custom = package.read("docProps/custom.xml").decode()
    for name, value in (
        ("ProposalPlanner.call", "call-topics"),
        ("ProposalPlanner.topic", "1.1"),
        ("ProposalPlanner.directions", "2,4"),
        ("ProposalPlanner.schema", "1"),
    ):
        assert f'name="{name}"' in custom and f"<vt:lpwstr>{value}</vt:lpwstr>" in custom


def test_a_file_edited_as_a_user_would(call, folder: Path) -> None:
    source = export(rich_proposal(call), call, folder)
    doc = reopen(source)
    # typed into an empty section, and a line typed below its control
    type_into(doc, "innovation", "首次将小样本学习用于多模态推理。", "第二条创新。")
    paragraph_after(control(doc, "innovation"), "控件外面写的一段。")
    # a paragraph of the budget deleted, a table added after it
    table_after(doc, text_paragraph(control(doc, "budget")), [["科目", "金额"], ["设备费", "20"]])
    # one heading renumbered, one renumbered and renamed
    for old, new in (
        ("二、研究背景与意义", "2 研究背景与意义"),
        ("四、研究方案与技术路线", "4. 研究方案及技术路线"),
    ):
        for p in doc.element.body.iter(qn("w:p")):
            texts = p.findall(f"{qn('w:r')}/{qn('w:t')}")
            if "".join(t.text for t in texts) == old:
                texts[0].text = new
                for t in texts[1:]:
                    t.text = ""
    doc.save(str(source))

    result = read_proposal_docx(source, call, "x.figures")
    sections = result.proposal.sections
    assert parse_section(sections["innovation"]) == (
        Paragraph((Span("首次将小样本学习用于多模态推理。"),)),
        Paragraph((Span("第二条创新。"),)),
        Paragraph((Span("控件外面写的一段。"),)),
    )
    budget_blocks = parse_section(sections["budget"])
    assert budget_blocks[0] == Paragraph((Span("设备费 20 万元，差旅费 5 万元。"),))
    assert isinstance(budget_blocks[1], Table)
    assert budget_blocks[1].rows == (((Span("设备费"),), (Span("20"),)),)
    assert result.complete, result.report_lines()
    notes = [n.describe() for n in result.notes]
    assert any("heading '2 研究背景与意义' read as section 研究背景与意义" in n for n in notes)
    assert any("heading '4. 研究方案及技术路线' read as section 研究方案与技术路线 (renamed)" in n
               for n in notes)  # fmt: skip


def test_headings_alone_find_the_sections(call, folder: Path) -> None:
    """What LibreOffice or WPS may leave: no controls, no properties, renamed headings."""
    source = export(rich_proposal(call), call, folder)
    doc = reopen(source)
    for sdt in list(doc.element.body.iter(qn("w:sdt"))):
        parent = sdt.getparent()
        for child in list(sdt.find(qn("w:sdtContent"))):
            sdt.addprevious(child)
        parent.remove(sdt)
    doc.save(str(source))
    import zipfile

    stripped = folder / "stripped.docx"
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(stripped, "w") as new:
        for item in old.infolist():
            if item.filename != "docProps/custom.xml":
                new.writestr(item, old.read(item.filename))
    result = read_proposal_docx(stripped, call)
    assert result.by_control == 0 and not result.from_properties
    assert (result.proposal.topic, result.proposal.directions) == ("1.1", [2, 4])
    assert result.proposal.title == rich_proposal(call).title
    assert result.proposal.sections["innovation"] == ""  # grey guidance is not text
    assert parse_section(result.proposal.sections["objectives"])[0] == ListBlock(
        True,
        tuple(
            ListItem((Paragraph((Span(t),)),))
            for t in ("构建小样本多模态基准", "提出链式推理方法", "在 10B 模型上验证")
        ),
    )
    assert result.complete


def test_a_document_not_made_by_the_app(call, tmp_path: Path) -> None:
    d = docx.Document()
    d.add_heading("基于图学习的数据治理", level=0)
    d.add_heading("1 研究背景及意义", level=1)  # numbered by hand, one word changed
    d.add_paragraph("数据治理是数字化转型的基础。")
    d.add_paragraph("第二段。")
    d.add_heading("研究目标与研究内容", level=1)
    d.add_paragraph("构建数据血缘图；", style="List Number")
    d.add_paragraph("验证溯源方法。", style="List Number")
    d.add_heading("研究内容细节", level=2)
    d.add_paragraph("细节。")
    d.add_heading("经费预算", level=1)
    table = d.add_table(rows=2, cols=2)
    for cell, text in zip(table._cells, ["科目", "金额", "设备", "10"], strict=True):
        cell.text = text
    path = tmp_path / "foreign.docx"
    d.save(str(path))
    result = read_proposal_docx(path, call)
    p = result.proposal
    assert p.title == "基于图学习的数据治理"
    assert parse_section(p.sections["background"]) == (
        Paragraph((Span("数据治理是数字化转型的基础。"),)),
        Paragraph((Span("第二段。"),)),
    )
    objectives = parse_section(p.sections["objectives"])
    assert isinstance(objectives[0], ListBlock) and objectives[0].ordered
    assert len(objectives[0].items) == 2
    assert objectives[1].level == 1  # type: ignore[union-attr]
    assert isinstance(parse_section(p.sections["budget"])[0], Table)
    assert any("研究背景及意义" in n.message and "renamed" in n.message for n in result.notes)
    assert result.complete


def test_text_before_the_sections_is_reported_with_its_paragraph(call, folder, capsys) -> None:
    source = export(rich_proposal(call), call, folder)
    doc = reopen(source)
    first = doc.element.body[0]
    paragraph_after(first, "一段不知放在哪里的话。", style=None)
    doc.save(str(source))
    out = folder / "b.proposal.yaml"
    assert main(["import-proposal", str(source), "-o", str(out)]) == 1
    assert out.exists()  # still written
    err = capsys.readouterr().err
    assert "NOT PLACED: paragraph 2: text before the first section: 一段不知放在哪里的话。" in err


def test_tracked_changes_are_read_as_accepted_and_comments_counted(call, folder, capsys) -> None:
    source = export(rich_proposal(call), call, folder)
    doc = reopen(source)
    budget = text_paragraph(control(doc, "budget"))
    ins = budget.makeelement(qn("w:ins"), {qn("w:id"): "1", qn("w:author"): "审稿人"})
    run = budget.makeelement(qn("w:r"), {})
    run.append(run.makeelement(qn("w:t"), {}))
    run[0].text = "新增的话。"
    ins.append(run)
    deleted = budget.makeelement(qn("w:del"), {qn("w:id"): "2", qn("w:author"): "审稿人"})
    gone = budget.makeelement(qn("w:r"), {})
    gone.append(gone.makeelement(qn("w:delText"), {}))
    gone[0].text = "删掉的话。"
    deleted.append(gone)
    budget.append(ins)
    budget.append(deleted)
    doc.add_comment(doc.paragraphs[0].runs, text="请补充", author="审稿人")
    doc.save(str(source))
    assert main(["import-proposal", str(source), "-o", str(folder / "b.proposal.yaml")]) == 0
    back, _ = load_proposal(folder / "b.proposal.yaml")
    assert back.sections["budget"].strip() == "设备费 20 万元，差旅费 5 万元。新增的话。"
    err = capsys.readouterr().err
    assert "warning: 2 tracked changes were read as if accepted" in err
    assert "1 comments in the document" in err


REFERENCES = [
    {"id": "lecun2015", "type": "article-journal", "title": "Deep learning",
     "author": [{"family": "LeCun", "given": "Yann"}], "container-title": "Nature",
     "issued": {"date-parts": [[2015]]}, "volume": "521", "page": "436-444"},
    {"id": "zhang2020", "type": "article-journal", "title": "小样本学习综述",
     "author": [{"family": "张", "given": "三"}], "container-title": "计算机学报",
     "issued": {"date-parts": [[2020]]}, "volume": "43", "page": "1-20"},
]  # fmt: skip


def test_citations_and_references_come_back(call, folder: Path) -> None:
    proposal = rich_proposal(call)
    proposal.sections["budget"] = "见文献[@zhang2020; @lecun2015]。\n另见[@lecun2015]。"
    proposal.references = [dict(r) for r in REFERENCES]
    source = export(proposal, call, folder)
    doc = reopen(source)
    # an entry edited in Word (a typo fixed), and one typed in by hand
    entries = [p for p in doc.paragraphs if p.text.startswith("[")]
    assert [p.text[:3] for p in entries] == ["[1]", "[2]"]
    last = entries[-1].runs[-1]
    last.text = last.text.replace("Nature", "Nature.")
    paragraph_after(entries[-1]._p, "[3]\t王五. 手写的文献[M]. 北京: 科学出版社, 2019.", style=None)
    doc.save(str(source))
    result = read_proposal_docx(source, call)
    assert parse_section(result.proposal.sections["budget"]) == parse_section(
        "见文献[@zhang2020; @lecun2015]。\n另见[@lecun2015]。"
    )
    assert [r["id"] for r in result.references] == ["zhang2020", "lecun2015"]
    assert result.references[1] == REFERENCES[0]  # the stored details, not the edited text
    messages = [n.describe() for n in result.notes]
    assert any("reference [2] was edited in Word; read as 'lecun2015'" in m for m in messages)
    assert any(m.startswith("NOT PLACED: paragraph") and "reference [3] matches no stored entry"
               in m for m in messages)  # fmt: skip
