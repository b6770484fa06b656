"""The proposal's undoable changes that are not typed text: topic, directions, status, references.

Each is asked here (a topic change that drops ticked directions needs a yes), applied through
the document and recorded as one command on the window's undo stack (planner/ui/window/undo.py).
What the window shows again afterwards it learns from the signals; it wires them.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from planner.ui.dialogs import messages as dialogs
from planner.ui.i18n import fill
from planner.ui.panes.proposal_editor import ProposalEditor
from planner.ui.window.document import ProposalDocument
from planner.ui.window.undo import ProposalChange, ProposalState, apply_state, state_of


class ProposalChanges(QObject):
    viewsChanged = Signal()  # topic or directions: the tree, detail and editor show them again
    referencesChanged = Signal()  # the references pane shows them again
    problemsChanged = Signal()  # validate again
    message = Signal(str, int)  # for the status bar: the text, for how many ms

    def __init__(
        self,
        parent: QWidget,
        document: ProposalDocument,
        editor: ProposalEditor,
        undo_stack: QUndoStack,
    ) -> None:
        super().__init__(parent)
        self.parent_widget, self.document, self.editor = parent, document, editor
        self.undo_stack = undo_stack

    # -- topic and directions
    def choose_topic(self, topic_id: str) -> bool:
        p = self.document.proposal
        if topic_id == p.topic or self.document.read_only:
            return topic_id == p.topic
        asked = p.directions and p.topic
        if asked and not dialogs.ask_change_topic(self.parent_widget, p.topic, topic_id):
            return False
        self.document.set_topic(topic_id)
        self.viewsChanged.emit()
        self.message.emit(fill(self.tr("Topic {id} chosen"), id=topic_id), 4000)
        return True

    def toggle_direction(self, topic_id: str, number: int, on: bool) -> None:
        if self.document.read_only:
            self.viewsChanged.emit()  # undo the tick the user just made
            return
        before = state_of(self.document.proposal)
        if on and not self.choose_topic(topic_id):
            self.viewsChanged.emit()
            return
        if topic_id == self.document.proposal.topic:
            self.document.set_direction(number, on)
        label = self.tr("Tick direction {n}") if on else self.tr("Untick direction {n}")
        self._record(fill(label, n=number), before)
        self.viewsChanged.emit()

    def add_own_direction(self, topic_id: str, text: str) -> None:
        before = state_of(self.document.proposal)
        if self.document.read_only or not self.choose_topic(topic_id):
            return
        self.document.add_own_direction(text)
        self._record(self.tr("Add own direction"), before)
        self.viewsChanged.emit()

    def set_own_directions(self, texts: list) -> None:
        before = state_of(self.document.proposal)
        self.document.set_own_directions([str(t) for t in texts])
        self._record(self.tr("Change own directions"), before)
        self.viewsChanged.emit()

    def status_edited(self, old: str) -> None:
        """The editor has set the new status already: record the change from `old`."""
        before = state_of(self.document.proposal)
        before = ProposalState(before.topic, before.directions, before.own_directions, old,
                               before.references)  # fmt: skip
        self._record(self.tr("Change status"), before)

    def status_from_workspace(self, path: Path, status: str) -> None:
        """The workspace set the status of the file open here: it goes into this window's
        proposal (saved with it), so the next save cannot write the old status back."""
        if self.document.path == path and not self.document.read_only:
            self.document.set_status(status)
            self.message.emit(self.tr("Status changed from the workspace: save to keep it"), 5000)

    # -- references
    def add_references(self, items: list) -> None:
        """Append `items` (CSL) to the proposal's references, as one undoable step."""
        if self.document.read_only or not items:
            return
        before = state_of(self.document.proposal)
        known = {r["id"] for r in self.document.proposal.references}
        self.document.proposal.references.extend(i for i in items if i["id"] not in known)
        self._references_done(self.tr("Add references"), before)

    def set_references(self, items: list, label: str) -> None:
        if self.document.read_only:
            return
        before = state_of(self.document.proposal)
        self.document.proposal.references = list(items)
        self._references_done(label, before)

    def new_reference(self) -> None:
        from planner.ui.editor.insert_dialogs import ReferenceForm

        ids = [r["id"] for r in self.document.proposal.references]
        form = ReferenceForm(ids, self.parent_widget)
        if form.exec():
            self.add_references([form.item()])

    def edit_reference(self, key: str) -> None:
        from planner.ui.window.reference_edit import edit_reference

        edit_reference(self, key)

    def delete_reference(self, key: str) -> None:
        kept = [r for r in self.document.proposal.references if r.get("id") != key]
        self.set_references(kept, fill(self.tr("Delete reference {key}"), key=key))

    def _references_done(self, label: str, before: ProposalState) -> None:
        self.document.mark_modified()
        self._record(label, before)
        self.editor.renumber_citations()
        self.referencesChanged.emit()
        self.problemsChanged.emit()

    # -- undo
    def _record(self, label: str, before: ProposalState) -> None:
        after = state_of(self.document.proposal)
        if after != before:
            self.undo_stack.push(ProposalChange(label, before, after, self.restore))

    def restore(self, state: ProposalState) -> None:
        """Undo or redo: the proposal as it was in `state`, and every view shows it."""
        apply_state(self.document.proposal, state)
        self.document.mark_modified()
        if state.sections is not None:  # a reference's key rewritten in the text
            from planner.ui.window.reference_edit import reload_sections

            reload_sections(self.editor)
        self.editor.show_status(state.status)
        self.viewsChanged.emit()
        self.editor.renumber_citations()
        self.referencesChanged.emit()
        self.problemsChanged.emit()
