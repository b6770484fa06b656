"""The table of a workspace's proposals: one Qt model over the core's `Workspace` entries,
and the proxy that sorts and filters it."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from planner.office.notes import read_notes
from planner.office.summary import duplicate_applicants
from planner.office.workspace import Entry, Workspace
from planner.ui.i18n import fill
from planner.ui.problem_text import ProblemText
from planner.ui.status_labels import status_label

# Control characters in a title would draw as boxes; the file keeps them, the table does not.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")

Index = QModelIndex | QPersistentModelIndex

APPLICANT, INSTITUTION, TOPIC, TITLE, STATUS, COMPLETENESS, FILE, DUPLICATE, NOTE = range(9)
COLUMNS = 9
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2

INVALID_COLOUR = QColor("#f9d6d5")
COMPLETE_COLOUR = QColor("#dcf1dc")  # valid and nothing missing; valid with warnings: no tint
TEXT_ON_COLOUR = QColor("#1f1f1f")  # the tints are light: keep text dark in a dark theme too


def _topic_sort_key(topic_id: str) -> str:
    """ "1.10" after "1.9": zero-pad each numeric part."""
    return ".".join(part.zfill(4) if part.isdigit() else part for part in topic_id.split("."))


class WorkspaceModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._workspace: Workspace | None = None
        self._entries: list[Entry] = []
        self._wording: ProblemText | None = None  # problems on hover, in the interface's language
        self._duplicates: dict[str, list[str]] = {}  # entry name → the other entries' names
        self._notes: dict[str, str] = {}  # entry name → the reviewer's note (planner.office.notes)

    def set_workspace(self, workspace: Workspace | None) -> None:
        wording = ProblemText(workspace.call) if workspace else None
        self.beginResetModel()
        self._workspace = workspace
        self._entries = list(workspace.entries) if workspace else []
        self._wording = wording
        self._duplicates = duplicate_applicants(self._entries)
        self._notes = read_notes(workspace.root) if workspace else {}
        self.endResetModel()

    def note(self, entry: Entry) -> str:
        return self._notes.get(entry.name, "")

    def reload_notes(self) -> None:
        if self._workspace is not None:
            self._notes = read_notes(self._workspace.root)
            self.dataChanged.emit(self.index(0, NOTE), self.index(self.rowCount() - 1, NOTE))

    def duplicates(self, entry: Entry) -> list[str]:
        return self._duplicates.get(entry.name, [])

    def workspace(self) -> Workspace | None:
        return self._workspace

    def entry(self, row: int) -> Entry:
        return self._entries[row]

    def replace_entry(self, row: int, entry: Entry) -> None:
        """After a change on disk (a new status): show the reloaded entry."""
        self._entries[row] = entry
        if self._workspace is not None:
            self._workspace.entries[row] = entry
        self._duplicates = duplicate_applicants(self._entries)
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Applicant"),
            self.tr("Institution"),
            self.tr("Topic"),
            self.tr("Title"),
            self.tr("Status"),
            self.tr("Complete"),
            self.tr("File"),
            self.tr("Duplicate"),
            self.tr("Reviewer note"),
        )[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        entry = self._entries[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            text = self._text(entry, column, False)
            return _CONTROL.sub("", text) if isinstance(text, str) else text
        if role == SORT_ROLE:
            return self._text(entry, column, True)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(entry, column)
        if role == Qt.ItemDataRole.BackgroundRole:
            colour = self._colour(entry)
            return QBrush(colour) if colour is not None else None
        if role == Qt.ItemDataRole.ForegroundRole and self._colour(entry) is not None:
            return QBrush(TEXT_ON_COLOUR)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COMPLETENESS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ENTRY_ROLE:
            return entry
        return None

    def _text(self, entry: Entry, column: int, for_sort: bool) -> str | float | None:
        p = entry.proposal
        if column == FILE:
            if entry.from_word and not for_sort:  # a returned Word file, read back (issue 15)
                return fill(self.tr("{name} (from Word)"), name=entry.name)
            return entry.name
        if column == NOTE:
            return self.note(entry).replace("\n", " ")
        if column == DUPLICATE:
            others = self.duplicates(entry)
            if not others:
                return ""
            return fill(self.tr("⚠ same applicant as {files}"), files=", ".join(others))
        if p is None:
            if column == STATUS:
                return self.tr("unreadable")
            return -1.0 if for_sort and column == COMPLETENESS else ""
        if column == APPLICANT:
            return p.applicant.name
        if column == INSTITUTION:
            return p.applicant.institution
        if column == TOPIC:
            return _topic_sort_key(p.topic) if for_sort else p.topic
        if column == TITLE:
            return p.title
        if column == STATUS:
            return p.status if for_sort else status_label(p.status)
        if column == COMPLETENESS:
            return entry.completeness if for_sort else f"{round(entry.completeness * 100)}%"
        return None

    def _tooltip(self, entry: Entry, column: int) -> str:
        wording = self._wording
        lines = [wording.describe(p) for p in entry.problems] if wording is not None else []
        if column == NOTE and self.note(entry):
            return self.note(entry)
        if column == DUPLICATE and self.duplicates(entry):
            return str(self._text(entry, DUPLICATE, False))
        if column == TOPIC and entry.proposal is not None and self._workspace is not None:
            call = self._workspace.call
            if call.has_topic(entry.proposal.topic):
                lines.insert(0, call.topic(entry.proposal.topic).title)
        return "\n".join(lines) if lines else self.tr("No problems")

    @staticmethod
    def _colour(entry: Entry) -> QColor | None:
        if not entry.valid:
            return INVALID_COLOUR
        if not entry.problems:
            return COMPLETE_COLOUR
        return None


VALIDITY_ALL, VALIDITY_VALID, VALIDITY_INVALID = range(3)


class WorkspaceFilterModel(QSortFilterProxyModel):
    """Filters by text in any column and, optionally, by validity; sorts on SORT_ROLE so that
    topics and completeness sort as numbers."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._validity = VALIDITY_ALL
        self._status = ""  # "" : any; else a status key
        self._topic = ""
        self._institution = ""
        self.setSortRole(SORT_ROLE)
        self.setFilterKeyColumn(-1)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def set_validity(self, validity: int) -> None:
        self._change(lambda: setattr(self, "_validity", validity))

    def set_status(self, status: str) -> None:
        """Only proposals with this status key ("" for all)."""
        self._change(lambda: setattr(self, "_status", status))

    def set_topic(self, topic: str) -> None:
        self._change(lambda: setattr(self, "_topic", topic))

    def set_institution(self, institution: str) -> None:
        self._change(lambda: setattr(self, "_institution", institution))

    def _change(self, apply: Callable[[], object]) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt ≥ 6.9; invalidateRowsFilter is deprecated
            self.beginFilterChange()
            apply()
            self.endFilterChange()
        else:
            apply()
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        entry: Entry = model.data(model.index(source_row, 0, source_parent), ENTRY_ROLE)
        if self._validity == VALIDITY_VALID and not entry.valid:
            return False
        if self._validity == VALIDITY_INVALID and entry.valid:
            return False
        p = entry.proposal
        if self._status and (p is None or p.status != self._status):
            return False
        if self._topic and (p is None or p.topic != self._topic):
            return False
        if self._institution and (
            p is None or p.applicant.institution.strip() != self._institution
        ):
            return False
        return super().filterAcceptsRow(source_row, source_parent)
