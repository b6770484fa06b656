"""The batch window as an office uses it: open a workspace, read the table, change statuses,
export all with progress, cancel."""

from __future__ import annotations

from pathlib import Path

import pytest
from hostile_workspace import BAD, GOOD, fake_export, make_workspace, slow_export
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton

from planner.formats.proposal_file import load_proposal
from planner.ui import i18n
from planner.ui.workspace.batch_window import BatchWindow
from planner.ui.workspace.workspace_model import (
    APPLICANT,
    COMPLETENESS,
    FILE,
    INVALID_COLOUR,
    STATUS,
    TOPIC,
    VALIDITY_INVALID,
    VALIDITY_VALID,
)


@pytest.fixture
def window(qtbot, call, tmp_path: Path):
    w = BatchWindow(call, workers=1, export=fake_export)
    qtbot.addWidget(w)
    w.open_workspace(make_workspace(tmp_path / "ws"))
    return w


def _column(w: BatchWindow, column: int) -> list[str]:
    return [w.proxy.index(r, column).data() for r in range(w.proxy.rowCount())]


def _select(w: BatchWindow, names: list[str]) -> None:
    w.table.clearSelection()
    for row, name in enumerate(_column(w, FILE)):
        if name in names:
            w.table.selectionModel().select(
                w.proxy.index(row, 0),
                w.table.selectionModel().SelectionFlag.Select
                | w.table.selectionModel().SelectionFlag.Rows,
            )


def test_model_passes_the_model_tester(qtmodeltester, window) -> None:
    qtmodeltester.check(window.model)
    qtmodeltester.check(window.proxy)


def test_table_shows_every_file_coloured_by_validity(window) -> None:
    assert sorted(_column(window, FILE)) == sorted(GOOD.keys() | BAD.keys())
    assert "16 proposals, 8 invalid" in window.folder_label.text()
    row = _column(window, FILE).index("alice.proposal.yaml")
    index = window.proxy.index(row, APPLICANT)
    assert index.data() == "张三"
    assert window.proxy.index(row, COMPLETENESS).data().endswith("%")
    topic_tip = window.proxy.index(row, TOPIC).data(Qt.ItemDataRole.ToolTipRole)
    assert topic_tip.startswith("面向少量样本学习能力")
    bad = _column(window, FILE).index("syntax.proposal.yaml")
    bad_index = window.proxy.index(bad, APPLICANT)
    tip = bad_index.data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("Error · File: YAML syntax error") and tip.endswith(
        "(line 5 of the file)"
    )
    assert bad_index.data(Qt.ItemDataRole.BackgroundRole).color() == INVALID_COLOUR
    assert window.proxy.index(bad, STATUS).data() == "unreadable"


def test_filter_and_sort(window) -> None:
    window.filter_edit.setText("清华")
    assert sorted(_column(window, FILE)) == ["alice.proposal.yaml", "carol.proposal.yaml"]
    window.filter_edit.clear()
    window.validity_combo.setCurrentIndex(window.validity_combo.findData(VALIDITY_INVALID))
    assert sorted(_column(window, FILE)) == sorted(BAD)
    window.validity_combo.setCurrentIndex(window.validity_combo.findData(VALIDITY_VALID))
    assert sorted(_column(window, FILE)) == sorted(GOOD)
    window.table.sortByColumn(TOPIC, Qt.SortOrder.AscendingOrder)
    assert _column(window, TOPIC) == ["1.1", "1.2", "1.2", "1.3", "1.4", "1.5", "1.6", "2.1"]
    window.table.sortByColumn(COMPLETENESS, Qt.SortOrder.DescendingOrder)
    values = [float(v.rstrip("%")) for v in _column(window, COMPLETENESS)]
    assert values == sorted(values, reverse=True)


def test_status_change_is_saved_for_the_selected_rows(window) -> None:
    _select(window, ["alice.proposal.yaml", "carol.proposal.yaml", "empty.proposal.yaml"])
    assert window.set_status_button.isEnabled()
    window.status_combo.setCurrentIndex(window.status_combo.findData("ready"))
    window.set_status_button.click()
    root = window.model.workspace().root
    assert load_proposal(root / "alice.proposal.yaml")[0].status == "ready"
    assert load_proposal(root / "carol.proposal.yaml")[0].status == "ready"
    assert load_proposal(root / "dave.proposal.yaml")[0].status == "draft"
    statuses = dict(zip(_column(window, FILE), _column(window, STATUS), strict=True))
    assert statuses["alice.proposal.yaml"] == statuses["carol.proposal.yaml"] == "Ready"
    assert "for 2 proposals" in window.message_label.text()
    assert "empty.proposal.yaml: unreadable" in window.message_label.text()


