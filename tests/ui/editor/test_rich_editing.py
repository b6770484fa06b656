"""The rich section editor as a user drives it: keys, an input method, a paste from Word,
inserts, undo, and files that stay byte-identical when nothing was edited."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, Qt, QUrl
from PySide6.QtGui import QImage, QInputMethodEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QFileDialog
from rich_proposal import rich_proposal

from planner.formats.proposal_file import load_proposal
from planner.ui.editor.live_numbers import shown_text


def _type_chinese(widget, text: str) -> None:
    """What an input method does: commit the text (keyClicks aborts on non-ASCII)."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def _section(window, key: str = "background"):
    editor = window.editor.section_editors[key]
    editor.edit.setFocus()
    QApplication.processEvents()
    editor.ensure_rich()
    return editor


def _saved(window, key: str = "background") -> str:
    return window.document.proposal.sections.get(key, "")


def test_ctrl_b_then_typing_writes_bold_markdown(window, qtbot) -> None:
    window.show()
    editor = _section(window)
    _type_chinese(editor.edit, "研究")
    qtbot.keyClick(editor.edit, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    _type_chinese(editor.edit, "背景")
    qtbot.keyClick(editor.edit, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    _type_chinese(editor.edit, "与意义")
    assert _saved(window) == "研究**背景**与意义"
    assert editor.edit.currentCharFormat().fontWeight() < 700  # bold is off again


def test_ctrl_i_on_a_selection_and_clear_formatting(window, qtbot) -> None:
    window.show()
    editor = _section(window)
    _type_chinese(editor.edit, "行列混合")
    editor.edit.selectAll()
    qtbot.keyClick(editor.edit, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert _saved(window) == "*行列混合*"
    editor.edit.selectAll()
    qtbot.keyClick(editor.edit, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)
    assert _saved(window) == "行列混合"


def test_a_list_with_tab_indent_and_shift_tab_outdent(window, qtbot) -> None:
    window.show()
    editor = _section(window)
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(editor.edit, Qt.Key.Key_L, ctrl_shift)
    _type_chinese(editor.edit, "甲")
    qtbot.keyClick(editor.edit, Qt.Key.Key_Return)
    qtbot.keyClick(editor.edit, Qt.Key.Key_Tab)
    _type_chinese(editor.edit, "甲一")
    assert editor.edit.hasFocus()  # Tab in a list indents, it does not leave the box
    qtbot.keyClick(editor.edit, Qt.Key.Key_Return)
    qtbot.keyClick(editor.edit, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    _type_chinese(editor.edit, "乙")
    assert _saved(window) == "- 甲\n  - 甲一\n- 乙"


def test_tab_outside_a_list_moves_on_to_the_next_field(window, qtbot) -> None:
    window.show()
    editor = _section(window)
    qtbot.keyClick(editor.edit, Qt.Key.Key_Tab)
    assert not editor.edit.hasFocus()


def test_numbered_list_and_sub_heading_shortcuts(window, qtbot) -> None:
    window.show()
    editor = _section(window)
    qtbot.keyClick(editor.edit, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    _type_chinese(editor.edit, "研究现状")
    qtbot.keyClick(editor.edit, Qt.Key.Key_Return)  # after a heading: body text again
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(editor.edit, Qt.Key.Key_N, ctrl_shift)
    _type_chinese(editor.edit, "第一")
    qtbot.keyClick(editor.edit, Qt.Key.Key_Return)
    _type_chinese(editor.edit, "第二")
    assert _saved(window) == "## 研究现状\n1. 第一\n2. 第二"


def test_tab_moves_between_table_cells_and_adds_a_row_at_the_end(window, qtbot) -> None:
    from planner.ui.editor.format_bar import insert_table

    window.show()
    editor = _section(window)
    insert_table(editor.edit, 1, 2)
    for text in ("阶段", "时间", "一", "2025"):
        _type_chinese(editor.edit, text)
        qtbot.keyClick(editor.edit, Qt.Key.Key_Tab)
    _type_chinese(editor.edit, "二")
    assert _saved(window) == "| 阶段 | 时间 |\n| --- | --- |\n| 一 | 2025 |\n| 二 |  |"


def test_paste_from_word_keeps_structure_and_drops_the_look(window) -> None:
    word = (
        "<html><body><p class=MsoNormal><span style='font-family:宋体;color:red;"
        "font-size:16pt'>研究<b>背景</b>与<i>意义</i></span></p>"
        "<p class=MsoListParagraphCxSpFirst style='mso-list:l0 level1 lfo1'>"
        "<![if !supportLists]><span>·<span>&nbsp;&nbsp;</span></span><![endif]>第一点</p>"
        "<p class=MsoListParagraphCxSpLast style='mso-list:l0 level1 lfo1'>"
        "<![if !supportLists]><span>·<span>&nbsp;&nbsp;</span></span><![endif]>第二点</p>"
        "<table border=1><tr><td><b>阶段</b></td><td>时间</td></tr>"
        "<tr><td>一</td><td>2025</td></tr></table></body></html>"
    )
    window.show()
    editor = _section(window)
    mime = QMimeData()
    mime.setHtml(word)
    mime.setText("研究背景与意义\n第一点\n第二点")
    editor.edit.insertFromMimeData(mime)
    assert _saved(window) == (
        "研究**背景**与*意义*\n- 第一点\n- 第二点\n| 阶段 | 时间 |\n| --- | --- |\n| 一 | 2025 |"
    )
    fragments = editor.edit.document().toHtml()
    assert "color:#ff0000" not in fragments and "16pt" not in fragments


def test_plain_text_paste_is_one_paragraph_per_line(window) -> None:
    window.show()
    editor = _section(window)
    mime = QMimeData()
    mime.setText("第一行\r\n\r\n第二行\n  第三行  ")
    editor.edit.insertFromMimeData(mime)
    assert _saved(window) == "第一行\n第二行\n第三行"


def test_a_pasted_picture_is_saved_as_png_beside_the_proposal(
    window, tmp_path, monkeypatch
) -> None:
    target = tmp_path / "plan.proposal.yaml"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    assert window.files.save_as()
    window.show()
    editor = _section(window)
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.darkGreen)
    mime = QMimeData()
    mime.setImageData(image)
    editor.edit.insertFromMimeData(mime)
    assert _saved(window) == "![](plan.figures/figure-1.png)"
    assert QImage(str(tmp_path / "plan.figures" / "figure-1.png")).width() == 40
    # the caption below the picture is typed in place
    cursor = editor.edit.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    editor.edit.setTextCursor(cursor)
    _type_chinese(editor.edit, "技术路线图")
    assert _saved(window) == "![技术路线图](plan.figures/figure-1.png)"


def test_a_dropped_picture_file_is_a_figure(window, tmp_path, monkeypatch) -> None:
    target = tmp_path / "drop.proposal.yaml"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    assert window.files.save_as()
    picture = tmp_path / "photo.jpg"
    image = QImage(20, 20, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.red)
    image.save(str(picture), "JPG")
    window.show()
    editor = _section(window)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(picture))])
    assert editor.edit.canInsertFromMimeData(mime)
    editor.edit.insertFromMimeData(mime)
    assert _saved(window) == "![](drop.figures/figure-1.png)"


def test_citing_a_reference_shows_its_number_and_saves_the_key(window, tmp_path) -> None:
    path = rich_proposal(tmp_path)
    assert window.open_proposal(path)
    window.show()
    editor = _section(window, "objectives")
    cursor = editor.edit.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    editor.edit.setTextCursor(cursor)
    tools = window.editor.ensure_tools()
    tools.cite(editor, ["marcus2019"])
    assert _saved(window, "objectives").endswith("[@marcus2019]")
    assert shown_text(editor.edit.document()).endswith("[3]")  # third in order of first use
    # Backspace removes the whole citation, as Word removes a field
    editor.edit.setFocus()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    editor.edit.setTextCursor(cursor)
    from pytestqt.qtbot import QtBot  # noqa: F401  (qtbot fixture not needed here)

    event_target = editor.edit
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent

    QApplication.sendEvent(
        event_target,
        QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Backspace, Qt.KeyboardModifier.NoModifier),
    )
    assert not _saved(window, "objectives").endswith("]")


