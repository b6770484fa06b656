"""Keeping a loaded workspace equal to the folder: what the office reads must be what is on disk.

`refresh_workspace` lists the folder again and reloads only the files whose (mtime, size)
changed, so the app can call it on every file-system notice and before every export or
summary without reading 500 files each time.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from planner.office.workspace import Workspace, find_proposal_files, load_entry
from planner.storage.stamps import file_stamp


@dataclass
class Refresh:
    """What a refresh found, by entry name."""

    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.added or self.changed or self.removed)


def refresh_workspace(workspace: Workspace) -> Refresh:
    """Bring `workspace.entries` up to date with its folder, in place (sorted by path, as a
    scan gives them)."""
    result = Refresh()
    current = {entry.path: entry for entry in workspace.entries}
    entries = []
    for path in find_proposal_files(workspace.root):
        entry = current.pop(path, None)
        if entry is None:
            entry = load_entry(path, workspace.call, workspace.root)
            result.added.append(entry.name)
        elif entry.stamp is None or file_stamp(path) != entry.stamp:
            entry = load_entry(path, workspace.call, workspace.root)
            result.changed.append(entry.name)
        entries.append(entry)
    result.removed = [entry.name for entry in current.values()]
    workspace.entries[:] = entries
    return result
