"""The workspace's table of proposals: sortable, whole rows selected, read-only, one line a row,
its columns as wide as what they usually hold (the title takes the rest)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from planner.ui.workspace.workspace_model import (
    APPLICANT,
    COMPLETENESS,
    DUPLICATE,
    FILE,
    INSTITUTION,
    STATUS,
    TITLE,
    TOPIC,
    WorkspaceFilterModel,
)


def workspace_table(proxy: WorkspaceFilterModel) -> QTableView:
    table = QTableView()
    table.setModel(proxy)
    table.setSortingEnabled(True)
    table.sortByColumn(FILE, Qt.SortOrder.AscendingOrder)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    row_height = table.fontMetrics().height() + 8
    table.verticalHeader().setDefaultSectionSize(row_height)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
    for column, width in ((APPLICANT, 90), (INSTITUTION, 120), (TOPIC, 60), (STATUS, 80)):
        table.setColumnWidth(column, width)
    table.setColumnWidth(COMPLETENESS, 80)
    table.setColumnWidth(FILE, 200)
    table.setColumnWidth(DUPLICATE, 140)
    return table
