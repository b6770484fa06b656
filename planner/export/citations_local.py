"""Stand-in for branch `references` (planner/references/) until it merges: citation numbers in
order of first citation and their markers. Delete when `planner.references` is in."""

from __future__ import annotations


def marker(numbers: list[int]) -> str:
    """[1], [1,2], [1-3]: runs of three or more consecutive numbers are joined."""
    ordered = sorted(set(numbers))
    parts: list[str] = []
    i = 0
    while i < len(ordered):
        j = i
        while j + 1 < len(ordered) and ordered[j + 1] == ordered[j] + 1:
            j += 1
        if j - i >= 2:
            parts.append(f"{ordered[i]}-{ordered[j]}")
        else:
            parts.extend(str(n) for n in ordered[i : j + 1])
        i = j + 1
    return "[" + ",".join(parts) + "]"
