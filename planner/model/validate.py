"""Check a proposal against its call: every problem at once, plus per-section counts."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from planner.document.blocks import citation_keys
from planner.document.count import count_section as count_text
from planner.model.call import Call, FormSection, Topic
from planner.model.contact import email_problem, phone_problem
from planner.model.document_checks import block_problems
from planner.model.problems import ERROR, WARNING, Problem
from planner.model.proposal import Proposal
from planner.references.citations import section_order

OK = "ok"
OVER = "over"
NO_LIMIT = "no limit"


@dataclass(frozen=True)
class SectionCount:
    key: str
    title: str
    count: int
    limit: int | None

    @property
    def status(self) -> str:
        """'ok' or 'over' against a limit; 'no limit' where there is none (never 'passed')."""
        if self.limit is None:
            return NO_LIMIT
        return OVER if self.count > self.limit else OK

    def describe(self) -> str:
        if self.limit is None:
            return f"{self.count} characters, no limit"
        return f"{self.count} / {self.limit} characters" + (
            " — over the limit" if self.status == OVER else ""
        )

    @property
    def over_by(self) -> int:
        """Characters past the limit; 0 within it or without one."""
        return max(0, self.count - self.limit) if self.limit is not None else 0


def section_count(section: FormSection, text: str) -> SectionCount:
    """The one limit check: the editor's live count and the validation both ask it."""
    return SectionCount(section.key, section.title, count_text(text), section.limit)


def section_counts(proposal: Proposal, call: Call) -> list[SectionCount]:
    return [section_count(s, proposal.sections.get(s.key, "")) for s in call.form]


def direction_out_of_range(topic: Topic, number: int) -> str:
    """Why `number` is not one of `topic`'s suggested directions; "" when it is."""
    if topic.direction(number) is not None:
        return ""
    count = len(topic.directions)
    has = f"has directions 1–{count}" if count else "has no suggested directions"
    return f"direction {number} is out of range: topic {topic.id} {has}"


