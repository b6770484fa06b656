"""The document model → QTextDocument writer and its pagination: small constructs asserted on
the document a user would see (its text, its images, its pages)."""

from __future__ import annotations

from pathlib import Path

import pictures
import pytest
from PySide6.QtGui import QTextDocument

from planner.document.assembly import Content, PartHeading, assemble
from planner.document.blocks import (
    Citation,
    Figure,
    Heading,
    ListBlock,
    ListItem,
    Paragraph,
    ReferenceEntry,
    ReferenceList,
    Span,
    Table,
)
from planner.model.proposal import Applicant, Proposal
from planner.ui.pages.paged import lay_out


def p(*runs: str | Span | Citation) -> Paragraph:
    return Paragraph(tuple(Span(r) if isinstance(r, str) else r for r in runs))


def assembled_with(call, blocks, tmp_path: Path, refs: tuple[ReferenceEntry, ...] = ()):
    """The sample topic with `blocks` as the 研究背景 section."""
    proposal = Proposal(call=call.id, topic="5.1", title="题目", sections={"background": "x"})
    return assemble(
        proposal,
        call,
        base=tmp_path,
        parse=lambda text: blocks if text == "x" else (),
        references=lambda _p, cited: ReferenceList(tuple(e for e in refs if e.key in cited)),
    )


def plain(doc: QTextDocument) -> str:
    return doc.toPlainText()


def test_order_and_wording_of_the_whole_document(qapp, call) -> None:
    proposal = Proposal(
        call=call.id, topic="5.1", directions=[1], title="学习型优化",
        applicant=Applicant(name="王芳", institution="华东理工示范大学"),
        sections={"background": "第一段\n第二段"},
    )  # fmt: skip
    text = plain(lay_out(assemble(proposal, call)).document)
    order = [call.display_name, "学习型优化", "姓　　名", "王芳", "一、申报课题与研究方向",
             "研究领域：", "申报课题：5.1", "所选建议研究方向", "方向 1：", "自拟研究方向",
             "二、研究背景与意义", "第一段", "第二段", "三、研究目标与研究内容",
             "十、经费预算"]  # fmt: skip
    positions = [text.index(piece) for piece in order]
    assert positions == sorted(positions)
    # an empty section shows its guidance with its limit
    assert "（不超过3000字）" in text
    assert "参考文献" not in text  # nothing cited


def test_sub_headings_are_numbered_per_section(qapp, call, tmp_path) -> None:
    def h(level: int, title: str) -> Heading:
        return Heading(level, (Span(title),))

    blocks = (h(1, "背景"), h(2, "现状"), h(2, "不足"), h(3, "细节"), h(1, "意义"), h(2, "应用"))
    pages = lay_out(assembled_with(call, blocks, tmp_path))
    lines = plain(pages.document).split("\n")
    for expected in ("（一）背景", "1. 现状", "2. 不足", "（1）细节", "（二）意义", "1. 应用"):
        assert expected in lines
    headings = [h.anchor.text for h in pages.headings() if h.anchor.key == "background"]
    assert headings[:3] == ["二、研究背景与意义", "（一）背景", "1. 现状"]


def test_table_with_caption_above_and_a_repeated_header(qapp, call, tmp_path) -> None:
    table = Table(
        header=((Span("科目"),), (Span("金额"),)),
        rows=(((Span("设备费"),), (Span("10"),)), ((Span("合计"),), (Span("10"),))),
        align=("default", "right"),
        caption=(Span("经费预算"),),
    )
    doc = lay_out(assembled_with(call, (p("前文"), table), tmp_path)).document
    text = plain(doc)
    assert text.index("表 1 经费预算") < text.index("科目") < text.index("设备费")
    tables = [f for f in doc.rootFrame().childFrames() if f.format().isTableFormat()]
    budget = tables[-1]  # the applicant table comes first
    assert (budget.rows(), budget.columns()) == (3, 2)
    assert budget.format().toTableFormat().headerRowCount() == 1
    assert budget.cellAt(1, 0).firstCursorPosition().block().text() == "设备费"


def test_figure_is_an_image_with_its_caption_below(qapp, call, tmp_path) -> None:
    (tmp_path / "route.png").write_bytes(pictures.png(400, 200))
    blocks = (Figure("route.png", (Span("技术路线图"),), 50),)
    pages = lay_out(assembled_with(call, blocks, tmp_path))
    assert pages.written.figures == 1 and pages.written.problems == []
    text = plain(pages.document)
    assert text.index("\ufffc") < text.index("图 1 技术路线图")  # the image, then its caption
    image = pages.document.resource(QTextDocument.ResourceType.ImageResource.value,
                                    "planner-figure:1")  # fmt: skip
    assert image.width() == 400  # shown smaller than its pixels: not scaled up


