"""References → Edit: the "new" form pre-filled; a new key rewrites the citations, one undo."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from rich_proposal import rich_proposal

from planner.ui.editor.insert_dialogs import ReferenceForm


def _open_pane(window, tmp_path):
    assert window.open_proposal(rich_proposal(tmp_path))
    window.show()
    window.writing.references.trigger()
    pane = window.writing.references_pane
    for i in range(pane.list.count()):
        if pane.list.item(i).data(Qt.ItemDataRole.UserRole) == "huang2020":
            pane.list.setCurrentRow(i)
    return pane


def _cited(window, key: str) -> list[str]:
    return [k for k, text in window.document.proposal.sections.items() if f"@{key}" in text]


def test_editing_a_reference_changes_its_key_in_every_citation_and_undoes(
    window, monkeypatch, tmp_path
) -> None:
    pane = _open_pane(window, tmp_path)
    seen = {}

    def change(form: ReferenceForm) -> int:
        seen["key"], seen["title"] = form.key.text(), form.title.text()
        seen["authors"] = form.authors.text()
        form.key.setText("huang2020tidb")
        form.year.setText("2021")
        form._accept()
        return QDialog.DialogCode.Accepted if form.result() else 0

    monkeypatch.setattr(ReferenceForm, "exec", change)
    citing = _cited(window, "huang2020")
    assert len(citing) >= 2
    pane.edit.click()
    assert seen["key"] == "huang2020" and seen["title"].startswith("TiDB")
    assert seen["authors"].startswith("Huang, ")
    ids = [r["id"] for r in window.document.proposal.references]
    assert "huang2020tidb" in ids and "huang2020" not in ids
    assert _cited(window, "huang2020tidb") == citing and not _cited(window, "huang2020;")
    edited = next(r for r in window.document.proposal.references if r["id"] == "huang2020tidb")
    assert edited["issued"] == {"date-parts": [[2021]]}
    rows = [pane.list.item(i).text() for i in range(pane.list.count())]
    assert rows[0].startswith("[1] HUANG D, LIU Q. TiDB") and "2021" in rows[0]  # still cited
    box = window.editor.section_editors[citing[0]]
    assert "@huang2020tidb" in box.text()  # the box writes the new key back
    problems = [message for _severity, _field, message in window.problems.rows()]
    assert not any("huang2020" in p for p in problems)
    window.setFocus()
    window.actions_.undo.trigger()
    assert "huang2020" in [r["id"] for r in window.document.proposal.references]
    assert _cited(window, "huang2020") == citing and not _cited(window, "huang2020tidb")
    assert "@huang2020]" in box.text() or "@huang2020;" in box.text()
    window.actions_.redo.trigger()
    assert _cited(window, "huang2020tidb") == citing


def test_a_key_another_reference_has_is_refused(window, monkeypatch, tmp_path) -> None:
    pane = _open_pane(window, tmp_path)
    texts = dict(window.document.proposal.sections)
    errors = []

    def clash(form: ReferenceForm) -> int:
        form.key.setText("wang2021")
        form._accept()
        errors.append(form.error.text())
        return QDialog.DialogCode.Accepted if form.result() else 0

    monkeypatch.setattr(ReferenceForm, "exec", clash)
    pane.edit.click()
    assert "already" in errors[0]
    assert window.document.proposal.sections == texts
    assert [r["id"] for r in window.document.proposal.references].count("wang2021") == 1
    assert "huang2020" in [r["id"] for r in window.document.proposal.references]
