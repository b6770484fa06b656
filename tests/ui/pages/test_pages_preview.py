"""View → Page Preview, File → Export PDF…, Print… and Print Preview… in the window."""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
from pathlib import Path

import paths
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QFileDialog, QMessageBox

from planner.storage.recovery import RecoveryStore
from planner.ui.window.main_window import MainWindow


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    """A copy: an opened proposal is locked until its window is gone."""
    path = tmp_path / "sample.proposal.yaml"
    shutil.copy(paths.DATA / "sample.proposal.yaml", path)
    return path


LONG = "\n".join(
    ["行列混合存储引擎在同一份数据上同时服务事务与分析负载，访问路径的选择决定吞吐。" * 3] * 40
)


def menu_texts(menu) -> list[str]:
    return [a.text() for a in menu.actions()]


@pytest.fixture
def previewing(window: MainWindow, qtbot, sample: Path):
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    assert window.open_proposal(sample)
    with qtbot.waitSignal(window.pages.laidOut, timeout=5000):
        window.pages.show_preview.trigger()
    return window


def test_menus_hold_the_page_commands(window: MainWindow) -> None:
    actions = window.actions_
    file_items = menu_texts(actions.file_menu)
    assert file_items.index("&Export .docx…") < file_items.index("Export &PDF…")
    assert "&Print…" in file_items and "Print Pre&view…" in file_items
    assert "Page Pre&view" in menu_texts(actions.view_menu)
    assert window.pages.print_.shortcut() == QKeySequence("Ctrl+P")


def test_preview_shows_the_pages_and_the_count(previewing: MainWindow) -> None:
    pages = previewing.pages
    assert pages.dock is not None and pages.dock.isVisible()
    assert pages.page_count == 2
    assert pages.label.text() == "2 pages"  # the status bar
    preview = pages.preview
    assert preview.count_label.text() == "2 pages"
    items = [preview.sections.item(i).text() for i in range(preview.sections.count())]
    assert items[0] == "p. 1 · 一、申报课题与研究方向"
    assert items[-1] == "p. 2 · 十、经费预算"
    image = preview.canvas.page_image(0)
    assert image.width() > 300 and not image.isNull()


def test_typing_lays_out_again_after_a_pause_not_on_the_keystroke(
    previewing: MainWindow, qtbot
) -> None:
    pages = previewing.pages
    editor = previewing.editor.section_editors["background"].edit
    editor.setPlainText(LONG)
    assert pages.timer.isActive() and pages.page_count == 2  # nothing laid out yet
    with qtbot.waitSignal(pages.laidOut, timeout=5000):
        pass
    assert pages.page_count > 3
    assert pages.label.text() == f"{pages.page_count} pages"


def test_clicking_a_section_scrolls_to_its_page(previewing: MainWindow, qtbot) -> None:
    preview = previewing.pages.preview
    bar = preview.scroll.verticalScrollBar()
    bar.setValue(0)
    last = preview.sections.item(preview.sections.count() - 1)
    rect = preview.sections.visualItemRect(last)
    qtbot.mouseClick(preview.sections.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert bar.value() >= preview.canvas.page_top(1) - 20


def test_zoom_changes_the_page_size(previewing: MainWindow) -> None:
    preview = previewing.pages.preview
    preview.set_zoom(100)
    at_100 = preview.canvas.page_size()
    preview.set_zoom(50)
    assert preview.canvas.page_size().width() * 2 == pytest.approx(at_100.width(), abs=2)
    assert preview.zoom_box.currentText() == "50%"


def test_page_limit_warns_in_the_problems_list(qtbot, call, recovery_dir, answers, sample) -> None:
    limited = dataclasses.replace(call, page_limit=1)
    window = MainWindow(limited, recovery=RecoveryStore(recovery_dir), remember=False)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.pages.laidOut, timeout=5000):
        window.open_proposal(sample)  # the call limits pages: laid out with no preview open
    rows = window.problems.rows()
    assert ("Warning", "Pages", "2 pages, over the call's limit of 1") in rows, rows
    assert window.pages.label.text() == "2 pages of 1 allowed"


def test_export_pdf_writes_the_file(window, tmp_path, monkeypatch, answers, sample) -> None:
    assert window.open_proposal(sample)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "p"), ""))
    answers.question_answer = QMessageBox.StandardButton.No
    assert window.pages.export()
    pdf = tmp_path / "p.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    assert "Pages:           2" in info


def test_print_lays_out_for_the_printer(window, tmp_path, monkeypatch, sample) -> None:
    assert window.open_proposal(sample)
    target = tmp_path / "printed.pdf"
    made = window.pages.new_printer

    def to_file() -> QPrinter:
        printer = made()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        return printer

    monkeypatch.setattr(window.pages, "new_printer", to_file)
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: QPrintDialog.DialogCode.Accepted)
    assert window.pages.print_document()
    info = subprocess.run(["pdfinfo", str(target)], capture_output=True, text=True).stdout
    assert "Pages:           2" in info and "A4" in info


def test_print_preview_paints_the_pages(window, monkeypatch, tmp_path, sample) -> None:
    assert window.open_proposal(sample)
    shown: list[int] = []

    def exec_(dialog: QPrintPreviewDialog) -> int:
        printer = QPrinter()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / "preview-test.pdf"))
        shown.append(window.pages.paint_to(printer))
        return 0

    monkeypatch.setattr(QPrintPreviewDialog, "exec", exec_)
    window.pages.print_preview.trigger()
    assert shown == [2]


def test_closing_the_dock_unticks_the_menu_item_and_stops_layout(previewing: MainWindow) -> None:
    pages = previewing.pages
    pages.dock.close()
    assert not pages.show_preview.isChecked()
    previewing.editor.section_editors["background"].edit.setPlainText("改动")
    assert not pages.timer.isActive()  # no preview, no page limit: nothing to lay out
    assert not pages.label.isVisible()


def test_on_a_small_window_the_preview_leaves_the_panes_their_room(
    window: MainWindow, qtbot, sample: Path
) -> None:
    window.resize(1200, 750)
    window.show()
    qtbot.waitExposed(window)
    assert window.open_proposal(sample)
    with qtbot.waitSignal(window.pages.laidOut, timeout=5000):
        window.pages.show_preview.trigger()
    dock = window.pages.dock
    assert dock is not None
    # 660 px of 1200 squeezed the detail pane until its title wrapped after every two characters
    assert dock.width() <= 1200 * 47 // 100 + 10
