"""A problem found in a proposal, as the problems list, `validate` and a batch report show it."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """`field` is a dotted path into the proposal file (`sections.budget`, `directions[1]`).

    `message` is English, for the CLI and logs. `code` names the kind of problem and `params`
    holds its values (`code="section_empty", params={"title": "研究内容"}`), so a user
    interface can say the same in its own language without parsing `message`.
    """

    severity: str
    field: str
    message: str
    line: int | None = None
    code: str = ""
    # dataclasses.field in full: the class's own `field` attribute shadows the bare name
    params: Mapping[str, object] = dataclasses.field(default_factory=dict, hash=False)

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def describe(self, source: str = "") -> str:
        where = source
        if self.line is not None:
            where = f"{where}:{self.line}" if where else f"line {self.line}"
        prefix = f"{where}: " if where else ""
        return f"{prefix}{self.severity}: {self.field}: {self.message}"
