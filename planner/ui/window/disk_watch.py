"""The planner window notices when its file is changed on disk by someone else (a colleague,
a sync tool, a script) and offers to reload it; the unsaved text is kept as a recovery copy.

Our own saves do not count: the document records the file's stamp after every save and load.
"""

from __future__ import annotations

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from planner.errors import PlannerError
from planner.ui.i18n import fill
from planner.ui.window.document import ProposalDocument

SETTLE_MS = 250  # a save is several events (temp file, rename): ask once, after the last


class DiskWatch(QObject):
    message = Signal(str)  # for the status bar

    def __init__(self, parent: QWidget, document: ProposalDocument) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.document = document
        self._watcher = QFileSystemWatcher(self)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SETTLE_MS)
        # the file itself, and its folder: an atomic save replaces the file (a new inode)
        self._watcher.fileChanged.connect(lambda _p: self._timer.start())
        self._watcher.directoryChanged.connect(lambda _p: self._timer.start())
        self._timer.timeout.connect(self.check)
        self._asking = False

    def follow(self) -> None:
        """Watch the document's current file (after open, save, new)."""
        old = self._watcher.files() + self._watcher.directories()
        if old:
            self._watcher.removePaths(old)
        path = self.document.path
        if path is not None and path.exists():
            self._watcher.addPaths([str(path), str(path.parent)])

    def check(self) -> bool:
        """Offer to reload if the file changed on disk; True if it was reloaded."""
        doc = self.document
        if self._asking or doc.path is None or not doc.changed_on_disk():
            return False
        if not self.parent_widget.isVisible():  # closing, or never shown (--screenshot)
            return False
        path = doc.path
        self.follow()  # a rename-save replaced the watched file: watch the new one
        if not path.exists():
            self.message.emit(fill(self.tr("{file} was removed from disk"), file=path.name))
            return False
        text = fill(self.tr("{file} was changed on disk by another program."), file=path.name)
        if doc.modified:
            text += "\n" + self.tr(
                "Reload it? Your unsaved text is kept as a recovery copy, "
                "offered at the next start."
            )
        else:
            text += "\n" + self.tr("Reload it?")
        self._asking = True
        try:
            answer = QMessageBox.question(
                self.parent_widget,
                self.tr("File changed on disk"),
                text,
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            )
        finally:
            self._asking = False
        if answer != QMessageBox.StandardButton.Yes:
            return False
        doc.keep_recovery_copy()
        try:
            doc.open(path, read_only=doc.read_only)
        except PlannerError as exc:
            self.message.emit(str(exc))
            return False
        self.follow()
        self.message.emit(fill(self.tr("Reloaded {file}"), file=path.name))
        return True
