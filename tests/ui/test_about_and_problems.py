"""Help → About; the problems list in words (and in Chinese) rather than file paths."""

from __future__ import annotations

import paths
import pictures
import pytest
from PySide6.QtWidgets import QMessageBox

import planner
from planner.model.problems import ERROR, WARNING, Problem
from planner.model.proposal import Proposal
from planner.model.validate import validate_proposal
from planner.ui import i18n
from planner.ui.panes.problems_pane import ProblemsPane

REPO = paths.REPO


def test_about_shows_version_call_and_licence(window, monkeypatch) -> None:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "about", lambda _p, title, text: shown.append((title, text)))
    window.actions_.about.trigger()
    title, text = shown[0]
    assert title == "About Proposal Planner"
    assert f"Proposal Planner {planner.__version__}" in text
    assert "申报主题" in text and "<code>call-topics</code>" in text
    assert "built-in call" in text
    assert "Released under the MIT licence." in text
    assert (REPO / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")


@pytest.fixture
def pane(qtbot, call) -> ProblemsPane:
    pane = ProblemsPane(call)
    qtbot.addWidget(pane)
    return pane


def test_fields_are_named_as_the_form_names_them(pane, call) -> None:
    proposal = Proposal(call=call.id, topic="5.1", directions=[2, 9, 2])
    proposal.sections["innovation"] = "字" * 1001
    pane.set_problems(validate_proposal(proposal, call))
    rows = pane.rows()
    assert (
        "Error",
        "Direction 9",
        "direction 9 is out of range: topic 5.1 has directions 1–4",
    ) in (rows)
    assert ("Error", "Direction 2", "direction 2 is listed twice") in rows
    assert ("Warning", "Title", "the proposal has no title") in rows
    assert ("Warning", "Applicant name", "the applicant's name is empty") in rows
    assert ("Warning", "研究背景与意义", "this required section is empty") in rows
    assert pane.fields()[rows.index(("Warning", "Title", "the proposal has no title"))] == "title"


def test_the_longest_field_label_has_room_before_the_next_column(pane, call) -> None:
    pane.set_problems(validate_proposal(Proposal(call=call.id), call))
    labels = [field for _severity, field, _message in pane.rows()]
    widest = max(pane.fontMetrics().horizontalAdvance(label) for label in labels)
    assert "研究计划与进度安排" in labels
    assert pane.columnWidth(1) >= widest + pane.fontMetrics().height()


def test_problems_without_a_code_keep_their_own_words(pane) -> None:
    pane.set_problems([Problem(WARNING, "something.else", "a note from a plug-in")])
    assert pane.rows() == [("Warning", "something.else", "a note from a plug-in")]


@pytest.fixture
def chinese(qapp):
    i18n.install_translator(qapp, "zh")
    yield
    i18n.install_translator(qapp, "en")


def test_problems_in_chinese(pane, call, chinese) -> None:
    proposal = Proposal(call="other-call", topic="1.14", directions=[1])
    pane.retranslate()
    not_a_number = Problem(
        ERROR,
        "directions[2]",
        "…",
        7,
        "expected_direction_number",
        {"found": "text", "value": "'x'"},
    )
    pane.set_problems([*validate_proposal(proposal, call), not_a_number])
    rows = pane.rows()
    assert pane.headerItem().text(1) == "字段"
    assert (
        "错误",
        "申报指南",
        "此申报书针对申报指南“other-call”撰写，但当前载入的是“call-topics”",
    ) in rows
    assert ("错误", "研究方向 1", "研究方向 1 超出范围：课题 1.14 没有建议研究方向") in rows
    assert ("警告", "标题", "申报书还没有标题") in rows
    assert ("警告", "研究背景与意义", "必填部分，尚未填写") in rows
    assert ("错误", "研究方向第 2 项", "应为研究方向编号，实际为文本 'x'") in rows
    for _severity, field, message in rows:
        assert "." not in field  # no dotted paths
        assert not any(word in message for word in ("the ", "is empty", "found"))


def test_citation_and_reference_problems_in_both_languages(pane, call, qapp) -> None:
    from planner.formats.proposal_file import parse_proposal

    proposal, load_problems = parse_proposal(
        "references:\n- id: huang2019\n  title: [a]\n- id: never\n", "p.proposal.yaml"
    )
    proposal.sections["background"] = "已有研究[@ghost; @huang2019]。"
    problems = [*load_problems, *validate_proposal(proposal, call)]
    pane.set_problems(problems)
    rows = pane.rows()
    assert ("Error", "Reference huang2019 · title", "expected text, found a list") in rows
    assert (
        "Error", "研究背景与意义", "[@ghost] cites “ghost”, which is not in the references",
    ) in rows  # fmt: skip
    assert (
        "Warning",
        "Reference never",
        "this reference is never cited (cite it as [@never])",
    ) in rows
    i18n.install_translator(qapp, "zh")
    try:
        pane.retranslate()
        pane.set_problems(problems)
        rows = pane.rows()
    finally:
        i18n.install_translator(qapp, "en")
    assert ("错误", "参考文献 huang2019 · title", "应为文本，实际为列表") in rows
    assert ("错误", "研究背景与意义", "[@ghost] 引用了“ghost”，但参考文献中没有这一条") in rows
    assert ("警告", "参考文献 never", "这条参考文献从未被引用（引用写作 [@never]）") in rows


def test_figure_and_table_problems_in_both_languages(pane, call, qapp, tmp_path) -> None:
    (tmp_path / "figures").mkdir()
    (tmp_path / "figures" / "bomb.png").write_bytes(pictures.bomb_png())
    proposal = Proposal(
        call=call.id,
        topic="5.1",
        sections={
            "approach": "![路线](figures/bomb.png)\n![架构](figures/gone.png)",
            "budget": "| 甲 | 乙 |\n|---|---|\n| 1 |",
        },
    )
    problems = validate_proposal(proposal, call, tmp_path)
    pane.set_problems(problems)
    rows = pane.rows()
    approach = "研究方案与技术路线"
    assert (
        "Error",
        approach,
        "the picture figures/bomb.png cannot be used: the picture is too large",
    ) in rows
    assert (
        "Error",
        approach,
        "the picture figures/gone.png cannot be used: there is no such file",
    ) in rows
    assert (
        "Warning",
        "经费预算",
        "table 1 of this section has rows of different lengths; they are padded with empty cells",
    ) in rows
    i18n.install_translator(qapp, "zh")
    try:
        pane.retranslate()
        pane.set_problems(problems)
        rows = pane.rows()
    finally:
        i18n.install_translator(qapp, "en")
    assert ("错误", approach, "图片 figures/bomb.png 无法使用：图片过大") in rows
    assert ("错误", approach, "图片 figures/gone.png 无法使用：文件不存在") in rows
    assert ("警告", "经费预算", "本节第 1 个表格各行列数不一致，已用空单元格补齐") in rows


def test_contact_problems_in_both_languages(pane, call, qapp) -> None:
    from planner.model.proposal import Applicant

    proposal = Proposal(applicant=Applicant(email="liming@example", phone="1380013800"))
    problems = validate_proposal(proposal, call)
    pane.set_problems(problems)
    rows = pane.rows()
    assert (
        "Warning", "Email", "“liming@example” is not an e-mail address (name@example.cn)"
    ) in rows  # fmt: skip
    assert (
        "Warning", "Phone", "“1380013800” is not a phone number (13800138000, 010-12345678)"
    ) in rows  # fmt: skip
    i18n.install_translator(qapp, "zh")
    try:
        pane.retranslate()
        pane.set_problems(problems)
        rows = pane.rows()
    finally:
        i18n.install_translator(qapp, "en")
    assert (
        "警告",
        "电子邮箱",
        "“liming@example”不是有效的电子邮箱地址（如 name@example.cn）",
    ) in rows
    assert (
        "警告",
        "电话",
        "“1380013800”不是有效的电话号码（如 13800138000、010-12345678）",
    ) in rows
