"""The middle pane: one topic as the call describes it, with direction checkboxes."""

from __future__ import annotations

import itertools

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from planner.model.call import Call, Topic
from planner.ui.i18n import fill
from planner.ui.panes.highlight import highlighted_html


def _text_label(parent: QWidget | None, object_name: str = "") -> QLabel:
    """A wrapped, selectable, copyable label for the call's text."""
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setTextInteractionFlags(
        Qt.TextInteractionFlag.TextSelectableByMouse
        | Qt.TextInteractionFlag.TextSelectableByKeyboard
    )
    label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    if object_name:
        label.setObjectName(object_name)
    return label


FOCUS_MARK = "QCheckBox:focus { border: 2px solid palette(highlight); border-radius: 3px; }"


class DetailPane(QScrollArea):
    """Shows a topic. Emits what the user asks for; never changes the proposal itself."""

    useTopicRequested = Signal(str)
    directionToggled = Signal(str, int, bool)  # topic id, direction number, ticked
    ownDirectionAddRequested = Signal(str, str)  # topic id, text

    def __init__(self, call: Call, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.call = call
        self.topic: Topic | None = None
        self._query = ""
        self._chosen: set[int] = set()
        self._own: list[str] = []
        self._proposal_topic = ""
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget(self)
        self.setWidget(body)
        self.placeholder = QLabel(body)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.header = QLabel(body)
        self.header.setObjectName("topicHeader")
        self.title = _text_label(body, "topicTitle")
        title_font = QFont(self.title.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.35)
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.use_button = QPushButton(body)
        self.use_button.clicked.connect(self._on_use)
        self.background_heading = self._heading(body)
        self.background = _text_label(body, "background")
        self.resources_box = QFrame(body)
        self.resources_box.setObjectName("resourcesBox")
        self.resources_box.setStyleSheet(
            "#resourcesBox { background: palette(alternate-base); border-left: 4px solid #3b82c4;"
            " border-radius: 3px; }"
        )
        self.resources_heading = self._heading(self.resources_box)
        self.resources = _text_label(self.resources_box, "resources")
        box_layout = QVBoxLayout(self.resources_box)
        box_layout.setContentsMargins(10, 6, 8, 8)
        box_layout.addWidget(self.resources_heading)
        box_layout.addWidget(self.resources)
        self.directions_heading = self._heading(body)
        self.directions_hint = QLabel(body)
        self.directions_hint.setWordWrap(True)
        self.directions_hint.setObjectName("hint")
        self.directions_grid = QGridLayout()
        self.directions_grid.setColumnStretch(1, 1)
        self.direction_boxes: list[QCheckBox] = []
        self.note = _text_label(body, "hint")
        self.own_heading = self._heading(body)
        self.own_list = _text_label(body, "ownDirections")
        self.own_edit = QLineEdit(body)
        self.own_add = QPushButton(body)
        self.own_add.clicked.connect(self._on_add_own)
        self.own_edit.returnPressed.connect(self._on_add_own)
        own_row = QHBoxLayout()
        own_row.addWidget(self.own_edit, 1)
        own_row.addWidget(self.own_add)
        title_row = QHBoxLayout()
        title_row.addWidget(self.title, 1)
        title_row.addWidget(self.use_button, 0, Qt.AlignmentFlag.AlignTop)

        layout = QVBoxLayout(body)
        layout.setContentsMargins(12, 8, 12, 12)
        layout.setSpacing(8)
        layout.addWidget(self.placeholder)
        layout.addWidget(self.header)
        layout.addLayout(title_row)
        for w in (self.background_heading, self.background, self.resources_box):
            layout.addWidget(w)
        layout.addWidget(self.directions_heading)
        layout.addWidget(self.directions_hint)
        layout.addLayout(self.directions_grid)
        layout.addWidget(self.note)
        layout.addWidget(self.own_heading)
        layout.addWidget(self.own_list)
        layout.addLayout(own_row)
        layout.addStretch(1)
        self._content = [
            self.header, self.title, self.use_button, self.background_heading, self.background,
            self.resources_box, self.directions_heading, self.directions_hint, self.note,
            self.own_heading, self.own_list, self.own_edit, self.own_add,
        ]  # fmt: skip
        self.retranslate()
        self.show_topic(None)

    @staticmethod
    def _heading(parent: QWidget) -> QLabel:
        label = QLabel(parent)
        font = QFont(label.font())
        font.setBold(True)
        label.setFont(font)
        return label

    def retranslate(self) -> None:
        self.placeholder.setText(self.tr("Select a topic on the left to read it here."))
        self.use_button.setText(self.tr("Use this topic"))
        self.use_button.setToolTip(self.tr("Write my proposal for this topic (or double-click it)"))
        self.background_heading.setText(self.tr("Background"))
        self.resources_heading.setText(self.tr("What the topic team offers"))
        self.directions_heading.setText(self.tr("Suggested research directions"))
        self.own_heading.setText(self.tr("My own directions"))
        self.own_edit.setPlaceholderText(self.tr("Describe a direction of your own…"))
        self.own_add.setText(self.tr("Add"))
        self._refresh()

    # -- what the main window tells us
    def show_topic(self, topic: Topic | None) -> None:
        self.topic = topic
        self._rebuild_directions()
        self._refresh()
        self.verticalScrollBar().setValue(0)

    def set_call(self, call: Call) -> None:
        """Another call: its topics are other topics, so none is shown until one is picked."""
        self.call = call
        self.show_topic(None)

    def set_query(self, query: str) -> None:
        self._query = query
        self._refresh()

    def set_proposal_state(self, topic_id: str, chosen: list[int], own: list[str]) -> None:
        """What the open proposal chose, so the boxes and own directions match it."""
        self._proposal_topic = topic_id
        self._chosen = set(chosen)
        self._own = list(own)
        self._refresh()

    # -- internals
    def _rebuild_directions(self) -> None:
        while self.directions_grid.count():
            item = self.directions_grid.takeAt(0)
            if item is not None and (widget := item.widget()):
                widget.hide()  # at once: deleteLater waits for the event loop, a paint may not
                widget.deleteLater()
        self.direction_boxes = []
        self._direction_labels: list[QLabel] = []
        if self.topic is None:
            return
        for row, direction in enumerate(self.topic.directions):
            box = QCheckBox(self.widget())
            # what a screen reader says: the direction itself, not its bare number
            box.setAccessibleName(
                fill(self.tr("Direction {number}: {text}"), number=direction.number,
                     text=direction.text)
            )  # fmt: skip
            box.setStyleSheet(FOCUS_MARK)
            box.toggled.connect(lambda on, n=direction.number: self._on_toggle(n, on))
            label = _text_label(self.widget())
            label.setBuddy(box)
            self.directions_grid.addWidget(box, row, 0, Qt.AlignmentFlag.AlignTop)
            self.directions_grid.addWidget(label, row, 1)
            self.direction_boxes.append(box)
            self._direction_labels.append(label)
        # Tab in visual order: the boxes are made after the fields below them
        chain = [self.use_button, *self.direction_boxes, self.own_edit, self.own_add]
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)

    def _refresh(self) -> None:
        topic = self.topic
        self.placeholder.setVisible(topic is None)
        for w in self._content:
            w.setVisible(topic is not None)
        if topic is None:
            return
        q = self._query
        area = self.call.area_of(topic)
        self.header.setText(fill(self.tr("Topic {id} · {area}"), id=topic.id, area=area.title))
        self.title.setText(highlighted_html(topic.title, q))
        self.background.setText(highlighted_html(topic.background, q))
        self.resources_box.setVisible(bool(topic.resources))
        self.resources.setText("<br>".join(highlighted_html(r, q) for r in topic.resources))
        ours = topic.id == self._proposal_topic
        self.use_button.setEnabled(not ours)
        self.use_button.setText(
            self.tr("Chosen for my proposal") if ours else self.tr("Use this topic")
        )
        for box, label, direction in zip(
            self.direction_boxes, self._direction_labels, topic.directions, strict=True
        ):
            label.setText(f"<b>{direction.number}.</b> " + highlighted_html(direction.text, q))
            box.blockSignals(True)
            box.setChecked(ours and direction.number in self._chosen)
            box.blockSignals(False)
            box.setToolTip(self.tr("Include in my proposal"))
        if topic.directions:
            self.directions_hint.setText(
                self.tr("Tick the directions to include in your proposal.")
            )
        else:
            self.directions_hint.setText(
                self.tr("This topic suggests no directions: add your own below.")
            )
        self.note.setText(highlighted_html(self.call.note, ""))
        self.note.setVisible(bool(self.call.note))
        own = self._own if ours else []
        self.own_list.setText(
            "<br>".join(f"• {highlighted_html(t, '')}" for t in own) if own else ""
        )
        self.own_list.setVisible(bool(own))

    def _on_use(self) -> None:
        if self.topic is not None:
            self.useTopicRequested.emit(self.topic.id)

    def _on_toggle(self, number: int, on: bool) -> None:
        if self.topic is not None:
            self.directionToggled.emit(self.topic.id, number, on)

    def _on_add_own(self) -> None:
        text = self.own_edit.text().strip()
        if text and self.topic is not None:
            self.own_edit.clear()
            self.ownDirectionAddRequested.emit(self.topic.id, text)
