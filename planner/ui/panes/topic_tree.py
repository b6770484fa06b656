"""The pane that shows the call as a tree (areas → topics) under a live search box.

The model and the filter are in `topic_tree_model`; the rule is the core's search. The pane
starts with the plain index (the topics' own text, built in a few milliseconds) and, on the
first search, loads the glossed one (English words, typos, closest topics) in a thread, then
refilters with it.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QTreeView, QVBoxLayout, QWidget

from planner.match.search import SearchIndex
from planner.model.call import Call
from planner.ui.i18n import fill
from planner.ui.panes.topic_tree_model import TopicFilterProxy, TopicTreeModel

SUGGEST_AFTER_MS = 300  # a query that finds nothing gets the closest topics once typing pauses
_INDEX_POLL_MS = 50  # how often the pane looks whether the glossed index is ready


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
