"""Issue 19 item 7, as a new user meets it: a quiet first start, the last proposal back, a
recent list that reads, a save dialog that suggests a real name in a real folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMenu

from planner.formats.proposal_file import save_proposal
from planner.model.proposal import Proposal


def _type_title(window, text: str) -> None:
    window.editor.title_edit.setText(text)
    window.editor.title_edit.textEdited.emit(text)


def test_a_blank_first_start_shows_no_warnings_until_the_user_starts(window) -> None:
    assert window.problems.rows() == []
    assert window.problems_dock.windowTitle() == "Problems (shown once you start)"
    _type_title(window, "面向国产数据库的查询优化研究")
    rows = window.problems.rows()
    assert rows and all(severity == "Warning" for severity, _f, _m in rows)
    assert ("Warning", "Title", "the proposal has no title") not in rows
    assert window.problems_dock.windowTitle() == f"Problems (0 errors, {len(rows)} warnings)"


def test_an_opened_file_shows_its_problems_at_once_in_good_english(window, tmp_path) -> None:
    path = tmp_path / "p.proposal.yaml"
    save_proposal(Proposal(call="call-topics", topic="9.9", title="题目"), path)
    assert window.open_proposal(path)
    errors = [r for r in window.problems.rows() if r[0] == "Error"]
    assert len(errors) == 1
    assert window.problems_dock.windowTitle().startswith("Problems (1 error, ")


@pytest.fixture
def saved(tmp_path: Path) -> Path:
    path = tmp_path / "申报" / "li.proposal.yaml"
    path.parent.mkdir()
    save_proposal(Proposal(call="call-topics", topic="5.1", title="面向国产数据库的查询优化"), path)
    return path


def test_the_last_proposal_is_reopened_if_it_is_still_there(window, saved) -> None:
    window.settings.add_recent_file(saved, "面向国产数据库的查询优化")
    assert window.files.reopen_last()
    assert window.document.path == saved
    assert window.editor.title_edit.text() == "面向国产数据库的查询优化"


def test_a_last_proposal_gone_leaves_the_blank_one_and_asks_nothing(window, saved, answers) -> None:
    window.settings.add_recent_file(saved)
    saved.unlink()
    assert not window.files.reopen_last()
    assert window.document.is_blank and answers.shown == []


def test_a_last_proposal_open_in_another_window_is_not_reopened(
    window, make_window, saved, answers
) -> None:
    assert window.open_proposal(saved)  # holds the lock
    window.settings.add_recent_file(saved)
    second = make_window()
    assert not second.files.reopen_last()
    assert second.document.is_blank and answers.shown == []


def test_open_recent_shows_title_and_folder(window, saved, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    untitled = tmp_path / "empty.proposal.yaml"
    save_proposal(Proposal(call="call-topics"), untitled)
    window.settings.add_recent_file(untitled, "")
    window.settings.add_recent_file(saved, "面向国产数据库的查询优化")
    menu = QMenu()
    window.files.fill_recent_menu(menu)
    labels = [a.text() for a in menu.actions()]
    assert labels == ["面向国产数据库的查询优化 — ~/申报", "empty.proposal.yaml — ~"]
    assert menu.actions()[0].toolTip() == str(saved)


def _offered(monkeypatch) -> list[str]:
    offered: list[str] = []

    def dialog(_parent, _caption, start, *_a, **_k):
        offered.append(start)
        return ("", "")

    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    return offered


def test_save_as_suggests_the_title_in_the_documents_folder(
    window, monkeypatch, _isolated_home
) -> None:
    documents = _isolated_home / "Documents"
    documents.mkdir(exist_ok=True)
    offered = _offered(monkeypatch)
    _type_title(window, "面向国产数据库的查询优化：HTAP/行列混存")
    window.files.save_as()
    assert offered == [str(documents / "面向国产数据库的查询优化：HTAP_行列混存.proposal.yaml")]


def test_save_as_suggests_beside_the_last_file_and_never_the_start_folder(
    window, monkeypatch, saved
) -> None:
    window.settings.add_recent_file(saved)
    offered = _offered(monkeypatch)
    window.files.save_as()  # no title yet
    assert offered == [str(saved.parent / "proposal.proposal.yaml")]
    assert Path(offered[0]).parent != Path.cwd()
