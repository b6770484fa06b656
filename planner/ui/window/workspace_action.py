"""File → Open Workspace…: the batch window over a folder of proposals, beside the planner.

The batch window is its own top-level window; double-clicking a proposal there opens it in the
planner, and the topic tree shows how many proposals of the workspace target each topic.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFileDialog

from planner.resources import builtin_call_path

if TYPE_CHECKING:
    from planner.ui.window.main_window import MainWindow
    from planner.ui.workspace.batch_window import BatchWindow


class WorkspaceController(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.batch: BatchWindow | None = None

    def choose(self) -> bool:
        folder = QFileDialog.getExistingDirectory(
            self.window, self.tr("Open a folder of proposals"), self.window.file_dir()
        )
        if not folder:
            return False
        self.open(Path(folder))
        return True

    def open(self, folder: Path) -> BatchWindow:
        """Show the batch window for `folder` (built on first use: it costs start-up time)."""
        if self.batch is None:
            from planner.ui.workspace.batch_window import BatchWindow

            call_path = self.window.calls.path or builtin_call_path()
            self.batch = BatchWindow(self.window.call, call_path, self.window)
            self.batch.setWindowFlag(Qt.WindowType.Window)  # its own window, owned by ours
            self.batch.openProposalRequested.connect(self._open_proposal)
            self.batch.topicCountsChanged.connect(self.window.tree.set_topic_counts)
            # the office's template applies to every export, one at a time or all at once
            self.batch.set_template(self.window.exporter.template)
            self.window.exporter.templateChanged.connect(self.batch.set_template)
        self.batch.open_workspace(folder)
        self.batch.show()
        self.batch.raise_()
        return self.batch

    def close(self) -> None:
        """The call changed: a workspace checked against the old call is closed."""
        if self.batch is not None:
            self.batch.close()
            self.batch.deleteLater()
            self.batch = None
        self.window.tree.set_topic_counts(None)

    def _open_proposal(self, path: Path) -> None:
        if self.window.open_proposal(path):
            self.window.raise_()
            self.window.activateWindow()
