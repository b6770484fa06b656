"""Switching calls in the window: Open Call…, Recent Calls, the built-in call, a proposal written
for another call, and the call restored at the next start."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import paths
import pytest
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu, QMessageBox
from tree_rows import shown_rows

from planner.formats.call_file import dump_call
from planner.formats.proposal_file import save_proposal
from planner.model.call import Area, Call, Direction, FormSection, Topic
from planner.model.proposal import Proposal
from planner.storage.recovery import RecoveryStore
from planner.ui.dialogs.match_dialog import MatchDialog
from planner.ui.panes.section_editor import SectionEditor
from planner.ui.window.call_switcher import initial_call
from planner.ui.window.main_window import MainWindow
from planner.ui.window.settings import WindowSettings

NEXT_YEAR = Call(
    id="next-year",
    title="2026 年度申报指南",
    note="",
    areas=(
        Area(
            "1",
            "Quantum software",
            (
                Topic(
                    "1.1",
                    "Quantum compilers",
                    "1",
                    "Compilers for noisy quantum hardware.",
                    (Direction(1, "Qubit routing"), Direction(2, "Error-aware scheduling")),
                ),
                Topic("1.2", "Quantum testing", "1", "Testing quantum programs.", ()),
            ),
        ),
    ),
    form=(
        FormSection("summary", "项目摘要", "一段话说明研究什么。", 300, True),
        FormSection("plan", "研究计划", "说明研究如何开展。", None, True),
    ),
)


@pytest.fixture
def next_year_file(tmp_path: Path) -> Path:
    path = tmp_path / "next-year.yaml"
    path.write_text(dump_call(NEXT_YEAR), encoding="utf-8")
    return path


def _pick(monkeypatch: pytest.MonkeyPatch, path: Path | None) -> list[str]:
    """Answer the next file dialogs with `path` (None: cancel); returns their filters."""
    filters: list[str] = []

    def get_open(_parent, _caption, _dir, file_filter="", *_a, **_k):
        filters.append(file_filter)
        return (str(path) if path else "", "")

    monkeypatch.setattr(QFileDialog, "getOpenFileName", get_open)
    return filters


def _menu_texts(window: MainWindow) -> list[str]:
    menu = window.actions_.calls_menu
    window.calls.fill_menu(menu)
    return [a.text() for a in menu.actions() if not a.isSeparator()]


def test_open_call_updates_every_pane(window, next_year_file, monkeypatch, answers) -> None:
    filters = _pick(monkeypatch, next_year_file)
    window.tree.select_topic("5.1")
    window.actions_.open_call.trigger()
    assert "*.yaml" in filters[0] and "*.docx" in filters[0]
    assert window.call.id == "next-year"
    assert shown_rows(window.tree) == [
        "1  Quantum software",
        "  1.1  Quantum compilers",
        "  1.2  Quantum testing",
    ]
    assert window.tree.count_label.text() == "2 topics"
    assert window.detail.topic is None and not window.detail.placeholder.isHidden()
    assert list(window.editor.section_editors) == ["summary", "plan"]
    QApplication.processEvents()  # the new editors show; the old ones wait for deleteLater
    box = window.editor.sections_box
    shown = [e for e in box.findChildren(SectionEditor) if e.isVisibleTo(box)]
    assert [e.section.key for e in shown] == ["summary", "plan"]  # the old form is not drawn
    assert window.editor.section_editors["summary"].count.text() == "0 / 300 characters"
    assert window.document.proposal.call == "next-year"
    assert "2026 年度申报指南" in window.windowTitle()
    assert window.problems.rows() == []  # a new, untouched proposal: nothing to nag about yet
    window.editor.title_edit.setText("题目")
    window.editor.title_edit.textEdited.emit("题目")  # the user starts: the new form's sections
    assert {row[1] for row in window.problems.rows()} >= {"项目摘要", "研究计划"}
    window.tree.select_topic("1.1")
    assert window.detail.title.text() == "Quantum compilers"
    window.detail.direction_boxes[1].setChecked(True)
    assert (window.document.proposal.topic, window.document.proposal.directions) == ("1.1", [2])
    # the match dialog ranks the new call's topics
    seen: list[Call] = []
    monkeypatch.setattr(MatchDialog, "exec", lambda dialog: seen.append(dialog._call) or 0)
    window.actions_.match.trigger()
    assert seen and seen[0].id == "next-year"


def test_an_unsaved_proposal_asks_before_the_call_changes(
    window, next_year_file, monkeypatch, answers
) -> None:
    _pick(monkeypatch, next_year_file)
    window.editor.title_edit.setText("未保存的题目")
    window.editor.title_edit.textEdited.emit("未保存的题目")
    answers.question_answer = QMessageBox.StandardButton.Cancel
    window.actions_.open_call.trigger()
    assert answers.shown[-1][1] == "Unsaved changes"
    assert window.call.id == "call-topics"
    assert window.document.proposal.title == "未保存的题目"
    answers.question_answer = QMessageBox.StandardButton.Discard
    window.actions_.open_call.trigger()
    assert window.call.id == "next-year" and window.document.proposal.title == ""


@pytest.fixture
def remembering(qtbot, call, tmp_path, answers) -> MainWindow:
    """A window that keeps recent calls (in the test's own settings): `remember=False` is for
    screenshots, which leave every list alone."""
    window = MainWindow(call, recovery=RecoveryStore(tmp_path / "rec"), remember=True)
    qtbot.addWidget(window)
    return window


def test_recent_calls_and_the_built_in_call(remembering, next_year_file, monkeypatch) -> None:
    window = remembering
    _pick(monkeypatch, next_year_file)
    assert _menu_texts(window) == ["Built-in Call"]
    window.actions_.open_call.trigger()
    assert window.settings.recent_calls() == [next_year_file.resolve()]
    assert _menu_texts(window) == ["Built-in Call", "next-year.yaml"]
    menu: QMenu = window.actions_.calls_menu
    builtin = menu.actions()[0]
    assert not builtin.isChecked() and menu.actions()[-1].isChecked()
    builtin.trigger()
    assert window.call.id == "call-topics" and window.call.topic_count == 28
    assert len(shown_rows(window.tree)) == 28 + 5
    assert next(iter(window.editor.section_editors)) == "background"
    window.calls.fill_menu(menu)
    menu.actions()[-1].trigger()
    assert window.call.id == "next-year"


def _proposal_for(tmp_path: Path, call_id: str) -> Path:
    path = tmp_path / "other.proposal.yaml"
    save_proposal(Proposal(call=call_id, topic="1.1", directions=[1], title="量子编译"), path)
    return path


def test_a_proposal_for_a_recent_call_offers_to_switch(
    remembering, next_year_file, tmp_path, monkeypatch, answers
) -> None:
    window = remembering
    _pick(monkeypatch, next_year_file)
    window.actions_.open_call.trigger()
    window.calls.open_path(None)  # back to the built-in call; next-year stays recent
    assert window.call.id == "call-topics"
    path = _proposal_for(tmp_path, "next-year")
    answers.question_answer = QMessageBox.StandardButton.Yes
    assert window.open_proposal(path)
    _kind, title, text = answers.shown[-1]
    assert title == "Proposal for another call"
    assert "“next-year”" in text and "“call-topics”" in text
    assert "Switch to the call “2026 年度申报指南” (next-year.yaml)?" in text
    assert window.call.id == "next-year"
    assert window.document.proposal.title == "量子编译"
    assert window.editor.directions.directions_list.count() == 2
    assert not any(row[1] == "Call" for row in window.problems.rows())


def test_declining_opens_it_anyway_with_the_mismatch_shown(
    window, tmp_path, monkeypatch, answers
) -> None:
    path = _proposal_for(tmp_path, "next-year")
    filters = _pick(monkeypatch, None)
    answers.question_answer = QMessageBox.StandardButton.No
    assert window.open_proposal(path)
    assert "No call with the id “next-year” was opened before" in answers.shown[-1][2]
    assert filters == []  # declined: no file dialog
    assert window.call.id == "call-topics"
    assert window.document.proposal.title == "量子编译"
    assert (
        "Error",
        "Call",
        "written for the call “next-year”, but the loaded call is “call-topics”",
    ) in window.problems.rows()


def test_an_unknown_call_can_be_opened_from_its_file(
    window, next_year_file, tmp_path, monkeypatch, answers
) -> None:
    path = _proposal_for(tmp_path, "next-year")
    _pick(monkeypatch, next_year_file)
    answers.question_answer = QMessageBox.StandardButton.Yes
    assert window.open_proposal(path)
    assert window.call.id == "next-year"
    assert window.document.proposal.topic == "1.1"


def test_the_call_is_remembered_for_the_next_start(
    qtbot, call, next_year_file, tmp_path, monkeypatch
) -> None:
    window = MainWindow(call, recovery=RecoveryStore(tmp_path / "rec"), remember=True)
    qtbot.addWidget(window)
    _pick(monkeypatch, next_year_file)
    window.actions_.open_call.trigger()
    settings = WindowSettings()
    assert settings.last_call() == next_year_file.resolve()
    started, path, why = initial_call(settings)
    assert (started.id, path, why) == ("next-year", next_year_file.resolve(), "")
    window.calls.open_path(None)
    assert WindowSettings().last_call() is None


@pytest.mark.parametrize("fault", ["gone", "broken"])
def test_a_lost_last_call_falls_back_to_the_built_in_one(next_year_file, fault) -> None:
    settings = WindowSettings()
    settings.set_last_call(next_year_file)
    if fault == "gone":
        next_year_file.unlink()
    else:
        next_year_file.write_text("id: x\nareas: 3\n", encoding="utf-8")
    started, path, why = initial_call(settings)
    assert (started.id, path) == ("call-topics", None)
    assert why.startswith("The call used last time cannot be opened:\n")
    assert str(next_year_file) in why
    assert settings.last_call() is None  # said once, not at every start


def test_an_imported_topic_list_is_reused_without_asking_again(tmp_path) -> None:
    source = paths.DATA / "calls" / "en-noise.md"
    settings = WindowSettings()
    settings.set_last_call(source)
    started, path, why = initial_call(settings)
    assert (path, why) == (source, "")
    assert started.topic_count > 0


def test_a_renamed_call_keeps_the_window_consistent(window, call, monkeypatch) -> None:
    """set_call is the one way to change the call: same topics, another form."""
    shorter = dataclasses.replace(call, id="short-form", form=call.form[:1])
    window.set_call(shorter)
    assert list(window.editor.section_editors) == [call.form[0].key]
    assert window.document.proposal.call == "short-form"
    window.tree.set_query("HTAP")
    window.set_call(call)
    assert shown_rows(window.tree) == ["5  数据库", "  5.1  HTAP 数据库系统"]
