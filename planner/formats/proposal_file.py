"""The `*.proposal.yaml` format: parse (collecting every type problem at once), dump, load, save.

Research offices generate and script these files, so the top-level keys are fixed:
schema, call, topic, directions, own_directions, title, applicant, sections, status, and the
optional references (a list of CSL-JSON items), written only when there are some, so a file
without them saves byte for byte as before.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from planner.errors import ProposalFileError
from planner.formats.text_file import read_text
from planner.formats.yaml_lines import Path as KeyPath
from planner.formats.yaml_lines import (
    YamlDoc,
    YamlSyntaxError,
    describe_type,
    dump_yaml,
    excerpt,
    parse_yaml,
    whole_number,
)
from planner.model.problems import ERROR, Problem
from planner.model.proposal import APPLICANT_FIELDS, PROPOSAL_SCHEMA, STATUSES, Applicant, Proposal
from planner.storage.atomic_write import write_atomic

if TYPE_CHECKING:
    from planner.references.csl import CslItem

SUFFIX = ".proposal.yaml"
KEYS: tuple[str, ...] = (
    "schema", "call", "topic", "directions", "own_directions",
    "title", "applicant", "sections", "status", "references",
)  # fmt: skip


def parse_proposal(text: str, source: str = "<proposal>") -> tuple[Proposal, list[Problem]]:
    """Read a proposal from YAML text.

    A file that is not YAML or not a mapping raises ProposalFileError (nothing to show).
    Every other fault (bad types, unknown keys, bad status) is returned as a Problem with its
    line, and the faulty value is left at its default so the rest can still be shown and checked.
    """
    try:
        doc = parse_yaml(text)
    except YamlSyntaxError as exc:
        detail = exc.message.removeprefix("YAML syntax error: ")  # the parser's own words
        raise ProposalFileError(
            source, exc.message, line=exc.line, code="yaml_syntax", params={"detail": detail}
        ) from None
    if doc.data is None:
        raise ProposalFileError(source, "the file is empty, not a proposal", code="file_empty")
    if not isinstance(doc.data, dict):
        raise ProposalFileError(
            source,
            "not a proposal: the file must be a mapping of keys (schema, call, topic, …)",
            line=1,
            code="not_a_mapping",
        )
    return _Builder(doc).build()


class _Builder:
    def __init__(self, doc: YamlDoc) -> None:
        self.doc = doc
        self.problems: list[Problem] = []

    def bad(self, path: KeyPath, message: str, code: str, **params: object) -> None:
        field = ".".join(str(p) for p in path if not isinstance(p, int))
        for p in path:
            if isinstance(p, int):
                field += f"[{p + 1}]"
        self.problems.append(
            Problem(ERROR, field, message, self.doc.line(path), code=code, params=params)
        )

    def text(self, value: Any, path: KeyPath) -> str:
        if value is None:
            return ""
        if not isinstance(value, str):  # every scalar is read as the text written
            found = describe_type(value)
            self.bad(path, f"expected text, found {found}", "expected_text", found=found)
            return ""
        return str(value)

    def build(self) -> tuple[Proposal, list[Problem]]:
        data: dict[str, Any] = self.doc.data
        p = Proposal()
        for key in data:
            if key not in KEYS:
                known = ", ".join(KEYS)
                self.bad(
                    (key,),
                    f"unknown key '{excerpt(key)}' (a proposal has: {known})",
                    "unknown_key",
                    key=excerpt(key),
                    known=known,
                )
        written = data.get("schema")
        schema = PROPOSAL_SCHEMA if written is None else whole_number(written)
        if schema != PROPOSAL_SCHEMA:
            shown = f"'{excerpt(written)}'" if isinstance(written, str) else describe_type(written)
            self.bad(
                ("schema",),
                f"schema {shown} is not {PROPOSAL_SCHEMA}, the version this program reads",
                "bad_schema",
                schema=shown,
                expected=PROPOSAL_SCHEMA,
            )
        p.call = self.text(data.get("call"), ("call",))
        p.topic = self.text(data.get("topic"), ("topic",))
        p.title = self.text(data.get("title"), ("title",))
        p.directions = self._directions(data.get("directions"))
        p.own_directions = self._text_list(data.get("own_directions"), ("own_directions",))
        p.applicant = self._applicant(data.get("applicant"))
        p.sections = self._sections(data.get("sections"))
        status = self.text(data.get("status", "draft"), ("status",)) or "draft"
        if status not in STATUSES:
            known = ", ".join(STATUSES)
            self.bad(
                ("status",),
                f"status '{excerpt(status)}' is not one of {known}",
                "bad_status",
                status=excerpt(status),
                known=known,
            )
            status = "draft"
        p.status = status
        if data.get("references") is not None:
            p.references = self._references(data["references"])
        return p, self.problems

    def _references(self, value: Any) -> list[CslItem]:
        from planner.references.csl import check_items  # only files with references pay

        items, faults = check_items(value)
        for fault in faults:
            path: KeyPath = ("references",) if fault.index < 0 else ("references", fault.index)
            field = "references" if fault.index < 0 else f"references[{fault.index + 1}]"
            if fault.field and fault.index >= 0:
                path, field = (*path, fault.field), f"{field}.{fault.field}"
            params = {"index": fault.index + 1, "id": fault.item_id, **fault.params}
            self.problems.append(
                Problem(ERROR, field, fault.message, self.doc.line(path), fault.code, params)
            )
        return items

    def _directions(self, value: Any) -> list[int]:
        if value is None:
            return []
        if not isinstance(value, list):
            self.bad(
                ("directions",),
                f"expected a list of direction numbers, found {describe_type(value)}",
                "expected_direction_list",
                found=describe_type(value),
            )
            return []
        out: list[int] = []
        for i, item in enumerate(value):
            number = whole_number(item)  # `true` or `1.5` is not a direction, nor 5,000 digits
            if number is None:
                shown = repr(excerpt(item)) if isinstance(item, str) else ""
                self.bad(
                    ("directions", i),
                    f"expected a direction number, found {describe_type(item)} {shown}".rstrip(),
                    "expected_direction_number",
                    found=describe_type(item),
                    value=shown,
                )
            else:
                out.append(number)
        return out

    def _text_list(self, value: Any, path: KeyPath) -> list[str]:
        if value is None:
            return []
        if not isinstance(value, list):
            found = describe_type(value)
            self.bad(
                path, f"expected a list of text, found {found}", "expected_text_list", found=found
            )
            return []
        return [self.text(item, (*path, i)) for i, item in enumerate(value)]

    def _applicant(self, value: Any) -> Applicant:
        if value is None:
            return Applicant()
        if not isinstance(value, dict):
            self.bad(
                ("applicant",),
                f"expected a mapping ({', '.join(APPLICANT_FIELDS)}), found {describe_type(value)}",
                "expected_applicant_mapping",
                found=describe_type(value),
                known=", ".join(APPLICANT_FIELDS),
            )
            return Applicant()
        a = Applicant()
        for key, item in value.items():
            if key not in APPLICANT_FIELDS:
                self.bad(
                    ("applicant", key),
                    f"unknown applicant field '{excerpt(key)}' "
                    f"(known: {', '.join(APPLICANT_FIELDS)})",
                    "unknown_applicant_field",
                    key=excerpt(key),
                    known=", ".join(APPLICANT_FIELDS),
                )
                continue
            setattr(a, key, self.text(item, ("applicant", key)))
        return a

    def _sections(self, value: Any) -> dict[str, str]:
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.bad(
                ("sections",),
                f"expected a mapping of section keys to text, found {describe_type(value)}",
                "expected_sections_mapping",
                found=describe_type(value),
            )
            return {}
        return {str(k): self.text(v, ("sections", k)) for k, v in value.items()}


def proposal_to_data(p: Proposal) -> dict[str, Any]:
    return {
        "schema": p.schema,
        "call": p.call,
        "topic": p.topic,
        "directions": list(p.directions),
        "own_directions": list(p.own_directions),
        "title": p.title,
        "applicant": p.applicant.as_dict(),
        "sections": dict(p.sections),
        "status": p.status,
    } | ({"references": [dict(item) for item in p.references]} if p.references else {})


def dump_proposal(p: Proposal) -> str:
    return dump_yaml(proposal_to_data(p))


def load_proposal(path: Path | str) -> tuple[Proposal, list[Problem]]:
    path = Path(path)
    return parse_proposal(read_text(path, ProposalFileError), str(path))


def save_proposal(p: Proposal, path: Path | str) -> None:
    """Atomic save; the previous version stays beside it as `<name>.bak`."""
    write_atomic(Path(path), dump_proposal(p).encode("utf-8"))
