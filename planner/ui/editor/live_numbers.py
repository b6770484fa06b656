"""Numbers the editor shows but the user did not type: citation markers ([3]) and caption
labels (表 4 / 图 2), drawn from the document's numbering when painted.

Each is one object character in the box (QTextObjectInterface) holding what it stands for
(the citation's keys; a label's caption kind) but not its number. A number that changes
elsewhere in the proposal (a citation typed in another section, a table added before this
one) is then a repaint, not an edit: nothing enters the box's undo history, its text and
Markdown stay as they are. Sub-heading numbers (（一） / 1. / （1）) are painted beside their
heading (planner/ui/editor/heading_numbers.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRect, QRectF, QSizeF
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QPainter,
    QPyTextObject,
    QTextCharFormat,
    QTextDocument,
    QTextFormat,
)

from planner.ui.pages.marks import CAPTION, CITATION_KEYS, LABEL

NUMBER_OBJECT = QTextFormat.ObjectTypes.UserObject.value + 1
OBJECT_CHAR = "\ufffc"
_SUPER_SCALE = 0.66  # Qt's own superscript size
_LABEL_WORD = {"table": "表", "figure": "图"}


@dataclass
class LiveNumbers:
    """The document's numbering as one section's box needs it."""

    citations: Mapping[str, int] = field(default_factory=dict)
    tables_before: int = 0  # tables of the sections before this one
    figures_before: int = 0
    _ordinals: tuple[object, dict[int, int]] | None = None  # cache: (revision, pos → n)

    def text(self, doc: QTextDocument, position: int, fmt: QTextFormat) -> str:
        from planner.references.citations import marker

        if fmt.hasProperty(CITATION_KEYS):
            keys = [k.strip() for k in str(fmt.property(CITATION_KEYS)).split(";")]
            return marker([k for k in keys if k], self.citations)
        block = doc.findBlock(position)
        kind = str(block.blockFormat().property(CAPTION) or "")
        before = self.tables_before if kind == "table" else self.figures_before
        return f"{_LABEL_WORD.get(kind, '表')} {before + self._ordinal(doc, block.position())}"

    def _ordinal(self, doc: QTextDocument, block_position: int) -> int:
        """The caption's place among this section's captions of its kind (from 1)."""
        key = (doc.revision(), doc.characterCount())
        if self._ordinals is None or self._ordinals[0] != key:
            counts: dict[str, int] = {}
            found: dict[int, int] = {}
            block = doc.begin()
            while block.isValid():
                kind = block.blockFormat().property(CAPTION)
                if kind:
                    counts[kind] = counts.get(kind, 0) + 1
                    found[block.position()] = counts[kind]
                block = block.next()
            self._ordinals = (key, found)
        return self._ordinals[1].get(block_position, 1)


class NumberObjects(QPyTextObject):
    """Draws the number objects of one document from its LiveNumbers."""

    def __init__(self, live: LiveNumbers, doc: QTextDocument) -> None:
        super().__init__(doc)
        self.live = live

    def _font(self, fmt: QTextFormat) -> tuple[QFont, float]:
        """The font to draw with and how far above the baseline (a citation is superscript)."""
        font = QFont(fmt.toCharFormat().font())
        if fmt.toCharFormat().verticalAlignment() != (
            QTextCharFormat.VerticalAlignment.AlignSuperScript
        ):
            return font, 0.0
        rise = QFontMetricsF(font).ascent() * 0.4
        if font.pixelSize() > 0:
            font.setPixelSize(max(1, round(font.pixelSize() * _SUPER_SCALE)))
        else:
            font.setPointSizeF(font.pointSizeF() * _SUPER_SCALE)
        return font, rise

    def intrinsicSize(self, doc: QTextDocument, position: int, fmt: QTextFormat) -> QSizeF:
        font, rise = self._font(fmt)
        metrics = QFontMetricsF(font, doc.documentLayout().paintDevice())
        text = self.live.text(doc, position, fmt)
        return QSizeF(metrics.horizontalAdvance(text), metrics.ascent() + rise)

    def drawObject(
        self,
        painter: QPainter,
        rect: QRectF | QRect,
        doc: QTextDocument,
        position: int,
        fmt: QTextFormat,
    ) -> None:
        area = QRectF(rect)
        font, rise = self._font(fmt)
        painter.save()
        painter.setFont(font)
        char = fmt.toCharFormat()
        if char.hasProperty(QTextFormat.Property.ForegroundBrush):
            painter.setPen(char.foreground().color())
        painter.drawText(
            QPointF(area.left(), area.bottom() - rise), self.live.text(doc, position, fmt)
        )
        painter.restore()


def install(doc: QTextDocument, live: LiveNumbers) -> None:
    """Let `doc` draw its number objects from `live` (before any is laid out)."""
    doc.documentLayout().registerHandler(NUMBER_OBJECT, NumberObjects(live, doc))


def live_of(doc: QTextDocument) -> LiveNumbers | None:
    handler = doc.findChild(NumberObjects)
    return handler.live if handler is not None else None


def object_format(fmt: QTextCharFormat) -> QTextCharFormat:
    """`fmt` (a citation's or a label's) as a number object's."""
    out = QTextCharFormat(fmt)
    out.setObjectType(NUMBER_OBJECT)
    return out


def is_number(fmt: QTextFormat) -> bool:
    return fmt.objectType() == NUMBER_OBJECT and (
        fmt.hasProperty(CITATION_KEYS) or fmt.boolProperty(LABEL)
    )


def shown_text(doc: QTextDocument, start: int = 0, end: int | None = None) -> str:
    """The box's text from `start` to `end` as the user sees it: each number object as the
    number it draws (what a test, or an accessibility reader, wants to know)."""
    live = live_of(doc)
    end = doc.characterCount() if end is None else end
    out: list[str] = []
    block = doc.begin()
    while block.isValid() and block.position() < end:
        if block.position() >= start and block.position() > 0 and out:
            out.append("\n")
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            it += 1
            fmt = fragment.charFormat()
            for i, char in enumerate(fragment.text()):
                position = fragment.position() + i
                if start <= position < end:
                    if live is not None and char == OBJECT_CHAR and is_number(fmt):
                        out.append(live.text(doc, position, fmt))
                    else:
                        out.append(char)
        block = block.next()
    return "".join(out)
