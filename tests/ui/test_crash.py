"""The crash dialog: a recovery copy is written before it shows, and it says what is true."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from planner.ui.window.crash import LOG_LIMIT, default_log_dir, install_excepthook, write_crash_log


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


def _edit(window) -> None:
    window.editor.title_edit.setText("未保存")
    window.editor.title_edit.textEdited.emit("未保存")


def test_unsaved_changes_go_to_a_recovery_copy_first(window, shown, capsys) -> None:
    _edit(window)
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
    assert text.split("\n\n")[0].endswith("The open proposal has no unsaved changes.")


def test_the_traceback_goes_to_a_log_in_the_app_data_folder_named_in_the_dialog(
    window, shown, _isolated_home: Path
) -> None:
    install_excepthook(lambda: window.document)
    _crash()
    _crash()
    (_first, (text, _)) = shown
    log = default_log_dir() / "crash.log"
    assert log.is_relative_to(_isolated_home / ".local/share")  # the app-data folder
    assert f"The details were written to {log}" in text
    content = log.read_text(encoding="utf-8")
    assert content.count("RuntimeError: a bug") == 2  # appended, the first crash kept
    assert content.startswith("=== ") and "Proposal Planner 0." in content.splitlines()[0]


def test_the_log_keeps_the_newest_crashes_within_its_limit(tmp_path: Path) -> None:
    for n in range(3):
        write_crash_log(f"crash {n} " + "x" * (LOG_LIMIT // 2), tmp_path)
    content = (tmp_path / "crash.log").read_text(encoding="utf-8")
    assert len(content.encode()) <= LOG_LIMIT and "crash 2" in content


def test_an_unwritable_log_still_shows_the_dialog(window, shown, tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    install_excepthook(lambda: window.document, log_dir=blocked)
    _crash()
    ((text, details),) = shown
    assert "written to" not in text.split("recovery copy")[-1] and "RuntimeError" in details


def test_the_promise_holds_after_a_normal_close_without_saving(window, shown, answers) -> None:
    _edit(window)
    install_excepthook(lambda: window.document)
    _crash()
    assert "unless you save them, the next start offers" in shown[0][0]
    store = window.document.recovery
    answers.question_answer = QMessageBox.StandardButton.Discard  # close, not saving
    window.close()
    (entry,) = store.entries()  # the copy the next start offers
    assert entry.load().title == "未保存"


def test_without_a_crash_a_discarded_proposal_leaves_no_copy(window, answers) -> None:
    _edit(window)
    window.document.write_recovery()
    answers.question_answer = QMessageBox.StandardButton.Discard
    window.close()
    assert window.document.recovery.entries() == []
