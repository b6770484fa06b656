"""Every problem carries a stable code and its values, so a UI can say it in its own language."""

from __future__ import annotations

from planner.formats.proposal_file import parse_proposal
from planner.model.proposal import Proposal
from planner.model.validate import validate_proposal


def test_validation_problems_have_codes_and_params(call) -> None:
    proposal = Proposal(call="other", topic="5.1", directions=[1, 1, 9], own_directions=[" "])
    proposal.sections = {"innovation": "字" * 1001, "nonsense": "x"}
    problems = validate_proposal(proposal, call)
    by_code = {p.code: p for p in reversed(problems)}  # the first of each code
    assert all(p.code for p in problems)
    assert by_code["call_mismatch"].params == {"proposal_call": "other", "call": "call-topics"}
    assert by_code["direction_twice"].params == {"number": 1}
    assert by_code["direction_out_of_range"].params == {"number": 9, "topic": "5.1", "count": 4}
    assert by_code["own_direction_empty"].params == {"index": 1}
    assert by_code["unknown_section"].params["key"] == "nonsense"
    assert by_code["section_over_limit"].params == {"title": "创新点", "count": 1001, "limit": 1000}
    assert by_code["section_empty"].params == {"title": "研究背景与意义"}
    # the English message for the CLI is unchanged
    assert by_code["section_empty"].message == "研究背景与意义 is empty"
    assert (
        by_code["section_empty"].describe()
        == "warning: sections.background: 研究背景与意义 is empty"
    )


def test_file_problems_have_codes_and_params() -> None:
    text = (
        "schema: 1\ncall: c\ntopic: '5.1'\ndirections: [1, x]\nstatus: lost\n"
        "colour: red\napplicant: {name: [a], age: 3}\nsections: 3\n"
    )
    _proposal, problems = parse_proposal(text, "p.yaml")
    got = {(p.code, p.field) for p in problems}
    assert got == {
        ("expected_direction_number", "directions[2]"),
        ("bad_status", "status"),
        ("unknown_key", "colour"),
        ("expected_text", "applicant.name"),
        ("unknown_applicant_field", "applicant.age"),
        ("expected_sections_mapping", "sections"),
    }
    number = next(p for p in problems if p.code == "expected_direction_number")
    assert number.params == {"found": "text", "value": "'x'"}
    assert number.line == 4
    assert number.message == "expected a direction number, found text 'x'"
