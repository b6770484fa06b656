"""Shows what the importer made of a call's text (areas, topics, what it could not place, what
it left out), lets the user set the call's id and title (the document's own title by default)
and save it as a call file to hand out, then decides whether to use it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner.errors import PlannerError
from planner.importer.call_import import ImportReport, import_header
from planner.model.call import Call
from planner.ui.dialogs import messages as dialogs
from planner.ui.i18n import fill
from planner.ui.problem_text import ProblemText
from planner.ui.screen_fit import resize_within_screen


class CallImportDialog(QDialog):
    """The imported call as a tree and the importer's problems with their lines."""

    def __init__(
        self, call: Call, report: ImportReport, source: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._call = call
        self.source = source
        self.saved_to: Path | None = None
        self.saved_call: Call | None = None  # what was saved there (the id or title may change)
        self.setWindowTitle(self.tr("Import call"))
        resize_within_screen(self, 640, 520)
        directions = sum(len(t.directions) for t in call.topics())
        self.summary = QLabel(
            fill(
                self.tr("{file}: {areas}, {topics}, {directions}."),
                file=source.name,
                # one count per message: each takes its own plural form
                areas=self.tr("%n areas", "", len(call.areas)),
                topics=self.tr("%n topics", "", call.topic_count),
                directions=self.tr("%n directions", "", directions),
            )
        )
        self.summary.setWordWrap(True)

        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Topic"), self.tr("Directions")])
        for area in call.areas:
            area_item = QTreeWidgetItem([f"{area.id}  {area.title}", ""])
            for topic in area.topics:
                QTreeWidgetItem(
                    area_item, [f"{topic.id}  {topic.title}", str(len(topic.directions))]
                )
            self.tree.addTopLevelItem(area_item)
        self.tree.expandAll()
        self.tree.resizeColumnToContents(1)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, self.tree.header().ResizeMode.Stretch)

        self.id_edit = QLineEdit(call.id)
        self.title_edit = QLineEdit(call.title)
        self.title_edit.setToolTip(
            self.tr("The document's own title; proposals name the call by its id")
        )
        names = QFormLayout()
        names.addRow(self.tr("Call id:"), self.id_edit)
        names.addRow(self.tr("Call title:"), self.title_edit)

        self.problems_label = QLabel()
        self.problems_label.setWordWrap(True)
        self.problems = QListWidget()
        self.notes_label = QLabel(
            self.tr("Not in the call (check that nothing needed is among them):")
        )
        self.notes_label.setWordWrap(True)
        self.notes = QListWidget()
        wording = ProblemText(call, self)  # the notes have codes: worded in the UI's language
        for note in report.notes:
            where = self._where(report.unit, note.line)
            what = wording.message(note)
            self.notes.addItem(f"{where}: {what}" if where else what)
        if not report.notes:
            self.notes_label.hide()
            self.notes.hide()
        if report.complete:
            self.problems_label.setText(
                self.tr("Every topic of the text was placed.")
                if report.notes
                else self.tr("Every part of the text was placed.")
            )
            self.problems.hide()
        else:
            self.problems_label.setText(
                self.tr(
                    "The call may be incomplete: these parts could not be placed. "
                    "Fix them in the source file and open it again, or use the call as it is."
                )
            )
            for line, message in report.problems:
                where = self._where(report.unit, line)
                self.problems.addItem(f"{where}: {message}" if where else message)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.addButton(
            self.tr("Save call as…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.save_button.setToolTip(self.tr("Write the call file to hand out to applicants"))
        self.use_button = buttons.addButton(
            self.tr("Use this call"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.use_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.save_button.clicked.connect(self._on_save)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(names)
        layout.addWidget(self.tree, 3)
        layout.addWidget(self.problems_label)
        layout.addWidget(self.problems, 2)
        layout.addWidget(self.notes_label)
        layout.addWidget(self.notes, 1)
        layout.addWidget(buttons)

    def call(self) -> Call:
        """The imported call with the id and title as the user set them."""
        from dataclasses import replace

        call_id = self.id_edit.text().strip() or self._call.id
        title = self.title_edit.text().strip() or self._call.title
        return replace(self._call, id=call_id, title=title)

    def _on_save(self) -> None:
        start = self.source.with_name(f"{self.call().id}.yaml")
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save call as"), str(start), self.tr("Call files (*.yaml)")
        )
        if name:
            self.save_call(Path(name) if name.endswith((".yaml", ".yml")) else Path(name + ".yaml"))

    def save_call(self, target: Path) -> bool:
        """Write the call file (what `planner import-call` writes); True when written."""
        from planner.formats.call_file import dump_call, parse_call
        from planner.storage.atomic_write import write_atomic

        call = self.call()
        text = dump_call(call, import_header(self.source.name, call.id, call.title))
        try:
            parse_call(text, str(target))  # what we write must load
            write_atomic(target, text.encode("utf-8"))
        except PlannerError as exc:
            dialogs.show_error(self, self.tr("Call not saved"), str(exc))
            return False
        self.saved_to, self.saved_call = target, call
        self.summary.setText(fill(self.tr("Saved {path}"), path=target))
        return True

    def _where(self, unit: str, number: int) -> str:
        if not number:
            return ""
        if unit == "paragraph":
            return fill(self.tr("Paragraph {n}"), n=number)
        return fill(self.tr("Line {n}"), n=number)
