"""The call as a tree (areas → topics), a live filter over it, and the pane that shows both."""

from __future__ import annotations

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QLabel, QLineEdit, QTreeView, QVBoxLayout, QWidget

from planner.match.search import query_terms, topic_haystack
from planner.model.call import Call, Topic
from planner.ui.i18n import fill

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
        # folded once, so refiltering 5,000 topics per keystroke stays cheap
        self.haystacks: list[list[str]] = [[topic_haystack(t) for t in ts] for ts in self._topics]
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
    """Keeps topics whose text contains every search term; areas stay only with a match.

    The matches are computed in one pass in Python (over haystacks folded once); Qt then asks
    `filterAcceptsRow` per row, which only looks the answer up. Areas are answered from the
    same pass rather than by Qt's recursive filtering, which would ask about every topic twice.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._terms: list[str] = []
        self._hits: list[list[bool]] | None = None  # None: no filter
        self._areas: list[bool] = []  # per area: has a matching topic

    def set_query(self, query: str) -> None:
        terms = query_terms(query)  # matched below in bulk, as topic_matches does one by one
        if terms == self._terms:
            return
        model = self.sourceModel()
        hits = None
        if terms and isinstance(model, TopicTreeModel):
            # typing on narrows the previous result: only earlier hits need checking
            narrowing = self._hits is not None and all(
                any(old in new for new in terms) for old in self._terms
            )
            hits = _match(model.haystacks, terms, self._hits if narrowing else None)
            if all(all(area) for area in hits):
                hits = None  # every topic matches: the same rows as no filter
        old, self._terms = self._hits, terms
        if hits == old:
            return  # the same rows show: refiltering 5,000 rows would change nothing
        changed = _changed_rows(old, hits, model) if isinstance(model, TopicTreeModel) else None
        if changed is not None and len(changed) <= _FEW_ROWS:
            # few rows come or go (typing on usually narrows a little): let Qt refilter just
            # those, as it does for edited data, instead of asking about every row again
            self._hits = hits
            self._areas = [any(area) for area in hits] if hits is not None else []
            for index in changed:
                model.dataChanged.emit(index, index, [MATCH_ROLE])
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
        return sum(sum(area) for area in self._hits)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if self._hits is None:
            return True
        if not source_parent.isValid():
            return self._areas[source_row]  # an area shows only with a matching topic
        return self._hits[source_parent.row()][source_row]


def _match(
    haystacks: list[list[str]], terms: list[str], previous: list[list[bool]] | None
) -> list[list[bool]]:
    """Per area, per topic: does its haystack hold every term? One comprehension per term
    (no generator per topic); with `previous`, only its hits are checked again."""
    hits = []
    for a, area in enumerate(haystacks):
        row = previous[a] if previous is not None else None
        for term in terms:
            if row is None:
                row = [term in hay for hay in area]
            else:
                row = [ok and term in hay for ok, hay in zip(row, area, strict=True)]
        hits.append(row if row is not None else [True] * len(area))
    return hits


def _changed_rows(
    old: list[list[bool]] | None, new: list[list[bool]] | None, model: TopicTreeModel
) -> list[QModelIndex]:
    """Source indexes of the areas and topics whose match state differs (None: all match);
    areas first, so that an area that appears is in place before its topics are refiltered."""
    areas: list[QModelIndex] = []
    topics: list[QModelIndex] = []
    for a, haystacks in enumerate(model.haystacks):
        before = old[a] if old is not None else None
        after = new[a] if new is not None else None
        if before == after:
            continue
        area = model.index(a, 0)
        if (before is None or any(before)) != (after is None or any(after)):
            areas.append(area)
        for r in range(len(haystacks)):
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

    def __init__(self, call: Call, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = TopicTreeModel(call, self)
        self.proxy = TopicFilterProxy(self)
        self.proxy.setSourceModel(self.model)
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
        self.search.setPlaceholderText(self.tr("Search topics (title, background, directions)"))
        self.search.setToolTip(self.tr("Filter as you type; Esc clears"))
        self._update_count()

    # -- public API for the main window
    def set_query(self, text: str) -> None:
        self.search.setText(text)

    def query(self) -> str:
        return self.search.text()

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
        self.proxy.set_query(self.search.text())
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

    def current_topic_id(self) -> str:
        topic = self.model.topic_at(self.proxy.mapToSource(self.view.currentIndex()))
        return topic.id if topic else ""

    def visible_rows(self) -> list[str]:
        """What the tree shows, as text: areas and their topics (for tests and screen readers)."""
        rows = []
        for a in range(self.proxy.rowCount()):
            area = self.proxy.index(a, 0)
            rows.append(str(area.data()))
            rows += [
                f"  {self.proxy.index(t, 0, area).data()}" for t in range(self.proxy.rowCount(area))
            ]
        return rows

    # -- internals
    def _on_search(self, text: str) -> None:
        self.proxy.set_query(text)
        self._expand_areas()
        self._update_count()
        self.searchChanged.emit(text)

    def _expand_areas(self) -> None:
        for row in range(self.proxy.rowCount()):
            self.view.setExpanded(self.proxy.index(row, 0), True)

    def _update_count(self) -> None:
        total = self.model.call.topic_count
        shown = self.proxy.match_count()
        if self.search.text().strip():
            self.count_label.setText(
                fill(self.tr("%n topics of {total} match", "", shown), total=total)
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
