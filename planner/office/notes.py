"""Reviewer notes: one short note per proposal, kept by the workspace, never in the applicant's
file (it goes back to the applicant; the office's remarks must not).

They live in `.planner-notes.json` at the workspace's root (a dot file: the scan skips it), keyed
by the proposal's name in the workspace (its path relative to the root, with "/").
"""

from __future__ import annotations

import json
from pathlib import Path

from planner.errors import PlannerError
from planner.storage.atomic_write import write_atomic

NOTES_FILE = ".planner-notes.json"
MAX_NOTE = 2000  # characters: a remark, not a review
_MAX_FILE = 4 << 20  # a notes file this big is not ours: it is not read


def read_notes(root: Path) -> dict[str, str]:
    """Every note of the workspace at `root`; a missing or damaged file gives none (a damaged
    notes file costs the notes, never the workspace)."""
    path = root / NOTES_FILE
    try:
        if not path.is_file() or path.stat().st_size > _MAX_FILE:
            return {}
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(k): v[:MAX_NOTE] for k, v in data.items() if isinstance(v, str) and v.strip()}


def set_note(root: Path, name: str, note: str) -> None:
    """Set (or, when `note` is blank, remove) the note of the proposal `name`; atomically."""
    note = note.strip()
    if len(note) > MAX_NOTE:
        raise PlannerError(f"a reviewer note holds at most {MAX_NOTE} characters")
    notes = read_notes(root)
    if note:
        notes[name] = note
    else:
        notes.pop(name, None)
    text = json.dumps(dict(sorted(notes.items())), ensure_ascii=False, indent=1) + "\n"
    write_atomic(root / NOTES_FILE, text.encode("utf-8"), keep_backup=False)
