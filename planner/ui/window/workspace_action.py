"""File → Open Workspace…: the batch window over a folder of proposals, beside the planner.

The batch window is its own top-level window; double-clicking a proposal there asks the planner
to open it, and the topic tree shows how many proposals of the workspace target each topic.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from planner.model.call import Call

if TYPE_CHECKING:
    from planner.ui.workspace.batch_window import BatchWindow


class WorkspaceController(QObject):
    openProposalRequested = Signal(Path)  # double-clicked in the batch window
    topicCountsChanged = Signal(object)  # topic id → proposals of the workspace; None: no workspace
    statusInPlannerRequested = Signal(Path, str)  # a status for the file open in the planner

    def __init__(self, parent: QWidget, call: Call, template: Path | None = None) -> None:
        super().__init__(parent)
        self.parent_widget = parent  # owns the batch window
        self.call = call
        self.template = template  # the Word template exports fill; None: the built-in look
        self.batch: BatchWindow | None = None

    def choose(self, start_dir: str) -> bool:
        folder = QFileDialog.getExistingDirectory(
            self.parent_widget, self.tr("Open a folder of proposals"), start_dir
        )
        if not folder:
            return False
        self.open(Path(folder))
        return True

    def open(self, folder: Path) -> BatchWindow:
        """Show the batch window for `folder` (built on first use: it costs start-up time)."""
        if self.batch is None:
            from planner.ui.workspace.batch_window import BatchWindow

            self.batch = BatchWindow(self.call, self.parent_widget)
            self.batch.setWindowFlag(Qt.WindowType.Window)  # its own window, owned by ours
            self.batch.openProposalRequested.connect(self.openProposalRequested)
            self.batch.topicCountsChanged.connect(self.topicCountsChanged.emit)
            self.batch.statusInPlannerRequested.connect(self.statusInPlannerRequested)
            # the office's template applies to every export, one at a time or all at once
            self.batch.set_template(self.template)
        self.batch.open_workspace(folder)
        self.batch.show()
        self.batch.raise_()
        return self.batch

    def set_template(self, template: Path | None) -> None:
        self.template = template
        if self.batch is not None:
            self.batch.set_template(template)

    def set_call(self, call: Call) -> None:
        """The call changed: a workspace checked against the old call is closed."""
        self.call = call
        self.close()

    def close(self) -> None:
        if self.batch is not None:
            self.batch.close()
            self.batch.deleteLater()
            self.batch = None
        self.topicCountsChanged.emit(None)
