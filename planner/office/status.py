"""Setting a proposal's status from the workspace, safely beside people editing the same files.

The planner locks the file it has open (`planner.storage.file_lock`); a status change takes the
same lock, so it never races a save: a file open in a planner window is refused (the app hands
the change to that window instead). A file nobody has open gets its one `status:` line changed
in the newest text on disk; if the file changes between our read and our write (an editor that
takes no lock), the change is made again on the newer text, never over it.
The previous version goes to the workspace's `.planner-backup/` folder, not beside the file: a
status round over 300 proposals must not leave 300 `.bak` files in the folder the office shares.
"""

from __future__ import annotations

import os
from pathlib import Path

from planner.errors import FileWriteError, ProposalFileError
from planner.formats.text_file import read_text
from planner.office.workspace import status_text
from planner.storage.atomic_write import write_atomic

BACKUP_FOLDER = ".planner-backup"  # a dot folder: the workspace scan never enters it
_ATTEMPTS = 3


class FileChangedError(FileWriteError):
    """The file kept changing while the status was being set: nothing was written."""


def backup_folder(root: Path, path: Path) -> Path:
    """Where the previous version of `path` (a file of the workspace at `root`) is kept: the
    same relative folder under `.planner-backup/`, so two `a.proposal.yaml` never clash."""
    try:
        relative = path.parent.resolve().relative_to(root.resolve())
    except ValueError:
        relative = Path()
    return root / BACKUP_FOLDER / relative


def _stamp(path: Path) -> tuple[int, int]:
    info = os.stat(path)
    return info.st_mtime_ns, info.st_size


def set_status_locked(path: Path, status: str, root: Path) -> None:
    """Set the status of `path` under the planner's lock.

    Raises LockedError when a planner window (this process or another) has the file open,
    ProposalFileError when the file cannot take the change, FileChangedError when it kept
    changing under us, FileWriteError when it cannot be written."""
    from planner.storage.file_lock import acquire_lock

    lock = acquire_lock(path)
    try:
        _set_status_unraced(path, status, backup_folder(root, path))
    finally:
        lock.release()


def _set_status_unraced(path: Path, status: str, backup_dir: Path) -> None:
    for _ in range(_ATTEMPTS):
        before = _stamp(path)
        text = read_text(path, ProposalFileError)
        new_text = status_text(path, text, status)
        if new_text == text:
            return  # already so: no write, no backup, the file's time stays
        backup_dir.mkdir(parents=True, exist_ok=True)
        write_atomic(backup_dir / path.name, text.encode("utf-8"), keep_backup=False)
        if _stamp(path) != before:
            continue  # saved meanwhile: change the newer text instead
        write_atomic(path, new_text.encode("utf-8"), keep_backup=False)
        return
    raise FileChangedError(f"{path} kept changing while its status was set; try again")
