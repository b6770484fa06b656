"""Load a workspace in several processes: reading 500 returned .docx files is the batch's
longest step when there is nothing to export (issue 15), so it runs in `--jobs` workers as the
exports do. Entries come back in the order a sequential scan gives."""

from __future__ import annotations

import multiprocessing
import signal
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from planner.errors import PlannerError
from planner.model.call import Call
from planner.office.batch import _start_method
from planner.office.workspace import Entry, Workspace, find_proposal_files, load_entry

_worker_call: Call | None = None
_worker_root: Path | None = None


def load_workspace(
    root: Path | str,
    call: Call,
    *,
    exclude: Path | None = None,
    workers: int = 1,
) -> Workspace:
    root = Path(root).resolve()
    if not root.is_dir():
        raise PlannerError(f"{root} is not a folder")
    paths = find_proposal_files(root, exclude)
    if workers <= 1 or len(paths) < 2 * workers:
        return Workspace(root, call, [load_entry(p, call, root) for p in paths])
    context = multiprocessing.get_context(_start_method())
    chunk = max(1, len(paths) // (workers * 8))  # few round trips, still balanced at the end
    with ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=_init, initargs=(call, root)
    ) as pool:
        entries = list(pool.map(_load, paths, chunksize=chunk))
    return Workspace(root, call, entries)


def _init(call: Call, root: Path) -> None:
    """Each worker gets the call as loaded, once (inherited when forked, pickled otherwise)."""
    global _worker_call, _worker_root
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent alone decides to stop
    _worker_call, _worker_root = call, root


def _load(path: Path) -> Entry:
    assert _worker_call is not None and _worker_root is not None, "_init runs first"
    return load_entry(path, _worker_call, _worker_root)
