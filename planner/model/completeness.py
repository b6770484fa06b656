"""Completeness: how far a proposal is from hand-in, as one number an office can sort by.

The written sections are nearly all of it (the header fields a mail merge fills are worth 5 %),
so an empty pre-filled form is near 0 %. A required section counts by how much of it is written
against its target: 60 % of its limit, or SECTION_TARGET characters when it has no limit; text
over the limit counts less the further over it goes (it must be cut). 100 % only when every
required section reaches its target and the proposal has no errors; with errors at most 90 %.
"""

from __future__ import annotations

from planner.model.call import Call, FormSection
from planner.model.proposal import Proposal
from planner.model.validate import section_count, validate_proposal

FIELDS_WEIGHT = 0.05  # title, applicant, institution, topic, a direction
SECTION_TARGET = 500  # characters: a substantial section of a form that sets no limit
LIMIT_SHARE = 0.6  # of a limit: "substantially written"
WITH_ERRORS_AT_MOST = 0.9


def section_target(section: FormSection) -> int:
    if section.limit:
        return max(1, round(section.limit * LIMIT_SHARE))
    return SECTION_TARGET


def section_share(section: FormSection, text: str) -> float:
    """0..1: how much of the section is written (1 at its target, less when over its limit)."""
    count = section_count(section, text).count
    if section.limit and count > section.limit:
        return section.limit / count
    return min(1.0, count / section_target(section))


def completeness(proposal: Proposal, call: Call) -> float:
    """0.0 to 1.0; see the module's docstring (and the README) for the rule."""
    fields = [
        bool(proposal.title.strip()),
        bool(proposal.applicant.name.strip()),
        bool(proposal.applicant.institution.strip()),
        call.has_topic(proposal.topic),
        bool(proposal.directions or any(t.strip() for t in proposal.own_directions)),
    ]
    required = [s for s in call.form if s.required]
    shares = [section_share(s, proposal.sections.get(s.key, "")) for s in required]
    written = sum(shares) / len(shares) if shares else 1.0
    score = FIELDS_WEIGHT * sum(fields) / len(fields) + (1 - FIELDS_WEIGHT) * written
    if any(p.is_error for p in validate_proposal(proposal, call)):
        score = min(score, WITH_ERRORS_AT_MOST)
    return round(score, 4)
