"""Where a limit and a required flag bite: exactly at the limit is fine, one over is an error;
an optional section left empty is no warning."""

from __future__ import annotations

from dataclasses import replace

from planner.model.proposal import Applicant, Proposal
from planner.model.validate import validate_proposal


def _proposal(call, **sections: str) -> Proposal:
    text = {s.key: "内容" for s in call.form}
    text.update(sections)
    return Proposal(
        call=call.id,
        topic="5.1",
        directions=[2],
        title="HTAP 评测基准",
        applicant=Applicant(name="李四", institution="某大学"),
        sections=text,
    )


def _codes(problems) -> list[tuple[str, str]]:
    return [(p.code, p.field) for p in problems]


def test_a_section_exactly_at_its_limit_is_not_over(call) -> None:
    innovation = next(s for s in call.form if s.key == "innovation")
    assert innovation.limit == 1000
    at_limit = _proposal(call, innovation="创" * 1000)
    assert validate_proposal(at_limit, call) == []
    over = _proposal(call, innovation="创" * 1001)
    assert _codes(validate_proposal(over, call)) == [("section_over_limit", "sections.innovation")]


def test_an_optional_section_left_empty_is_not_warned(call) -> None:
    form = tuple(replace(s, required=s.key != "budget") for s in call.form)
    optional_budget = replace(call, form=form)
    proposal = _proposal(call, budget="")
    assert validate_proposal(proposal, optional_budget) == []
    # the same empty section of the call as shipped (required) is warned
    assert _codes(validate_proposal(proposal, call)) == [("section_empty", "sections.budget")]
