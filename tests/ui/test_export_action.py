"""File → Export .docx… with the institution template chosen under File → Export Template."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import docx
import paths
import pictures
import pytest
from docx_body import body_paragraphs
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox

from planner.storage.recovery import RecoveryStore
from planner.ui.window.main_window import MainWindow
from planner.ui.window.settings import WindowSettings

REPO = paths.REPO


@pytest.fixture
def office_template(tmp_path: Path) -> Path:
    doc = docx.Document()
    doc.sections[0].header.paragraphs[0].add_run("某某大学科研处")
    path = tmp_path / "office.docx"
    doc.save(str(path))
    return path


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    urls: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: urls.append(url.toLocalFile()))
    return urls


def _dialogs(monkeypatch: pytest.MonkeyPatch, *, open_: Path | None, save: Path | None) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(open_ or ""), ""))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(save or ""), ""))


def _fill(window: MainWindow) -> None:
    window.tree.select_topic("5.1")
    window.detail.direction_boxes[0].setChecked(True)
    window.editor.section_editors["background"].edit.setPlainText(
        "HTAP 系统需要同时服务事务与分析。"
    )


def test_export_writes_the_docx_and_offers_to_open_it(
    window, tmp_path, monkeypatch, answers, opened
) -> None:
    _fill(window)
    target = tmp_path / "out"
    _dialogs(monkeypatch, open_=None, save=target)
    answers.question_answer = QMessageBox.StandardButton.Open
    window.actions_.export_docx.trigger()
    written = tmp_path / "out.docx"
    text = "\n".join(p.text for p in body_paragraphs(docx.Document(str(written))))
    assert "HTAP 系统需要同时服务事务与分析。" in text
    assert answers.shown[-1][1] == "Exported"
    assert opened == [str(written)]
    assert window.exporter.label.isHidden()  # no template: nothing to say


def test_the_chosen_template_is_filled_and_remembered(
    qtbot, call, office_template, tmp_path, monkeypatch, answers, opened
) -> None:
    window = MainWindow(call, recovery=RecoveryStore(tmp_path / "rec"), remember=True)
    qtbot.addWidget(window)
    _fill(window)
    target = tmp_path / "with-template.docx"
    _dialogs(monkeypatch, open_=office_template, save=target)
    window.actions_.choose_template.trigger()
    assert window.exporter.template == office_template
    assert window.exporter.label.text() == "Export template: office.docx"
    assert window.actions_.template_info.text() == "Template: office.docx"
    assert WindowSettings().export_template() == office_template
    window.actions_.export_docx.trigger()  # answers: No to "open it now?"
    assert opened == []
    header = docx.Document(str(target)).sections[0].header
    assert header.paragraphs[0].text.startswith("某某大学科研处")
    # the next window (the next start) exports into the same template
    again = MainWindow(call, recovery=RecoveryStore(tmp_path / "rec2"), remember=True)
    qtbot.addWidget(again)
    assert again.exporter.template == office_template
    again.actions_.clear_template.trigger()
    assert again.exporter.template is None and again.exporter.label.isHidden()
    assert not again.actions_.clear_template.isEnabled()
    assert WindowSettings().export_template() is None


def test_a_missing_template_is_a_clear_error(
    window, office_template, tmp_path, monkeypatch, answers
) -> None:
    window.exporter.set_template(office_template)
    office_template.unlink()
    target = tmp_path / "x.docx"
    _dialogs(monkeypatch, open_=None, save=target)
    window.actions_.export_docx.trigger()
    kind, title, text = answers.shown[-1]
    assert (kind, title) == ("critical", "Export failed")
    assert str(office_template) in text and "File → Export Template" in text
    assert not target.exists()


def test_the_window_starts_without_python_docx() -> None:
    code = (
        "import sys\n"
        "import planner.ui.window.main_window, planner.ui.app\n"
        "assert 'docx' not in sys.modules, 'python-docx on the start-up path'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=REPO)


def test_a_missing_picture_is_said_after_the_export(
    window, tmp_path, monkeypatch, answers, opened
) -> None:
    """The figure path starts at the proposal file's folder; a missing one is a placeholder
    in the document and a message naming it, in the interface's wording."""
    from planner.formats.proposal_file import save_proposal
    from planner.model.proposal import Proposal

    (tmp_path / "figures").mkdir()
    (tmp_path / "figures" / "ok.png").write_bytes(pictures.png(20, 10))
    source = tmp_path / "p.proposal.yaml"
    text = "见下图。\n![技术路线](figures/ok.png)\n![架构](figures/gone.png)"
    save_proposal(Proposal(call=window.call.id, topic="5.1", sections={"approach": text}), source)
    monkeypatch.chdir("/")  # not where the proposal is
    assert window.open_proposal(source)
    _dialogs(monkeypatch, open_=None, save=tmp_path / "out.docx")
    window.actions_.export_docx.trigger()
    kind, title, message = answers.shown[-2]  # then the usual "Exported" question
    assert (kind, title) == ("critical", "Exported with missing pictures")
    assert "figures/gone.png" in message and "there is no such file" in message
    assert "ok.png" not in message
    doc = docx.Document(str(tmp_path / "out.docx"))
    assert len(doc.inline_shapes) == 1
    assert "［图片无法读取：figures/gone.png（文件不存在）］" in [
        p.text for p in body_paragraphs(doc)
    ]


def test_export_with_errors_asks_first_naming_them(window, tmp_path, monkeypatch, answers) -> None:
    """Issue 16: the in-app export of a proposal with errors said only "导出完成"."""
    _fill(window)
    window.document.proposal.directions = [99]  # out of range: an error
    _dialogs(monkeypatch, open_=None, save=tmp_path / "out.docx")
    answers.question_answer = QMessageBox.StandardButton.No
    window.actions_.export_docx.trigger()
    kind, title, text = answers.shown[0]
    assert (kind, title) == ("question", "Export with errors?")
    assert "direction 99 is out of range" in text
    assert not (tmp_path / "out.docx").exists()
    answers.question_answer = QMessageBox.StandardButton.Yes
    window.actions_.export_docx.trigger()
    assert (tmp_path / "out.docx").exists()
