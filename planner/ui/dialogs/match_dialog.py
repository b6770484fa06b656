""" "Find topics for my research": paste a paragraph, see the call's topics ranked by similarity.

A thin view over `planner.match.ranking.match_topics` (the function `planner match` calls too);
it emits `topicChosen(id)` and leaves opening the topic to the main window. How well a topic
fits is said in words and drawn as a bar; the words the paragraph shares with the selected
topic are highlighted in the paragraph and listed with the Chinese they met.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QPainter, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionProgressBar,
    QStyleOptionViewItem,
    QTableView,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from planner.match.ranking import (
    EmptyQueryError,
    MatchedTerm,
    TopicMatch,
    match_topics,
    matches_well,
    relevance,
    strength,
)
from planner.model.call import Call
from planner.ui.i18n import fill
from planner.ui.screen_fit import resize_within_screen

DEBOUNCE_MS = 250  # re-rank once the user pauses typing, not on every keystroke
MAX_RESULTS = 50  # a call of thousands of topics still shows a readable list
MIN_SCORE = 0.005  # below this a topic shares next to nothing with the text: noise
TERMS_LISTED = 8  # shared words listed per topic
HIGHLIGHT = QColor("#ffe36e")  # as the detail pane marks search terms
TOPIC_ID_ROLE = Qt.ItemDataRole.UserRole + 1
STRENGTH_ROLE = Qt.ItemDataRole.UserRole + 2
ID_COLUMN, TITLE_COLUMN, RELEVANCE_COLUMN, DIRECTION_COLUMN, TERMS_COLUMN = range(5)

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()  # the invalid index: the default parent of a flat model


class MatchResultModel(QAbstractTableModel):
    """The ranked topics: id, title, relevance, best-matching direction, shared words."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._results: list[TopicMatch] = []

    def set_results(self, results: list[TopicMatch]) -> None:
        self.beginResetModel()
        self._results = list(results)
        self.endResetModel()

    def result(self, row: int) -> TopicMatch:
        return self._results[row]

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
        if self._results:
            self.dataChanged.emit(
                self.index(0, RELEVANCE_COLUMN),
                self.index(len(self._results) - 1, TERMS_COLUMN),
            )

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._results)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else 5

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> str | None:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (
            self.tr("Topic"),
            self.tr("Title"),
            self.tr("Fit"),
            self.tr("Best direction"),
            self.tr("Shared words"),
        )
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        m = self._results[index.row()]
        column = index.column()
        if role == TOPIC_ID_ROLE:
            return m.topic.id
        if role == STRENGTH_ROLE:
            return strength(m)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == ID_COLUMN:
                return m.topic.id
            if column == TITLE_COLUMN:
                return m.topic.title
            if column == RELEVANCE_COLUMN:
                return self.relevance_text(m)
            if column == TERMS_COLUMN:
                return self._terms_text(m)
            return self._direction_text(m)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == TITLE_COLUMN:
                return m.topic.title
            if column == DIRECTION_COLUMN and m.direction is not None:
                return fill(
                    self.tr("Direction {number}:\n{text}"),
                    number=m.direction.number,
                    text=m.direction.text,
                )
            if column == TERMS_COLUMN:
                return "\n".join(self._term_text(t) for t in m.terms)
        return None

    def relevance_text(self, m: TopicMatch) -> str:
        label = relevance(m)
        if label == "close":
            return self.tr("close match")
        if label == "partial":
            return self.tr("partial match")
        return self.tr("weak match")

    def _direction_text(self, m: TopicMatch) -> str:
        if m.direction is None:
            return self.tr("(open topic: any direction within its area)")
        return f"{m.direction.number}. {m.direction.text}"

    @staticmethod
    def _term_text(term: MatchedTerm) -> str:
        if term.topic == (term.query,):
            return term.query
        return f"{term.query} → {'/'.join(term.topic[:2])}"

    def _terms_text(self, m: TopicMatch) -> str:
        return ", ".join(self._term_text(t) for t in m.terms[:TERMS_LISTED])


