"""Uncaught exceptions: keep the user's text, print the traceback on stderr, say what happened.

The app goes on after the dialog. The recovery copy written first is what the next start
offers if the process then dies; a normal close asks about unsaved changes as always.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from planner.ui.window.document import ProposalDocument


def install_excepthook(document: Callable[[], ProposalDocument | None]) -> None:
    """Replace sys.excepthook: save a recovery copy first, then show a crash dialog."""

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        import traceback

        text = "".join(traceback.format_exception(kind, value, tb))
        print(text, file=sys.stderr)
        doc = document()
        unsaved = doc is not None and doc.modified
        if doc is not None:
            doc.write_recovery()  # before anything else can go wrong
        translate = QCoreApplication.translate
        message = translate("crash", "Proposal Planner ran into an internal error.") + " "
        if unsaved:
            message += translate(
                "crash",
                "Your unsaved changes were written to a recovery copy: if the program stops "
                "now, the next start offers to restore them. Save the proposal now if you can.",
            )
        else:
            message += translate("crash", "The open proposal has no unsaved changes.")
        box = QMessageBox(
            QMessageBox.Icon.Critical, translate("crash", "Unexpected error"), message
        )
        box.setDetailedText(text)
        box.exec()

    sys.excepthook = hook
