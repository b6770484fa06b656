"""A workspace: a folder of `*.proposal.yaml` files (searched recursively), each loaded and
validated on its own so that one broken file never stops the rest."""

from __future__ import annotations

import dataclasses
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from planner.errors import FileWriteError, PlannerError, ProposalFileError
from planner.formats.proposal_file import SUFFIX, parse_proposal
from planner.formats.text_file import read_text
from planner.formats.yaml_lines import YamlSyntaxError, parse_yaml
from planner.model.call import Call
from planner.model.completeness import completeness
from planner.model.problems import ERROR, Problem
from planner.model.proposal import STATUSES, Proposal
from planner.model.validate import validate_proposal
from planner.office.returned import (
    WORD_SUFFIX,
    is_returned_word_file,
    read_word_proposal,
    set_word_status,
)
from planner.storage.atomic_write import write_atomic
from planner.storage.stamps import file_stamp


@dataclass
class Entry:
    """One proposal file of a workspace: what it holds (None when unreadable) and its problems."""

    path: Path
    name: str  # path relative to the workspace root, with "/", as reports show it
    proposal: Proposal | None
    problems: list[Problem] = field(default_factory=list)
    completeness: float = 0.0
    # (mtime in ns, size) of the file when read: a live workspace reloads only what changed
    stamp: tuple[int, int] | None = None

    @property
    def from_word(self) -> bool:
        """A returned Word file, read with the proposal reader (issue 15)."""
        return self.path.suffix.lower() == WORD_SUFFIX

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def valid(self) -> bool:
        """Readable and free of errors (warnings are fine: it can be exported)."""
        return self.proposal is not None and not self.errors


@dataclass
class Workspace:
    root: Path
    call: Call
    entries: list[Entry] = field(default_factory=list)

    @property
    def valid(self) -> list[Entry]:
        return [e for e in self.entries if e.valid]

    @property
    def invalid(self) -> list[Entry]:
        return [e for e in self.entries if not e.valid]

    def topic_counts(self) -> dict[str, int]:
        """Proposals per topic id, every topic of the call listed (zeros included), call order."""
        counts = {t.id: 0 for t in self.call.topics()}
        for entry in self.entries:
            if entry.proposal is not None and entry.proposal.topic in counts:
                counts[entry.proposal.topic] += 1
        return counts

    def entry(self, path: Path) -> Entry | None:
        return next((e for e in self.entries if e.path == path), None)


def find_proposal_files(root: Path, exclude: Path | None = None) -> list[Path]:
    """Every `*.proposal.yaml` file and returned Word `.docx` under `root`, sorted, without
    following symlinked folders (a link loop or a link to `/` must not make a scan endless).
    `exclude`: a folder not to enter (a batch's own output folder: its .docx are ours)."""
    found: list[Path] = []
    skip = exclude.resolve() if exclude is not None else None
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(
            d for d in dirs
            if not d.startswith(".") and (skip is None or (Path(folder) / d).resolve() != skip)
        )  # fmt: skip
        found.extend(
            Path(folder) / f
            for f in files
            if (f.endswith(SUFFIX) and not f.startswith(".")) or is_returned_word_file(f)
        )
    return sorted(p for p in found if p.is_file())


def load_entry(path: Path, call: Call, root: Path) -> Entry:
    """`read_entry`, with the file's stamp taken before reading: a save during the read then
    shows as a change at the next refresh, never as an up-to-date entry."""
    stamp = file_stamp(path)
    entry = read_entry(path, call, root)
    entry.stamp = stamp
    return entry


def read_entry(path: Path, call: Call, root: Path) -> Entry:
    """Load and validate one file; every failure becomes a Problem, never an exception.

    A file reached through a symlink that leaves the folder is not read at all: a link to
    /etc/shadow must not put its lines into the summary that is sent around."""
    name = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
    if not _inside(path, root):
        message = "skipped: a link to a file outside the folder (not read)"
        return Entry(path, name, None, [Problem(ERROR, "file", message, code="outside_link")])
    if is_returned_word_file(path.name):
        proposal, problems = read_word_proposal(path, call, name)
        if proposal is None:
            return Entry(path, name, None, problems)
        return Entry(path, name, proposal, problems, completeness(proposal, call))
    try:
        text = read_text(path, ProposalFileError)
        proposal, problems = parse_proposal(text, name)
        checks = validate_proposal(proposal, call, path.parent)
        if any(p.is_error for p in checks):  # finding lines re-reads the file: only then
            checks = _with_lines(checks, text)
        return Entry(path, name, proposal, problems + checks, completeness(proposal, call))
    except ProposalFileError as exc:
        problem = Problem(
            ERROR, exc.field or "file", exc.message, exc.line, code=exc.code, params=exc.params
        )
        return Entry(path, name, None, [problem])
    except (Exception, RecursionError, MemoryError) as exc:  # one file never stops a batch
        message = f"could not be read ({type(exc).__name__}); please report this file"
        return Entry(path, name, None, [Problem(ERROR, "file", message)])


def _inside(path: Path, root: Path) -> bool:
    """Whether `path`, links followed, is still a file under `root` (itself resolved)."""
    try:
        return path.resolve(strict=True).is_relative_to(root.resolve())
    except (OSError, RuntimeError):  # a dangling link or a loop
        return False


