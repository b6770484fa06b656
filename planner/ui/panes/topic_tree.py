"""The call as a tree (areas → topics), a live filter over it, and the pane that shows both.

The filter's rule is the core's (`planner.match.search.SearchIndex`); this module only maps
its answer onto Qt rows. The pane starts with the plain index (the topics' own text, built in
a few milliseconds) and, on the first search, loads the glossed one (English words, typos,
closest topics) in a thread, then refilters with it.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont, QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QLabel, QLineEdit, QTreeView, QVBoxLayout, QWidget

from planner.match.search import SearchIndex, SearchResult
from planner.model.call import Call, Topic

TOPIC_ID_ROLE = Qt.ItemDataRole.UserRole + 1
# Named in the dataChanged signals that refilter single rows; no item stores data under it.
MATCH_ROLE = Qt.ItemDataRole.UserRole + 2
SUGGEST_AFTER_MS = 300  # a query that finds nothing gets the closest topics once typing pauses
_INDEX_POLL_MS = 50  # how often the pane looks whether the glossed index is ready
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


class _TreeView(QTreeView):
    """Enter on a topic asks to use it, like a double-click."""

    returnPressed = Signal(QModelIndex)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.returnPressed.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


class _SearchBox(QLineEdit):
    """Esc clears the search; Down moves into the tree."""

    downPressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            return
        if event.key() == Qt.Key.Key_Down:
            self.downPressed.emit()
            return
        super().keyPressEvent(event)


class TopicTreePane(QWidget):
    """Search box, match count and the topic tree. Emits what the user picks; changes nothing."""

    topicSelected = Signal(str)  # "" when an area or nothing is current
    useTopicRequested = Signal(str)  # double-click / Enter on a topic
    searchChanged = Signal(str)
    searchIndexReady = Signal()  # the full index is in use (English words, typos, closest)

    def __init__(self, call: Call, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = TopicTreeModel(call, self)
        self.proxy = TopicFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.set_index(SearchIndex(call))
        self._glossing: Call | None = None  # the call whose glossed index is being built
        self._built: list[SearchIndex] = []  # filled by the worker thread
        self._timers: tuple[QTimer, QTimer] | None = None  # made on the first search
        self.search = _SearchBox(self)
        self.search.setClearButtonEnabled(True)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("matchCount")
        self.view = _TreeView(self)
        self.view.setModel(self.proxy)
        self.view.setHeaderHidden(True)
        self.view.setUniformRowHeights(True)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.search)
        layout.addWidget(self.count_label)
        layout.addWidget(self.view, 1)
        self.search.textChanged.connect(self._on_search)
        self.search.downPressed.connect(self._focus_tree)
        self.view.selectionModel().currentChanged.connect(self._on_current)
        self.view.doubleClicked.connect(self._on_activate)
        self.view.returnPressed.connect(self._on_activate)
        self._expand_areas()
        self.retranslate()

    def retranslate(self) -> None:
        self.search.setPlaceholderText(
            self.tr("Search topics (title, background, directions; English words too)")
        )
        self.search.setToolTip(self.tr("Filter as you type; Esc clears"))
        self._update_count()

    # -- public API for the main window
    def set_query(self, text: str) -> None:
        self.search.setText(text)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def set_call(self, call: Call) -> None:
        """Show another call; the search text stays and filters the new tree."""
        old = self.model
        self.proxy.set_query("")  # drop hits that index the old call's topics
        self.model = TopicTreeModel(call, self)
        self.proxy.setSourceModel(self.model)
        old.deleteLater()
        self.proxy.set_index(SearchIndex(call))
        self._glossing = None
        self.proxy.set_query(self.search.text())
        if self.search.text().strip():
            self._load_glossed_index()
        self._expand_areas()
        self._update_count()

    def set_marked_topic(self, topic_id: str) -> None:
        self.model.set_marked(topic_id)

    def set_topic_counts(self, counts: dict[str, int] | None) -> None:
        self.model.set_counts(counts)

    def select_topic(self, topic_id: str) -> None:
        index = self.proxy.mapFromSource(self.model.index_of(topic_id))
        if index.isValid():
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)

    # -- internals
    def _on_search(self, text: str) -> None:
        if text.strip():
            self._load_glossed_index()
        self.proxy.set_query(text)
        self._expand_areas()
        self._update_count()
        self._suggest_later()
        self.searchChanged.emit(text)

    def _timer(self, which: int) -> QTimer:
        """0: polls for the glossed index; 1: offers the closest topics after a pause."""
        if self._timers is None:
            poll, suggest = QTimer(self), QTimer(self)
            poll.setInterval(_INDEX_POLL_MS)
            poll.timeout.connect(self._check_index)
            suggest.setSingleShot(True)
            suggest.setInterval(SUGGEST_AFTER_MS)
            suggest.timeout.connect(self._suggest)
            self._timers = (poll, suggest)
        return self._timers[which]

    def _suggest_later(self) -> None:
        if self.proxy.can_suggest():
            self._timer(1).start()
        elif self._timers is not None:
            self._timers[1].stop()

    def _suggest(self) -> None:
        self.proxy.set_query(self.search.text(), suggest=True)
        self._expand_areas()
        self._update_count()

    def _load_glossed_index(self) -> None:
        """Build the glossed index in a thread, once per call (the dictionaries take a second
        or two the first time, then come from the user cache). The thread touches no Qt
        object: it leaves the index in a plain list that a timer here looks at."""
        call = self.model.call
        if self._glossing is call:
            return
        self._glossing = call
        box: list[SearchIndex] = []
        self._built = box

        def build() -> None:
            from planner.match.search import glossed_index

            box.append(glossed_index(call, suggestions=False))  # English words and typos
            box.append(glossed_index(call))  # then also the closest topics for no match

        threading.Thread(target=build, name="search-index", daemon=True).start()
        self._timer(0).start()

    def _check_index(self) -> None:
        while self._built:
            index = self._built.pop(0)
            if index.has_suggestions:
                self._timer(0).stop()
            self._on_index_built(index)

    def _on_index_built(self, index: SearchIndex) -> None:
        if index.call is not self.model.call:
            return  # built for a call no longer shown
        self.proxy.set_index(index)
        self._expand_areas()
        self._update_count()
        self._suggest_later()
        if index.has_suggestions:
            self.searchIndexReady.emit()

    def _expand_areas(self) -> None:
        for row in range(self.proxy.rowCount()):
            self.view.setExpanded(self.proxy.index(row, 0), True)

    def _update_count(self) -> None:
        total = self.model.call.topic_count
        shown = self.proxy.match_count()
        if self.proxy.suggested():
            self.count_label.setText(
                self.tr("No topic contains these words; %n closest topics shown", "", shown)
            )
        elif self.search.text().strip():
            self.count_label.setText(
                self.tr("%n of %1 topics match", "", shown).replace("%1", str(total))
            )
        else:
            self.count_label.setText(self.tr("%n topics", "", total))

    def _focus_tree(self) -> None:
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        if not self.view.currentIndex().isValid() and self.proxy.rowCount():
            area = self.proxy.index(0, 0)
            first = self.proxy.index(0, 0, area)
            self.view.setCurrentIndex(first if first.isValid() else area)

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        topic = self.model.topic_at(self.proxy.mapToSource(current))
        self.topicSelected.emit(topic.id if topic else "")

    def _on_activate(self, index: QModelIndex) -> None:
        topic = self.model.topic_at(self.proxy.mapToSource(index))
        if topic is not None:
            self.useTopicRequested.emit(topic.id)
