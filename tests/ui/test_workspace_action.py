"""File → Open Workspace…: the batch window beside the planner, counts in the topic tree."""

from __future__ import annotations

from pathlib import Path

import paths
from PySide6.QtWidgets import QDialog, QFileDialog
from tree_rows import shown_rows

from planner.formats.proposal_file import save_proposal
from planner.model.proposal import Applicant, Proposal
from planner.ui.dialogs.call_import_dialog import CallImportDialog
from planner.ui.workspace.workspace_model import FILE


def _workspace(root: Path) -> Path:
    root.mkdir()
    for name, topic in (("a", "5.1"), ("b", "5.1"), ("c", "2.1")):
        save_proposal(
            Proposal(call="call-topics", topic=topic, directions=[1], title=f"标题 {name}",
                     applicant=Applicant(name=f"申请人 {name}", institution="某大学")),
            root / f"{name}.proposal.yaml",
        )  # fmt: skip
    return root


def test_open_workspace_counts_topics_and_opens_a_proposal(window, tmp_path, monkeypatch, qtbot):
    root = _workspace(tmp_path / "office")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a, **_k: str(root))
    window.actions_.open_workspace.trigger()
    batch = window.workspace.batch
    assert batch is not None and batch.isVisible()
    assert batch.model.rowCount() == 3
    rows = shown_rows(window.tree)
    assert "  5.1  HTAP 数据库系统  [2]" in rows
    assert "  2.1  后量子签名算法 Dilithium 的侧信道攻击与防御  [1]" in rows
    assert "  1.1  面向少量样本学习能力的多模态多任务大规模预训练学习  [0]" in rows
    # a double-click in the batch window opens that proposal in the planner
    files = [batch.proxy.index(r, FILE).data() for r in range(batch.proxy.rowCount())]
    row = files.index("c.proposal.yaml")
    with qtbot.waitSignal(batch.openProposalRequested):
        batch.table.doubleClicked.emit(batch.proxy.index(row, 0))
    assert window.document.path == root / "c.proposal.yaml"
    assert window.document.proposal.title == "标题 c"
    assert "  2.1  后量子签名算法 Dilithium 的侧信道攻击与防御  ✔  [1]" in shown_rows(window.tree)


def test_switching_the_call_closes_the_workspace(window, tmp_path, monkeypatch):
    window.workspace.open(_workspace(tmp_path / "office"))
    window.set_call(window.call)
    assert window.workspace.batch is None
    assert "  5.1  HTAP 数据库系统" in shown_rows(window.tree)


def test_the_export_template_applies_to_the_workspace_too(window, tmp_path):
    template = tmp_path / "office.docx"
    window.exporter.set_template(template)  # File → Export Template, before the workspace
    batch = window.workspace.open(_workspace(tmp_path / "office"))
    assert batch.template == template
    assert batch.template_label.text() == "Exports fill office.docx"
    window.actions_.clear_template.trigger()  # and changed while it is open
    assert batch.template is None
    assert batch.template_label.text() == "Exports use the built-in look"


def test_export_all_with_an_imported_call_exports_every_valid_proposal(
    window, tmp_path, monkeypatch, qtbot
):
    """Issue 11: with a call imported from Markdown, Export all used to fail for every proposal
    (the export workers re-read the .md as YAML: "YAML syntax error")."""
    import docx

    import planner.ui.workspace.batch_window

    monkeypatch.setattr(CallImportDialog, "exec", lambda _dialog: QDialog.DialogCode.Accepted)
    assert window.calls.open_path(paths.DATA / "calls" / "en-noise.md")
    call = window.call
    assert call.id == "joint-research-programme-2025-topics" and call.topic_count == 5
    root = tmp_path / "office"
    root.mkdir()
    for topic in call.topics():
        numbers = [1] if topic.directions else []
        save_proposal(
            Proposal(call=call.id, topic=topic.id, directions=numbers, title=f"Plan {topic.id}",
                     applicant=Applicant(name=f"Applicant {topic.id}", institution="Uni")),
            root / f"t{topic.id}.proposal.yaml",
        )  # fmt: skip
    save_proposal(Proposal(call=call.id, topic="9.9", title="Nowhere"), root / "bad.proposal.yaml")
    # one worker in this process, the real exporter: what a pool of them does with the call
    monkeypatch.setattr(planner.ui.workspace.batch_window, "default_jobs", lambda: 1)
    batch = window.workspace.open(root)
    out = tmp_path / "out"
    with qtbot.waitSignal(batch.exportFinished, timeout=60_000) as finished:
        batch.export_all(out)
    outcomes, cancelled = finished.args
    assert not cancelled
    assert [o.error for o in outcomes if not o.ok] == []
    assert len(outcomes) == call.topic_count
    written = sorted(p.name for p in out.glob("*.docx"))
    assert len(written) == call.topic_count
    assert batch.message_label.text().startswith("Exported 5 proposals.")
    first = docx.Document(str(out / written[0]))
    assert any("Graph Learning" in p.text for p in first.paragraphs)