def test_opening_and_saving_without_an_edit_writes_the_same_bytes(window, tmp_path) -> None:
    path = rich_proposal(tmp_path)
    before = path.read_bytes()
    assert window.open_proposal(path)
    window.show()
    for key in window.editor.section_editors:  # focus every box: still no edit
        _section(window, key)
    window.document.mark_modified()
    assert window.files.save()
    assert path.read_bytes() == before


def test_an_edited_rich_section_saves_the_documented_markdown(window, tmp_path) -> None:
    path = rich_proposal(tmp_path)
    assert window.open_proposal(path)
    original = load_proposal(path)[0].sections["approach"]
    window.show()
    editor = _section(window, "approach")
    cursor = editor.edit.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    editor.edit.setTextCursor(cursor)
    _type_chinese(editor.edit, "补")
    assert window.files.save()
    saved = load_proposal(path)[0].sections["approach"]
    from planner.document.markdown import parse_section, to_markdown

    assert saved == to_markdown(parse_section(original + "补")).removesuffix("\n")


@pytest.mark.parametrize("action", ["tick", "status", "own", "remove_own"])
def test_window_changes_undo_and_redo(window, action) -> None:
    window.tree.select_topic("5.1")
    window.changes.choose_topic("5.1")
    p = window.document.proposal
    if action == "tick":
        window.detail.direction_boxes[1].setChecked(True)
        assert p.directions == [2]
    elif action == "status":
        combo = window.editor.status_combo
        combo.setCurrentIndex(combo.count() - 1)
        changed = p.status
        assert changed != "draft"
    elif action == "own":
        window.changes.add_own_direction("5.1", "我的方向")
        assert p.own_directions == ["我的方向"]
    else:
        window.changes.add_own_direction("5.1", "我的方向")
        window.editor.directions.own_list.setCurrentRow(0)
        window.editor.directions.own_remove.click()
        assert p.own_directions == []
    window.setFocus()
    window.actions_.undo.trigger()
    p = window.document.proposal
    if action == "tick":
        assert p.directions == []
        assert not window.detail.direction_boxes[1].isChecked()
    elif action == "status":
        assert p.status == "draft"
        assert window.editor.status_combo.currentData() == "draft"
    elif action == "own":
        assert p.own_directions == []
    else:
        assert p.own_directions == ["我的方向"]
    window.actions_.redo.trigger()
    if action == "tick":
        assert window.document.proposal.directions == [2]
    elif action == "status":
        assert window.document.proposal.status == changed


