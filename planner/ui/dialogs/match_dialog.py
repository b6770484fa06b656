""" "Find topics for my research": paste a paragraph, see the call's topics ranked by similarity.

A thin view over `planner.match.ranking`; it emits `topicChosen(id)` and leaves opening the
topic to the main window.
"""

from __future__ import annotations

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
from PySide6.QtGui import QPainter
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
    QVBoxLayout,
    QWidget,
)

from planner.match.ranking import EmptyQueryError, TopicMatch, match_index
from planner.model.call import Call
from planner.ui.i18n import fill
from planner.ui.screen_fit import resize_within_screen

DEBOUNCE_MS = 250  # re-rank once the user pauses typing, not on every keystroke
MAX_RESULTS = 50  # a call of thousands of topics still shows a readable list
MIN_SCORE = 0.005  # below this a topic would show as "0%": noise, not a match
TOPIC_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SCORE_ROLE = Qt.ItemDataRole.UserRole + 2
ID_COLUMN, TITLE_COLUMN, SCORE_COLUMN, DIRECTION_COLUMN = range(4)

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()  # the invalid index: the default parent of a flat model


class MatchResultModel(QAbstractTableModel):
    """The ranked topics: id, title, similarity, best-matching direction."""

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
                self.index(0, DIRECTION_COLUMN),
                self.index(len(self._results) - 1, DIRECTION_COLUMN),
            )

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._results)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> str | None:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (
            self.tr("Topic"),
            self.tr("Title"),
            self.tr("Similarity"),
            self.tr("Best direction"),
        )
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        m = self._results[index.row()]
        column = index.column()
        if role == TOPIC_ID_ROLE:
            return m.topic.id
        if role == SCORE_ROLE:
            return m.score
        if role == Qt.ItemDataRole.DisplayRole:
            if column == ID_COLUMN:
                return m.topic.id
            if column == TITLE_COLUMN:
                return m.topic.title
            if column == SCORE_COLUMN:
                return f"{m.score:.0%}"
            return self._direction_text(m)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == TITLE_COLUMN:
                return m.topic.title
            if column == DIRECTION_COLUMN and m.direction is not None:
                return fill(
                    self.tr("Direction {number} (similarity {score}):\n{text}"),
                    number=m.direction.number,
                    score=f"{m.direction_score:.0%}",
                    text=m.direction.text,
                )
        return None

    def _direction_text(self, m: TopicMatch) -> str:
        if m.direction is None:
            return self.tr("(open topic: no suggested directions)")
        return f"{m.direction.number}. {m.direction.text}"


class ScoreBarDelegate(QStyledItemDelegate):
    """Draws the similarity as a bar with its percentage, in the platform's style."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        score = index.data(SCORE_ROLE)
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
        return QSize(110, super().sizeHint(option, index).height())


class MatchDialog(QDialog):
    """Paste a paragraph about your research; the call's topics are ranked as you type."""

    topicChosen = Signal(str)

    def __init__(self, call: Call, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._call = call
        self._status = "empty"  # empty | none | found: kept so a language switch can re-render

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
        self._view.setItemDelegateForColumn(SCORE_COLUMN, ScoreBarDelegate(self._view))
        self._view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self._view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._view.setAlternatingRowColors(True)
        self._view.setWordWrap(False)
        self._view.verticalHeader().hide()
        header = self._view.horizontalHeader()
        header.setSectionResizeMode(ID_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TITLE_COLUMN, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(SCORE_COLUMN, QHeaderView.ResizeMode.Fixed)
        header.setStretchLastSection(True)
        self._view.setColumnWidth(TITLE_COLUMN, 300)
        self._view.setColumnWidth(SCORE_COLUMN, 110)

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
        self._timer.timeout.connect(self.rerank)
        self._view.doubleClicked.connect(self._choose)
        self._view.selectionModel().currentRowChanged.connect(self._update_go_button)
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
        """Rank the topics for the current text now (the debounce timer calls this)."""
        self._timer.stop()
        try:
            ranked = match_index(self._call).match(self.text(), MAX_RESULTS)
            results = [m for m in ranked if m.score >= MIN_SCORE]
        except EmptyQueryError:
            results = []
            self._status = "empty"
        else:
            self._status = "found" if results else "none"
        self._model.set_results(results)
        if results:
            self._view.selectRow(0)
        self._show_status()
        self._update_go_button()

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
    def _show_status(self) -> None:
        if self._status == "empty":
            text = self.tr("Paste or type a paragraph to see the closest topics.")
        elif self._status == "none":
            text = self.tr("No topic shares any words with your text.")
        else:
            text = fill(
                self.tr(
                    "Topics sharing words with your text: {count}, best first. "
                    "Double-click one to open it."
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
