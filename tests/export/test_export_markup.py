"""Light Markdown in section text becomes real Word paragraphs, list paragraphs and runs."""

from __future__ import annotations

import io

import docx
import pytest

from planner.model.proposal import Proposal

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture
def with_text(call):
    def make(text: str) -> Proposal:
        return Proposal(call=call.id, topic="1.2", sections={"background": text})

    return make


def section_paragraphs(doc, first: str, last_heading: str = "三、研究目标与研究内容"):
    paragraphs = doc.paragraphs
    start = next(i for i, p in enumerate(paragraphs) if p.text == "二、研究背景与意义")
    end = next(i for i, p in enumerate(paragraphs) if p.text == last_heading)
    return paragraphs[start + 1 : end]


def num_id(paragraph) -> str | None:
    element = paragraph._p.find(f"{W}pPr/{W}numPr/{W}numId")
    return element.get(f"{W}val") if element is not None else None


def test_paragraphs_bold_and_italic_runs(with_text, exported) -> None:
    _, doc = exported(with_text("第一段 **加粗** 与 *倾斜* 文字。\n\n第二段。"))
    first, second = section_paragraphs(doc, "")
    assert first.text == "第一段 加粗 与 倾斜 文字。"
    assert second.text == "第二段。"
    runs = {r.text: (bool(r.bold), bool(r.italic)) for r in first.runs}
    assert runs["加粗"] == (True, False)
    assert runs["倾斜"] == (False, True)
    assert runs["第一段 "] == (False, False)


def test_bullet_and_numbered_lists_are_word_lists(with_text, exported) -> None:
    _, doc = exported(with_text("要点：\n\n- 甲\n- **乙**\n\n1. 一\n2. 二\n\n3. 另起"))
    intro, a, b, one, two, again = section_paragraphs(doc, "")
    assert intro.style.name == "Body Text"
    assert [a.style.name, b.style.name] == ["List Bullet", "List Bullet"]
    assert [a.text, b.text] == ["甲", "乙"]
    assert b.runs[0].bold
    assert [one.style.name, two.style.name] == ["List Number", "List Number"]
    assert [one.text, two.text] == ["一", "二"]  # Word draws the numbers
    assert num_id(one) == num_id(two)
    # a numbered list continued after a blank line is the same list
    assert num_id(again) == num_id(one)


def test_each_numbered_list_restarts_at_its_own_start(with_text, exported) -> None:
    _, doc = exported(with_text("1. 甲\n2. 乙\n\n中间一段\n\n5. 戊\n6. 己"))
    first, _, middle, fifth, _ = section_paragraphs(doc, "")
    assert middle.text == "中间一段"
    assert num_id(first) != num_id(fifth)
    numbering = doc.part.numbering_part.element
    num = next(n for n in numbering.iter(f"{W}num") if n.get(f"{W}numId") == num_id(fifth))
    start = num.find(f"{W}lvlOverride/{W}startOverride")
    assert start.get(f"{W}val") == "5"


def test_single_newline_is_a_line_break(with_text, exported) -> None:
    _, doc = exported(with_text("第一行\n第二行"))
    (paragraph,) = section_paragraphs(doc, "")
    assert paragraph.text == "第一行\n第二行"
    assert paragraph._p.find(f"{W}r/{W}br") is not None


def test_other_markdown_stays_literal(with_text, exported) -> None:
    """Headings, links, HTML, entities, code: an applicant's characters, not markup."""
    literal = "# 不是标题 [链接](http://x.cn) <b>x</b> &amp; `code` a_b_c 2*3*4"
    result, doc = exported(with_text(literal))
    (paragraph,) = section_paragraphs(doc, "")
    assert paragraph.text == literal.replace("*3*", "3")  # only *…* is emphasis
    assert result.characters > 0


def test_lists_fall_back_without_list_styles(call, with_text, exported, tmp_path) -> None:
    """A template without List Bullet / List Number: typed bullets and numbers, no KeyError."""
    template = docx.Document()
    styles = template.styles.element
    for name in ("List Bullet", "List Number", "List Bullet 2", "List Number 2"):
        styles.remove(template.styles[name].element)
    template_path = tmp_path / "office.docx"
    template.save(str(template_path))
    _, doc = exported(with_text("- 甲\n- 乙\n\n1. 一\n2. 二"), template=template_path)
    texts = [p.text for p in section_paragraphs(doc, "")]
    assert texts == ["•\t甲", "•\t乙", "1.\t一", "2.\t二"]


def test_bytes_are_a_valid_package(call, with_text) -> None:
    from planner.export.docx import build_docx

    data, result = build_docx(with_text("- 甲"), call)
    assert docx.Document(io.BytesIO(data)).paragraphs
    assert result.size == len(data)
