"""Export many proposals to .docx, in parallel, as a generator of progress events.

The CLI's progress bar and the app's progress dialog both consume `run_exports`; cancelling is
simply stopping the iteration (`close()` the generator): queued work is dropped, work already
running finishes (each .docx is written atomically), so no half-written file is left behind.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Generator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from planner.errors import PlannerError
from planner.model.call import Call
from planner.model.proposal import Proposal
from planner.office.safe_names import NameAllocator, proposal_stem
from planner.office.workspace import Entry

if TYPE_CHECKING:
    from planner.export.docx import ExportResult

DOCX = ".docx"
# export(proposal, call, target, *, template=None, base=None) -> anything; raises PlannerError
# on failure; a result with `problems` (pictures left out) was written but is reported
ExportFunction = Callable[..., Any]


def default_export(
    proposal: Proposal,
    call: Call,
    target: Path,
    *,
    template: Path | None = None,
    base: Path | None = None,
) -> ExportResult:
    """The real exporter, imported lazily: python-docx costs ~0.2 s to import."""
    from planner.export.docx import export_docx

    return export_docx(proposal, call, target, template=template, base=base)


@dataclass(frozen=True)
class ExportJob:
    source: str  # what the report names: the proposal file, or a sheet row
    proposal: Proposal
    target: Path
    base: Path | None = None  # the proposal file's folder: its figures' paths start there


@dataclass(frozen=True)
class ExportOutcome:
    source: str
    target: Path
    error: str = ""  # empty when the .docx was written
    seconds: float = 0.0
    pages: int | None = None  # the document's pages, when the export laid it out (a PDF)

    @property
    def ok(self) -> bool:
        return not self.error


@dataclass(frozen=True)
class Progress:
    """One export finished (or failed): `done` of `total`."""

    done: int
    total: int
    outcome: ExportOutcome


def plan_exports(
    entries: Sequence[Entry], outdir: Path, suffixes: Sequence[str] = (DOCX,)
) -> list[ExportJob]:
    """A job for every valid entry, each with a unique safe name inside `outdir`, free under
    every suffix written (.docx and .pdf for both); the target has the first suffix."""
    names = NameAllocator(outdir, tuple(suffixes))
    jobs = []
    for entry in entries:
        # a returned Word file is the applicant's document already: checked, not re-exported
        if not entry.valid or entry.proposal is None or entry.from_word:
            continue
        p = entry.proposal
        stem = names.allocate(proposal_stem(p.topic, p.applicant.name, p.title))
        jobs.append(ExportJob(entry.name, p, names.path(stem, suffixes[0]), entry.path.parent))
    return jobs


def default_jobs() -> int:
    return max(1, os.cpu_count() or 1)


def run_exports(
    jobs: Sequence[ExportJob],
    call: Call,
    *,
    workers: int = 1,
    template: Path | None = None,
    export: ExportFunction | None = None,
) -> Generator[Progress, None, None]:
    """Export every job, yielding a Progress as each finishes (in completion order).

    `call` is the call as loaded (a call file or an imported topic list): each worker process
    receives it once, at start-up, and never reads a file to get it again.
    `export` defaults to `planner.export.docx.export_docx`; it must be a module-level function
    (it is sent to worker processes by name).
    """
    export = export or default_export
    total = len(jobs)
    if total == 0:
        return
    if workers <= 1 or total == 1:
        worker = _Worker(call, template, export)
        for done, job in enumerate(jobs, start=1):
            yield Progress(done, total, worker.export(job))
        return
    yield from _run_pool(jobs, call, min(workers, total), template, export)


def _run_pool(
    jobs: Sequence[ExportJob],
    call: Call,
    workers: int,
    template: Path | None,
    export: ExportFunction,
) -> Generator[Progress, None, None]:
    context = multiprocessing.get_context(_start_method())
    pool = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        initializer=_init_worker,
        initargs=(call, template, export),
    )
    total, done = len(jobs), 0
    try:
        pending = {pool.submit(_export_one, job): job for job in jobs}
        # as_completed waits on all futures at once; wait(FIRST_COMPLETED) in a loop re-arms
        # every pending future per result, which cost the parent 8 % of a core on 300 jobs
        for future in as_completed(pending):
            job = pending[future]
            try:
                outcome = future.result()
            except BrokenProcessPool:
                outcome = ExportOutcome(job.source, job.target, "the export worker crashed")
            except Exception as exc:  # a worker that cannot start (e.g. a broken call)
                outcome = ExportOutcome(job.source, job.target, _message(exc))
            done += 1
            yield Progress(done, total, outcome)
    finally:
        # Reached on completion and on cancel (generator closed): drop what has not started,
        # let running exports finish so every .docx on disk is whole.
        pool.shutdown(wait=True, cancel_futures=True)


def _start_method() -> str:
    """ "fork" where it is safe and cheap: Linux, and only this thread running (the CLI). A
    forked worker starts in milliseconds with everything already imported; a spawned one
    imports python-docx and builds its base document again (~0.5 s, a tenth of a 500-proposal
    batch on two cores). With other threads (the app runs batches from a QThread, and Qt has
    threads Python does not list), fork would copy locks held by them, so "spawn": a clean
    interpreter, as on Windows and macOS."""
    if (
        sys.platform == "linux"
        and threading.current_thread() is threading.main_thread()  # not from a QThread
        and threading.active_count() == 1
    ):
        return "fork"
    return "spawn"


@dataclass(frozen=True)
class _Worker:
    call: Call
    template: Path | None
    export_function: ExportFunction

    def export(self, job: ExportJob) -> ExportOutcome:
        start = time.perf_counter()
        try:
            result = self.export_function(
                job.proposal, self.call, job.target, template=self.template, base=job.base
            )
        except Exception as exc:  # one failing proposal never stops the batch
            return ExportOutcome(job.source, job.target, _message(exc), time.perf_counter() - start)
        # written, with a framed placeholder for each picture that could not go in
        left_out = "; ".join(_said(p) for p in getattr(result, "problems", ()) or ())
        error = f"written, but a picture is missing: {left_out}" if left_out else ""
        pages = getattr(result, "pages", None)
        return ExportOutcome(job.source, job.target, error, time.perf_counter() - start, pages)


# The worker of this process, when it is a pool process: set once by the initializer.
_pool_worker: _Worker | None = None


def _init_worker(call: Call, template: Path | None, export: ExportFunction) -> None:
    global _pool_worker
    # Ctrl-C reaches the whole process group; the parent alone decides to stop
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _pool_worker = _Worker(call, template, export)


def _export_one(job: ExportJob) -> ExportOutcome:
    assert _pool_worker is not None, "_init_worker runs first in every pool process"
    return _pool_worker.export(job)


def _message(exc: BaseException) -> str:
    text = str(exc) if len(str(exc)) <= 300 else str(exc)[:300] + "…"  # never a whole file
    if isinstance(exc, PlannerError):
        return text
    return f"{type(exc).__name__}: {text}"  # a bug, but the report must still name the file


def _said(problem: object) -> str:
    """A left-out picture as the export reported it: a Problem, or already a sentence."""
    return str(getattr(problem, "message", problem))
