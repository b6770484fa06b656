"""Uncaught exceptions: keep the user's text, log the traceback, say what happened."""

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
        if doc is not None:
            doc.write_recovery()  # before anything else can go wrong
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            QCoreApplication.translate("crash", "Unexpected error"),
            QCoreApplication.translate(
                "crash",
                "Proposal Planner ran into an internal error. Your unsaved work was kept "
                "and will be offered the next time you start it.",
            ),
        )
        box.setDetailedText(text)
        box.exec()

    sys.excepthook = hook
