"""A problem found in a proposal, as the problems list, `validate` and a batch report show it."""

from __future__ import annotations

from dataclasses import dataclass

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """`field` is a dotted path into the proposal file (`sections.budget`, `directions[1]`)."""

    severity: str
    field: str
    message: str
    line: int | None = None

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def describe(self, source: str = "") -> str:
        where = source
        if self.line is not None:
            where = f"{where}:{self.line}" if where else f"line {self.line}"
        prefix = f"{where}: " if where else ""
        return f"{prefix}{self.severity}: {self.field}: {self.message}"
