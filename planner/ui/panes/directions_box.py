"""The proposal editor's "Topic and directions" box: the chosen topic, its directions to tick,
and the user's own directions to add, edit and remove.

It changes nothing itself: ticks and own-direction edits go out as signals, and the main
window (which asks before a topic change) applies them and shows the proposal again.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planner.model.call import Call
from planner.model.proposal import Proposal
from planner.ui.i18n import fill

_OWN_EDIT_TRIGGERS = (
    QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
)


class DirectionsBox(QGroupBox):
    directionToggled = Signal(int, bool)  # a direction of the shown topic: number, ticked
    ownDirectionsEdited = Signal(list)  # every own direction's text, as the list now holds

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.topic_label = QLabel(self)
        self.topic_label.setWordWrap(True)
        self.topic_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.directions_list = QListWidget(self)
        self.directions_list.setWordWrap(True)
        self.directions_list.itemChanged.connect(self._on_direction_item)
        self.own_label = QLabel(self)
        self.own_list = QListWidget(self)
        self.own_list.setWordWrap(True)
        self.own_list.setEditTriggers(
            _OWN_EDIT_TRIGGERS | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.own_list.itemChanged.connect(self._on_own_changed)
        # Esc on a new row, or a row edited down to nothing: the row goes (it was never saved)
        self.own_list.itemDelegate().closeEditor.connect(lambda *_: self._drop_blank_own_rows())
        self.own_add = QPushButton(self)
        self.own_remove = QPushButton(self)
        self.own_add.clicked.connect(self._add_own)
        self.own_remove.clicked.connect(self._remove_own)
        own_buttons = QHBoxLayout()
        own_buttons.addStretch(1)
        own_buttons.addWidget(self.own_add)
        own_buttons.addWidget(self.own_remove)
        layout.addWidget(self.topic_label)
        layout.addWidget(self.directions_list)
        layout.addWidget(self.own_label)
        layout.addWidget(self.own_list)
        layout.addLayout(own_buttons)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Topic and directions"))
        self.own_label.setText(self.tr("My own directions (double-click to edit):"))
        self.own_add.setText(self.tr("Add own direction"))
        self.own_remove.setText(self.tr("Remove"))

    def show_proposal(self, call: Call, p: Proposal) -> None:
        """The topic of `p` in `call`, its directions ticked as `p` has them, its own ones."""
        topic = call.topic(p.topic) if p.topic and call.has_topic(p.topic) else None
        if topic is None:
            self.topic_label.setText(
                self.tr("No topic chosen yet: select one on the left and press “Use this topic”.")
                if not p.topic
                else fill(self.tr("Topic {id} is not in this call."), id=p.topic)
            )
        else:
            self.topic_label.setText(f"<b>{topic.id}</b>  {topic.title}")
        self.directions_list.blockSignals(True)
        self.directions_list.clear()
        for direction in topic.directions if topic else ():
            item = QListWidgetItem(f"{direction.number}. {direction.text}", self.directions_list)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            checked = direction.number in p.directions
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            item.setData(Qt.ItemDataRole.UserRole, direction.number)
        self.directions_list.setVisible(self.directions_list.count() > 0)
        self.directions_list.blockSignals(False)
        self.own_list.blockSignals(True)
        self.own_list.clear()
        for text in p.own_directions:
            item = QListWidgetItem(text, self.own_list)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        self.own_list.blockSignals(False)
        self.fit_lists()

    def set_read_only(self, read_only: bool) -> None:
        for w in (self.directions_list, self.own_add, self.own_remove):
            w.setEnabled(not read_only)
        self.own_list.setEditTriggers(
            QAbstractItemView.EditTrigger.NoEditTriggers if read_only else _OWN_EDIT_TRIGGERS
        )

    def focus_target(self, field: str) -> QWidget:
        """Where a problem of `field` (own_directions…, directions…, topic) puts the cursor."""
        if field.startswith("own_directions"):
            return self.own_list
        return self.directions_list if self.directions_list.count() else self.topic_label

    def fit_lists(self) -> None:
        """Both lists as tall as their rows (the pane scrolls, not they)."""
        self.directions_list.setFixedHeight(_list_height(self.directions_list))
        self.own_list.setFixedHeight(_list_height(self.own_list, minimum=36))

    def _on_direction_item(self, item: QListWidgetItem) -> None:
        number = int(item.data(Qt.ItemDataRole.UserRole))
        on = item.checkState() == Qt.CheckState.Checked
        self.directionToggled.emit(number, on)

    def _own_texts(self) -> list[str]:
        return [self.own_list.item(i).text() for i in range(self.own_list.count())]

    def _on_own_changed(self, _item: QListWidgetItem) -> None:
        self._drop_blank_own_rows()
        self.ownDirectionsEdited.emit(self._own_texts())

    def _drop_blank_own_rows(self) -> None:
        """Rows without text: they never entered the proposal, so the list shows none."""
        self.own_list.blockSignals(True)
        for row in reversed(range(self.own_list.count())):
            if not self.own_list.item(row).text().strip():
                self.own_list.takeItem(row)
        self.own_list.blockSignals(False)

    def _add_own(self) -> None:
        """An empty row to type in; it enters the proposal once it holds text."""
        item = QListWidgetItem("")  # flags set before it is in the list: no itemChanged
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        self.own_list.addItem(item)
        self.own_list.setFixedHeight(_list_height(self.own_list, minimum=36))
        self.own_list.setCurrentItem(item)
        self.own_list.editItem(item)

    def _remove_own(self) -> None:
        row = self.own_list.currentRow()
        if row >= 0:
            texts = self._own_texts()
            del texts[row]
            self.ownDirectionsEdited.emit(texts)


def _list_height(view: QListWidget, minimum: int = 0) -> int:
    """Tall enough to show every row without its own scroll bar (the pane scrolls)."""
    # not viewport().width(): wrapping Qt's private viewport class makes PySide create
    # every remaining QtWidgets type (~15 ms on the first call); same width without it
    width = max(view.maximumViewportSize().width(), 300)
    rows = 0
    metrics = view.fontMetrics()
    for i in range(view.count()):
        rect = metrics.boundingRect(
            0, 0, width - 30, 10_000, Qt.TextFlag.TextWordWrap, view.item(i).text()
        )
        rows += rect.height() + 6
    return max(rows + 2 * view.frameWidth() + 4, minimum)