_FIELD_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def _with_lines(problems: list[Problem], text: str) -> list[Problem]:
    """Give validation problems the line of their field, so a report of 500 files points
    the office at `direction-0.proposal.yaml:5` rather than at the whole file."""
    doc = parse_yaml(text)  # already parsed once: cannot fail here

    def line_of(field_name: str) -> int | None:
        path: tuple[str | int, ...] = tuple(
            key if key else int(index) - 1 for key, index in _FIELD_PART.findall(field_name)
        )
        # only the field itself or a parent that is not the whole document: a missing key
        # has no line, and "line 1" would send the reader to the wrong place
        while path:
            if path in doc.lines:
                return doc.lines[path]
            path = path[:-1]
        return None

    return [
        p if p.line is not None else dataclasses.replace(p, line=line_of(p.field))  # code kept
        for p in problems
    ]


def iter_workspace(
    root: Path, call: Call, exclude: Path | None = None
) -> Iterator[tuple[int, int, Entry]]:
    """Load a workspace file by file, yielding (done, total, entry) so a UI can show progress."""
    paths = find_proposal_files(root, exclude)
    for i, path in enumerate(paths, start=1):
        yield i, len(paths), load_entry(path, call, root)


def scan_workspace(root: Path | str, call: Call, exclude: Path | None = None) -> Workspace:
    root = Path(root).resolve()
    if not root.is_dir():
        raise PlannerError(f"{root} is not a folder")
    return Workspace(root, call, [entry for _, _, entry in iter_workspace(root, call, exclude)])


def _status_line(line: str) -> tuple[str, str] | None:
    """(value, comment) of a `status: value  # comment` line, or None.

    String work, not a regular expression `^status:[ \\t]*(\\S*)[ \\t]*(#.*)?$`: its two blank
    runs around an empty value can split a long run of tabs every way (quadratic)."""
    if not line.startswith("status:"):
        return None
    rest = line[len("status:") :].lstrip(" \t")
    value_end = 0
    while value_end < len(rest) and not rest[value_end].isspace():
        value_end += 1
    value, tail = rest[:value_end], rest[value_end:].lstrip(" \t")
    if tail and not tail.startswith("#"):
        return None
    return value, tail


def set_status(path: Path, status: str, *, backup_dir: Path | None = None) -> None:
    """Change only the `status:` line of a proposal file, atomically.

    Rewriting the whole file through dump_proposal would drop comments and, for a file with type
    problems, the faulty values; editing one line keeps every character the user wrote. The line
    is changed in the newest text on disk: if the file changes between our read and our write
    (an editor that takes no lock), the change is made again on the newer text, never over it.
    `backup_dir`: where the previous version goes (planner.office.status gives the workspace's
    `.planner-backup/`); None keeps the `.bak` beside the file.
    """
    if is_returned_word_file(path.name):
        set_word_status(path, status)  # never written into the applicant's own file
        return
    for _ in range(3):
        before = file_stamp(path)
        text = read_text(path, ProposalFileError)
        new_text = status_text(path, text, status)
        if new_text == text:
            return  # already so: no write, no backup, the file's time stays
        if backup_dir is not None:
            backup_dir.mkdir(parents=True, exist_ok=True)
            write_atomic(backup_dir / path.name, text.encode("utf-8"), keep_backup=False)
        if file_stamp(path) != before:
            continue  # saved meanwhile: change the newer text instead
        write_atomic(path, new_text.encode("utf-8"), keep_backup=backup_dir is None)
        return
    raise FileWriteError(f"{path} kept changing while its status was set; try again")


def status_text(path: Path, text: str, status: str) -> str:
    """`text` with its status line set to `status` (added when missing); raises
    ProposalFileError when the file cannot take the change, never returns a file we could
    not read back."""
    if status not in STATUSES:
        raise PlannerError(f"status '{status}' is not one of {', '.join(STATUSES)}")
    try:
        doc = parse_yaml(text)
    except YamlSyntaxError as exc:
        raise ProposalFileError(str(path), exc.message, line=exc.line) from None
    if not isinstance(doc.data, dict):
        raise ProposalFileError(str(path), "not a proposal: the file is not a mapping of keys")
    lines = text.splitlines(keepends=True)
    if "status" in doc.data:
        index = (doc.line(("status",)) or 0) - 1
        match = _status_line(lines[index].rstrip("\r\n")) if 0 <= index < len(lines) else None
        if match is None:
            raise ProposalFileError(
                str(path), "the status is not on a line of its own", line=index + 1, field="status"
            )
        ending = lines[index][len(lines[index].rstrip("\r\n")) :] or "\n"
        comment = f" {match[1]}" if match[1] else ""
        lines[index] = f"status: {status}{comment}{ending}"
    else:
        if lines and not lines[-1].endswith("\n"):
            lines[-1] += "\n"
        lines.append(f"status: {status}\n")
    new_text = "".join(lines)
    check, _ = parse_proposal(new_text, str(path))  # never write a file we could not read back
    if check.status != status:
        raise ProposalFileError(str(path), "could not change the status line", field="status")
    return new_text
