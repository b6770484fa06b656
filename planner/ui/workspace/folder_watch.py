"""Watches a workspace folder (and its subfolders) and says, once things settle, that it changed.

QFileSystemWatcher reports a folder when a file in it is added, removed or renamed (an atomic
save is a rename), and a watched file when it is written in place. A save is several events
(temp file, rename, backup), so they are gathered for a short while into one `changed`.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from planner.office.workspace import find_proposal_files

SETTLE_MS = 250  # well inside the second the office may wait; a save's events come within ms
MAX_FOLDERS = 2000  # inotify watches are a per-user budget: a huge tree is still refreshed by F5


class FolderWatch(QObject):
    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._watcher = QFileSystemWatcher(self)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SETTLE_MS)
        self._watcher.directoryChanged.connect(lambda _p: self._timer.start())
        self._watcher.fileChanged.connect(lambda _p: self._timer.start())
        self._timer.timeout.connect(self._settled)
        self._root: Path | None = None

    def watch(self, root: Path | None) -> None:
        """Watch `root` (None: nothing)."""
        self._root = root
        self._rewatch()

    def _settled(self) -> None:
        self._rewatch()  # new subfolders, and files replaced by a rename, are watched again
        self.changed.emit()

    def _rewatch(self) -> None:
        old = self._watcher.directories() + self._watcher.files()
        if old:
            self._watcher.removePaths(old)
        if self._root is None or not self._root.is_dir():
            return
        folders = [str(self._root)]
        for folder, dirs, _files in os.walk(self._root):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            folders.extend(os.path.join(folder, d) for d in dirs)
            if len(folders) >= MAX_FOLDERS:
                break
        files = [str(p) for p in find_proposal_files(self._root)]
        self._watcher.addPaths(folders[:MAX_FOLDERS] + files[: max(0, 8000 - len(folders))])
