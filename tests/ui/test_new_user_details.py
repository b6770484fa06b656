"""Issue 19 items 2-4, as a new user meets them: a locked file cannot be saved over, the keys
work from every field, a problem's field comes into view, and own directions hold only text."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QKeyCombination, QObject, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from planner.formats.proposal_file import load_proposal, save_proposal
from planner.model.proposal import Proposal
from planner.ui import i18n


def _save_as(monkeypatch: pytest.MonkeyPatch, target: Path) -> list[str]:
    """Answer Save As with `target`; returns the paths the dialog was opened on."""
    offered: list[str] = []

    def dialog(_parent, _caption, start, *_a, **_k):
        offered.append(start)
        return (str(target), "")

    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    return offered


@pytest.fixture
def locked(window, tmp_path: Path) -> Path:
    """A proposal the `window` fixture has open (and so locked)."""
    target = tmp_path / "shared.proposal.yaml"
    save_proposal(Proposal(call="call-topics", topic="5.1", title="第一个窗口的"), target)
    assert window.open_proposal(target)
    return target


# -- 2. saving never overwrites another window's file
def test_a_read_only_window_cannot_save_over_the_locked_file(
    locked, make_window, answers, monkeypatch
) -> None:
    second = make_window()
    answers.question_answer = QMessageBox.StandardButton.Open
    assert second.open_proposal(locked) and second.document.read_only
    second.editor.title_edit.setText("第二个窗口的")
    second.editor.title_edit.textEdited.emit("第二个窗口的")
    offered = _save_as(monkeypatch, locked)  # the user accepts the path Save As suggests
    assert not second.files.save()
    assert offered == [str(locked)]
    kind, title, text = answers.shown[-1]
    assert (kind, title) == ("critical", "Cannot save proposal")
    assert f"{locked} is already open (process {os.getpid()} on " in text
    assert load_proposal(locked)[0].title == "第一个窗口的"  # untouched
    assert second.document.read_only and second.isWindowModified()  # nothing lost either


def test_save_as_onto_a_file_open_elsewhere_refuses_naming_the_holder(
    locked, make_window, answers, monkeypatch
) -> None:
    other = make_window()
    other.editor.title_edit.setText("另一个")
    other.editor.title_edit.textEdited.emit("另一个")
    _save_as(monkeypatch, locked)
    assert not other.files.save_as()
    assert "is already open (process" in answers.shown[-1][2]
    assert load_proposal(locked)[0].title == "第一个窗口的"
    assert other.document.path is None


# -- 3. keys and focus
class ClaimsCtrlE(QObject):
    """What a line edit does with Ctrl+E under Linux's key bindings (end of line): it accepts
    the ShortcutOverride, so the window's shortcut never runs. The offscreen platform the tests
    run on binds only End to end-of-line, so the field is made to claim it as Linux does."""

    def __init__(self) -> None:
        super().__init__()
        self.claimed = 0

    def eventFilter(self, _watched, event) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and event.keyCombination() == CTRL_E:
            self.claimed += 1
            event.accept()
            return True
        return False


CTRL_E = QKeyCombination(Qt.KeyboardModifier.ControlModifier, Qt.Key.Key_E)


@pytest.mark.parametrize("field", ["title", "search", "own_direction", "section", "sheet"])
def test_ctrl_e_exports_from_every_field(window, qtbot, monkeypatch, field) -> None:
    exported: list[bool] = []
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *_a, **_k: exported.append(True) or ("", "")
    )
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    window.tree.select_topic("5.1")
    widget = {
        "title": window.editor.title_edit,
        "search": window.tree.search,
        "own_direction": window.detail.own_edit,
        "section": window.editor.section_editors["background"].edit,
        "sheet": window.editor.applicant_edits["email"],
    }[field]
    claims = ClaimsCtrlE()
    widget.installEventFilter(claims)  # the field as Qt makes it on Linux
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)
    assert window.actions_.export_docx.shortcut() == QKeySequence("Ctrl+E")
    qtbot.keyClick(widget, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert exported == [True]  # File → Export .docx… asked for a target
    assert claims.claimed == 0  # the field never got to claim the key


def test_toolbar_buttons_show_no_mnemonic_leftovers(window, qapp) -> None:
    try:
        i18n.install_translator(qapp, "zh_CN")
        QApplication.processEvents()  # the LanguageChange retranslates the window
        texts = [a.iconText() for a in window.actions_.toolbar.actions() if not a.isSeparator()]
        assert texts == ["新建申报书", "打开", "保存", "导出 .docx"]
        assert window.actions_.new.text() == "新建申报书(&N)"  # the menu keeps its mnemonic
    finally:
        i18n.install_translator(qapp, "en")
        QApplication.processEvents()
    texts = [a.iconText() for a in window.actions_.toolbar.actions() if not a.isSeparator()]
    assert texts == ["New Proposal", "Open", "Save", "Export .docx"]


def test_double_clicking_a_problem_brings_its_field_to_the_middle(window, qtbot) -> None:
    window.resize(1200, 700)
    window.show()
    qtbot.waitExposed(window)
    scroll = window.editor.scroll
    scroll.verticalScrollBar().setValue(0)
    key = window.call.form[-2].key  # far down the form, but not the last (it can be centred)
    editor = window.editor.section_editors[key].edit
    window.problems.problemActivated.emit(f"sections.{key}")
    QApplication.processEvents()
    viewport = scroll.viewport()
    middle = editor.mapTo(viewport, editor.rect().center()).y()
    assert abs(middle - viewport.height() / 2) <= 2, (middle, viewport.height())
    assert editor.hasFocus()


# -- 4. own directions hold only what the user wrote
def test_add_own_direction_then_escape_leaves_nothing(window, qtbot) -> None:
    window.tree.select_topic("5.1")
    window.tree.useTopicRequested.emit("5.1")
    window.show()
    qtbot.waitExposed(window)
    own = window.editor.directions.own_list
    window.editor.directions.own_add.click()
    QApplication.processEvents()
    editor = QApplication.focusWidget()
    assert editor is not None and own.isAncestorOf(editor)  # typing goes into the new row
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    QApplication.processEvents()
    assert window.document.proposal.own_directions == []
    assert own.count() == 0
    assert not any(p[1].startswith("Own direction") for p in window.problems.rows())


def test_an_own_direction_typed_in_is_kept_and_an_emptied_one_goes(window, qtbot) -> None:
    window.tree.useTopicRequested.emit("5.1")
    window.show()
    qtbot.waitExposed(window)
    own = window.editor.directions.own_list
    window.editor.directions.own_add.click()
    QApplication.processEvents()
    editor = QApplication.focusWidget()
    qtbot.keyClicks(editor, "Cloud-native HTAP")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()
    assert window.document.proposal.own_directions == ["Cloud-native HTAP"]
    own.item(0).setText("   ")  # edited down to nothing
    QApplication.processEvents()
    assert window.document.proposal.own_directions == []
    assert own.count() == 0
