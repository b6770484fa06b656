"""Open call…: the import report dialog, ask_call and the recent calls list."""

from __future__ import annotations

from pathlib import Path

import paths
import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from planner.importer.call_import import import_call_text
from planner.ui.dialogs.call_import_dialog import CallImportDialog
from planner.ui.window.open_call import ask_call, call_file_filter
from planner.ui.window.settings import MAX_RECENT, WindowSettings

DATA = paths.DATA
INCOMPLETE = "1. 领域\n\n1.1 主题\n\n背景。\n\n建议研究方向：\n\n1) 一；\n3) 三。\n\n1.2 空主题\n"


@pytest.fixture
def settings(tmp_path: Path) -> WindowSettings:
    return WindowSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    return shown


def test_dialog_lists_the_problems_with_their_lines(qtbot, tmp_path: Path) -> None:
    call, report = import_call_text(INCOMPLETE, "c", "C")
    dialog = CallImportDialog(call, report, tmp_path / "call.txt")
    qtbot.addWidget(dialog)
    assert dialog.summary.text() == "call.txt: 1 area, 2 topics, 2 directions."
    rows = [dialog.problems.item(i).text() for i in range(dialog.problems.count())]
    assert rows == [
        "Line 10: topic 1.1: direction 3 follows direction 1",
        "Line 12: topic 1.2 has no background text",
    ]
    notes = [dialog.notes.item(i).text() for i in range(dialog.notes.count())]
    assert notes == ["Line 12: topic 1.2 has no suggested directions"]
    area = dialog.tree.topLevelItem(0)
    assert area.text(0) == "1  领域"
    assert [area.child(i).text(0) for i in range(area.childCount())] == ["1.1  主题", "1.2  空主题"]
    assert area.child(0).text(1) == "2"


def test_dialog_for_a_complete_import_says_so(qtbot, seed_text: str, tmp_path: Path) -> None:
    call, report = import_call_text(seed_text, "call-topics", "申报主题")
    dialog = CallImportDialog(call, report, tmp_path / "call-topics.txt")
    qtbot.addWidget(dialog)
    assert dialog.problems_label.text() == "Every topic of the text was placed."
    assert dialog.problems.isHidden()
    notes = [dialog.notes.item(i).text() for i in range(dialog.notes.count())]
    assert notes[0] == "Line 5: the title block “附件一：申报主题”: not a topic (it names the call)"
    assert "Line 218: topic 1.14 has no suggested directions" in notes
    assert dialog.tree.topLevelItemCount() == 5
    dialog.use_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_open_a_call_yaml(warnings: list[str]) -> None:
    path = DATA.parent.parent / "resources" / "topics.yaml"
    call = ask_call(None, path)
    assert call is not None and call.topic_count == 28
    assert warnings == []


def test_open_a_broken_call_shows_where(tmp_path: Path, warnings: list[str]) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("id: x\ntitle: X\nareas: 3\n", encoding="utf-8")
    assert ask_call(None, path) is None
    assert warnings == [f"{path}, line 3, field 'areas': expected a list, found a number"]


@pytest.mark.parametrize(("answer", "used"), [(QDialog.DialogCode.Accepted, True), (0, False)])
def test_open_a_text_call_shows_the_report_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, answer, used: bool
) -> None:
    path = tmp_path / "next-year.md"
    path.write_text(INCOMPLETE, encoding="utf-8")
    shown: list[CallImportDialog] = []

    def exec_(dialog: CallImportDialog) -> int:
        shown.append(dialog)
        return answer

    monkeypatch.setattr(CallImportDialog, "exec", exec_)
    call = ask_call(None, path)
    assert shown[0].problems.count() == 2
    assert shown[0].notes.count() == 1  # topic 1.2 has no directions
    assert (call is not None) == used
    if used:
        assert call.id == "next-year"


def test_text_without_headings_is_a_warning(tmp_path: Path, warnings: list[str]) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("just notes\n", encoding="utf-8")
    assert ask_call(None, path) is None
    assert warnings == [f"{path}: no numbered area or topic headings were found"]


@pytest.mark.parametrize("kind", ["calls", "files"])
def test_recent_lists_order_cap_and_missing_files(
    tmp_path: Path, settings: WindowSettings, kind: str
) -> None:
    """File → Recent Calls and File → Open Recent keep their lists by the same rule."""
    remember = settings.add_recent_call if kind == "calls" else settings.add_recent_file
    recent = settings.recent_calls if kind == "calls" else settings.recent_files
    files = []
    for i in range(MAX_RECENT + 2):
        files.append(tmp_path / f"c{i}.yaml")
        files[-1].write_text("x", encoding="utf-8")
        remember(files[-1])
    remember(files[3])  # again: moves to the top, once
    got = recent()
    assert got[0] == files[3].resolve()
    assert len(got) == MAX_RECENT and got.count(files[3].resolve()) == 1
    files[-1].unlink()
    assert files[-1].resolve() not in recent()
    assert (settings.recent_files if kind == "calls" else settings.recent_calls)() == []


def test_file_filter_offers_yaml_and_imports() -> None:
    assert call_file_filter().split(";;")[0] == "Calls (*.yaml *.yml *.txt *.md *.markdown *.docx)"


def test_the_dialog_takes_id_and_title_and_saves_the_call_file(qtbot, monkeypatch, tmp_path):
    """Issue 16: the import dialog could not set id and title, nor save the call file; the call
    was named after the file's stem."""
    from planner.formats.call_file import load_call

    source = tmp_path / "call2.txt"
    source.write_text((DATA / "calls" / "zh-noise.txt").read_text(encoding="utf-8"), "utf-8")
    shown: list[CallImportDialog] = []

    def exec_(dialog: CallImportDialog) -> int:
        shown.append(dialog)
        assert dialog.title_edit.text() == "2025 年度联合研究计划申报指南"  # not "call2"
        dialog.id_edit.setText("lianhe-2025")
        target = tmp_path / "handout.yaml"
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
        dialog.save_button.click()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(CallImportDialog, "exec", exec_)
    call = ask_call(None, source)
    assert call is not None
    assert (call.id, call.title) == ("lianhe-2025", "2025 年度联合研究计划申报指南")
    saved = load_call(tmp_path / "handout.yaml")
    assert (saved.id, saved.title, saved.topic_count) == ("lianhe-2025", call.title, 6)


def test_a_saved_call_file_is_the_call_remembered(window, tmp_path, monkeypatch) -> None:
    """The id and title given in the dialog survive the next start: the window remembers the
    call file the user saved, not the topic list it came from."""
    source = tmp_path / "call2.txt"
    source.write_text((DATA / "calls" / "zh-noise.txt").read_text(encoding="utf-8"), "utf-8")
    target = tmp_path / "handout.yaml"

    def exec_(dialog: CallImportDialog) -> int:
        dialog.id_edit.setText("lianhe-2025")
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
        dialog.save_button.click()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(CallImportDialog, "exec", exec_)
    assert window.calls.open_path(source)
    assert window.call.id == "lianhe-2025"
    assert window.calls.path == target.resolve()
