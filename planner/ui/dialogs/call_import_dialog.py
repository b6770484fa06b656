"""Shows what the importer made of a call's text (areas, topics, what it could not place).

The user reads the report and decides whether to use the imported call.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner.importer.call_import import ImportReport
from planner.model.call import Call
from planner.ui.i18n import fill
from planner.ui.screen_fit import resize_within_screen


class CallImportDialog(QDialog):
    """The imported call as a tree and the importer's problems with their lines."""

    def __init__(
        self, call: Call, report: ImportReport, source: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
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

        self.problems_label = QLabel()
        self.problems_label.setWordWrap(True)
        self.problems = QListWidget()
        if report.complete:
            self.problems_label.setText(self.tr("Every part of the text was placed."))
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
        self.use_button = buttons.addButton(
            self.tr("Use this call"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.use_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 3)
        layout.addWidget(self.problems_label)
        layout.addWidget(self.problems, 2)
        layout.addWidget(buttons)

    def _where(self, unit: str, number: int) -> str:
        if not number:
            return ""
        if unit == "paragraph":
            return fill(self.tr("Paragraph {n}"), n=number)
        return fill(self.tr("Line {n}"), n=number)