def test_double_click_asks_to_open_the_proposal(window, qtbot) -> None:
    row = _column(window, FILE).index("group/nested/bob.proposal.yaml")
    with qtbot.waitSignal(window.openProposalRequested) as blocker:
        window.table.doubleClicked.emit(window.proxy.index(row, 0))
    assert blocker.args == [window.model.workspace().root / "group/nested/bob.proposal.yaml"]


def test_topic_counts_signal(qtbot, call, tmp_path: Path) -> None:
    w = BatchWindow(call, workers=1, export=fake_export)
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.topicCountsChanged) as blocker:
        w.open_workspace(make_workspace(tmp_path / "ws"))
    (counts,) = blocker.args
    assert counts == w.topic_counts()
    assert len(counts) == 28 and counts["1.1"] == 4 and counts["5.1"] == 0


def test_export_all_runs_in_the_background_with_progress(
    window, qtbot, tmp_path: Path, monkeypatch
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(out))
    window.export_all_button.click()
    dialog = window.export_run.progress
    assert dialog is not None and dialog.maximum() == len(GOOD) and dialog.isVisible()
    values: list[int] = []
    set_value = dialog.setValue
    dialog.setValue = lambda v: (values.append(v), set_value(v))  # progress arrives queued
    assert not window.export_all_button.isEnabled()  # one export at a time
    with qtbot.waitSignal(window.exportFinished, timeout=10_000) as blocker:
        pass
    outcomes, cancelled = blocker.args
    assert not cancelled and len(outcomes) == len(GOOD) and all(o.ok for o in outcomes)
    assert values == list(range(1, len(GOOD) + 1))
    assert len(list(out.glob("*.docx"))) == len(GOOD)
    assert (out / "summary.xlsx").is_file() and (out / "summary.csv").is_file()
    assert "Exported 8 proposals." in window.message_label.text()
    assert window.export_all_button.isEnabled()


def test_cancel_stops_the_export_and_leaves_only_whole_files(qtbot, call, tmp_path: Path) -> None:
    w = BatchWindow(call, workers=1, export=slow_export)
    qtbot.addWidget(w)
    ws = tmp_path / "ws"
    ws.mkdir()
    text = (make_workspace(tmp_path / "src") / "alice.proposal.yaml").read_text(encoding="utf-8")
    for i in range(30):
        (ws / f"p{i:02}.proposal.yaml").write_text(text.replace("少样本", f"第{i}个"), "utf-8")
    w.open_workspace(ws)
    out = tmp_path / "out"
    w.export_all(out)
    qtbot.waitUntil(
        lambda: w.export_run.progress is not None and w.export_run.progress.value() >= 2
    )
    cancel = w.export_run.progress.findChild(QPushButton)
    assert cancel.text() == "Cancel"
    with qtbot.waitSignal(w.exportFinished, timeout=10_000) as blocker:
        cancel.click()
    outcomes, cancelled = blocker.args
    assert cancelled
    written = sorted(out.iterdir())
    assert 2 <= len(written) < 30
    assert len(written) == len(outcomes)
    assert all(p.suffix == ".docx" and p.read_bytes().startswith(b"fake docx") for p in written)
    assert "Export cancelled" in w.message_label.text()
    assert not (out / "summary.xlsx").exists()


def test_export_summary_writes_both_files(window, tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "summary"
    out.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(out))
    window.export_summary_button.click()
    assert sorted(p.name for p in out.iterdir()) == ["summary.csv", "summary.xlsx"]
    assert window.message_label.text().startswith("Summary written:")


def test_export_all_with_worker_processes_from_the_thread(qtbot, call, tmp_path: Path) -> None:
    """What the app does by default: a process pool (spawned) started from the export thread."""
    w = BatchWindow(call, workers=2, export=fake_export)
    qtbot.addWidget(w)
    w.open_workspace(make_workspace(tmp_path / "ws"))
    with qtbot.waitSignal(w.exportFinished, timeout=30_000) as blocker:
        w.export_all(tmp_path / "out")
    outcomes, cancelled = blocker.args
    assert not cancelled and [o.error for o in outcomes if not o.ok] == []
    assert len(list((tmp_path / "out").glob("*.docx"))) == len(GOOD)


def test_export_all_fills_the_chosen_template(window, qtbot, tmp_path: Path) -> None:
    assert window.template_label.text() == "Exports use the built-in look"
    template = tmp_path / "institution.docx"
    window.set_template(template)
    assert window.template_label.text() == "Exports fill institution.docx"
    assert str(template) in window.template_label.toolTip()
    with qtbot.waitSignal(window.exportFinished, timeout=10_000):
        window.export_all(tmp_path / "out")
    exported = sorted((tmp_path / "out").glob("*.docx"))
    assert len(exported) == len(GOOD)
    assert all(p.read_text("utf-8").endswith("template: institution.docx") for p in exported)


