"""Issue 16, item 1: the stale-status sequence, with the planner and the workspace side by side,
and the planner noticing its file changed on disk."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from planner.formats.proposal_file import load_proposal, save_proposal
from planner.model.proposal import Applicant, Proposal
from planner.ui.workspace.workspace_model import FILE, TITLE


def _workspace(root: Path) -> Path:
    root.mkdir()
    for name in ("a", "b"):
        save_proposal(
            Proposal(call="call-topics", topic="1.1", directions=[1], title=f"标题 {name}",
                     applicant=Applicant(name=f"申请人 {name}", institution="某大学")),
            root / f"{name}.proposal.yaml",
        )  # fmt: skip
    return root


def press_f5(qtbot, batch) -> None:
    batch.show()
    batch.activateWindow()
    qtbot.keyClick(batch.table, Qt.Key.Key_F5)


def _row(batch, name: str) -> int:
    files = [batch.proxy.index(r, FILE).data() for r in range(batch.proxy.rowCount())]
    return files.index(name)


def _select(batch, name: str) -> None:
    batch.table.clearSelection()
    batch.table.selectRow(_row(batch, name))


def test_status_set_in_the_workspace_survives_a_save_in_the_planner(window, tmp_path, qtbot):
    root = _workspace(tmp_path / "office")
    path = root / "a.proposal.yaml"
    batch = window.workspace.open(root)
    assert window.open_proposal(path)
    _select(batch, "a.proposal.yaml")
    assert batch.set_status_of_selected("submitted") == []
    # the title is edited and saved in the planner
    window.editor.title_edit.setText("新标题")
    window.editor.title_edit.textEdited.emit("新标题")
    assert window.files.save()
    on_disk = load_proposal(path)[0]
    assert (on_disk.title, on_disk.status) == ("新标题", "submitted")
    # the table follows the file within a second, without F5
    qtbot.waitUntil(
        lambda: batch.proxy.index(_row(batch, "a.proposal.yaml"), TITLE).data() == "新标题",
        timeout=1000,
    )
    batch._write_summary(tmp_path / "out")
    sheet = load_workbook(tmp_path / "out" / "summary.xlsx").active
    rows = [[c.value for c in row] for row in sheet.iter_rows(values_only=False)]
    header, data = rows[0], rows[1:]
    status_col = header.index("Status")
    title_col = header.index("Title")
    row = next(r for r in data if r[0] == "a.proposal.yaml")
    assert (row[title_col], row[status_col]) == ("新标题", "Submitted")


def test_a_file_not_open_gets_its_status_and_no_bak_beside_it(window, tmp_path) -> None:
    root = _workspace(tmp_path / "office")
    batch = window.workspace.open(root)
    _select(batch, "b.proposal.yaml")
    assert batch.set_status_of_selected("review") == []
    assert load_proposal(root / "b.proposal.yaml")[0].status == "review"
    assert not list(root.glob("*.bak"))


def test_f5_and_the_watcher_show_files_added_and_removed(window, tmp_path, qtbot) -> None:
    root = _workspace(tmp_path / "office")
    batch = window.workspace.open(root)
    (root / "b.proposal.yaml").unlink()
    save_proposal(Proposal(call="call-topics", title="第三个"), root / "c.proposal.yaml")
    names = lambda: sorted(e.name for e in batch.model.workspace().entries)  # noqa: E731
    qtbot.waitUntil(lambda: names() == ["a.proposal.yaml", "c.proposal.yaml"], timeout=1000)
    assert batch.model.rowCount() == 2
    (root / "d.proposal.yaml").write_text("schema: 1\n", encoding="utf-8")
    batch.folder_watch.blockSignals(True)  # F5 alone
    press_f5(qtbot, batch)
    assert batch.model.rowCount() == 3


def test_the_planner_offers_to_reload_and_keeps_the_unsaved_text(
    window, tmp_path, qtbot, answers, recovery_dir
) -> None:
    root = _workspace(tmp_path / "office")
    path = root / "a.proposal.yaml"
    window.show()
    assert window.open_proposal(path)
    window.editor.title_edit.setText("我没保存的标题")
    window.editor.title_edit.textEdited.emit("我没保存的标题")
    answers.question_answer = QMessageBox.StandardButton.Yes
    other = load_proposal(path)[0]
    other.title = "同事改的标题"
    save_proposal(other, path)  # another program (no lock of ours) writes the file
    qtbot.waitUntil(lambda: window.document.proposal.title == "同事改的标题", timeout=1000)
    assert any("changed on disk" in text for _kind, _title, text in answers.shown)
    kept = [p.read_text(encoding="utf-8") for p in recovery_dir.glob("*.proposal.yaml")]
    assert any("我没保存的标题" in text for text in kept)
    assert not window.document.modified


def test_saving_never_overwrites_a_newer_save(window, tmp_path, answers) -> None:
    root = _workspace(tmp_path / "office")
    path = root / "a.proposal.yaml"
    assert window.open_proposal(path)
    window.disk_watch.check = lambda: False  # the user said No to reloading
    other = load_proposal(path)[0]
    other.title = "同事改的标题"
    save_proposal(other, path)
    window.editor.title_edit.setText("我的标题")
    window.editor.title_edit.textEdited.emit("我的标题")
    assert not window.files.save()
    assert load_proposal(path)[0].title == "同事改的标题"
    assert any("changed on disk" in text for _kind, _title, text in answers.shown)
