"""The call as a Qt item model (areas -> topics) and the filter proxy over it.

The filter's rule is the core's (`planner.match.search.SearchIndex`); the proxy only maps its
answer onto rows, refiltering just the rows that change when few do.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QWidget

from planner.match.search import SearchIndex, SearchResult
from planner.model.call import Call, Topic

TOPIC_ID_ROLE = Qt.ItemDataRole.UserRole + 1
# Named in the dataChanged signals that refilter single rows; no item stores data under it.
MATCH_ROLE = Qt.ItemDataRole.UserRole + 2
_FEW_ROWS = 200  # above this many rows coming or going, one full refilter is cheaper

Index = QModelIndex | QPersistentModelIndex
_NEW_FILTER_API = hasattr(QSortFilterProxyModel, "endFilterChange")


class TopicTreeModel(QStandardItemModel):
    """The call as area rows, each holding its topics in call order.

    Items live in C++ (QStandardItemModel), so the view and the filter lay out 5,000 topics
    without calling back into Python for every row; the core Topic is found again by id.
    """

    def __init__(self, call: Call, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.call = call
        self._topics: list[tuple[Topic, ...]] = [a.topics for a in call.areas]
        self.area_sizes = [len(ts) for ts in self._topics]
        self._marked = ""
        self._counts: dict[str, int] | None = None
        bold = QFont()
        bold.setBold(True)
        for area in call.areas:
            area_item = QStandardItem(f"{area.id}  {area.title}")
            area_item.setFont(bold)
            area_item.setEditable(False)
            area_item.setToolTip(area.title)
            area_item.appendRows([self._topic_item(t) for t in area.topics])
            self.appendRow(area_item)

    def _label(self, topic: Topic) -> str:
        """`id  title`, a tick on the open proposal's topic, and the workspace's count."""
        label = f"{topic.id}  {topic.title}"
        if topic.id == self._marked:
            label += "  ✔"
        if self._counts is not None:
            label += f"  [{self._counts.get(topic.id, 0)}]"
        return label

    def _topic_item(self, topic: Topic) -> QStandardItem:
        item = QStandardItem(self._label(topic))
        item.setEditable(False)
        item.setToolTip(f"{topic.id} {topic.title}")
        item.setData(topic.id, TOPIC_ID_ROLE)
        return item

    def topic_at(self, index: Index) -> Topic | None:
        parent = index.parent()
        if not index.isValid() or not parent.isValid():
            return None
        return self._topics[parent.row()][index.row()]

    def index_of(self, topic_id: str) -> QModelIndex:
        for a, topics in enumerate(self._topics):
            for r, topic in enumerate(topics):
                if topic.id == topic_id:
                    return self.index(r, 0, self.index(a, 0))
        return QModelIndex()

    def set_marked(self, topic_id: str) -> None:
        """Mark the topic of the open proposal: bold, with a tick."""
        old, self._marked = self._marked, topic_id
        for tid, on in ((old, False), (topic_id, True)):
            item = self.itemFromIndex(self.index_of(tid)) if tid else None
            if item is None:
                continue
            font = item.font()
            font.setBold(on)
            item.setFont(font)
            item.setText(self._label(self.call.topic(tid)))

    def set_counts(self, counts: dict[str, int] | None) -> None:
        """Proposals per topic in the open workspace, shown as `[n]`; None hides them."""
        self._counts = dict(counts) if counts is not None else None
        for a, topics in enumerate(self._topics):
            area = self.item(a)
            for r, topic in enumerate(topics):
                area.child(r).setText(self._label(topic))


class TopicFilterProxy(QSortFilterProxyModel):
    """Shows the topics the core's search finds (or suggests); areas only with one of them.

    The core answers for all topics at once; Qt then asks `filterAcceptsRow` per row, which
    only looks the answer up. Areas are answered from the same answer rather than by Qt's
    recursive filtering, which would ask about every topic twice.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._index: SearchIndex | None = None
        self._query: tuple[str, bool] = ("", False)
        self._result = SearchResult(None, 0)
        self._hits: list[list[bool]] | None = None  # None: every topic shows
        self._areas: list[bool] = []  # per area: has a shown topic

    def set_index(self, index: SearchIndex | None) -> None:
        """Search with `index` from now on (the glossed one when it is ready), refiltering."""
        self._index = index
        (query, suggest), self._query = self._query, ("\0", False)  # forces the refilter
        self.set_query(query, suggest)

    def set_query(self, query: str, suggest: bool = False) -> None:
        """Filter by `query`; with `suggest`, show the closest topics when none matches."""
        if (query, suggest) == self._query:
            return
        self._query = (query, suggest)
        model = self.sourceModel()
        index = self._index
        if index is None or not isinstance(model, TopicTreeModel) or index.call is not model.call:
            self._result = SearchResult(None, 0)
        else:
            self._result = index.search(query, suggest)
        hits, old = self._result.rows, self._hits
        if hits == old:
            return  # the same rows show: refiltering 5,000 rows would change nothing
        changed = _changed_rows(old, hits, model) if isinstance(model, TopicTreeModel) else None
        if changed is not None and len(changed) <= _FEW_ROWS:
            # few rows come or go (typing on usually narrows a little): let Qt refilter just
            # those, as it does for edited data, instead of asking about every row again
            self._hits = hits
            self._areas = [any(area) for area in hits] if hits is not None else []
            for changed_index in changed:
                model.dataChanged.emit(changed_index, changed_index, [MATCH_ROLE])
            return
        if _NEW_FILTER_API:
            self.beginFilterChange()
        self._hits = hits
        self._areas = [any(area) for area in hits] if hits is not None else []
        if _NEW_FILTER_API:
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # Qt < 6.10
            self.invalidateRowsFilter()

    def match_count(self) -> int:
        model = self.sourceModel()
        if self._hits is None:
            return model.call.topic_count if isinstance(model, TopicTreeModel) else 0
        return self._result.count

    def suggested(self) -> bool:
        """True when no topic holds the query and the closest topics show instead."""
        return self._result.suggested

    def can_suggest(self) -> bool:
        """Nothing matches the query, and the index could offer the closest topics."""
        return (
            self._index is not None
            and self._index.has_suggestions
            and self._result.rows is not None
            and self._result.count == 0
        )

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if self._hits is None:
            return True
        if not source_parent.isValid():
            return self._areas[source_row]  # an area shows only with a matching topic
        return self._hits[source_parent.row()][source_row]


def _changed_rows(
    old: list[list[bool]] | None, new: list[list[bool]] | None, model: TopicTreeModel
) -> list[QModelIndex]:
    """Source indexes of the areas and topics whose match state differs (None: all match);
    areas first, so that an area that appears is in place before its topics are refiltered."""
    areas: list[QModelIndex] = []
    topics: list[QModelIndex] = []
    for a, size in enumerate(model.area_sizes):
        before = old[a] if old is not None else None
        after = new[a] if new is not None else None
        if before == after:
            continue
        area = model.index(a, 0)
        if (before is None or any(before)) != (after is None or any(after)):
            areas.append(area)
        for r in range(size):
            if (before is None or before[r]) != (after is None or after[r]):
                topics.append(model.index(r, 0, area))
                if len(topics) > _FEW_ROWS:
                    return topics  # too many: the caller refilters everything at once
    return areas + topics
