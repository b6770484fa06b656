"""Uncaught exceptions: keep the user's text, log the traceback, say what happened.

The app goes on after the dialog. The recovery copy written first is what the next start
offers, whether the process then dies or the window is closed normally without saving (the
document keeps the copy on close once a crash has happened: the dialog promised it). The
traceback goes to stderr and to `crash.log` in the app-data folder, which the dialog names:
a desktop launch has no terminal, and a bug report needs the text.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QMessageBox

from planner.ui.i18n import fill
from planner.ui.window.document import ProposalDocument

LOG_NAME = "crash.log"
LOG_LIMIT = 1_000_000  # bytes kept of earlier crashes: the newest ones matter


def default_log_dir() -> Path:
    """The platform's app-data folder (beside `recovery/`)."""
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))


def write_crash_log(text: str, folder: Path) -> Path | None:
    """Append `text` with the time and version to `folder`/crash.log (the oldest entries
    dropped past LOG_LIMIT); the log's path, or None when it cannot be written."""
    from planner import __version__
    from planner.storage.atomic_write import write_atomic

    path = folder / LOG_NAME
    stamp = time.strftime("%Y-%m-%d %H:%M:%S %z")
    entry = f"=== {stamp} · Proposal Planner {__version__} ===\n{text.rstrip()}\n\n".encode()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        old = path.read_bytes() if path.is_file() else b""
        kept = old[-max(0, LOG_LIMIT - len(entry)) :] if len(old) + len(entry) > LOG_LIMIT else old
        write_atomic(path, kept + entry, keep_backup=False)
    except Exception:  # the crash handler itself must never fail
        return None
    return path


def install_excepthook(
    document: Callable[[], ProposalDocument | None], log_dir: Path | None = None
) -> None:
    """Replace sys.excepthook: save a recovery copy first, log, then show a crash dialog."""

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        import traceback

        text = "".join(traceback.format_exception(kind, value, tb))
        print(text, file=sys.stderr)
        doc = document()
        unsaved = doc is not None and doc.modified
        if doc is not None:
            doc.keep_recovery_on_close = True  # the promise below holds after a normal close
            doc.write_recovery()  # before anything else can go wrong
        log = write_crash_log(text, log_dir if log_dir is not None else default_log_dir())
        translate = QCoreApplication.translate
        message = translate("crash", "Proposal Planner ran into an internal error.") + " "
        if unsaved:
            message += translate(
                "crash",
                "Your unsaved changes were written to a recovery copy: unless you save them, "
                "the next start offers to restore them. Save the proposal now if you can.",
            )
        else:
            message += translate("crash", "The open proposal has no unsaved changes.")
        if log is not None:
            message += "\n\n" + fill(
                translate(
                    "crash", "The details were written to {path}: send that file with a report."
                ),
                path=str(log),
            )
        box = QMessageBox(
            QMessageBox.Icon.Critical, translate("crash", "Unexpected error"), message
        )
        box.setDetailedText(text)
        box.exec()

    sys.excepthook = hook
