"""The boxes show the document's numbers: 表 N / 图 N and [n] counted through the whole
proposal, as the export prints them, updated in the other sections without an edit there."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import QApplication
from rich_proposal import rich_proposal

from planner.document.markdown import parse_section
from planner.ui.editor.live_numbers import shown_text
from planner.ui.editor.to_editor import editor_writer


def _box(window, key):
    return window.editor.section_editors[key]


def _shown(window, key) -> str:
    return shown_text(_box(window, key).edit.document())


def test_tables_and_figures_are_numbered_through_the_document(window, qtbot, tmp_path) -> None:
    assert window.open_proposal(rich_proposal(tmp_path))
    window.show()
    assert "图 1 技术路线图" in _shown(window, "approach")
    assert "图 2 原型系统照片" in _shown(window, "approach")
    assert "表 1 研究进度安排" in _shown(window, "schedule")
    assert "表 2 经费预算" in _shown(window, "budget")  # not 表 1: the schedule's comes first
    budget = _box(window, "budget")
    saved = budget.text()
    # a table inserted in an earlier section moves the later ones on
    outcomes = _box(window, "outcomes")
    cursor = outcomes.edit.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Start)
    table = parse_section("Table: 成果清单\n\n| 成果 | 数量 |\n|---|---|\n| 论文 | 3 |")
    editor_writer().insert_blocks(cursor, table, outcomes.numbers, outcomes.base)
    qtbot.waitUntil(lambda: "表 2 研究进度安排" in _shown(window, "schedule"), timeout=2000)
    assert "表 1 成果清单" in _shown(window, "outcomes")
    assert "表 3 经费预算" in _shown(window, "budget")
    # the later boxes were not edited: nothing to undo there, the same Markdown
    assert not budget.edit.document().isUndoAvailable()
    assert budget.text() == saved and window.document.proposal.sections["budget"] == saved
    outcomes.edit.undo()
    qtbot.waitUntil(lambda: "表 1 研究进度安排" in _shown(window, "schedule"), timeout=2000)
    assert "表 2 经费预算" in _shown(window, "budget")


def test_a_table_added_above_one_in_the_same_section_renumbers_it(window, qtbot, tmp_path):
    assert window.open_proposal(rich_proposal(tmp_path))
    window.show()
    team = _box(window, "team")  # after the schedule's table, before the budget's
    for caption, where in (("后一", QTextCursor.MoveOperation.End), ("前一", None)):
        cursor = team.edit.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.Start)
        if where is not None:
            cursor.movePosition(where)
        table = parse_section(f"Table: {caption}\n\n| a | b |\n|---|---|\n| 1 | 2 |")
        editor_writer().insert_blocks(cursor, table, team.numbers, team.base)
    qtbot.waitUntil(lambda: "表 4 经费预算" in _shown(window, "budget"), timeout=2000)
    shown = _shown(window, "team")
    assert shown.index("表 2 前一") < shown.index("表 3 后一")
    assert window.document.proposal.sections["team"].count("Table:") == 2


def test_deleting_a_citation_renumbers_the_other_sections_without_an_edit_there(
    window, qtbot, tmp_path
) -> None:
    assert window.open_proposal(rich_proposal(tmp_path))
    window.show()
    innovation = _box(window, "innovation")
    assert "引擎[2]" not in _shown(window, "innovation")
    assert "引擎[1]" in _shown(window, "innovation")  # huang2020: first cited in background
    background = _box(window, "background")
    assert background.select_citation("huang2020")
    cursor = background.edit.textCursor()
    cursor.setPosition(cursor.selectionEnd())
    background.edit.setTextCursor(cursor)
    background.edit.setFocus()
    QApplication.sendEvent(
        background.edit,
        QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Backspace, Qt.KeyboardModifier.NoModifier),
    )
    assert "@huang2020" not in window.document.proposal.sections["background"]
    # marcus2019 (background) is now [1]; huang2020 is first cited in innovation: [2]
    qtbot.waitUntil(lambda: "引擎[2]" in _shown(window, "innovation"), timeout=2000)
    assert "[1]" in _shown(window, "background")
    assert not innovation.edit.document().isUndoAvailable()  # renumbering is not an edit
    assert window.document.proposal.sections["innovation"].count("[@huang2020]") == 1
    background.edit.undo()
    qtbot.waitUntil(lambda: "引擎[1]" in _shown(window, "innovation"), timeout=2000)
    assert not innovation.edit.document().isUndoAvailable()


def test_sub_headings_show_the_numbers_the_export_writes(window, qtbot, tmp_path) -> None:
    from planner.document.assembly import number_sub_headings
    from planner.document.blocks import Heading
    from planner.ui.editor.heading_numbers import heading_numbers

    assert window.open_proposal(rich_proposal(tmp_path))
    window.resize(1200, 900)
    window.show()
    qtbot.waitExposed(window)
    box = _box(window, "background")
    exported = [
        b.inlines[0].text.strip()
        for b in number_sub_headings(parse_section(box.text()))
        if isinstance(b, Heading)
    ]
    assert exported == ["（一）", "1.", "（1）"]
    assert [label for _pos, label in heading_numbers(box.edit.document())] == exported
    assert "（一）" not in box.text() and "（一）" not in _shown(window, "background")
    # painted before the heading's text, in the room its format keeps
    doc = box.edit.document()
    block = doc.findBlock(heading_numbers(doc)[0][0])
    rect = doc.documentLayout().blockBoundingRect(block).toRect()
    line = block.layout().lineAt(0)
    image = box.edit.viewport().grab().toImage()
    room = [
        image.pixelColor(x, y).lightness()
        for x in range(rect.left() + 2, rect.left() + int(line.x()) - 2)
        for y in range(rect.top(), rect.top() + int(line.height()))
    ]
    assert min(room) < 100  # dark strokes of （一）
    # a new heading above renumbers the others at once
    cursor = QTextCursor(doc)
    cursor.movePosition(QTextCursor.MoveOperation.Start)
    cursor.insertBlock()
    cursor.movePosition(QTextCursor.MoveOperation.Start)
    box.edit.setTextCursor(cursor)
    cursor.insertText("新的一节")
    box.edit.set_heading(1)
    assert [label for _pos, label in heading_numbers(doc)] == ["（一）", "（二）", "1.", "（1）"]
    assert box.text().startswith("# 新的一节\n")
