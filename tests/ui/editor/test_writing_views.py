"""Room to write: focus mode, the outline, find and replace, the references pane, keyboard
order and names, a window that fits its screen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialog
from rich_proposal import rich_proposal

from planner.ui.editor.live_numbers import shown_text


def _type_chinese(widget, text: str) -> None:
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def test_focus_mode_shows_one_section_with_its_guidance_and_comes_back(window, qtbot) -> None:
    window.show()
    qtbot.waitExposed(window)
    key = window.call.form[2].key
    window.editor.section_editors[key].edit.setFocus()
    QApplication.processEvents()
    qtbot.keyClick(window.editor.section_editors[key].edit, Qt.Key.Key_F11)
    assert window.writing.focus.isChecked()
    editors = window.editor.section_editors
    assert [k for k, e in editors.items() if e.isVisible()] == [key]
    assert editors[key].guidance.isVisible()
    assert not window.tree.isVisible() and not window.detail.isVisible()
    assert not window.problems_dock.isVisible()
    assert editors[key].count.isVisible()
    window.writing.focus.trigger()  # F11 again
    assert all(e.isVisible() for e in editors.values())
    assert not editors[key].guidance.isVisible()
    assert (
        window.tree.isVisible() and window.detail.isVisible() and window.problems_dock.isVisible()
    )


def test_the_outline_lists_counts_and_jumps(window, qtbot, tmp_path) -> None:
    assert window.open_proposal(rich_proposal(tmp_path))
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    assert window.writing.outline_pane is None  # built on first use
    window.writing.outline.trigger()
    outline = window.writing.outline_pane.list
    assert outline.count() == len(window.call.form)
    first = window.call.form[0]
    assert outline.item(0).text().startswith(first.title)
    assert "/" in outline.item(0).text() or "characters" in outline.item(0).text()
    last = outline.item(outline.count() - 1)
    outline.itemClicked.emit(last)
    QApplication.processEvents()
    key = window.call.form[-1].key
    assert window.editor.section_editors[key].edit.hasFocus()


def test_the_outline_count_follows_typing(window, qtbot) -> None:
    window.show()
    window.writing.outline.trigger()
    key = window.call.form[0].key
    editor = window.editor.section_editors[key]
    editor.edit.setFocus()
    editor.ensure_rich()
    _type_chinese(editor.edit, "三个字")
    assert "3" in window.writing.outline_pane.list.item(0).text()


def test_find_and_replace_in_the_proposal_text(window, qtbot, tmp_path) -> None:
    assert window.open_proposal(rich_proposal(tmp_path))
    window.show()
    window.writing.find_replace.trigger()
    dialog = window.writing.dialog
    dialog.find.setText("行列混合")
    dialog.replace.setText("行列融合")
    assert dialog.find_next()
    count = dialog.replace_all()
    assert count > 3
    sections = window.document.proposal.sections
    assert not any("行列混合" in text for text in sections.values())
    assert any("行列融合" in text for text in sections.values())
    assert window.actions_.find.shortcut().toString() == "Ctrl+F"  # still the topic search


def test_references_pane_prints_gbt7714_and_deletes_with_undo(window, qtbot, tmp_path) -> None:
    assert window.open_proposal(rich_proposal(tmp_path))
    window.show()
    window.writing.references.trigger()
    pane = window.writing.references_pane
    rows = [pane.list.item(i).text() for i in range(pane.list.count())]
    assert rows[0].startswith("[1] HUANG D, LIU Q. TiDB")
    assert "[J]" in rows[0]
    pane.list.setCurrentRow(0)
    pane.delete.click()
    assert "huang2020" not in [r["id"] for r in window.document.proposal.references]
    assert pane.list.count() == len(rows) - 1
    problems = [message for _severity, _field, message in window.problems.rows()]
    assert any("huang2020" in p for p in problems)  # now an unknown key in the text
    window.setFocus()
    window.actions_.undo.trigger()
    assert "huang2020" in [r["id"] for r in window.document.proposal.references]
    assert pane.list.count() == len(rows)


def test_an_uncited_reference_problem_jumps_to_the_references_pane(window, tmp_path) -> None:
    assert window.open_proposal(rich_proposal(tmp_path))
    window.changes.add_references([{"id": "never2024", "type": "book", "title": "无人引用"}])
    index = len(window.document.proposal.references)
    window.show()
    window.problems.problemActivated.emit(f"references[{index}]")
    pane = window.writing.references_pane
    assert pane is not None and pane.list.currentItem().data(Qt.ItemDataRole.UserRole) == (
        "never2024"
    )


def test_adding_a_reference_with_the_form(window, monkeypatch) -> None:
    from planner.ui.editor.insert_dialogs import ReferenceForm

    def fill_and_accept(form: ReferenceForm) -> int:
        form.key.setText("li2023")
        form.authors.setText("李雷; 韩梅梅")
        form.title.setText("行列混合存储")
        form.container.setText("计算机学报")
        form.year.setText("2023")
        form._accept()
        return QDialog.DialogCode.Accepted if form.result() else 0

    monkeypatch.setattr(ReferenceForm, "exec", fill_and_accept)
    window.changes.new_reference()
    item = window.document.proposal.references[-1]
    assert item["id"] == "li2023" and item["issued"] == {"date-parts": [[2023]]}
    from planner.references.gbt7714 import format_reference

    assert format_reference(item).startswith("李雷, 韩梅梅. 行列混合存储[J]. 计算机学报, 2023")


def test_the_window_fits_a_small_screen(make_window) -> None:
    window = make_window()
    available = window.screen().availableGeometry()
    assert window.width() <= available.width() and window.height() <= available.height()


def test_section_boxes_have_names_a_screen_reader_says(window) -> None:
    for section in window.call.form:
        assert window.editor.section_editors[section.key].edit.accessibleName() == section.title


def test_tab_walks_the_middle_pane_before_the_editors(window, qtbot) -> None:
    window.show()
    qtbot.waitExposed(window)
    window.tree.select_topic("5.1")
    QApplication.processEvents()
    detail = window.detail
    detail.use_button.setFocus()
    order = []
    for _ in range(len(detail.direction_boxes) + 1):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget())
    assert order[: len(detail.direction_boxes)] == detail.direction_boxes
    assert order[-1] is detail.own_edit
    assert "focus" in detail.direction_boxes[0].styleSheet()  # a visible focus mark


def test_direction_boxes_are_named_in_chinese(window, qapp) -> None:
    from planner.ui import i18n

    i18n.install_translator(qapp, i18n.CHINESE)
    try:
        window.tree.select_topic("5.1")
        name = window.detail.direction_boxes[0].accessibleName()
        assert name.startswith("研究方向 1：")
    finally:
        i18n.install_translator(qapp, i18n.ENGLISH)


def test_no_two_window_commands_share_a_shortcut(window) -> None:
    from PySide6.QtGui import QAction

    keys = [
        a.shortcut().toString() for a in window.findChildren(QAction) if not a.shortcut().isEmpty()
    ]
    assert len(keys) == len(set(keys)), sorted(k for k in keys if keys.count(k) > 1)


def test_an_unknown_citation_problem_selects_the_citation(window, qtbot, tmp_path) -> None:
    assert window.open_proposal(rich_proposal(tmp_path))
    window.changes.delete_reference("marcus2019")
    window.show()
    qtbot.waitExposed(window)
    tree = window.problems
    row = next(i for i, (_s, _f, message) in enumerate(tree.rows()) if "marcus2019" in message)
    tree.itemActivated.emit(tree.topLevelItem(row), 0)
    editor = window.editor.section_editors["background"].edit
    cursor = editor.textCursor()
    shown = shown_text(editor.document(), cursor.selectionStart(), cursor.selectionEnd())
    assert shown == "[?]"  # the citation, now without a number
