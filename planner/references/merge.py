"""Merge imported references into a proposal's, keyed by id, never dropping one silently."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from planner.references.csl import CslItem


@dataclass
class MergeResult:
    """`items` is the merged list (the existing order, new ones appended). A conflict is an
    id present on both sides with different data: kept as it was unless replacing."""

    items: list[CslItem]
    added: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)  # the same entry again: nothing to do
    conflicts: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.added or self.replaced)

    def summary(self) -> str:
        kept = "replaced" if self.replaced else "kept as they were"
        text = f"{len(self.added)} added, {len(self.unchanged)} already there"
        conflicts = self.replaced or self.conflicts
        if conflicts:
            text += f", {len(conflicts)} conflicting ({kept}): {', '.join(conflicts)}"
        return text


def merge_references(
    existing: Sequence[CslItem], incoming: Sequence[CslItem], *, replace: bool = False
) -> MergeResult:
    items = list(existing)
    where = {item["id"]: i for i, item in enumerate(items)}
    result = MergeResult(items)
    for item in incoming:
        key = item["id"]
        if key not in where:
            where[key] = len(items)
            items.append(item)
            result.added.append(key)
        elif items[where[key]] == item:
            result.unchanged.append(key)
        elif replace:
            items[where[key]] = item
            result.replaced.append(key)
        else:
            result.conflicts.append(key)
    return result
