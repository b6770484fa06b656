"""The dock that holds the problems list; its title counts errors and warnings."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QDockWidget, QWidget

from planner.model.problems import Problem
from planner.ui.i18n import fill
from planner.ui.panes.problems_pane import ProblemsPane


class ProblemsDock(QDockWidget):
    def __init__(self, pane: ProblemsPane, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pane = pane
        self.setObjectName("problemsDock")
        self.setWidget(pane)
        self.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetMovable
        )

    def show_problems(self, problems: Sequence[Problem], *, blank: bool) -> None:
        """List `problems`; for a `blank` proposal none: a list of everything still missing
        greets no one kindly."""
        if blank:
            self.pane.set_problems([])
            self.setWindowTitle(self.tr("Problems (shown once you start)"))
            return
        self.pane.set_problems(list(problems))
        errors = sum(p.is_error for p in problems)
        self.setWindowTitle(
            fill(
                self.tr("Problems ({errors}, {warnings})"),
                errors=self.tr("%n errors", "", errors),
                warnings=self.tr("%n warnings", "", len(problems) - errors),
            )
        )
