"""The window's layout: its three panes side by side, the problems dock below (its title counts
errors and warnings), the status bar's word on the proposal, the window's first size, and its
size, docks and pane widths as the user left them (QSettings via WindowSettings)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QSplitter, QWidget

from planner.ui.i18n import fill
from planner.ui.panes.problems_pane import ProblemsPane

if TYPE_CHECKING:  # only annotations: the problems' module is not needed for the first paint
    from planner.model.problems import Problem
from planner.ui.window.settings import WindowSettings


def pane_splitter(parent: QWidget, panes: tuple[QWidget, QWidget, QWidget]) -> QSplitter:
    """Tree | detail | editor, the editor widest; none can be collapsed away."""
    splitter = QSplitter(Qt.Orientation.Horizontal, parent)
    splitter.setObjectName("mainSplitter")
    splitter.setChildrenCollapsible(False)
    for index, (pane, stretch) in enumerate(zip(panes, (2, 3, 4), strict=True)):
        splitter.addWidget(pane)
        splitter.setStretchFactor(index, stretch)
    splitter.setSizes([320, 480, 600])
    splitter.setContentsMargins(6, 6, 6, 0)
    return splitter


def fit_screen(window: QMainWindow) -> None:
    """1400×860 where there is room; on a smaller screen (a 1366×768 laptop, 2× scaling)
    nine tenths of what it has, so the window opens whole on the screen it is on."""
    from planner.ui.screen_fit import resize_within_screen

    resize_within_screen(window, 1400, 860)


class StateLabel(QLabel):
    """The status bar's word on the proposal: read-only, unsaved changes or saved."""

    def show_state(self, *, read_only: bool, modified: bool, saved: bool) -> None:
        if read_only:
            self.setText(self.tr("Read-only"))
        elif modified:
            self.setText(self.tr("Unsaved changes"))
        else:
            self.setText(self.tr("Saved") if saved else "")


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


def restore_layout(window: QMainWindow, splitter: QSplitter, settings: WindowSettings) -> None:
    if (geometry := settings.geometry()) is not None:
        window.restoreGeometry(geometry)
    if (state := settings.window_state()) is not None:
        window.restoreState(state)
    if (sizes := settings.splitter()) is not None:
        splitter.restoreState(sizes)


def save_layout(window: QMainWindow, splitter: QSplitter, settings: WindowSettings) -> None:
    settings.set_geometry(window.saveGeometry())
    settings.set_window_state(window.saveState())
    settings.set_splitter(splitter.saveState())
    settings.sync()
