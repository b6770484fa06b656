"""The window as a user drives it: topics, directions, own directions, sections, problems."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QCheckBox, QLabel, QMessageBox


def _type_chinese(widget, text: str) -> None:
    """What an input method does: commit the text (keyClicks aborts on non-ASCII)."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def test_selecting_a_topic_shows_background_and_directions(window) -> None:
    window.tree.select_topic("5.1")
    detail = window.detail
    assert detail.title.text() == "HTAP 数据库系统"
    assert "Hybrid Transactional/Analytical Processing" in detail.background.text()
    assert len(detail.direction_boxes) == 4
    assert "行列混合查询及其优化" in detail._direction_labels[0].text()
    assert detail.header.text() == "Topic 5.1 · 数据库"


def test_resources_the_team_offers_are_shown_apart(window) -> None:
    window.tree.select_topic("1.1")
    assert not window.detail.resources_box.isHidden()
    assert "脱敏数据" in window.detail.resources.text()
    window.tree.select_topic("5.1")  # offers nothing
    assert window.detail.resources_box.isHidden()


def test_search_terms_are_highlighted_in_the_detail(window) -> None:
    window.tree.set_query("htap")
    window.tree.select_topic("5.1")
    assert '<span style="background-color:#ffe36e;color:#000">HTAP</span>' in (
        window.detail.background.text()
    )


def test_ticking_directions_updates_the_proposal_and_back(window) -> None:
    window.tree.select_topic("5.1")
    window.detail.direction_boxes[1].setChecked(True)  # ticking sets the topic too
    p = window.document.proposal
    assert (p.topic, p.directions) == ("5.1", [2])
    item = window.editor.directions.directions_list.item(1)
    assert item.checkState() == Qt.CheckState.Checked
    assert window.tree.model.index_of("5.1").data().endswith("✔")
    # and back: unticking in the editor unticks the detail pane
    window.editor.directions.directions_list.item(1).setCheckState(Qt.CheckState.Unchecked)
    window.editor.directions.directions_list.item(3).setCheckState(Qt.CheckState.Checked)
    assert window.document.proposal.directions == [4]
    assert [b.isChecked() for b in window.detail.direction_boxes] == [False, False, False, True]
    assert window.isWindowModified()


def test_changing_topic_with_ticked_directions_asks_first(window, answers) -> None:
    window.tree.select_topic("5.1")
    window.detail.direction_boxes[0].setChecked(True)
    answers.question_answer = QMessageBox.StandardButton.No
    window.tree.useTopicRequested.emit("2.1")
    assert answers.shown[-1][1] == "Change topic"
    assert window.document.proposal.topic == "5.1"
    answers.question_answer = QMessageBox.StandardButton.Yes
    window.tree.useTopicRequested.emit("2.1")
    assert (window.document.proposal.topic, window.document.proposal.directions) == ("2.1", [])


def test_adding_an_own_direction_for_a_topic_without_suggestions(window) -> None:
    window.tree.select_topic("1.14")
    assert window.detail.direction_boxes == []
    assert "no directions" in window.detail.directions_hint.text()
    window.detail.own_edit.setText("面向科研写作的大模型评测")
    window.detail.own_add.click()
    p = window.document.proposal
    assert (p.topic, p.own_directions) == ("1.14", ["面向科研写作的大模型评测"])
    assert window.editor.directions.own_list.item(0).text() == "面向科研写作的大模型评测"
    assert "面向科研写作的大模型评测" in window.detail.own_list.text()


def test_section_count_is_live_and_over_the_limit_shows(window, qtbot) -> None:
    editor = window.editor.section_editors["innovation"]  # limit 1000
    editor.edit.setFocus()
    _type_chinese(editor.edit, "创新")
    assert window.document.proposal.sections["innovation"] == "创新"
    assert editor.count.text() == "2 / 1000 characters"
    editor.edit.setPlainText("字" * 1001)
    assert editor.count.text() == "1001 / 1000 characters — over the limit by 1"
    assert "#c62828" in editor.count.styleSheet()
    assert (
        "Error",
        "创新点",
        "1001 characters, over the limit of 1000",
    ) in window.problems.rows()
    assert "sections.innovation" in window.problems.fields()


