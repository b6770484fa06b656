"""The proposal pane's writing tools: the formatting toolbar and what its inserts need
(a figure from a file, a citation from the proposal's references or a new or imported one).

Made the first time a section's box gets the keyboard. References are the proposal's; adding
them goes to the window (`referencesAdded`), which applies them as one undoable change.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImageReader
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from planner.errors import PlannerError
from planner.ui.dialogs import messages as dialogs
from planner.ui.editor.format_bar import FormatBar
from planner.ui.editor.rich_edit import RichTextEdit
from planner.ui.i18n import fill

if TYPE_CHECKING:
    from planner.model.proposal import Proposal
    from planner.ui.panes.section_editor import SectionEditor


@dataclass
class Pane:
    """What the tools read of the proposal pane (given, not imported: no import cycle)."""

    widget: QWidget
    current_section: Callable[[], SectionEditor | None]
    proposal: Callable[[], Proposal]
    base: Callable[[], Path | None]
    citation_numbers: Callable[[], dict[str, int]]
    renumber_citations: Callable[[], None]


class SectionTools(QObject):
    referencesAdded = Signal(list)  # CSL items to append to the proposal's references

    def __init__(self, pane: Pane) -> None:
        super().__init__(pane.widget)
        self.pane = pane
        self.parent_widget = pane.widget
        self.bar = FormatBar(self._target, self.insert_figure, self.insert_citation, pane.widget)

    def _section(self) -> SectionEditor | None:
        return self.pane.current_section()

    def _target(self) -> RichTextEdit | None:
        section = self._section()
        return section.edit if section is not None else None

    def retranslate(self) -> None:
        self.bar.retranslate()

    # -- figures
    def insert_figure(self) -> None:
        section = self._section()
        if section is None or section.edit.isReadOnly():
            return
        name, _ = QFileDialog.getOpenFileName(
            self.parent_widget,
            self.tr("Insert picture"),
            str(self.pane.base() or ""),
            self.tr("Pictures (*.png *.jpg *.jpeg *.gif *.bmp)"),
        )
        if not name:
            return
        from planner.ui.editor.paste import MAX_IMAGE_PIXELS, insert_image

        reader = QImageReader(name)
        size = reader.size()
        context = section.paste_context()
        if size.width() * size.height() > MAX_IMAGE_PIXELS:
            context.refuse(name)
            return
        section.ensure_rich()
        section.edit.setFocus()
        insert_image(reader.read(), section.edit.textCursor(), context)

    # -- citations
    def insert_citation(self) -> None:
        section = self._section()
        if section is None or section.edit.isReadOnly():
            return
        from planner.ui.editor.insert_dialogs import CitationDialog

        dialog = CitationDialog(self.pane.proposal().references, self.parent_widget)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        if dialog.added:
            self.referencesAdded.emit(dialog.added)
        if dialog.import_requested:
            self.import_references(self.parent_widget)
            return
        keys = dialog.keys()
        if accepted and keys:
            self.cite(section, keys)

    def cite(self, section: SectionEditor, keys: list[str]) -> None:
        from planner.document.blocks import Citation, Paragraph
        from planner.ui.editor.to_editor import editor_writer

        section.ensure_rich()
        section.edit.setFocus()
        cursor = section.edit.textCursor()
        numbers = dict(self.pane.citation_numbers())
        for key in keys:  # a first citation: numbered after those already made
            numbers.setdefault(key, len(numbers) + 1)
        citation = (Paragraph((Citation(tuple(keys)),)),)
        editor_writer().insert_blocks(cursor, citation, numbers, section.base)
        self.pane.renumber_citations()

    def import_references(self, parent: QWidget) -> None:
        from planner.references.reading import SUFFIXES, read_references

        patterns = " ".join(f"*{s}" for s in SUFFIXES)
        name, _ = QFileDialog.getOpenFileName(
            parent,
            self.tr("Import references"),
            str(self.pane.base() or ""),
            fill(self.tr("Reference files ({patterns})"), patterns=patterns),
        )
        if not name:
            return
        try:
            imported = read_references(name)
        except PlannerError as exc:
            dialogs.show_error(parent, self.tr("References not imported"), str(exc))
            return
        known = {r["id"] for r in self.pane.proposal().references}
        new = [item for item in imported.items if item["id"] not in known]
        if new:
            self.referencesAdded.emit(new)
        skipped = len(imported.items) - len(new)
        text = fill(
            self.tr("{added} references added, {skipped} already in the proposal."),
            added=len(new),
            skipped=skipped,
        )
        if imported.warnings:
            text += "\n\n" + "\n".join(imported.warnings[:20])
        QMessageBox.information(parent, self.tr("References imported"), text)
