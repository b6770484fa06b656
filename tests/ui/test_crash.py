"""The crash dialog: a recovery copy is written before it shows, and it says what is true."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QMessageBox

from planner.ui.window.crash import install_excepthook


@pytest.fixture
def shown(monkeypatch) -> list[tuple[str, str]]:
    boxes: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox, "exec", lambda box: boxes.append((box.text(), box.detailedText()))
    )
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # put back after the test
    return boxes


def _crash() -> None:
    try:
        raise RuntimeError("a bug")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())


def test_unsaved_changes_go_to_a_recovery_copy_first(window, shown, capsys) -> None:
    window.editor.title_edit.setText("未保存")
    window.editor.title_edit.textEdited.emit("未保存")
    install_excepthook(lambda: window.document)
    _crash()
    ((text, details),) = shown
    assert "written to a recovery copy" in text and "next start offers" in text
    assert "RuntimeError: a bug" in details
    assert "RuntimeError: a bug" in capsys.readouterr().err  # the traceback, on stderr
    copies = list(window.document.recovery.folder.glob("*"))
    assert copies, "the recovery copy is written before the dialog"


def test_nothing_unsaved_is_not_promised_back(window, shown) -> None:
    install_excepthook(lambda: window.document)
    _crash()
    ((text, _details),) = shown
    assert text.endswith("The open proposal has no unsaved changes.")