def test_a_section_without_a_limit_counts_in_good_english(window) -> None:
    editor = window.editor.section_editors["budget"]  # no limit
    editor.edit.setPlainText("元")
    assert editor.count.text() == "1 character"
    editor.edit.setPlainText("设备费")
    assert editor.count.text() == "3 characters"


def test_the_section_count_is_the_exported_text(window) -> None:
    editor = window.editor.section_editors["budget"]
    # the section as a file holds it (the rich editor shows the table; typed ** stay literal)
    editor.set_text("**设备费**[@k]\n| 科目 | 金额 |\n|---|---|")
    # 设备费 3, the citation's marker [1] 1, the cells 科目 and 金额 4; no markup, no key
    assert editor.count.text() == "8 characters"


def test_completeness_and_problems_follow_the_text(window) -> None:
    assert window.editor.progress.value() == 0
    window.editor.title_edit.setText("x")
    window.editor.title_edit.textEdited.emit("x")
    assert window.editor.progress.value() > 0
    labels = [row[1] for row in window.problems.rows()]
    assert "Title" not in labels and "Applicant name" in labels
    assert "title" not in window.problems.fields()


def test_double_clicking_a_problem_jumps_to_its_field(window, qtbot) -> None:
    window.show()
    qtbot.waitExposed(window)
    window.editor.title_edit.setText("x")
    window.editor.title_edit.textEdited.emit("x")  # problems show once the user starts
    row = window.problems.fields().index("sections.budget")
    item = window.problems.topLevelItem(row)
    window.problems.itemActivated.emit(item, 0)
    assert window.focusWidget() is window.editor.section_editors["budget"].edit


def test_undo_and_redo_act_on_the_focused_field(window, qtbot) -> None:
    window.show()
    qtbot.waitExposed(window)
    edit = window.editor.applicant_edits["name"]
    edit.setFocus()
    qtbot.keyClicks(edit, "Li")
    window.actions_.undo.trigger()
    assert edit.text() == ""
    window.actions_.redo.trigger()
    assert edit.text() == "Li"
    assert window.document.proposal.applicant.name == "Li"


def test_edit_menu_cuts_copies_and_pastes_in_the_focused_field(window, qtbot) -> None:
    window.show()
    qtbot.waitExposed(window)
    clipboard = QApplication.clipboard()
    title = window.editor.title_edit
    title.setFocus()
    title.setText("行列混合存储")
    window.actions_.select_all.trigger()
    window.actions_.cut.trigger()
    assert title.text() == "" and clipboard.text() == "行列混合存储"
    department = window.editor.applicant_edits["department"]
    department.setFocus()
    window.actions_.paste.trigger()
    assert department.text() == "行列混合存储"
    assert window.document.proposal.applicant.department == "行列混合存储"
    assert window.document.proposal.title == ""
    # the call's text is selectable: Copy takes the selection from the topic's background
    window.tree.select_topic("5.1")
    background = window.detail.background
    background.setFocus()
    background.setSelection(0, 4)
    window.actions_.copy.trigger()
    assert clipboard.text() == "HTAP"


def test_switching_topics_leaves_only_the_new_directions_showing(window, qtbot) -> None:
    window.show()
    qtbot.waitExposed(window)
    window.tree.select_topic("5.1")  # 4 directions
    window.tree.select_topic("2.1")  # 3
    QApplication.processEvents()  # shows the new boxes; deleteLater waits for the event loop
    body = window.detail.widget()
    shown = [b for b in body.findChildren(QCheckBox) if b.isVisibleTo(body)]
    topic = window.call.topic("2.1")
    # a screen reader says the direction, not its bare number (issue 13)
    assert sorted(b.accessibleName() for b in shown) == [
        f"Direction {d.number}: {d.text}" for d in topic.directions
    ]
    labels = [w.text() for w in body.findChildren(QLabel) if w.isVisibleTo(body)]
    assert not any("HTAP" in text for text in labels)  # nothing of 5.1 drawn over 2.1
