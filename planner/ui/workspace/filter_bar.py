"""The workspace's views: filter by text, validity, status, topic and institution, with the count
of rows shown. Drives the table's proxy (WorkspaceFilterModel); holds no rule of its own."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from planner.model.proposal import STATUSES
from planner.office.workspace import Workspace
from planner.ui.i18n import fill
from planner.ui.status_labels import status_label
from planner.ui.workspace.workspace_model import (
    VALIDITY_ALL,
    VALIDITY_INVALID,
    VALIDITY_VALID,
    WorkspaceFilterModel,
)


class FilterBar(QWidget):
    def __init__(self, proxy: WorkspaceFilterModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.proxy = proxy
        self.text_edit = QLineEdit()
        self.text_edit.setPlaceholderText(self.tr("Filter by applicant, topic, title…"))
        self.text_edit.setClearButtonEnabled(True)
        self.validity_combo = QComboBox()
        self.validity_combo.addItem(self.tr("All proposals"), VALIDITY_ALL)
        self.validity_combo.addItem(self.tr("Valid only"), VALIDITY_VALID)
        self.validity_combo.addItem(self.tr("Invalid only"), VALIDITY_INVALID)
        self.status_combo = QComboBox()
        self.status_combo.addItem(self.tr("Any status"), "")
        for status in STATUSES:
            self.status_combo.addItem(status_label(status), status)
        self.topic_combo = QComboBox()
        self.institution_combo = QComboBox()
        self.count_label = QLabel()
        self.count_label.setObjectName("rowCount")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.text_edit, self.validity_combo, self.status_combo, self.topic_combo,
                       self.institution_combo, self.count_label):  # fmt: skip
            layout.addWidget(widget)
        layout.setStretch(0, 1)
        self.set_workspace(None)
        self.text_edit.textChanged.connect(proxy.setFilterFixedString)
        self.validity_combo.currentIndexChanged.connect(
            lambda _i: proxy.set_validity(self.validity_combo.currentData())
        )
        self.status_combo.currentIndexChanged.connect(
            lambda _i: proxy.set_status(self.status_combo.currentData())
        )
        self.topic_combo.currentIndexChanged.connect(
            lambda _i: proxy.set_topic(self.topic_combo.currentData() or "")
        )
        self.institution_combo.currentIndexChanged.connect(
            lambda _i: proxy.set_institution(self.institution_combo.currentData() or "")
        )
        for signal in (proxy.rowsInserted, proxy.rowsRemoved, proxy.modelReset,
                       proxy.layoutChanged):  # fmt: skip
            signal.connect(self._count)

    def set_workspace(self, workspace: Workspace | None) -> None:
        """Offer the topics and institutions the workspace has (keeping the current choice)."""
        proposals = [e.proposal for e in workspace.entries if e.proposal] if workspace else []
        topics = sorted({p.topic for p in proposals if p.topic}, key=_topic_key)
        institutions = sorted({p.applicant.institution.strip() for p in proposals} - {""})
        _refill(self.topic_combo, self.tr("Any topic"), topics)
        _refill(self.institution_combo, self.tr("Any institution"), institutions)
        self._count()

    def _count(self, *_args: object) -> None:
        total = self.proxy.sourceModel().rowCount() if self.proxy.sourceModel() else 0
        self.count_label.setText(
            fill(self.tr("{shown} of {total} shown"), shown=self.proxy.rowCount(), total=total)
        )


def _refill(combo: QComboBox, any_label: str, values: list[str]) -> None:
    current = combo.currentData() or ""
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(any_label, "")
    for value in values:
        combo.addItem(value, value)
    index = combo.findData(current)
    combo.setCurrentIndex(max(index, 0))
    combo.blockSignals(False)
    if index < 0 and current:  # the chosen value is gone from the folder: show all again
        combo.currentIndexChanged.emit(0)


def _topic_key(topic_id: str) -> list[tuple[int, str]]:
    return [(int(p), "") if p.isdigit() else (0, p) for p in topic_id.split(".")]
