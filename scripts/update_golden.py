"""Regenerate the golden .docx parts under tests/export/golden/ from the current exporter.

    python scripts/update_golden.py          # every case
    python scripts/update_golden.py rich     # one case

Run it on purpose, after a change to the export that is meant; then read `git diff
tests/export/golden` as a reviewer would, and commit the parts with the change.
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "tests")]

import golden_docx  # noqa: E402  (tests/ is on the path only from here)


def main(names: list[str]) -> int:
    cases = [c for c in golden_docx.CASES if not names or c.name in names]
    unknown = set(names) - {c.name for c in golden_docx.CASES}
    if unknown:
        known = ", ".join(c.name for c in golden_docx.CASES)
        print(f"unknown case {', '.join(sorted(unknown))} (known: {known})", file=sys.stderr)
        return 2
    for case in cases:
        written = golden_docx.write_golden(case)
        folder = golden_docx.golden_folder(case).relative_to(REPO)
        print(f"{case.name}: {len(written)} parts in {folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
