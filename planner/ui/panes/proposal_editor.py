"""The right pane: the proposal itself, field by field, with its completeness."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QLabel,
    QLineEdit,
    QProgressBar,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from planner.model.call import Call
from planner.model.completeness import completeness
from planner.model.proposal import APPLICANT_FIELDS, STATUSES, Proposal
from planner.ui.editor.document_numbers import DocumentNumbers
from planner.ui.i18n import fill
from planner.ui.panes.directions_box import DirectionsBox
from planner.ui.panes.section_editor import SectionEditor

if TYPE_CHECKING:
    from planner.ui.editor.section_tools import SectionTools
from planner.ui.status_labels import status_labels


class ProposalEditor(QWidget):
    """Edits the text of a Proposal in place and says so; topic and directions go through
    signals, because the main window owns those decisions (asking before a topic change)."""

    # the pane's scroll area, under the name of QWidget.scroll(dx, dy), which nothing calls
    scroll: QScrollArea  # type: ignore[assignment]
    edited = Signal()  # any text field, status
    directionToggled = Signal(str, int, bool)
    ownDirectionsEdited = Signal(list)
    sectionFocused = Signal(str)  # a section's box got the keyboard
    referencesAdded = Signal(list)  # CSL items the user added while citing
    statusEdited = Signal(str)  # the status before the user changed it

    def __init__(self, call: Call, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.call = call
        self.proposal = Proposal(call=call.id)
        self.base: Path | None = None
        self.proposal_path: Path | None = None
        # the file as it is now (Save As moves it): the window tells, else the one loaded
        self.path_source: Callable[[], Path | None] = lambda: self.proposal_path
        self._current_key = ""
        self.tools: SectionTools | None = None  # the formatting toolbar, on first use
        self.numbering = DocumentNumbers(self, self)  # the document's numbers in every box
        self._read_only = False
        self._loading = False
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 100)
        self.progress.setTextVisible(True)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget(self.scroll)
        self.scroll.setWidget(body)
        form = QVBoxLayout(body)
        form.setContentsMargins(8, 4, 12, 12)

        self.general = QGroupBox(body)
        general = QFormLayout(self.general)
        self.title_edit = QLineEdit(self.general)
        self.status_combo = QComboBox(self.general)
        self.title_label = QLabel(self.general)
        self.status_label = QLabel(self.general)
        self.title_label.setBuddy(self.title_edit)
        self.status_label.setBuddy(self.status_combo)
        general.addRow(self.title_label, self.title_edit)
        general.addRow(self.status_label, self.status_combo)
        form.addWidget(self.general)

        self.applicant_box = QGroupBox(body)
        applicant = QFormLayout(self.applicant_box)
        self.applicant_edits: dict[str, QLineEdit] = {}
        self.applicant_labels: dict[str, QLabel] = {}
        for key in APPLICANT_FIELDS:
            edit = QLineEdit(self.applicant_box)
            label = QLabel(self.applicant_box)
            label.setBuddy(edit)
            applicant.addRow(label, edit)
            self.applicant_edits[key] = edit
            self.applicant_labels[key] = label
            edit.textEdited.connect(lambda text, k=key: self._on_applicant(k, text))
        form.addWidget(self.applicant_box)

        self.directions = DirectionsBox(body)
        self.directions.directionToggled.connect(
            lambda number, on: self.directionToggled.emit(self.proposal.topic, number, on)
        )
        self.directions.ownDirectionsEdited.connect(self.ownDirectionsEdited)
        form.addWidget(self.directions)

        self.sections_box = QGroupBox(body)
        QVBoxLayout(self.sections_box)
        self.section_editors: dict[str, SectionEditor] = {}
        self._build_sections()
        form.addWidget(self.sections_box)
        form.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.progress)
        layout.addWidget(self.scroll, 1)
        self.title_edit.textEdited.connect(self._on_title)
        self.status_combo.currentIndexChanged.connect(self._on_status)
        self.retranslate()
        self.set_proposal(self.proposal)

    def retranslate(self) -> None:
        self.general.setTitle(self.tr("Proposal"))
        self.title_label.setText(self.tr("&Title:"))
        self.title_edit.setPlaceholderText(self.tr("The title of your proposal"))
        self.status_label.setText(self.tr("Status:"))
        names = status_labels()
        self._loading, was = True, self._loading
        current = self.status_combo.currentIndex()
        self.status_combo.clear()
        for status in STATUSES:
            self.status_combo.addItem(names.get(status, status), status)
        self.status_combo.setCurrentIndex(max(current, 0))
        self._loading = was
        self.applicant_box.setTitle(self.tr("Applicant"))
        labels = {
            "name": self.tr("&Name:"),
            "title": self.tr("Academic title:"),
            "institution": self.tr("&Institution:"),
            "department": self.tr("Department:"),
            "email": self.tr("Email:"),
            "phone": self.tr("Phone:"),
        }
        for key, label in self.applicant_labels.items():
            label.setText(labels.get(key, key))
        self.directions.retranslate()
        self.sections_box.setTitle(self.tr("Proposal form"))
        if self.tools is not None:
            self.tools.retranslate()
        self._refresh_topic()
        self._refresh_progress()

    def _build_sections(self) -> None:
        """One editor per form section of the call, in form order."""
        layout = self.sections_box.layout()
        assert layout is not None  # made with the box, in __init__
        for editor in self.section_editors.values():
            layout.removeWidget(editor)
            editor.hide()  # another call's form: not drawn under the new one until deleted
            editor.deleteLater()
        self.section_editors = {}
        for section in self.call.form:
            editor = SectionEditor(section, self.sections_box)
            editor.textEdited.connect(self._on_section)
            editor.textEdited.connect(self.numbering.schedule)
            editor.focused.connect(self._on_section_focused)
            editor.figure_folder = lambda: self.figure_folder()
            layout.addWidget(editor)
            self.section_editors[section.key] = editor

    # -- the main window loads and refreshes
    def set_call(self, call: Call) -> None:
        """Another call, another form: the section editors are rebuilt (then set_proposal)."""
        self.call = call
        self._build_sections()
        self.set_proposal(Proposal(call=call.id))

    def set_proposal(self, proposal: Proposal, path: Path | None = None) -> None:
        """Show `proposal`, read from `path` (figures are found relative to its folder)."""
        self.proposal = proposal
        self.proposal_path = path
        base = self.base = path.parent if path is not None else None
        numbers = self.citation_numbers()
        self._loading = True
        self.title_edit.setText(proposal.title)
        index = self.status_combo.findData(proposal.status)
        self.status_combo.setCurrentIndex(max(index, 0))
        for key, edit in self.applicant_edits.items():
            edit.setText(getattr(proposal.applicant, key))
        for key, editor in self.section_editors.items():
            editor.set_text(proposal.sections.get(key, ""), numbers, base)
        self._loading = False
        self.numbering.reload()
        self.refresh_directions()

    def figure_folder(self) -> Path | None:
        """NAME.figures beside the proposal file; None while the proposal is unsaved."""
        path = self.path_source()
        if path is None:
            return None
        from planner.formats.proposal_file import SUFFIX

        return path.with_name(path.name.removesuffix(SUFFIX) + ".figures")

    def citation_numbers(self) -> dict[str, int]:
        """The [n] of each cited reference, numbered over the whole proposal (the export's)."""
        sections = self.proposal.sections
        if not any("@" in text for text in sections.values()):
            return {}  # nothing cited: the Markdown parser stays unloaded
        from planner.references.citations import number_citations, text_citation_keys

        keys = text_citation_keys(sections, [s.key for s in self.call.form])
        return number_citations(keys, {str(r.get("id", "")) for r in self.proposal.references})

    def current_section_key(self) -> str:
        return self._current_key

    def set_focus_section(self, key: str | None) -> None:
        """Focus mode: only section `key` (with its guidance); None shows every field again."""
        for box in (self.progress, self.general, self.applicant_box, self.directions):
            box.setVisible(key is None)
        for k, editor in self.section_editors.items():
            editor.setVisible(key is None or k == key)
            editor.show_guidance(k == key)
        if key is not None and key in self.section_editors:
            self.section_editors[key].edit.setFocus()

    def select_citation(self, key: str, cited: str) -> bool:
        """Select the first citation of `cited` in section `key` (a problem's place)."""
        editor = self.section_editors.get(key)
        if editor is None or not editor.select_citation(cited):
            return False
        self.reveal(editor.edit)
        return True

    def reveal(self, edit: QWidget) -> None:
        """Scroll so that `edit`'s cursor is in view (a find lands there)."""
        self.scroll.ensureWidgetVisible(edit, 0, 0)
        content = self.scroll.widget()
        if hasattr(edit, "cursorRect") and content is not None:
            rect = edit.cursorRect()
            centre = edit.mapTo(content, rect.center())
            self.scroll.ensureVisible(centre.x(), centre.y(), 10, 80)
        edit.setFocus()

    def current_section(self) -> SectionEditor | None:
        """The section whose box last had the keyboard (the toolbar's inserts go there)."""
        return self.section_editors.get(self._current_key)

    def refresh_directions(self) -> None:
        """Topic, ticked and own directions changed elsewhere (tree, detail pane)."""
        self._refresh_topic()
        self._refresh_progress()

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        if self.tools is not None:
            self.tools.bar.setEnabled(not read_only)
        for edit in (self.title_edit, *self.applicant_edits.values()):
            edit.setReadOnly(read_only)
        for editor in self.section_editors.values():
            editor.edit.setReadOnly(read_only)
        self.status_combo.setEnabled(not read_only)
        self.directions.set_read_only(read_only)

    def focus_field(self, field: str) -> bool:
        """Put the cursor on the editor of a problem's field (`sections.budget`, `title`, …)."""
        target: QWidget | None = None
        if field == "title":
            target = self.title_edit
        elif field.startswith("applicant."):
            target = self.applicant_edits.get(field.split(".", 1)[1])
        elif field.startswith("sections."):
            editor = self.section_editors.get(field.split(".", 1)[1])
            target = editor.edit if editor else None
            if editor is not None:
                editor.ensure_rich()  # its final height, before it is centred
                self.ensure_tools()  # and the toolbar above the pane, which focus shows
                _activate_layout(self)
                _activate_layout(self.scroll.widget())
        elif field.startswith(("own_directions", "directions")) or field == "topic":
            target = self.directions.focus_target(field)
        if target is None:
            return False
        self._scroll_to_middle(target)
        target.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def _scroll_to_middle(self, target: QWidget) -> None:
        """Scroll the pane so that `target` sits in the middle of it (as far as the pane
        scrolls): at an edge, a field found by double-clicking a problem is easily missed."""
        content = self.scroll.widget()
        if content is None or not content.isAncestorOf(target):
            return
        centre = target.mapTo(content, target.rect().center()).y()
        bar = self.scroll.verticalScrollBar()
        bar.setValue(centre - self.scroll.viewport().height() // 2)

    # -- internals
    def _refresh_topic(self) -> None:
        self.directions.show_proposal(self.call, self.proposal)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.directions.fit_lists()

    def _refresh_progress(self) -> None:
        value = round(completeness(self.proposal, self.call) * 100)
        self.progress.setValue(value)
        self.progress.setFormat(fill(self.tr("Complete: {percent}%"), percent=value))

    def _changed(self) -> None:
        if not self._loading:
            self._refresh_progress()
            self.edited.emit()

    def _on_title(self, text: str) -> None:
        self.proposal.title = text
        self._changed()

    def _on_status(self, index: int) -> None:
        status = self.status_combo.itemData(index)
        if not self._loading and status and status != self.proposal.status:
            old, self.proposal.status = self.proposal.status, status
            self._changed()
            self.statusEdited.emit(old)

    def show_status(self, status: str) -> None:
        """The status combo shows `status` (an undo set it), without it being an edit."""
        self._loading, was = True, self._loading
        self.status_combo.setCurrentIndex(max(self.status_combo.findData(status), 0))
        self._loading = was

    def _on_applicant(self, key: str, text: str) -> None:
        setattr(self.proposal.applicant, key, text)
        self._changed()

    def _on_section_focused(self, key: str) -> None:
        self._current_key = key
        self.ensure_tools()
        self.sectionFocused.emit(key)

    def ensure_tools(self) -> SectionTools:  # built on first use
        if self.tools is None:
            from planner.ui.editor.section_tools import Pane, SectionTools

            pane = Pane(self, self.current_section, lambda: self.proposal, lambda: self.base,
                        self.citation_numbers, self.renumber_citations)  # fmt: skip
            self.tools = SectionTools(pane)
            self.tools.referencesAdded.connect(self.referencesAdded)
            layout = self.layout()
            assert isinstance(layout, QBoxLayout)  # the pane's QVBoxLayout
            layout.insertWidget(1, self.tools.bar)
            self.tools.bar.show()
            self.tools.bar.setEnabled(not self._read_only)
        return self.tools

    def renumber_citations(self) -> None:
        """Citations are numbered in order of first use: an insert can renumber others."""
        numbers = self.citation_numbers()
        for editor in self.section_editors.values():
            editor.renumber(numbers)

    def _on_section(self, key: str, text: str) -> None:
        if self._loading:
            return
        if text:
            self.proposal.sections[key] = text
        else:
            self.proposal.sections.pop(key, None)
        self._changed()


def _activate_layout(widget: QWidget | None) -> None:
    """Lay `widget` out now, not at the next event loop pass (a height is needed at once)."""
    layout = widget.layout() if widget is not None else None
    if layout is not None:
        layout.activate()