def validate_proposal(
    proposal: Proposal, call: Call, base: Path | None = None, *, pages: int | None = None
) -> list[Problem]:
    """Errors make a proposal invalid; warnings are what is still missing before hand-in.
    `base` is the proposal file's folder, where the sections' figure paths start. `pages`:
    the laid-out document's page count, where a caller has one (the app's page layout, a
    PDF export): checked against the call's page limit."""
    problems: list[Problem] = []

    def add(severity: str, field: str, message: str, code: str, **params: object) -> None:
        problems.append(Problem(severity, field, message, code=code, params=params))

    if proposal.call and proposal.call != call.id:
        add(
            ERROR,
            "call",
            f"written for call '{proposal.call}', but the loaded call is '{call.id}'",
            "call_mismatch",
            proposal_call=proposal.call,
            call=call.id,
        )
    topic = None
    if not proposal.topic:
        add(WARNING, "topic", "no topic chosen", "no_topic")
    elif not call.has_topic(proposal.topic):
        add(
            ERROR,
            "topic",
            f"unknown topic '{proposal.topic}': call '{call.id}' has no such topic",
            "unknown_topic",
            topic=proposal.topic,
            call=call.id,
        )
    else:
        topic = call.topic(proposal.topic)
    seen: set[int] = set()
    for i, number in enumerate(proposal.directions, start=1):
        if number in seen:
            add(
                ERROR,
                f"directions[{i}]",
                f"direction {number} is listed twice",
                "direction_twice",
                number=number,
            )
        seen.add(number)
        if topic is not None and (why := direction_out_of_range(topic, number)):
            add(
                ERROR,
                f"directions[{i}]",
                why,
                "direction_out_of_range",
                number=number,
                topic=topic.id,
                count=len(topic.directions),
            )
    for i, text in enumerate(proposal.own_directions, start=1):
        if not text.strip():
            add(
                WARNING,
                f"own_directions[{i}]",
                "this own direction is empty",
                "own_direction_empty",
                index=i,
            )
    if (
        topic is not None
        and not proposal.directions
        and not any(t.strip() for t in proposal.own_directions)
    ):
        add(
            WARNING,
            "directions",
            "no direction chosen: tick a suggested one or add your own",
            "no_direction",
        )
    if not proposal.title.strip():
        add(WARNING, "title", "the proposal has no title", "no_title")
    if not proposal.applicant.name.strip():
        add(WARNING, "applicant.name", "the applicant's name is empty", "no_applicant_name")
    if not proposal.applicant.institution.strip():
        add(
            WARNING,
            "applicant.institution",
            "the applicant's institution is empty",
            "no_institution",
        )
    if why := email_problem(proposal.applicant.email):
        add(WARNING, "applicant.email", why, "bad_email", value=proposal.applicant.email.strip())
    if why := phone_problem(proposal.applicant.phone):
        add(WARNING, "applicant.phone", why, "bad_phone", value=proposal.applicant.phone.strip())
    for key in proposal.sections:
        if call.section(key) is None:
            known = ", ".join(s.key for s in call.form)
            add(
                ERROR,
                f"sections.{key}",
                f"unknown section '{key}' (the form has: {known})",
                "unknown_section",
                key=key,
                known=known,
            )
    for sc in section_counts(proposal, call):
        section = call.section(sc.key)
        if sc.status == OVER:
            add(
                ERROR,
                f"sections.{sc.key}",
                f"{sc.title}: {sc.count} characters, over the limit of {sc.limit}",
                "section_over_limit",
                title=sc.title,
                count=sc.count,
                limit=sc.limit,
            )
        elif (
            section is not None
            and section.required
            and not proposal.sections.get(sc.key, "").strip()
        ):
            add(
                WARNING,
                f"sections.{sc.key}",
                f"{sc.title} is empty",
                "section_empty",
                title=sc.title,
            )
    for key, text in proposal.sections.items():
        if not text.strip():
            continue
        # markdown-it only once there is text: the window's first paint validates empty ones
        from planner.document.markdown import parse_section

        section = call.section(key)
        title = section.title if section is not None else key
        problems += block_problems(key, title, parse_section(text), base)
    if pages is not None and call.page_limit is not None and pages > call.page_limit:
        add(
            WARNING,
            "pages",
            f"{pages} pages, over the call's limit of {call.page_limit}",
            "over_page_limit",
            pages=pages,
            limit=call.page_limit,
        )
    problems += citation_problems(proposal, call)
    return problems


def citation_problems(proposal: Proposal, call: Call) -> list[Problem]:
    """A cited key without a reference is an error in its section; a reference never cited
    is a warning (it would not be printed in the 参考文献 list)."""
    problems: list[Problem] = []
    ids = {item["id"] for item in proposal.references}
    cited: set[str] = set()
    for key in section_order(proposal.sections, [s.key for s in call.form]):
        text = proposal.sections[key]
        if "@" not in text:  # no `[@key]` can be there: skip the parse
            continue
        # here: the parser (markdown-it) is off the window's start path, as is any text without @
        from planner.document.markdown import parse_section

        section = call.section(key)
        title = section.title if section is not None else key
        for cite in citation_keys(parse_section(text)):
            cited.add(cite)
            if cite not in ids:
                problems.append(
                    Problem(
                        ERROR,
                        f"sections.{key}",
                        f"{title}: [@{cite}] cites '{cite}', which is not in the references",
                        code="unknown_citation",
                        params={"key": cite, "title": title},
                    )
                )
    for i, item in enumerate(proposal.references, start=1):
        if item["id"] not in cited:
            problems.append(
                Problem(
                    WARNING,
                    f"references[{i}]",
                    f"reference '{item['id']}' is never cited (cite it as [@{item['id']}])",
                    code="reference_not_cited",
                    params={"id": item["id"], "index": i},
                )
            )
    return problems
