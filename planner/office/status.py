"""Setting a proposal's status from the workspace, safely beside people editing the same files.

The planner locks the file it has open (`planner.storage.file_lock`); a status change takes the
same lock, so it never races a save: a file open in a planner window is refused (the app hands
the change to that window instead). A file nobody has open gets its one `status:` line changed
in the newest text on disk (`planner.office.workspace.set_status`).
The previous version goes to the workspace's `.planner-backup/` folder, not beside the file: a
status round over 300 proposals must not leave 300 `.bak` files in the folder the office shares.
"""

from __future__ import annotations

from pathlib import Path

from planner.office.workspace import set_status

BACKUP_FOLDER = ".planner-backup"  # a dot folder: the workspace scan never enters it


def backup_folder(root: Path, path: Path) -> Path:
    """Where the previous version of `path` (a file of the workspace at `root`) is kept: the
    same relative folder under `.planner-backup/`, so two `a.proposal.yaml` never clash."""
    try:
        relative = path.parent.resolve().relative_to(root.resolve())
    except ValueError:
        relative = Path()
    return root / BACKUP_FOLDER / relative


def set_status_locked(path: Path, status: str, root: Path) -> None:
    """Set the status of `path` under the planner's lock.

    Raises LockedError when a planner window (this process or another) has the file open,
    ProposalFileError when the file cannot take the change, FileWriteError when it cannot be
    written or kept changing under us."""
    from planner.storage.file_lock import acquire_lock

    lock = acquire_lock(path)
    try:
        set_status(path, status, backup_dir=backup_folder(root, path))
    finally:
        lock.release()