def test_formatting_is_undone_in_the_box(window, qtbot) -> None:
    window.show()
    editor = _section(window)
    _type_chinese(editor.edit, "重点")
    editor.edit.selectAll()
    qtbot.keyClick(editor.edit, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert _saved(window) == "**重点**"
    window.actions_.undo.trigger()
    assert _saved(window) == "重点"


def test_adding_references_is_undone(window, tmp_path) -> None:
    window.changes.add_references([{"id": "new2024", "type": "book", "title": "新书"}])
    assert [r["id"] for r in window.document.proposal.references] == ["new2024"]
    window.setFocus()
    window.actions_.undo.trigger()
    assert window.document.proposal.references == []


def test_the_toolbar_is_built_on_first_use(window) -> None:
    assert window.editor.tools is None
    window.show()
    _section(window)
    assert window.editor.tools is not None and window.editor.tools.bar.isVisible()


_ = Path


def test_copy_and_paste_within_the_app_keeps_citations_and_bold(window, tmp_path) -> None:
    path = rich_proposal(tmp_path)
    assert window.open_proposal(path)
    window.show()
    source = _section(window, "background")
    source.edit.selectAll()
    mime = source.edit.createMimeDataFromSelection()
    assert "误差[1,2]。" in mime.text() and "\ufffc" not in mime.text()  # for other apps
    target = _section(window, "objectives")
    cursor = target.edit.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    target.edit.setTextCursor(cursor)
    target.edit.insertFromMimeData(mime)
    saved = _saved(window, "objectives")
    assert "[@huang2020; @wang2021]" in saved and "[@marcus2019]" in saved
    assert "- **代价估计**误差大；" in saved


def test_an_inserted_table_is_one_undo_step(window) -> None:
    from planner.ui.editor.format_bar import insert_table

    window.show()
    editor = _section(window)
    _type_chinese(editor.edit, "前文")
    editor.edit.textCursor().insertBlock()
    insert_table(editor.edit, 2, 2)
    assert "| --- | --- |" in _saved(window)
    editor.edit.setFocus()
    window.actions_.undo.trigger()
    assert "|" not in _saved(window)
    assert _saved(window).startswith("前文")


def test_a_read_only_proposal_ignores_formatting_keys(window, qtbot) -> None:
    window.show()
    editor = _section(window)
    _type_chinese(editor.edit, "只读")
    window.editor.set_read_only(True)
    editor.edit.selectAll()
    qtbot.keyClick(editor.edit, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert _saved(window) == "只读"
