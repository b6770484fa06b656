"""The open proposal: its file, lock, unsaved state and autosaved recovery copy.

Holds no widgets; the main window asks the user and then calls these methods.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QStandardPaths, QTimer, Signal

from planner.errors import FileWriteError, PlannerError
from planner.formats.proposal_file import load_proposal, save_proposal
from planner.model.call import Call
from planner.model.problems import Problem
from planner.model.proposal import Proposal
from planner.storage.recovery import RecoveryEntry, RecoveryStore
from planner.storage.stamps import file_stamp

if TYPE_CHECKING:
    from planner.storage.file_lock import FileLock

AUTOSAVE_DELAY_MS = 2000


class FileChangedError(FileWriteError):
    """Saving would overwrite a newer version another program wrote."""


def default_recovery_dir() -> Path:
    """`recovery/` in the platform's app-data folder."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base) / "recovery"


class ProposalDocument(QObject):
    """One proposal being edited. Emits when it is replaced, changed or saved."""

    replaced = Signal()  # a new or opened proposal: every pane reloads
    stateChanged = Signal()  # path, modified or read-only changed: the title bar updates

    def __init__(
        self, call: Call, recovery: RecoveryStore | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.call = call
        self.recovery = recovery or RecoveryStore(default_recovery_dir())
        self.proposal = Proposal(call=call.id)
        self.path: Path | None = None
        self.modified = False
        self.read_only = False
        self.load_problems: list[Problem] = []
        self.suggested_path: Path | None = None  # Save As starts here for an imported file
        self.lock: FileLock | None = None
        self.disk_stamp: tuple[int, int] | None = None  # the file as we last read or wrote it
        self._session = os.urandom(4).hex()  # not uuid: its import costs start-up time
        self._recovery_entry: RecoveryEntry | None = None
        self.keep_recovery_on_close = False  # set by the crash handler (crash.py)
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setSingleShot(True)
        self.autosave_timer.setInterval(AUTOSAVE_DELAY_MS)
        self.autosave_timer.timeout.connect(self.write_recovery)

    # -- whole-document operations
    def new(self) -> None:
        self._close_current()
        self._replace(Proposal(call=self.call.id), None, read_only=False)

    def open(self, path: Path, *, read_only: bool = False) -> None:
        """Load `path`; raises ProposalFileError (nothing changes) or LockedError.

        The lock is taken only once the file parsed, so a broken file leaves everything as it was.
        """
        path = Path(path)
        stamp = file_stamp(path)  # before reading: a save meanwhile shows as a change
        proposal, problems = load_proposal(path)
        lock = None
        if self.lock is not None and self.lock.target == path:
            lock, self.lock = self.lock, None  # re-opening our own file keeps our lock
        elif not read_only:
            try:
                lock = _acquire_lock(path)
            except OSError:  # no lock can be written: read-only, never two windows unlocked
                read_only = True
        self._close_current()
        self.lock = lock
        self.disk_stamp = stamp
        self._replace(proposal, path, read_only=read_only, problems=problems)

    def show_file(self, path: Path) -> None:
        """Show `path` as opened, without taking its lock: for `--screenshot`, which never
        saves (a file open in a running window can still be pictured). Raises like `open`."""
        proposal, problems = load_proposal(path)
        self._close_current()
        self.disk_stamp = file_stamp(Path(path))
        self._replace(proposal, Path(path), read_only=False, problems=problems)

    def adopt(self, proposal: Proposal, suggested: Path | None = None) -> None:
        """A proposal read from elsewhere (a returned Word file): new, untitled and unsaved;
        `suggested` is where Save As starts (beside its figures)."""
        self._close_current()
        self._replace(proposal, None, read_only=False, suggested=suggested)
        self.mark_modified()

    def restore(self, entry: RecoveryEntry) -> None:
        """Take over a crashed session's copy: unsaved, tied to its file if it had one.

        If another live window holds that file, the copy comes back untitled: a Save must not
        overwrite what the other window is editing (Save asks for a name instead)."""
        proposal = entry.load()
        self._close_current()
        source = entry.source
        if source is not None:
            try:
                self.lock = _acquire_lock(source)
            except PlannerError:  # LockedError: another live window has it open
                source = None
            except OSError:  # a folder we cannot write to: saving there fails with a message
                pass
        self.disk_stamp = file_stamp(source) if source is not None else None  # the user's choice
        self._replace(proposal, source, read_only=False)
        self.mark_modified()
        # our own copy first, then the crashed one goes: never a moment without one on disk.
        # A copy of the same file is overwritten in place (same key) and is ours now; if ours
        # could not be written, the crashed one stays, to be offered again rather than lost.
        self.write_recovery()
        ours = self._recovery_entry
        if ours is not None and ours.path != entry.path:
            self.recovery.discard(entry)

    def save(self, path: Path | None = None) -> None:
        """Save to `path` (Save As) or the current file. Raises FileWriteError or LockedError."""
        target = Path(path) if path is not None else self.path
        if target is None:
            raise ValueError("no file to save to")
        new_lock = None
        # a lock on the target unless we hold it already: a read-only window has the path of a
        # file another window holds, and must not save over it
        if self.lock is None or self.lock.target != target:
            try:
                new_lock = _acquire_lock(target)
            except OSError as exc:  # the folder is missing or read-only: saving fails too
                raise FileWriteError(f"cannot write {target}: {exc.strerror or exc}") from None
        if target == self.path and self.changed_on_disk():
            if new_lock is not None:
                new_lock.release()
            raise FileChangedError(
                f"{target} was changed on disk since it was opened; reload it (your text is "
                "kept as a recovery copy) or save under another name"
            )
        if not self.proposal.call:
            self.proposal.call = self.call.id
        try:
            save_proposal(self.proposal, target)
        except BaseException:
            # a lock on a file we never wrote would block every other window, and our own retry
            if new_lock is not None:
                new_lock.release()
            raise
        if new_lock is not None:
            if self.lock is not None:
                self.lock.release()
            self.lock = new_lock
        self.path = target
        self.disk_stamp = file_stamp(target)
        self.read_only = False
        self.modified = False
        self.load_problems = []  # the file now holds exactly what the window shows
        self._drop_recovery()
        self.stateChanged.emit()

    def close(self) -> None:
        """The window closes: release the lock and the recovery copy (the user was asked).

        After a crash, unsaved changes keep their copy: the crash dialog promised that the next
        start offers them, and the user may have closed without saving because of the bug."""
        if self.keep_recovery_on_close and self.modified:
            self.write_recovery()
            self._recovery_entry = None  # left on disk, no longer ours to discard
        self._close_current()

    # -- the file on disk
    def changed_on_disk(self) -> bool:
        """Whether the open file is no longer what this window read or wrote (another
        program saved it, or it was removed)."""
        return self.path is not None and file_stamp(self.path) != self.disk_stamp

    def keep_recovery_copy(self) -> None:
        """Before the window's text is replaced by the file on disk: the unsaved text stays
        as a recovery copy of its own (offered again at the next start), never lost."""
        if self.modified:
            with contextlib.suppress(PlannerError, OSError):
                kept = f"{self._session}-kept-{os.urandom(2).hex()}"
                self.recovery.save(self.proposal, None, kept)

    # -- edits
    def set_status(self, status: str) -> None:
        """The workspace set the status of the file this window holds: the next save has it."""
        if status != self.proposal.status:
            self.proposal.status = status
            self.mark_modified()

    def mark_modified(self) -> None:
        if not self.modified:
            self.modified = True
            self.stateChanged.emit()
        self.autosave_timer.start()

    def set_topic(self, topic_id: str) -> None:
        if topic_id != self.proposal.topic:
            self.proposal.topic = topic_id
            self.proposal.directions = []
            self.mark_modified()

    def set_direction(self, number: int, on: bool) -> None:
        chosen = set(self.proposal.directions)
        chosen = chosen | {number} if on else chosen - {number}
        if sorted(chosen) != self.proposal.directions:
            self.proposal.directions = sorted(chosen)
            self.mark_modified()

    def add_own_direction(self, text: str) -> None:
        if text.strip():  # an empty own direction never enters the proposal
            self.proposal.own_directions.append(text)
            self.mark_modified()

    def set_own_directions(self, texts: list[str]) -> None:
        texts = [t for t in texts if t.strip()]
        if texts != self.proposal.own_directions:
            self.proposal.own_directions = list(texts)
            self.mark_modified()

    # -- recovery
    def write_recovery(self) -> None:
        """Write the recovery copy now (the autosave timer, and the crash handler)."""
        self.autosave_timer.stop()
        if not self.modified:
            return
        with contextlib.suppress(PlannerError, OSError):  # autosave must never interrupt typing
            self._recovery_entry = self.recovery.save(self.proposal, self.path, self._session)

    def folder(self) -> Path | None:
        """Where the proposal's figure paths start: its file's folder, or for an imported Word
        file not yet saved, the folder its figures were saved in."""
        place = self.path or self.suggested_path
        return place.parent if place is not None else None

    @property
    def is_blank(self) -> bool:
        """A new proposal nothing was done to yet (no file, no edit)."""
        return self.path is None and not self.modified

    def display_name(self) -> str:
        return self.path.name if self.path is not None else ""

    # -- internals
    def _replace(
        self,
        proposal: Proposal,
        path: Path | None,
        *,
        read_only: bool,
        problems: list[Problem] | None = None,
        suggested: Path | None = None,
    ) -> None:
        self.proposal = proposal
        self.path = path
        self.read_only = read_only
        self.modified = False
        self.load_problems = list(problems or [])
        self.suggested_path = suggested
        self.replaced.emit()
        self.stateChanged.emit()

    def _close_current(self) -> None:
        self.autosave_timer.stop()
        self.disk_stamp = None
        self._drop_recovery()
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    def _drop_recovery(self) -> None:
        if self._recovery_entry is not None:
            self.recovery.discard(self._recovery_entry)
            self._recovery_entry = None


def _acquire_lock(target: Path) -> FileLock:
    """`file_lock.acquire_lock`, imported on first use: a new proposal needs no lock."""
    from planner.storage.file_lock import acquire_lock

    return acquire_lock(target)