def test_new_proposals_from_a_sheet_join_the_workspace(qtbot, call, tmp_path: Path) -> None:
    w = BatchWindow(call, workers=1, export=fake_export)
    qtbot.addWidget(w)
    assert not w.merge_button.isEnabled()  # made in a workspace: none open yet
    root = tmp_path / "office"
    root.mkdir()
    w.open_workspace(root)
    assert w.merge_button.isEnabled() and w.model.rowCount() == 0
    sheet = tmp_path / "名单.csv"
    sheet.write_text(
        "姓名,单位,课题,方向,项目名称\n"
        '王芳,华东理工大学,5.1,"1,4",行列混合查询优化\n'
        "李雷,复旦大学,9.9,,坏课题\n"
        "韩梅梅,同济大学,2.1,2,侧信道防御\n",
        encoding="utf-8-sig",  # as Excel saves a CSV
    )
    w.merge_sheet(sheet)
    assert w.model.rowCount() == 2
    assert sorted(_column(w, APPLICANT)) == ["王芳", "韩梅梅"]
    made = {load_proposal(p)[0].applicant.name: load_proposal(p)[0] for p in root.iterdir()}
    assert made["王芳"].topic == "5.1" and made["王芳"].directions == [1, 4]
    assert made["王芳"].title == "行列混合查询优化"
    lines = w.message_label.text().splitlines()
    assert lines[0] == "New proposals from 名单.csv: 2"
    assert lines[1] == (
        "名单.csv, row 3, column “Topic”: "
        "unknown topic 9.9: the call “call-topics” has no such topic"
    )
    # the same sheet again: every file exists, none is overwritten
    edited = next(p for p in root.iterdir() if "王芳" in p.name)
    edited.write_text(edited.read_text("utf-8").replace("行列混合查询优化", "改过的题目"), "utf-8")
    w.merge_sheet(sheet)
    assert w.model.rowCount() == 2
    assert "改过的题目" in edited.read_text("utf-8")
    lines = w.message_label.text().splitlines()
    assert lines[0] == "New proposals from 名单.csv: 0"
    assert any(line.startswith("Row 2: ") and "was left as it is" in line for line in lines)


def test_a_sheet_without_a_name_column_makes_nothing_and_says_why(
    window, tmp_path: Path, monkeypatch
) -> None:
    warnings: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda _p, title, text: warnings.append((title, text))
    )
    before = window.model.rowCount()
    sheet = tmp_path / "list.csv"
    sheet.write_text("单位,课题\n清华大学,1.1\n", encoding="utf-8")
    window.merge_sheet(sheet)
    [(title, text)] = warnings
    assert title == "No proposals made"
    assert "list.csv" in text and "no column name" in text
    assert window.model.rowCount() == before


def test_problems_and_bad_rows_in_chinese(window, qapp, tmp_path: Path) -> None:
    i18n.install_translator(qapp, "zh")
    try:
        bad = _column(window, FILE).index("syntax.proposal.yaml")
        tip = window.proxy.index(bad, APPLICANT).data(Qt.ItemDataRole.ToolTipRole)
        assert tip.startswith("错误 · 文件：") and tip.endswith("（文件第 5 行）")
        sheet = tmp_path / "名单.csv"
        sheet.write_text("姓名,课题,方向,邮箱\n王芳,5.1,x,wang\n", encoding="utf-8")
        window.merge_sheet(sheet)
        lines = window.message_label.text().splitlines()
        assert lines[0] == "根据 名单.csv 新建的申报书：0 份"
        assert lines[1:] == [
            "名单.csv，第 2 行，“电子邮箱”列：“wang”不是电子邮箱地址",
            "名单.csv，第 2 行，“研究方向”列：应为方向编号（如 1,3），实为“x”",
        ]
    finally:
        i18n.install_translator(qapp, "en")


def test_statuses_read_the_same_in_the_editor_and_the_workspace(window, call, qtbot) -> None:
    """One table of status labels: the workspace once said "review", the editor "In review"."""
    from planner.ui.panes.proposal_editor import ProposalEditor

    editor = ProposalEditor(call)
    qtbot.addWidget(editor)
    in_editor = [editor.status_combo.itemText(i) for i in range(editor.status_combo.count())]
    in_workspace = [window.status_combo.itemText(i) for i in range(window.status_combo.count())]
    assert in_editor == in_workspace == ["Draft", "In review", "Ready", "Submitted"]
