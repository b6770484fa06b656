"""Files dropped on the window: a proposal opens, a folder opens as the workspace, a call file
switches the call; anything else is refused before the drop."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from tree_rows import shown_rows

from planner.formats.call_file import dump_call
from planner.formats.proposal_file import save_proposal
from planner.model.call import Area, Call, FormSection, Topic
from planner.model.proposal import Proposal


def _mime(*paths: Path) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return mime


def _drag_accepted(window, *paths: Path) -> bool:
    mime = _mime(*paths)  # the event only points at it: keep it alive
    event = QDragEnterEvent(
        QPoint(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    event.setAccepted(False)
    window.dragEnterEvent(event)
    return event.isAccepted()


def _drop(window, path: Path) -> None:
    mime = _mime(path)
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)


def _proposal(path: Path, title: str) -> Path:
    save_proposal(Proposal(call="call-topics", topic="5.1", directions=[1], title=title), path)
    return path


def test_a_dropped_proposal_opens(window, tmp_path: Path) -> None:
    path = _proposal(tmp_path / "wang.proposal.yaml", "行列混合存储")
    assert _drag_accepted(window, path)
    _drop(window, path)
    assert window.document.path == path
    assert window.editor.title_edit.text() == "行列混合存储"


def test_a_dropped_folder_opens_as_the_workspace(window, tmp_path: Path) -> None:
    folder = tmp_path / "office"
    folder.mkdir()
    for name in ("a", "b"):
        _proposal(folder / f"{name}.proposal.yaml", f"题目 {name}")
    assert _drag_accepted(window, folder)
    _drop(window, folder)
    batch = window.workspace.batch
    assert batch is not None and batch.isVisible() and batch.model.rowCount() == 2
    assert "  5.1  HTAP 数据库系统  [2]" in shown_rows(window.tree)


def test_a_dropped_call_file_switches_the_call(window, tmp_path: Path, answers) -> None:
    call = Call(
        id="drop-call",
        title="拖入的指南",
        areas=(Area("1", "Systems", (Topic("1.1", "Storage engines", "1", "Background."),)),),
        form=(FormSection("plan", "研究计划"),),
    )
    path = tmp_path / "drop-call.yaml"
    path.write_text(dump_call(call), encoding="utf-8")
    assert _drag_accepted(window, path)
    _drop(window, path)
    assert answers.shown == []
    assert window.call.id == "drop-call"
    assert shown_rows(window.tree) == ["1  Systems", "  1.1  Storage engines"]


def test_a_dropped_file_that_is_no_call_says_why_and_changes_nothing(
    window, tmp_path: Path, answers
) -> None:
    path = tmp_path / "settings.yaml"
    path.write_text("theme: dark\n", encoding="utf-8")
    assert _drag_accepted(window, path)  # a .yaml may be a call: only reading it tells
    _drop(window, path)
    [(kind, title, text)] = answers.shown
    assert (kind, title) == ("critical", "Cannot open the call")
    assert "settings.yaml" in text
    assert window.call.id == "call-topics"


def test_what_the_window_cannot_open_is_refused(window, tmp_path: Path) -> None:
    picture = tmp_path / "photo.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n")
    first = _proposal(tmp_path / "a.proposal.yaml", "a")
    second = _proposal(tmp_path / "b.proposal.yaml", "b")
    assert not _drag_accepted(window, picture)
    assert not _drag_accepted(window, first, second)  # one at a time: each may ask to save
    assert not _drag_accepted(window, tmp_path / "gone.yaml")
