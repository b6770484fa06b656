"""Fixtures for the window: a fresh MainWindow over the built-in call, dialogs answered."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from planner.storage.recovery import RecoveryStore
from planner.ui.window.main_window import MainWindow


class Answers:
    """Records every QMessageBox shown and answers it as the test says."""

    def __init__(self) -> None:
        self.shown: list[tuple[str, str, str]] = []  # (kind, title, text)
        self.question_answer = QMessageBox.StandardButton.No

    def question(self, _parent, title, text, *_args):
        self.shown.append(("question", title, text))
        return self.question_answer

    def critical(self, _parent, title, text, *_args):
        self.shown.append(("critical", title, text))
        return QMessageBox.StandardButton.Ok


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> Answers:
    a = Answers()
    monkeypatch.setattr(QMessageBox, "question", a.question)
    monkeypatch.setattr(QMessageBox, "critical", a.critical)
    monkeypatch.setattr(QMessageBox, "warning", a.critical)
    return a


@pytest.fixture
def recovery_dir(tmp_path: Path) -> Path:
    return tmp_path / "recovery"


@pytest.fixture
def make_window(qtbot, call, recovery_dir: Path, answers: Answers) -> Callable[[], MainWindow]:
    def make() -> MainWindow:
        window = MainWindow(call, recovery=RecoveryStore(recovery_dir), remember=False)
        qtbot.addWidget(window)
        return window

    return make


@pytest.fixture
def window(make_window) -> MainWindow:
    return make_window()
