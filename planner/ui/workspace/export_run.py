"""One export of a workspace's proposals running in the background: its QThread and worker
(planner/ui/workspace/export_worker.py), and the progress dialog whose Cancel stops it.

The batch window plans the jobs and words the outcome; this holds what runs in between and
says when it is over (`finished`), with the thread, worker and dialog already gone.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from planner.model.call import Call
from planner.office.batch import ExportFunction, ExportJob
from planner.office.workspace import Workspace
from planner.ui.i18n import fill
from planner.ui.workspace.export_worker import ExportWorker


class ExportRun(QObject):
    finished = Signal(object, bool, object)  # ExportOutcomes, cancelled, summary (as the worker's)

    def __init__(self, parent: QWidget, workers: int, export: ExportFunction | None = None) -> None:
        super().__init__(parent)
        self.parent_widget, self.workers, self.export = parent, workers, export
        self.worker_thread: QThread | None = None
        self.worker: ExportWorker | None = None
        self.progress: QProgressDialog | None = None

    @property
    def busy(self) -> bool:
        return self.worker_thread is not None

    def start(
        self,
        jobs: list[ExportJob],
        call: Call,
        *,
        template: Path | None,
        summary: tuple[Workspace, Path],
        language: str,
    ) -> None:
        self.progress = QProgressDialog(
            self.tr("Exporting %n proposals…", "", len(jobs)),
            self.tr("Cancel"),
            0,
            len(jobs),
            self.parent_widget,
        )
        self.progress.setWindowTitle(self.tr("Export all"))
        self.progress.setMinimumDuration(0)
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        self.progress.setValue(0)
        self.progress.show()  # at once: the user just asked for it
        self.worker_thread = QThread(self)
        self.worker = ExportWorker(
            jobs,
            call,
            self.workers,
            self.export,
            template=template,
            summary=summary,
            language=language,
        )
        self.worker.moveToThread(self.worker_thread)
        self.worker_thread.started.connect(self.worker.run)
        self.worker.progressed.connect(self._on_progress)
        self.worker.finished.connect(self._on_finished)
        # not worker.cancel directly: a slot of the worker would be queued to its thread,
        # whose event loop is busy running the export; this object's slot runs here at once
        self.progress.canceled.connect(self.cancel)
        self.worker_thread.start()

    def cancel(self) -> None:
        """What the progress dialog's Cancel button does (its `canceled` signal)."""
        if self.worker is not None:
            self.worker.cancel()
        if self.progress is not None:
            self.progress.cancel()

    def stop(self) -> None:
        """The window closes: cancel and wait for the thread to end."""
        if self.worker is not None and self.worker_thread is not None:
            self.cancel()
            self.worker_thread.quit()
            self.worker_thread.wait()

    def _on_progress(self, done: int, total: int, source: str) -> None:
        if self.progress is not None and not self.progress.wasCanceled():
            self.progress.setValue(done)
            self.progress.setLabelText(
                fill(
                    self.tr("Exported {done} of {total}: {file}"),
                    done=done,
                    total=total,
                    file=source,
                )
            )

    def _on_finished(self, outcomes: list, cancelled: bool, summary: object) -> None:
        assert self.worker_thread is not None
        self.worker_thread.quit()
        self.worker_thread.wait()
        self.worker_thread.deleteLater()
        if self.worker is not None:
            self.worker.deleteLater()
        self.worker_thread, self.worker = None, None
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None
        self.finished.emit(outcomes, cancelled, summary)
