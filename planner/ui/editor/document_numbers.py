"""Every section box shows the whole document's numbers, as the export prints them.

Citations are numbered in order of first use through the document, tables and figures
through the document (表 5 in section 3 when sections 1–2 hold four tables): an edit in one
section can move the numbers of every other. After a pause in typing the boxes are told the
new numbers; each redraws only its number objects (planner/ui/editor/live_numbers.py), so
nothing enters another box's undo history.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QObject, QTimer

from planner.model.proposal import Proposal
from planner.ui.panes.section_editor import SectionEditor


class ProposalEditor(Protocol):  # planner/ui/panes/proposal_editor.py (which imports this)
    proposal: Proposal
    section_editors: dict[str, SectionEditor]

    def renumber_citations(self) -> None: ...


PAUSE_MS = 300  # after the last keystroke: one parse of the edited section, not one per key


class DocumentNumbers(QObject):
    def __init__(self, editor: ProposalEditor, parent: QObject) -> None:
        super().__init__(parent)
        self.editor = editor
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(PAUSE_MS)
        self.timer.timeout.connect(self.apply)
        self._counts: dict[str, tuple[int, int]] = {}

    def schedule(self, *_args: object) -> None:
        self.timer.start()

    def reload(self) -> None:
        """Another proposal, or its text loaded again: every box's numbers from scratch."""
        self._counts = {}
        self.apply()

    def apply(self) -> None:
        """Citation numbers and caption starts to every box, as the document has them now."""
        self.timer.stop()
        editor = self.editor
        editor.renumber_citations()
        sections = editor.proposal.sections
        if not any("|" in t or "![" in t for t in sections.values()) and not self._counts:
            return  # no table or figure anywhere: the Markdown parser stays unloaded
        from planner.document.assembly import caption_counts, caption_starts, parse_cached

        keys = list(editor.section_editors)
        blocks = [parse_cached(sections.get(k, "")) for k in keys]
        for key, (tables, figures), section in zip(
            keys, caption_starts(blocks), blocks, strict=True
        ):
            box = editor.section_editors[key]
            counts = caption_counts(section)
            if self._counts.get(key, counts) != counts:
                box.redraw_labels()  # its own tables or figures moved: 表 1 may now be 表 2
            self._counts[key] = counts
            box.set_caption_starts(tables, figures)
