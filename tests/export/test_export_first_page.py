"""Page 1 as a reader sees it: the programme's name first, a title without a lone last
character, an e-mail address never cut mid-word (issue 19 item 6)."""

from __future__ import annotations

import dataclasses
import io

import docx
import pytest
from docx_body import body_paragraphs

from planner.document.line_fit import balanced_lines, fits_one_line, text_width
from planner.export.docx import build_docx
from planner.formats.call_file import dump_call, parse_call
from planner.model.proposal import Applicant

TITLE_EM = 15.4 / 2.54 * 72 / 22  # the built-in text width in em of the 22 pt title


def test_the_first_line_is_the_calls_display_title(filled, exported, call) -> None:
    _, doc = exported(filled)
    assert call.title == "申报主题" and call.display_title == "项目申报书"
    assert body_paragraphs(doc)[0].text == "项目申报书"


def test_a_call_without_a_display_title_shows_its_title(filled, call) -> None:
    data, _ = build_docx(filled, dataclasses.replace(call, display_title=""))
    assert body_paragraphs(docx.Document(io.BytesIO(data)))[0].text == "申报主题"


def test_display_title_is_optional_in_the_call_file_and_round_trips(call) -> None:
    text = dump_call(call)
    assert "\ndisplay_title: 项目申报书\n" in text
    assert parse_call(text).display_title == "项目申报书"
    without = text.replace("display_title: 项目申报书\n", "")
    assert parse_call(without).display_title == ""
    assert parse_call(without).display_name == "申报主题"
    assert "display_title" not in dump_call(parse_call(without))  # not added where absent


def test_a_long_title_is_split_into_balanced_lines(filled, exported) -> None:
    twenty = "面向国产数据库的自适应查询优化与执行引擎"  # Word: 19 characters, then 1 alone
    _, doc = exported(dataclasses.replace(filled, title=twenty))
    assert body_paragraphs(doc)[1].text.split("\n") == [
        "面向国产数据库的自适",
        "应查询优化与执行引擎",
    ]


def test_a_title_that_fits_stays_one_line(filled, exported) -> None:
    _, doc = exported(filled)
    assert body_paragraphs(doc)[1].text == "面向少量样本的多模态大模型视觉推理研究"


@pytest.mark.parametrize(
    "title",
    [
        "基于学习型代价模型的 HTAP 行列混合查询优化",
        "大模型（LLM）驱动的数据库参数调优方法研究：以国产分布式数据库为例",
        "面向国产数据库的自适应查询优化与执行引擎协同设计研究与验证及其在金融场景中的应用示范研究",
    ],
)
def test_balanced_lines_never_leave_a_short_line_nor_split_a_latin_word(title: str) -> None:
    lines = balanced_lines(title, TITLE_EM)
    assert len(lines) >= 2 and all(text_width(line) <= TITLE_EM for line in lines)
    widths = [text_width(line) for line in lines]
    assert min(widths) >= 0.6 * max(widths)  # balanced: no lone character
    assert "".join(lines).replace(" ", "") == title.replace(" ", "")
    for word in ("HTAP", "LLM"):
        if word in title:
            assert any(word in line for line in lines)
    assert not any(line[0] in "，。）：" for line in lines)


def test_a_line_without_a_break_point_stays_whole() -> None:
    assert balanced_lines("x" * 80, 20) == ["x" * 80]
    assert fits_one_line("wangfang@example.edu.cn", 12.0)


def _applicant_rows(doc) -> list[list[str]]:
    table = doc.tables[0]
    return [[cell.text for cell in row.cells] for row in table.rows]


def test_an_email_that_fits_keeps_the_three_row_table(filled, exported) -> None:
    _, doc = exported(filled)
    rows = _applicant_rows(doc)
    assert len(rows) == 3
    assert rows[2] == ["电子邮箱", "zhangsan@example.edu.cn", "联系电话", "010-12345678"]


def test_a_long_email_gets_a_row_of_its_own_and_is_never_cut(filled, exported) -> None:
    email = "ouyang.mingyuan.lab2024@mails.tsinghua.edu.cn"
    applicant = dataclasses.replace(filled.applicant, email=email)
    _, doc = exported(dataclasses.replace(filled, applicant=applicant))
    rows = _applicant_rows(doc)
    assert len(rows) == 4
    assert rows[2][0] == "电子邮箱" and set(rows[2][1:]) == {email}  # one cell over 3 columns
    assert rows[3][0] == "联系电话" and set(rows[3][1:]) == {"010-12345678"}
    cell = doc.tables[0].rows[2].cells[1]
    assert cell._tc.grid_span == 3
    assert fits_one_line(email, (cell.width or 0) / 152400)  # EMU per 12 pt em


def test_an_empty_applicant_keeps_the_table(filled, exported) -> None:
    _, doc = exported(dataclasses.replace(filled, applicant=Applicant()))
    assert len(_applicant_rows(doc)) == 3


def test_balanced_lines_join_back_to_the_title_exactly() -> None:
    """The .docx reader drops the breaks: a space a line broke at must still be there."""
    title = "00分分分 00X分分分 00分分分 X分分分分分"  # found by the read-back identity property
    lines = balanced_lines(title, 12)
    assert len(lines) > 1
    assert "".join(lines) == title