class RelevanceBarDelegate(QStyledItemDelegate):
    """Draws how well a topic fits as a bar with the words for it, in the platform's style."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        score = index.data(STRENGTH_ROLE)
        if score is None:
            super().paint(painter, option, index)
            return
        style = option.widget.style() if option.widget else QApplication.style()
        # selection background first, so a selected row still looks selected
        style.drawPrimitive(
            QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, option.widget
        )
        bar = QStyleOptionProgressBar()
        bar.rect = option.rect.adjusted(3, 3, -3, -3)
        bar.minimum, bar.maximum = 0, 100
        bar.progress = round(score * 100)
        bar.text = index.data(Qt.ItemDataRole.DisplayRole)
        bar.textVisible = True
        bar.textAlignment = Qt.AlignmentFlag.AlignCenter
        bar.state = option.state | QStyle.StateFlag.State_Horizontal
        bar.palette = option.palette
        style.drawControl(QStyle.ControlElement.CE_ProgressBar, bar, painter, option.widget)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return QSize(130, super().sizeHint(option, index).height())


class MatchDialog(QDialog):
    """Paste a paragraph about your research; the call's topics are ranked as you type."""

    topicChosen = Signal(str)

    def __init__(self, call: Call, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._call = call
        # empty | none | weak | found: kept so a language switch can re-render
        self._status = "empty"
        # the first ranking loads the dictionaries (a second or two, once per call and
        # dictionary version): start now, in a thread that touches no Qt object
        self._warming = threading.Thread(
            target=match_topics, args=(call, "warm"), name="match-index", daemon=True
        )
        self._warming.start()

        self._intro = QLabel()
        self._intro.setWordWrap(True)
        self._editor = QPlainTextEdit()
        self._editor.setTabChangesFocus(True)
        self._editor.setMinimumHeight(80)
        self._status_label = QLabel()
        self._status_label.setWordWrap(True)

        self._model = MatchResultModel(self)
        self._view = QTableView()
        self._view.setModel(self._model)
        self._view.setItemDelegateForColumn(RELEVANCE_COLUMN, RelevanceBarDelegate(self._view))
        self._view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self._view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._view.setAlternatingRowColors(True)
        self._view.setWordWrap(False)
        self._view.verticalHeader().hide()
        header = self._view.horizontalHeader()
        header.setSectionResizeMode(ID_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TITLE_COLUMN, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(RELEVANCE_COLUMN, QHeaderView.ResizeMode.Fixed)
        header.setStretchLastSection(True)
        self._view.setColumnWidth(TITLE_COLUMN, 260)
        self._view.setColumnWidth(RELEVANCE_COLUMN, 130)
        self._view.setColumnWidth(DIRECTION_COLUMN, 320)

        self._buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self._go_button = QPushButton()
        self._go_button.setDefault(True)
        self._buttons.addButton(self._go_button, QDialogButtonBox.ButtonRole.AcceptRole)

        layout = QVBoxLayout(self)
        layout.addWidget(self._intro)
        layout.addWidget(self._editor, 1)
        layout.addWidget(self._status_label)
        layout.addWidget(self._view, 2)
        layout.addWidget(self._buttons)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)

        self._editor.textChanged.connect(self._timer.start)
        self._timer.timeout.connect(self._rerank_when_ready)
        self._view.doubleClicked.connect(self._choose)
        self._view.selectionModel().currentRowChanged.connect(self._update_go_button)
        self._view.selectionModel().currentRowChanged.connect(self._highlight_current)
        self._buttons.accepted.connect(self._choose_current)
        self._buttons.rejected.connect(self.reject)

        resize_within_screen(self, 860, 600)
        self.retranslate_ui()
        self._update_go_button()

    # -- public
    def text(self) -> str:
        return self._editor.toPlainText()

    def set_text(self, text: str) -> None:
        """Put `text` in the box; the ranking follows after the usual pause."""
        self._editor.setPlainText(text)

    def results(self) -> list[TopicMatch]:
        return [self._model.result(row) for row in range(self._model.rowCount())]

    def rerank(self) -> None:
        """Rank the topics for the current text now (waits for the dictionaries if the
        first load is still running)."""
        self._timer.stop()
        try:
            ranked = match_topics(self._call, self.text(), MAX_RESULTS)
            results = [m for m in ranked if m.score >= MIN_SCORE]
        except EmptyQueryError:
            results = []
            self._status = "empty"
        else:
            if not results:
                self._status = "none"
            else:
                self._status = "found" if matches_well(results) else "weak"
        self._model.set_results(results)
        if results:
            self._view.selectRow(0)
        self._highlight_current()
        self._show_status()
        self._update_go_button()

    def highlighted_words(self) -> list[str]:
        """The words of the paragraph marked as shared with the selected topic."""
        cursor_text = self.text()
        return [cursor_text[s.cursor.selectionStart() : s.cursor.selectionEnd()]
                for s in self._editor.extraSelections()]  # fmt: skip

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Find Topics for My Research"))
        self._intro.setText(
            self.tr(
                "Paste a paragraph about your research, in Chinese or English. The call's topics "
                "are ranked by how close their title, background and directions are to your text."
            )
        )
        self._editor.setPlaceholderText(
            self.tr("For example: the abstract of a recent paper or project of yours…")
        )
        self._go_button.setText(self.tr("&Go to Topic"))
        self._go_button.setToolTip(self.tr("Open the selected topic in the planner"))
        self._model.retranslate()
        self._show_status()

    # -- Qt overrides
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- private
    def _rerank_when_ready(self) -> None:
        if self._warming.is_alive():  # the dictionaries are still loading: ask again soon
            self._status_label.setText(self.tr("Loading the dictionary…"))
            self._timer.start()
            return
        self.rerank()

    def _highlight_current(self, *_args: object) -> None:
        """Mark in the paragraph the words it shares with the selected topic."""
        row = self._view.currentIndex().row()
        selections = []
        if 0 <= row < self._model.rowCount():
            found = QTextCharFormat()
            found.setBackground(HIGHLIGHT)
            document = self._editor.document()
            for term in self._model.result(row).terms:
                cursor = QTextCursor(document)
                while True:
                    cursor = document.find(term.query, cursor)
                    if cursor.isNull():
                        break
                    selection = QTextEdit.ExtraSelection()
                    selection.cursor, selection.format = cursor, found
                    selections.append(selection)
        self._editor.setExtraSelections(selections)

    def _show_status(self) -> None:
        if self._status == "empty":
            text = self.tr("Paste or type a paragraph to see the closest topics.")
        elif self._status == "none":
            text = self.tr("No topic shares any words with your text.")
        elif self._status == "weak":
            text = self.tr(
                "No topic fits your text well: the closest ones below share only a few words "
                "with it."
            )
        else:
            text = fill(
                self.tr(
                    "Topics sharing words with your text: {count}, best first; the shared words "
                    "of the selected one are marked in your text. Double-click a topic to open it."
                ),
                count=self._model.rowCount(),
            )
        self._status_label.setText(text)

    def _update_go_button(self) -> None:
        self._go_button.setEnabled(self._view.currentIndex().isValid())

    def _choose(self, index: QModelIndex) -> None:
        if index.isValid():
            self.topicChosen.emit(index.data(TOPIC_ID_ROLE))
            self.accept()

    def _choose_current(self) -> None:
        self._choose(self._view.currentIndex())
