"""Validation: all problems at once; Word-style counts; "no limit", never "passed"."""

from __future__ import annotations

import pytest

from planner.document.count import count_chars
from planner.model.completeness import completeness
from planner.model.proposal import Applicant, Proposal
from planner.model.validate import section_counts, validate_proposal


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("", 0),
        ("研究背景", 4),
        ("HTAP 数据库", 4),
        ("Hybrid transactional/analytical processing", 3),
        ("基于 LLM 的代码智能，提升研发效能。", 16),
        ("2023 年 10B 模型", 5),
        ("“全域经营”时代", 8),
        ("  \n\t ", 0),
        ("\u3000\u3000首行缩进。", 5),
    ],
)
def test_word_style_counts(text, count):
    assert count_chars(text) == count


def full(call) -> Proposal:
    return Proposal(
        call=call.id,
        topic="5.1",
        directions=[2],
        title="HTAP 评测基准",
        applicant=Applicant(name="李四", institution="某大学"),
        sections={s.key: "内容" for s in call.form},
    )


def test_a_complete_proposal_has_no_problems(call):
    assert validate_proposal(full(call), call) == []
    # "内容" in every section is valid, but not written: 2 characters do not make a section done
    assert completeness(full(call), call) < 0.1


def test_every_problem_at_once(call):
    p = full(call)
    p.topic = "5.1"
    p.directions = [0, 2, 99, 2]
    p.sections["summary"] = "x"
    p.sections["innovation"] = "创" * 1001
    p.sections["team"] = ""
    messages = [(x.severity, x.field, x.message) for x in validate_proposal(p, call)]
    assert messages == [
        ("error", "directions[1]", "direction 0 is out of range: topic 5.1 has directions 1–4"),
        ("error", "directions[3]", "direction 99 is out of range: topic 5.1 has directions 1–4"),
        ("error", "directions[4]", "direction 2 is listed twice"),
        ("error", "sections.summary", "unknown section 'summary' (the form has: background, "
         "objectives, approach, innovation, outcomes, schedule, team, resources, budget)"),
        ("error", "sections.innovation", "创新点: 1001 characters, over the limit of 1000"),
        ("warning", "sections.team", "研究基础与团队 is empty"),
    ]  # fmt: skip


def test_unknown_topic_and_other_call(call):
    p = full(call)
    p.topic = "9.9"
    p.call = "another-call"
    fields = {(x.field, x.message) for x in validate_proposal(p, call)}
    assert ("topic", "unknown topic '9.9': call 'call-topics' has no such topic") in fields
    assert (
        "call",
        "written for call 'another-call', but the loaded call is 'call-topics'",
    ) in fields


def test_open_topic_needs_an_own_direction(call):
    p = full(call)
    p.topic = "1.14"
    p.directions = []
    assert [x.message for x in validate_proposal(p, call)] == [
        "no direction chosen: tick a suggested one or add your own"
    ]
    p.own_directions = ["大模型推理的能耗优化"]
    assert validate_proposal(p, call) == []
    p.directions = [1]
    assert validate_proposal(p, call)[0].message == (
        "direction 1 is out of range: topic 1.14 has no suggested directions"
    )


def test_section_counts_say_no_limit_never_passed(call):
    p = full(call)
    p.sections["budget"] = "设备费 5 万元"
    p.sections["innovation"] = "x " * 1001
    counts = {c.key: c for c in section_counts(p, call)}
    assert counts["budget"].status == "no limit"
    assert counts["budget"].describe() == "6 characters, no limit"
    assert counts["background"].describe() == "2 / 3000 characters"
    assert counts["innovation"].describe() == "1001 / 1000 characters — over the limit"


def written(call, share: float) -> Proposal:
    """Every section written to `share` of its limit (500 characters where it has none)."""
    p = full(call)
    p.sections = {s.key: "字" * round((s.limit or 500 / 0.6) * share) for s in call.form}
    return p


def test_completeness_an_office_can_sort_by(call):
    """Issue 16: an empty mail-merged form showed 36 %, one character made a section "done",
    an invalid over-limit proposal 86 %."""
    merged = full(call)
    merged.sections = {}
    assert completeness(merged, call) == pytest.approx(0.05)  # the header fields only
    assert completeness(Proposal(call=call.id, topic="5.1"), call) == pytest.approx(0.01)
    half = completeness(written(call, 0.3), call)  # half of each target (60 % of the limit)
    assert 0.45 < half < 0.55
    assert completeness(written(call, 0.6), call) == 1.0
    assert completeness(written(call, 0.9), call) == 1.0
    over = written(call, 0.6)
    over.sections["innovation"] = "创" * 2000  # twice its limit of 1000: an error
    assert any(p.is_error for p in validate_proposal(over, call))
    assert completeness(over, call) <= 0.9
    assert completeness(over, call) < completeness(written(call, 0.6), call)


@pytest.mark.parametrize(("topic", "number"), [("1.14", 1), ("5.1", 9)])
def test_export_and_validate_word_a_direction_out_of_range_alike(call, topic, number) -> None:
    """`planner export --topic` and `planner validate` apply one rule with one message."""
    from planner.errors import ExportError
    from planner.export.docx import blank_proposal

    with pytest.raises(ExportError) as refused:
        blank_proposal(call, topic, [number])
    problems = validate_proposal(Proposal(topic=topic, directions=[number]), call)
    assert str(refused.value) in [p.message for p in problems if p.code == "direction_out_of_range"]


def test_citations_are_checked_against_the_references(call):
    first, second = call.form[0], call.form[1]
    p = full(call)
    p.references = [
        {"id": "zhang2020", "title": "甲"},
        {"id": "huang2019", "title": "乙"},
        {"id": "never", "title": "丙"},
    ]
    p.sections[first.key] = "已有研究[@zhang2020; @ghost]。"
    p.sections[second.key] = (
        "| 方法 | 来源 |\n|---|---|\n| A | [@huang2019] |\n再见[@ghost][@other]"
    )
    problems = [x for x in validate_proposal(p, call) if "cit" in x.code]
    assert [(x.severity, x.field, x.code, dict(x.params)) for x in problems] == [
        ("error", f"sections.{first.key}", "unknown_citation",
         {"key": "ghost", "title": first.title}),
        ("error", f"sections.{second.key}", "unknown_citation",
         {"key": "ghost", "title": second.title}),
        ("error", f"sections.{second.key}", "unknown_citation",
         {"key": "other", "title": second.title}),
        ("warning", "references[3]", "reference_not_cited", {"id": "never", "index": 3}),
    ]  # fmt: skip
    assert (
        problems[0].message
        == f"{first.title}: [@ghost] cites 'ghost', which is not in the references"
    )
    assert problems[3].message == "reference 'never' is never cited (cite it as [@never])"


def test_a_proposal_without_citations_or_references_has_no_citation_problems(call):
    p = full(call)
    p.sections[call.form[0].key] = "邮件 someone@example.org 不是引用"
    assert [x for x in validate_proposal(p, call) if "cit" in x.code] == []
