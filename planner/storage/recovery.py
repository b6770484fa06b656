"""Recovery copies of unsaved proposals, so a crash never loses the user's text.

The window writes the proposal it is editing here a few seconds after each change and removes
the copy when the proposal is saved or closed. A copy whose process is gone was left by a crash;
the next start offers to restore it. Each copy is `<key>.proposal.yaml` plus `<key>.json`
(where it came from, which process wrote it, when).
"""

from __future__ import annotations

import contextlib
import os
import time
from dataclasses import dataclass
from pathlib import Path

from planner.formats.proposal_file import SUFFIX, dump_proposal, load_proposal
from planner.model.proposal import Proposal
from planner.storage.atomic_write import write_atomic
from planner.storage.processes import owner_alive, process_token, this_host


@dataclass(frozen=True)
class RecoveryEntry:
    """One recovery copy; `source` is the proposal file it belongs to (None if never saved)."""

    path: Path
    source: Path | None
    pid: int
    host: str
    saved_at: float
    token: str = ""  # processes.process_token: tells a reused pid from its first owner

    def load(self) -> Proposal:
        """The recovered proposal. Raises ProposalFileError if the copy is unreadable."""
        proposal, _problems = load_proposal(self.path)
        return proposal

    def orphaned(self) -> bool:
        """Left behind by a process that is gone (a crash), not one still editing."""
        return self.host != this_host() or not owner_alive(self.pid, self.token)


class RecoveryStore:
    """A folder of recovery copies (the platform's app-data folder in the app)."""

    def __init__(self, folder: Path | str) -> None:
        self.folder = Path(folder)

    def key_for(self, source: Path | None, session: str) -> str:
        """Saved files get one copy each; an untitled proposal one per editing session."""
        if source is not None:
            import hashlib  # lazy, as json below: the window starts without writing a copy

            return hashlib.sha1(str(Path(source).resolve()).encode()).hexdigest()[:16]
        return f"untitled-{os.getpid()}-{session}"

    def save(self, proposal: Proposal, source: Path | None, session: str = "0") -> RecoveryEntry:
        """Write (or overwrite) the recovery copy of `proposal`. Raises FileWriteError."""
        self.folder.mkdir(parents=True, exist_ok=True)
        key = self.key_for(source, session)
        entry = RecoveryEntry(
            self.folder / f"{key}{SUFFIX}",
            Path(source).resolve() if source is not None else None,
            os.getpid(),
            this_host(),
            time.time(),
            process_token(os.getpid()),
        )
        import json

        write_atomic(entry.path, dump_proposal(proposal).encode("utf-8"), keep_backup=False)
        meta = {
            "source": str(entry.source) if entry.source else None,
            "pid": entry.pid,
            "host": entry.host,
            "saved_at": entry.saved_at,
            "token": entry.token,
        }
        write_atomic(_meta_path(entry.path), json.dumps(meta).encode("utf-8"), keep_backup=False)
        return entry

    def discard(self, entry: RecoveryEntry) -> None:
        for path in (entry.path, _meta_path(entry.path)):
            with contextlib.suppress(FileNotFoundError):
                path.unlink()

    def entries(self) -> list[RecoveryEntry]:
        """Every readable recovery copy, newest first."""
        import json

        found: list[RecoveryEntry] = []
        if not self.folder.is_dir():
            return found
        for path in self.folder.glob(f"*{SUFFIX}"):
            try:
                meta = json.loads(_meta_path(path).read_text(encoding="utf-8"))
                source = meta.get("source")
                found.append(
                    RecoveryEntry(
                        path,
                        Path(source) if source else None,
                        int(meta["pid"]),
                        str(meta["host"]),
                        float(meta["saved_at"]),
                        str(meta.get("token", "")),
                    )
                )
            except (OSError, ValueError, KeyError, TypeError):
                continue  # a copy without readable metadata: still on disk for the user to find
        return sorted(found, key=lambda e: e.saved_at, reverse=True)

    def orphaned(self) -> list[RecoveryEntry]:
        """Copies a crashed session left behind: what the next start offers to restore."""
        return [e for e in self.entries() if e.orphaned()]


def _meta_path(copy: Path) -> Path:
    return copy.with_name(copy.name[: -len(SUFFIX)] + ".json")
