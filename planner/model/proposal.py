"""A proposal: what an applicant writes against one topic of a call."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from planner.references.csl import CslItem

PROPOSAL_SCHEMA = 1
STATUSES: tuple[str, ...] = ("draft", "review", "ready", "submitted")
APPLICANT_FIELDS: tuple[str, ...] = ("name", "title", "institution", "department", "email", "phone")


@dataclass
class Applicant:
    name: str = ""
    title: str = ""
    institution: str = ""
    department: str = ""
    email: str = ""
    phone: str = ""

    def as_dict(self) -> dict[str, str]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass
class Proposal:
    """Mirrors the `*.proposal.yaml` format key for key (see proposal_file.py)."""

    call: str = ""
    topic: str = ""
    directions: list[int] = field(default_factory=list)
    own_directions: list[str] = field(default_factory=list)
    title: str = ""
    applicant: Applicant = field(default_factory=Applicant)
    sections: dict[str, str] = field(default_factory=dict)
    status: str = "draft"
    schema: int = PROPOSAL_SCHEMA
    # CSL-JSON items (Zotero's, pandoc's exchange format), cited in sections as [@id]
    references: list[CslItem] = field(default_factory=list)
