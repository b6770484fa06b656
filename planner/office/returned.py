"""Returned Word files in a workspace (issue 15): read like proposal files, never written to.

A `.docx` beside the `*.proposal.yaml` files is read with the proposal reader and checked the
same way. Its status (draft, review, …) cannot live in the applicant's file, so the workspace
keeps it in a sidecar, `.planner-status.json`, in the file's folder (hidden, so a scan skips it).
"""

from __future__ import annotations

import json
from pathlib import Path

from planner.errors import PlannerError, WordFileError
from planner.model.call import Call
from planner.model.document_checks import FIGURE_UNREADABLE
from planner.model.problems import ERROR, WARNING, Problem
from planner.model.proposal import STATUSES, Proposal
from planner.model.validate import validate_proposal
from planner.storage.atomic_write import write_atomic

WORD_SUFFIX = ".docx"
SIDECAR = ".planner-status.json"
_MAX_SIDECAR = 1 << 20  # statuses of thousands of files; a bigger one is not ours


def is_returned_word_file(name: str) -> bool:
    """A .docx an applicant sent back; not Word's own `~$name.docx` lock file, not hidden."""
    return name.lower().endswith(WORD_SUFFIX) and not name.startswith(("~$", "."))


def read_statuses(folder: Path) -> dict[str, str]:
    path = folder / SIDECAR
    try:
        if not path.is_file() or path.stat().st_size > _MAX_SIDECAR:
            return {}
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}  # a damaged sidecar costs the statuses, never the workspace
    if not isinstance(data, dict):
        return {}
    return {str(k): v for k, v in data.items() if isinstance(v, str) and v in STATUSES}


def set_word_status(path: Path, status: str) -> None:
    """Record `status` for a returned .docx in its folder's sidecar; the .docx is untouched."""
    if status not in STATUSES:
        raise PlannerError(f"status '{status}' is not one of {', '.join(STATUSES)}")
    statuses = read_statuses(path.parent)
    statuses[path.name] = status
    text = json.dumps(dict(sorted(statuses.items())), ensure_ascii=False, indent=1) + "\n"
    write_atomic(path.parent / SIDECAR, text.encode("utf-8"), keep_backup=False)


def read_word_proposal(path: Path, call: Call, name: str) -> tuple[Proposal | None, list[Problem]]:
    """The proposal a returned .docx holds and its problems: the reader's (what it could not
    place, tracked changes) and validation's. None when the file cannot be read at all."""
    from planner.importer.proposal_docx import read_proposal_docx  # lxml only when needed

    try:
        result = read_proposal_docx(path, call, f"{path.stem}.figures")
    except WordFileError as exc:
        problem = Problem(
            ERROR, "file", exc.message, code="word_unreadable", params={"reason": exc.message}
        )
        return None, [problem]
    proposal = result.proposal
    proposal.status = read_statuses(path.parent).get(path.name, "draft")
    problems = [
        Problem(WARNING, "file", f"not read from the Word file: {n.describe()}",
                code="word_unplaced", params={"note": n.describe()})
        for n in result.unplaced
    ]  # fmt: skip
    if result.tracked_changes:
        problems.append(
            Problem(WARNING, "file", f"{result.tracked_changes} tracked changes were read as "
                    "if accepted", code="word_tracked_changes",
                    params={"count": result.tracked_changes})
        )  # fmt: skip
    # the pictures are inside the .docx, read and checked by the reader: not files to look for
    checks = [p for p in validate_proposal(proposal, call, path.parent)
              if p.code != FIGURE_UNREADABLE]  # fmt: skip
    return proposal, problems + checks
