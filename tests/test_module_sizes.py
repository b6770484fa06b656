"""Small modules with one job (issue 11): no module under planner/ grows past 400 lines.

A module that does is holding two things; split it along what it holds (see how
planner/ui/window/main_window.py hands its proposal changes to proposal_changes.py).
"""

from __future__ import annotations

import paths

LIMIT = 400


def oversized(limit: int = LIMIT) -> list[str]:
    found = []
    for path in sorted((paths.REPO / "planner").rglob("*.py")):
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > limit:
            found.append(f"{path.relative_to(paths.REPO).as_posix()}: {lines} lines")
    return found


def test_every_module_under_planner_stays_within_400_lines() -> None:
    too_long = oversized()
    assert not too_long, f"over {LIMIT} lines: " + "; ".join(too_long)


def test_the_check_names_a_long_module_and_its_count() -> None:
    # the same walk with a limit every real module exceeds: it must find and name them
    found = oversized(limit=0)
    assert any(f.startswith("planner/ui/window/main_window.py: ") for f in found)
    assert all(f.endswith(" lines") and int(f.split(": ")[1].split()[0]) > 0 for f in found)
