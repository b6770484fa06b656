"""A returned Word file opened or dropped on the window becomes a new unsaved proposal, and the
import report is shown (issue 15)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from paths import DATA
from PySide6.QtWidgets import QMessageBox
from returned_docx import export, rich_proposal
from test_drop import _drag_accepted, _drop

from planner.ui.dialogs import import_report


class Shown:
    def __init__(self) -> None:
        self.boxes: list[tuple[str, str, str, str]] = []  # title, text, informative, details

    def exec(self, box: QMessageBox) -> int:
        self.boxes.append(
            (box.windowTitle(), box.text(), box.informativeText(), box.detailedText())
        )
        return 0


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> Shown:
    record = Shown()
    monkeypatch.setattr(import_report.QMessageBox, "exec", lambda box: record.exec(box))
    return record


@pytest.fixture
def returned(call, tmp_path: Path) -> Path:
    (tmp_path / "figures").mkdir()
    shutil.copy(DATA / "figures" / "photo.jpg", tmp_path / "figures")
    return export(rich_proposal(call), call, tmp_path, "zhang.docx")


def test_open_reads_a_word_file_into_a_new_unsaved_proposal(call, window, returned, shown):
    assert window.open_proposal(returned)
    assert window.document.path is None and window.document.modified
    assert window.document.suggested_path == returned.with_name("zhang.proposal.yaml")
    assert window.editor.title_edit.text() == rich_proposal(call).title
    budget = window.editor.section_editors["budget"].text()
    assert budget.strip() == "设备费 20 万元，差旅费 5 万元。"
    assert (returned.parent / "zhang.figures" / "技术路线图.jpg").is_file()
    # the figures are found where they were saved: no "no such file" in the problems list
    assert not [p for p in window.problems._problems if p.code == "figure_unreadable"]
    ((title, text, informative, details),) = shown.boxes
    assert title == "Imported from Word"
    assert text == "zhang.docx was read into a new proposal, not saved yet."
    assert "Sections read: 9 (9 by their content control, 0 by heading)." in informative
    assert "Figures saved beside the Word file: 1." in informative
    assert "Everything in the document was placed." in informative
    assert "9 sections read (9 by content control" in details


def test_a_dropped_word_proposal_is_imported(call, window, returned, shown) -> None:
    assert _drag_accepted(window, returned)
    _drop(window, returned)
    assert window.editor.title_edit.text() == rich_proposal(call).title
    assert len(shown.boxes) == 1


def test_a_file_that_is_not_word_says_why(window, tmp_path: Path, answers, shown) -> None:
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"plain text")
    assert not window.open_proposal(bad)
    ((kind, title, text),) = answers.shown
    assert (kind, title) == ("critical", "Cannot read the Word file")
    assert "not a Word .docx file (it is not a zip package)" in text
    assert not shown.boxes


def test_the_workspace_window_says_which_rows_came_from_word(call, returned, qapp) -> None:

    from planner.office.workspace import scan_workspace
    from planner.ui.workspace.workspace_model import FILE, WorkspaceModel

    model = WorkspaceModel()
    model.set_workspace(scan_workspace(returned.parent, call))
    rows = [model.index(r, FILE).data() for r in range(model.rowCount())]
    assert rows == ["zhang.docx (from Word)"]
