"""What a reviewer checks in an exported proposal, read back with python-docx."""

from __future__ import annotations

from docx.shared import RGBColor
from docx_body import body_paragraphs

from planner.export.docx import blank_proposal

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def text_of(doc) -> str:
    return "\n".join(p.text for p in body_paragraphs(doc))


def test_topic_and_exactly_the_chosen_directions(call, filled, exported) -> None:
    _, doc = exported(filled)
    text = text_of(doc)
    topic = call.topic("1.1")
    assert topic.title in text
    assert call.area_of(topic).title in text
    for number in (2, 4):
        assert f"方向 {number}：{topic.direction(number).text}" in text
    for number in (1, 3):
        assert topic.direction(number).text not in text
    assert "面向医学影像的小样本多模态推理" in text  # own direction
    assert topic.resources[0] in text  # what the topic's team offers


def test_section_headings_follow_the_form(call, filled, exported) -> None:
    _, doc = exported(filled)
    headings = [p.text for p in body_paragraphs(doc) if p.style.name == "Heading 1"]
    assert headings[0] == "一、申报课题与研究方向"
    assert [h.split("、", 1)[1] for h in headings[1:]] == [s.title for s in call.form]
    assert headings[1] == "二、研究背景与意义"
    assert headings[-1] == "十、经费预算"


def test_empty_sections_get_grey_italic_guidance(call, filled, exported) -> None:
    result, doc = exported(filled)
    innovation = call.section("innovation")
    placeholder = next(p for p in body_paragraphs(doc) if p.text.startswith(innovation.guidance))
    assert f"（不超过{innovation.limit}字）" in placeholder.text
    # Word's Placeholder Text style (typing over the control's placeholder drops it, issue 15)
    # and grey italics on the runs too, which LibreOffice needs
    for run in placeholder.runs:
        assert run.style.name == "Placeholder Text"
        assert run.style.font.italic and run.style.font.color.rgb == RGBColor(0x80, 0x80, 0x80)
        assert run.italic
        assert run.font.color.rgb == RGBColor(0x80, 0x80, 0x80)
    assert "innovation" in result.empty_sections
    assert "background" not in result.empty_sections
    # a written section shows its text, not its guidance
    assert not any(
        p.text.startswith(call.section("background").guidance) for p in body_paragraphs(doc)
    )


def test_applicant_table(filled, exported) -> None:
    _, doc = exported(filled)
    (table,) = doc.tables
    cells = {}
    for row in table.rows:
        texts = [c.text for c in row.cells]
        cells.update(zip(texts[0::2], texts[1::2], strict=True))
    assert cells == {
        "姓　　名": "张三",
        "职　　称": "副教授",
        "所在单位": "某某大学",
        "院系/部门": "计算机学院",
        "电子邮箱": "zhangsan@example.edu.cn",
        "联系电话": "010-12345678",
    }
    borders = table._tbl.tblPr.find(f"{W}tblBorders")
    assert borders.find(f"{W}insideH").get(f"{W}val") == "single"


def test_title_block_header_and_properties(call, filled, exported) -> None:
    _, doc = exported(filled)
    first = body_paragraphs(doc)[:2]
    assert [p.text for p in first] == [call.display_name, filled.title]  # 项目申报书, not 申报主题
    assert first[1].style.name == "Title"
    header = doc.sections[0].header.paragraphs[0].text
    assert header == f"1.1　{call.topic('1.1').title}"
    assert doc.core_properties.title == filled.title
    assert doc.core_properties.author == "张三"


def test_footer_has_page_and_numpages_fields(filled, exported) -> None:
    _, doc = exported(filled)
    footer = doc.sections[0].footer._element
    instructions = [t.text.strip() for t in footer.iter(f"{W}instrText")]
    assert instructions == ["PAGE", "NUMPAGES"]
    kinds = [c.get(f"{W}fldCharType") for c in footer.iter(f"{W}fldChar")]
    assert kinds == ["begin", "separate", "end"] * 2
    shown = "".join(t.text for t in footer.iter(f"{W}t"))
    assert shown == "第 1 页 / 共 1 页"  # cached results until Word updates the fields


def test_blank_form_for_a_topic_without_directions(call, exported) -> None:
    """1.14 lists no suggested directions: the form says so and asks for the applicant's own."""
    result, doc = exported(blank_proposal(call, "1.14"))
    text = text_of(doc)
    assert call.topic("1.14").title in text
    assert "本课题未列出建议研究方向" in text
    assert "（项目名称）" in text
    assert result.characters == 0
    assert result.empty_sections == tuple(s.key for s in call.form)
    for section in call.form:
        assert section.guidance in text


def test_blank_form_with_directions_in_the_order_chosen(call, exported) -> None:
    _, doc = exported(blank_proposal(call, "1.3", [3, 1]))
    text = text_of(doc)
    topic = call.topic("1.3")
    assert text.index(topic.direction(3).text) < text.index(topic.direction(1).text)
    assert topic.direction(2).text not in text


def test_text_under_a_key_the_form_lacks_is_kept(call, filled, exported) -> None:
    filled.sections["appendix"] = "附录：相关论文清单"
    _, doc = exported(filled)
    paragraphs = [p.text for p in body_paragraphs(doc)]
    assert paragraphs[-2:] == ["十一、appendix", "附录：相关论文清单"]