@pytest.mark.parametrize(
    ("data", "why"),
    [(None, "文件不存在"), (b"not a picture", "不是 PNG"), (pictures.bomb_png(), "图片过大")],
    ids=["missing", "not-an-image", "decompression-bomb"],
)
def test_a_bad_figure_is_a_framed_placeholder(qapp, call, tmp_path, data, why) -> None:
    if data is not None:
        (tmp_path / "bad.png").write_bytes(data)
    pages = lay_out(assembled_with(call, (Figure("bad.png", (Span("图"),)),), tmp_path))
    text = plain(pages.document)
    assert f"［图片无法读取：bad.png（{why}" in text
    assert "图 1 图" in text  # the caption stays, numbered
    assert pages.written.figures == 0
    assert len(pages.written.problems) == 1 and "bad.png" in pages.written.problems[0]


def test_lists_and_inline_formatting(qapp, call, tmp_path) -> None:
    blocks = (
        ListBlock(True, (ListItem((p("甲项"),)), ListItem((p("乙项"),))), start=3),
        p("有", Span("粗体", bold=True), "和", Span("斜体", italic=True)),
    )
    doc = lay_out(assembled_with(call, blocks, tmp_path)).document
    block = doc.find("甲项").block()
    assert block.textList() is not None and block.textList().format().start() == 3
    bold = doc.find("粗体")
    assert bold.charFormat().fontWeight() >= 700
    assert doc.find("斜体").charFormat().fontItalic()


def test_citations_are_superscript_markers_and_the_list_ends_the_document(
    qapp, call, tmp_path
) -> None:
    refs = (
        ReferenceEntry(1, "b", "乙. 论文二[J]. 2020."),
        ReferenceEntry(2, "a", "甲. 论文一[J]."),
    )
    blocks = (p("见", Citation(("b", "a"))), p("又见", Citation(("zz",))))
    assembled = assembled_with(call, blocks, tmp_path, refs)
    assert assembled.citation_numbers == {"b": 1, "a": 2}
    assert isinstance(assembled.parts[-2], PartHeading) and assembled.parts[-2].text == "参考文献"
    assert isinstance(assembled.parts[-1], Content)
    doc = lay_out(assembled).document
    marker = doc.find("[1,2]")
    assert marker.charFormat().verticalAlignment().name == "AlignSuperScript"
    assert not doc.find("[?]").isNull()  # an unknown key still shows that a citation stood there
    text = plain(doc)
    assert text.rstrip().endswith("[2]\t甲. 论文一[J].")


def test_a_long_section_paginates_with_header_and_footer(qapp, call) -> None:
    text = "\n".join(["行列混合存储引擎的查询优化。" * 12] * 60)
    proposal = Proposal(call=call.id, topic="5.1", sections={"background": text})
    pages = lay_out(assemble(proposal, call))
    assert pages.count >= 4
    # every heading's page is known, in order
    found = [h.page for h in pages.headings() if h.anchor.level == 1]
    assert found == sorted(found) and found[-1] == pages.count - 1


def test_a_heading_never_ends_a_page(qapp, call) -> None:
    """Whatever the length before it, a section heading starts the page its text starts."""
    for lines in range(20, 34):
        proposal = Proposal(call=call.id, topic="5.1",
                            sections={"background": "\n".join(["一行文字。"] * lines),
                                      "objectives": "目标。"})  # fmt: skip
        pages = lay_out(assemble(proposal, call))
        heading = next(h for h in pages.headings() if h.anchor.key == "objectives")
        body = pages.document.find("目标。").block()
        top = pages.document.documentLayout().blockBoundingRect(body).top()
        assert int(top // pages.body_height) == heading.page, lines


def test_a_pasted_endless_word_gets_break_points_and_keeps_its_letters(qapp, call) -> None:
    """A 100,000-letter run (a URL, a base64 blob) wraps like any text; nothing is lost."""
    word = "abcdefghij" * 10_000
    proposal = Proposal(call=call.id, topic="5.1", sections={"background": f"见 {word} 。"})
    pages = lay_out(assemble(proposal, call))
    assert pages.count > 20
    text = plain(pages.document)
    assert word in text.replace("\u200b", "")


def test_a_long_title_breaks_into_the_same_balanced_lines_as_the_docx(qapp, call) -> None:
    twenty = "面向国产数据库的自适应查询优化与执行引擎"  # one line would leave 擎 alone
    proposal = Proposal(call=call.id, topic="5.1", directions=[1], title=twenty)
    lines = plain(lay_out(assemble(proposal, call)).document).split("\n")  # breaks read as \n
    start = lines.index("面向国产数据库的自适")
    assert lines[start + 1] == "应查询优化与执行引擎"
