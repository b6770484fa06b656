"""Open call…: the import report dialog, open_call_file and the recent calls list."""

from __future__ import annotations

from pathlib import Path

import paths
import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QMessageBox

from planner.importer.call_import import import_call_text
from planner.ui.dialogs.call_import_dialog import CallImportDialog
from planner.ui.window.open_call import call_file_filter, open_call_file
from planner.ui.window.recent_calls import MAX_RECENT, forget_call, recent_calls, remember_call

DATA = paths.DATA
INCOMPLETE = "1. 领域\n\n1.1 主题\n\n背景。\n\n建议研究方向：\n\n1) 一；\n3) 三。\n\n1.2 空主题\n"


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    return shown


def test_dialog_lists_the_problems_with_their_lines(qtbot, tmp_path: Path) -> None:
    call, report = import_call_text(INCOMPLETE, "c", "C")
    dialog = CallImportDialog(call, report, tmp_path / "call.txt")
    qtbot.addWidget(dialog)
    assert dialog.summary.text() == "call.txt: 1 areas, 2 topics, 2 directions."
    rows = [dialog.problems.item(i).text() for i in range(dialog.problems.count())]
    assert rows == [
        "Line 10: topic 1.1: direction 3 follows direction 1",
        "Line 12: topic 1.2 has no background text",
    ]
    area = dialog.tree.topLevelItem(0)
    assert area.text(0) == "1  领域"
    assert [area.child(i).text(0) for i in range(area.childCount())] == ["1.1  主题", "1.2  空主题"]
    assert area.child(0).text(1) == "2"


def test_dialog_for_a_complete_import_says_so(qtbot, seed_text: str, tmp_path: Path) -> None:
    call, report = import_call_text(seed_text, "call-topics", "申报主题")
    dialog = CallImportDialog(call, report, tmp_path / "call-topics.txt")
    qtbot.addWidget(dialog)
    assert dialog.problems_label.text() == "Every part of the text was placed."
    assert dialog.problems.isHidden()
    assert dialog.tree.topLevelItemCount() == 5
    dialog.use_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_open_a_call_yaml_remembers_it(settings: QSettings, warnings: list[str]) -> None:
    path = DATA.parent.parent / "resources" / "topics.yaml"
    call = open_call_file(None, path, settings)
    assert call is not None and call.topic_count == 28
    assert recent_calls(settings) == [path.resolve()]
    assert warnings == []


def test_open_a_broken_call_shows_where(
    tmp_path: Path, settings: QSettings, warnings: list[str]
) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("id: x\ntitle: X\nareas: 3\n", encoding="utf-8")
    assert open_call_file(None, path, settings) is None
    assert warnings == [f"{path}, line 3, field 'areas': expected a list, found a number"]
    assert recent_calls(settings) == []


@pytest.mark.parametrize(("answer", "used"), [(QDialog.DialogCode.Accepted, True), (0, False)])
def test_open_a_text_call_shows_the_report_first(
    tmp_path: Path, settings: QSettings, monkeypatch: pytest.MonkeyPatch, answer, used: bool
) -> None:
    path = tmp_path / "next-year.md"
    path.write_text(INCOMPLETE, encoding="utf-8")
    shown: list[CallImportDialog] = []

    def exec_(dialog: CallImportDialog) -> int:
        shown.append(dialog)
        return answer

    monkeypatch.setattr(CallImportDialog, "exec", exec_)
    call = open_call_file(None, path, settings)
    assert shown[0].problems.count() == 2
    assert (call is not None) == used
    assert recent_calls(settings) == ([path.resolve()] if used else [])
    if used:
        assert call.id == "next-year"


def test_text_without_headings_is_a_warning(
    tmp_path: Path, settings: QSettings, warnings: list[str]
) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("just notes\n", encoding="utf-8")
    assert open_call_file(None, path, settings) is None
    assert warnings == ["notes.txt: no numbered area or topic headings were found."]


def test_recent_calls_order_cap_and_missing_files(tmp_path: Path, settings: QSettings) -> None:
    files = []
    for i in range(MAX_RECENT + 2):
        files.append(tmp_path / f"c{i}.yaml")
        files[-1].write_text("x", encoding="utf-8")
        remember_call(files[-1], settings)
    remember_call(files[3], settings)  # again: moves to the top, once
    got = recent_calls(settings)
    assert got[0] == files[3].resolve()
    assert len(got) == MAX_RECENT and got.count(files[3].resolve()) == 1
    files[-1].unlink()
    assert files[-1].resolve() not in recent_calls(settings)
    forget_call(files[3], settings)
    assert files[3].resolve() not in recent_calls(settings)


def test_file_filter_offers_yaml_and_imports() -> None:
    assert call_file_filter().split(";;")[0] == "Calls (*.yaml *.yml *.txt *.md *.markdown *.docx)"
