"""Files and safety: save/open, the unsaved prompt, broken files, locks, crash recovery."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox
from tree_rows import current_row, shown_rows

from planner.formats.proposal_file import load_proposal
from planner.model.proposal import Proposal
from planner.storage.file_lock import lock_path
from planner.storage.recovery import RecoveryStore


def _fill(window) -> None:
    window.tree.select_topic("5.1")
    window.detail.direction_boxes[0].setChecked(True)
    window.editor.title_edit.setText("行列混合引擎的自适应查询优化")
    window.editor.title_edit.textEdited.emit(window.editor.title_edit.text())
    window.editor.applicant_edits["name"].setText("王芳")
    window.editor.applicant_edits["name"].textEdited.emit("王芳")
    window.editor.section_editors["background"].edit.setPlainText(
        "HTAP 系统需要同时服务事务与分析。"
    )


def _save_as(monkeypatch: pytest.MonkeyPatch, target: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))


def test_save_then_open_round_trips(window, make_window, tmp_path, monkeypatch) -> None:
    _fill(window)
    target = tmp_path / "mine.proposal.yaml"
    _save_as(monkeypatch, target)
    assert window.files.save()
    assert not window.isWindowModified()
    assert window.windowTitle().startswith("mine.proposal.yaml")
    saved = window.document.proposal
    assert load_proposal(target)[0] == saved
    window.document.close()  # frees the lock, as closing the window does
    other = make_window()
    assert other.open_proposal(target)
    assert other.document.proposal == saved
    assert other.editor.section_editors["background"].text() == "HTAP 系统需要同时服务事务与分析。"
    assert other.detail.title.text() == "HTAP 数据库系统"
    assert current_row(other.tree).startswith("5.1  ")


def test_unsaved_changes_prompt_can_cancel_or_discard(window, answers) -> None:
    _fill(window)
    answers.question_answer = QMessageBox.StandardButton.Cancel
    assert not window.close()
    assert answers.shown[-1][1] == "Unsaved changes"
    window.files.new_proposal()
    assert window.document.proposal.title  # cancelled: nothing lost
    answers.question_answer = QMessageBox.StandardButton.Discard
    window.files.new_proposal()
    assert window.document.proposal.title == ""
    assert not window.isWindowModified()


def test_unsaved_prompt_save_writes_the_file(window, answers, tmp_path, monkeypatch) -> None:
    _fill(window)
    target = tmp_path / "kept.proposal.yaml"
    _save_as(monkeypatch, target)
    answers.question_answer = QMessageBox.StandardButton.Save
    assert window.close()
    assert load_proposal(target)[0].title == "行列混合引擎的自适应查询优化"


def test_a_broken_file_shows_the_error_and_changes_nothing(window, answers, tmp_path) -> None:
    _fill(window)
    before = (window.windowTitle(), window.document.proposal.title, shown_rows(window.tree))
    broken = tmp_path / "broken.proposal.yaml"
    broken.write_text("title: [unclosed\n", encoding="utf-8")
    answers.question_answer = QMessageBox.StandardButton.Discard
    assert not window.open_proposal(broken)
    kind, title, text = answers.shown[-1]
    assert (kind, title) == ("critical", "Cannot open proposal")
    assert str(broken) in text and "line" in text
    after = (window.windowTitle(), window.document.proposal.title, shown_rows(window.tree))
    assert after == before
    assert window.editor.title_edit.text() == "行列混合引擎的自适应查询优化"
    assert not lock_path(broken).exists()


def test_a_second_window_gets_read_only(
    window, make_window, answers, tmp_path, monkeypatch
) -> None:
    _fill(window)
    target = tmp_path / "shared.proposal.yaml"
    _save_as(monkeypatch, target)
    window.files.save()
    second = make_window()
    answers.question_answer = QMessageBox.StandardButton.Open
    assert second.open_proposal(target)
    assert answers.shown[-1][1] == "Proposal already open"
    assert second.document.read_only and "(read-only)" in second.windowTitle()
    assert second.editor.title_edit.isReadOnly()
    # saving a read-only copy goes through Save As, never over the locked file
    other = tmp_path / "copy.proposal.yaml"
    _save_as(monkeypatch, other)
    assert second.files.save()
    assert second.document.path == other and not second.document.read_only


def test_a_stale_lock_from_a_crash_does_not_block(window, tmp_path, answers) -> None:
    target = tmp_path / "old.proposal.yaml"
    target.write_text("title: 旧的\n", encoding="utf-8")
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    from planner.storage.processes import this_host

    lock_path(target).write_text(json.dumps({"pid": dead.pid, "host": this_host(), "time": 1}))
    assert window.open_proposal(target)
    assert not window.document.read_only
    assert answers.shown == []


def test_crash_then_restore_gets_the_text_back(make_window, recovery_dir, qtbot, answers) -> None:
    window = make_window()
    window.document.autosave_timer.setInterval(20)
    editor = window.editor.section_editors["approach"]
    editor.edit.setPlainText("先做行存，再做列存副本。")
    store = RecoveryStore(recovery_dir)
    qtbot.waitUntil(lambda: bool(store.entries()), timeout=2000)
    # the "crash": the process that wrote the copy is gone
    entry = store.entries()[0]
    meta = entry.path.with_name(entry.path.name.replace(".proposal.yaml", ".json"))
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    data = json.loads(meta.read_text())
    data["pid"] = dead.pid
    meta.write_text(json.dumps(data))

    restarted = make_window()
    answers.question_answer = QMessageBox.StandardButton.Yes
    assert restarted.files.offer_recovery()
    assert answers.shown[-1][1] == "Restore unsaved work?"
    assert restarted.editor.section_editors["approach"].text() == "先做行存，再做列存副本。"
    assert restarted.isWindowModified()
    assert store.orphaned() == []


def test_saving_removes_the_recovery_copy(
    window, recovery_dir, qtbot, tmp_path, monkeypatch
) -> None:
    _fill(window)
    window.document.write_recovery()
    store = RecoveryStore(recovery_dir)
    assert store.entries()
    _save_as(monkeypatch, tmp_path / "x.proposal.yaml")
    window.files.save()
    assert store.entries() == []


def test_save_as_into_a_missing_folder_says_so(window, answers, tmp_path, monkeypatch) -> None:
    # the lock beside the target cannot be made either: that is a save error, not a crash
    _fill(window)
    target = tmp_path / "gone" / "mine.proposal.yaml"
    _save_as(monkeypatch, target)
    assert not window.files.save()
    kind, title, text = answers.shown[-1]
    assert (kind, title) == ("critical", "Cannot save proposal")
    assert str(target) in text
    assert window.document.path is None and window.isWindowModified()


def test_a_failed_save_as_leaves_no_lock_and_can_be_retried(
    window, answers, tmp_path, monkeypatch
) -> None:
    _fill(window)
    target = tmp_path / "mine.proposal.yaml"
    target.mkdir()  # something in the way: the save fails after the lock was taken
    _save_as(monkeypatch, target)
    assert not window.files.save()
    assert answers.shown[-1][1] == "Cannot save proposal"
    assert not lock_path(target).exists()  # other windows and copies may open the file
    target.rmdir()
    assert window.files.save()  # not "already open" by ourselves
    assert load_proposal(target)[0] == window.document.proposal


def test_an_unreadable_crash_copy_does_not_hide_an_older_one(
    make_window, call, recovery_dir, answers
) -> None:
    store = RecoveryStore(recovery_dir)
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    kept = Proposal(call=call.id, sections={"approach": "先做行存，再做列存副本。"})
    for session, saved_at in (("old", 1.0), ("new", 2.0)):
        entry = store.save(kept, None, session)
        meta = entry.path.with_name(entry.path.name.replace(".proposal.yaml", ".json"))
        data = json.loads(meta.read_text())
        data.update(pid=dead.pid, saved_at=saved_at)
        meta.write_text(json.dumps(data))
    newest = store.orphaned()[0]
    newest.path.write_text("- a list, not a proposal\n", encoding="utf-8")  # damaged on disk

    restarted = make_window()
    answers.question_answer = QMessageBox.StandardButton.Yes
    assert restarted.files.offer_recovery()
    assert restarted.editor.section_editors["approach"].text() == "先做行存，再做列存副本。"
    assert newest.path.exists()  # left on disk for the user to find, never deleted unasked


def test_saving_over_a_file_with_unreadable_parts_asks_first(window, answers, tmp_path) -> None:
    path = tmp_path / "odd.proposal.yaml"
    path.write_text(
        'schema: 1\ntopic: "5.1"\ntitle: 标题\nnotes: 我的备注\nsections:\n  budget: [1, 2]\n',
        encoding="utf-8",
    )
    original = path.read_bytes()
    assert window.open_proposal(path)
    _type_title(window, "新标题")
    answers.question_answer = QMessageBox.StandardButton.Cancel
    assert not window.files.save()
    kind, title, text = answers.shown[-1]
    assert (kind, title) == ("question", "Save without the unreadable parts?")
    assert "line 4: notes\nline 6: sections.budget" in text
    assert f"kept as {path}.bak" in text
    assert path.read_bytes() == original  # declined: nothing written
    answers.question_answer = QMessageBox.StandardButton.Save
    assert window.files.save()
    assert load_proposal(path)[1] == []
    assert load_proposal(path)[0].title == "新标题"
    assert (tmp_path / "odd.proposal.yaml.bak").read_bytes() == original
    assert window.document.load_problems == []
    answers.shown.clear()
    _type_title(window, "再改")
    assert window.files.save() and answers.shown == []  # nothing unreadable is left to warn about


def _type_title(window, text: str) -> None:
    window.editor.title_edit.setText(text)
    window.editor.title_edit.textEdited.emit(text)


def _crash_copy(store: RecoveryStore, proposal: Proposal, source: Path | None) -> None:
    """A recovery copy as a crashed session leaves it: written by a process that is gone."""
    entry = store.save(proposal, source)
    meta = entry.path.with_name(entry.path.name.replace(".proposal.yaml", ".json"))
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    data = json.loads(meta.read_text())
    data["pid"] = dead.pid
    meta.write_text(json.dumps(data))


def test_a_restored_copy_is_on_disk_at_once(make_window, recovery_dir, tmp_path, answers) -> None:
    store = RecoveryStore(recovery_dir)
    source = tmp_path / "a.proposal.yaml"
    source.write_text("schema: 1\ntitle: 旧\n", encoding="utf-8")
    _crash_copy(store, Proposal(title="崩溃前的标题"), source)
    window = make_window()
    answers.question_answer = QMessageBox.StandardButton.Yes
    assert window.files.offer_recovery()
    # a crash right now must not lose it: the copy on disk is this session's
    copies = store.entries()
    assert [(c.source, c.orphaned(), c.load().title) for c in copies] == [
        (source.resolve(), False, "崩溃前的标题")
    ]
    assert window.document.path == source


def test_a_restored_copy_of_a_file_open_elsewhere_comes_back_untitled(
    make_window, recovery_dir, tmp_path, answers, monkeypatch
) -> None:
    source = tmp_path / "a.proposal.yaml"
    source.write_text("schema: 1\ntitle: 另一个窗口的\n", encoding="utf-8")
    other = make_window()
    assert other.open_proposal(source)  # a live window holds the file
    store = RecoveryStore(recovery_dir)
    _crash_copy(store, Proposal(title="崩溃前的标题"), source)
    window = make_window()
    answers.question_answer = QMessageBox.StandardButton.Yes
    assert window.files.offer_recovery()
    assert window.document.path is None
    assert window.editor.title_edit.text() == "崩溃前的标题"
    target = tmp_path / "restored.proposal.yaml"
    _save_as(monkeypatch, target)
    assert window.files.save()  # asks for a name: the other window's file is left alone
    assert load_proposal(source)[0].title == "另一个窗口的"
    assert load_proposal(target)[0].title == "崩溃前的标题"
