"""Issue 16, item 6: the views an office needs — filters with the row count, export selected,
duplicates in the table, reviewer notes, the skipped count, pack for submission."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest
from hostile_workspace import BAD, GOOD, fake_export, make_workspace
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtGui import QDesktopServices

from planner.office.notes import NOTES_FILE, read_notes
from planner.ui.workspace.batch_window import BatchWindow
from planner.ui.workspace.workspace_model import DUPLICATE, FILE, NOTE


@pytest.fixture
def window(qtbot, call, tmp_path: Path):
    w = BatchWindow(call, workers=1, export=fake_export)
    qtbot.addWidget(w)
    w.open_workspace(make_workspace(tmp_path / "ws"))
    return w


def _files(w: BatchWindow) -> list[str]:
    return sorted(w.proxy.index(r, FILE).data() for r in range(w.proxy.rowCount()))


def _select(w: BatchWindow, names: list[str]) -> None:
    w.table.clearSelection()
    for row in range(w.proxy.rowCount()):
        if w.proxy.index(row, FILE).data() in names:
            w.table.selectionModel().select(
                w.proxy.index(row, 0),
                QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
            )


def _cell(w: BatchWindow, name: str, column: int) -> str:
    row = next(r for r in range(w.proxy.rowCount()) if w.proxy.index(r, FILE).data() == name)
    return w.proxy.index(row, column).data()


def _choose(combo, data: str) -> None:
    combo.setCurrentIndex(combo.findData(data))


def test_filters_by_status_topic_institution_and_text_with_the_count(window) -> None:
    total = len(GOOD) + len(BAD)
    bar = window.filters
    assert bar.count_label.text() == f"{total} of {total} shown"
    _choose(bar.topic_combo, "1.2")
    assert _files(window) == ["dave.proposal.yaml", "group/nested/bob.proposal.yaml"]
    assert bar.count_label.text() == f"2 of {total} shown"
    _choose(bar.institution_combo, "复旦大学")
    assert _files(window) == ["dave.proposal.yaml"]
    _choose(bar.topic_combo, "")
    _choose(bar.institution_combo, "")
    _select(window, ["alice.proposal.yaml"])
    window.set_status_of_selected("ready")
    _choose(bar.status_combo, "ready")
    assert _files(window) == ["alice.proposal.yaml"]
    _choose(bar.status_combo, "")
    bar.text_edit.setText("垂类")
    assert _files(window) == ["group/nested/bob.proposal.yaml"]
    assert bar.count_label.text() == f"1 of {total} shown"


def test_duplicate_applicants_are_flagged_in_the_table(window) -> None:
    assert "carol.proposal.yaml" in _cell(window, "alice.proposal.yaml", DUPLICATE)
    assert "alice.proposal.yaml" in _cell(window, "carol.proposal.yaml", DUPLICATE)
    assert _cell(window, "con.proposal.yaml", DUPLICATE) == ""


def test_a_reviewer_note_is_kept_by_the_workspace_and_in_the_summary(window, tmp_path) -> None:
    root = window.model.workspace().root
    before = (root / "alice.proposal.yaml").read_bytes()
    window.set_note("alice.proposal.yaml", "预算需核实")
    assert _cell(window, "alice.proposal.yaml", NOTE) == "预算需核实"
    assert (root / "alice.proposal.yaml").read_bytes() == before  # not in the applicant's file
    assert read_notes(root) == {"alice.proposal.yaml": "预算需核实"}
    assert (root / NOTES_FILE).is_file()
    window._write_summary(tmp_path / "out")
    rows = list(openpyxl.load_workbook(tmp_path / "out" / "summary.xlsx").active.values)
    col = rows[0].index("Reviewer note")
    assert next(r for r in rows if r[0] == "alice.proposal.yaml")[col] == "预算需核实"


def test_export_selected_exports_only_those(window, qtbot, tmp_path) -> None:
    _select(window, ["alice.proposal.yaml", "con.proposal.yaml", "syntax.proposal.yaml"])
    with qtbot.waitSignal(window.exportFinished, timeout=10_000) as blocker:
        window.export_all(tmp_path / "out", selected=True)
    assert sorted(o.source for o in blocker.args[0]) == ["alice.proposal.yaml", "con.proposal.yaml"]
    assert "1 invalid proposal skipped (fix it to export it)." in window.message_label.text()


def test_export_all_names_the_skipped_and_offers_the_folder(
    window, qtbot, tmp_path, monkeypatch
) -> None:
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    with qtbot.waitSignal(window.exportFinished, timeout=10_000):
        window.export_all(tmp_path / "out")
    assert f"{len(window.model.workspace().invalid)} invalid proposals skipped" in (
        window.message_label.text()
    )
    assert window.open_folder_button.isVisibleTo(window)
    window.open_folder_button.click()
    assert opened == [str(tmp_path / "out")]


def test_pack_for_submission_writes_one_zip(window, qtbot, tmp_path) -> None:
    target = tmp_path / "submission.zip"
    with qtbot.waitSignal(window.exportFinished, timeout=10_000) as blocker:
        window.pack(target)
    exported = sorted(o.target.name for o in blocker.args[0] if o.ok)
    names = zipfile.ZipFile(target).namelist()
    assert sorted(n.removeprefix("documents/") for n in names if n.startswith("documents/")) == (
        exported
    )
    assert {"summary.xlsx", "summary.csv"} <= set(names)
    assert "Packed for submission" in window.message_label.text()
