"""Runs the core's export generator (`planner.office.batch.run_exports`) in a QThread for the app.

Cancelling is stopping the iteration: queued exports are dropped, running ones finish whole.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot

from planner.errors import PlannerError
from planner.model.call import Call
from planner.office.batch import ExportFunction, ExportJob, ExportOutcome, run_exports
from planner.office.summary import write_summaries
from planner.office.workspace import Workspace


class ExportWorker(QObject):
    """Runs the core's export generator in a thread; cancelling stops the iteration."""

    progressed = Signal(int, int, str)  # done, total, source of the export just finished
    # list of ExportOutcome, cancelled, and the summary: (xlsx, csv) paths, a PlannerError or None
    finished = Signal(object, bool, object)

    def __init__(
        self,
        jobs: list[ExportJob],
        call: Call,
        workers: int,
        export: ExportFunction | None,
        template: Path | None = None,
        summary: tuple[Workspace, Path] | None = None,
        language: str = "en",
    ) -> None:
        super().__init__()
        self._summary = summary  # written here too: 500 rows take a second or two
        self._language = language  # the summary's (planner.model.wording)
        self._jobs = jobs
        self._call = call
        self._workers = workers
        self._export = export
        self._template = template
        self._cancel = threading.Event()

    def cancel(self) -> None:
        """Thread-safe: the worker sees it after the export in progress."""
        self._cancel.set()

    @Slot()
    def run(self) -> None:
        outcomes: list[ExportOutcome] = []
        events = run_exports(
            self._jobs,
            self._call,
            workers=self._workers,
            template=self._template,
            export=self._export,
        )
        try:
            for event in events:
                outcomes.append(event.outcome)
                self.progressed.emit(event.done, event.total, event.outcome.source)
                if self._cancel.is_set():
                    break
        except Exception as exc:  # a pool that cannot start: report, never kill the app
            outcomes.append(ExportOutcome("", Path(), f"{type(exc).__name__}: {exc}"))
        finally:
            events.close()  # drops queued exports; running ones finish whole
        summary: tuple[Path, Path] | PlannerError | None = None
        if self._summary is not None and not self._cancel.is_set():
            workspace, outdir = self._summary
            exported = {o.source: o.target for o in outcomes if o.ok}
            try:
                summary = write_summaries(workspace, outdir, exported, language=self._language)
            except PlannerError as exc:
                summary = exc
        self.finished.emit(outcomes, self._cancel.is_set(), summary)
