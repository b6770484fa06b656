"""What importing a call's topic list could not place (problems) and what the user must see
though the call is usable (notes), each with the line or paragraph it is on."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import NamedTuple


class ImportNote(NamedTuple):
    """Something the user must see though the call is usable; `message` is English (the CLI),
    `code` and `params` let the app word it (planner.model.problem_wording)."""

    line: int
    message: str
    code: str = ""
    params: Mapping[str, object] = {}


@dataclass
class ImportReport:
    """What the importer could not place, as (line, message); empty when the call is complete.

    `unit` names what the numbers count: lines of a text file, paragraphs of a .docx.
    """

    problems: list[tuple[int, str]] = field(default_factory=list)
    unit: str = "line"
    lines_per_unit: int = 1  # a .docx's text has each paragraph on a line and a blank line
    # what the user must see though the call is usable, as (line, what): the parts of the
    # document left out (the title block, text before the first area, a .docx's tables) and
    # every topic with no directions
    notes: list[ImportNote] = field(default_factory=list)
    title: str = ""  # the document's own title (its first line before the first area)

    @property
    def complete(self) -> bool:
        return not self.problems

    def number(self, line: int) -> int:
        """The line (or paragraph) a line of the imported text stands for."""
        return (line + self.lines_per_unit - 1) // self.lines_per_unit

    def where(self, line: int) -> str:
        return f"{self.unit} {self.number(line)}"

    def add(self, line: int, message: str) -> None:
        self.problems.append((self.number(line), message))

    def note(self, line: int, what: str, code: str = "", **params: object) -> None:
        self.notes.append(ImportNote(self.number(line), what, code, params))

    def describe(self, source: str) -> list[str]:
        """One line per problem, `FILE:LINE: message` (or `FILE, paragraph N: message`)."""
        return self._describe(source, self.problems)

    def describe_notes(self, source: str) -> list[str]:
        return self._describe(source, [(n.line, n.message) for n in self.notes])

    def _describe(self, source: str, items: list[tuple[int, str]]) -> list[str]:
        out = []
        for line, message in items:
            if not line:
                out.append(f"{source}: {message}")
            elif self.unit == "line":
                out.append(f"{source}:{line}: {message}")
            else:
                out.append(f"{source}, {self.unit} {line}: {message}")
        return out
