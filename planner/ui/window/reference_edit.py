"""References → Edit: one reference in the "New reference" form, pre-filled.

A changed key is written into every citation of it (`[@old]` → `[@new]`, the core's
rename_citation_key), so the text keeps citing the same work; a key another reference has is
refused by the form. One undoable step on the window's stack, the sections' text included.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, cast

from PySide6.QtCore import QCoreApplication, SignalInstance
from PySide6.QtGui import QUndoStack

from planner.ui.i18n import fill
from planner.ui.window.undo import ProposalChange, ProposalState, state_of

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from planner.references.csl import CslItem
    from planner.ui.panes.proposal_editor import ProposalEditor
    from planner.ui.window.document import ProposalDocument


class Changes(Protocol):  # planner/ui/window/proposal_changes.py (which imports this)
    parent_widget: QWidget
    document: ProposalDocument
    editor: ProposalEditor
    undo_stack: QUndoStack
    referencesChanged: SignalInstance
    problemsChanged: SignalInstance

    def restore(self, state: ProposalState) -> None: ...


# what the form shows and sets: the rest of an entry (DOI, URL, notes…) is kept as imported
FORM_FIELDS = ("id", "type", "title", "author", "publisher", "container-title", "issued",
               "volume", "issue", "page")  # fmt: skip


def edit_reference(window: Changes, key: str) -> bool:
    """Edit the reference `key` of the window's proposal; True when something changed."""
    from planner.references.citations import rename_citation_key
    from planner.ui.editor.insert_dialogs import ReferenceForm

    document = window.document
    proposal = document.proposal
    old = next((r for r in proposal.references if str(r.get("id", "")) == key), None)
    if document.read_only or old is None:
        return False
    others = [str(r.get("id", "")) for r in proposal.references if r is not old]
    form = ReferenceForm(others, window.parent_widget, old)
    if not form.exec():
        return False
    edited = form.item()
    kept = {k: v for k, v in old.items() if k not in FORM_FIELDS}
    item = cast("CslItem", kept | dict(edited))
    new_key = edited["id"]
    renamed = new_key != key
    before = state_of(proposal, with_sections=renamed)
    proposal.references = [item if r is old else r for r in proposal.references]
    if renamed:
        proposal.sections = {
            k: rename_citation_key(text, key, new_key) for k, text in proposal.sections.items()
        }
    after = state_of(proposal, with_sections=renamed)
    if after == before:
        return False
    document.mark_modified()
    label = fill(QCoreApplication.translate("ReferenceEdit", "Edit reference {key}"), key=new_key)
    window.undo_stack.push(ProposalChange(label, before, after, window.restore))
    reload_sections(window.editor)
    window.editor.renumber_citations()
    window.referencesChanged.emit()
    window.problemsChanged.emit()
    return True


def reload_sections(editor: ProposalEditor) -> None:
    """Boxes whose text the proposal no longer holds show it again (their typing undo
    starts afresh: the window's undo stack holds this change)."""
    numbers = editor.citation_numbers()
    for key, box in editor.section_editors.items():
        text = editor.proposal.sections.get(key, "")
        if box.text() != text:
            box.set_text(text, numbers, editor.base)
