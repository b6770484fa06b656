"""A section's sub-heading numbers in its box: （一） / 1. / （1）, as the export writes them.

The number is not in the box's text (the Markdown has none: `# 研究背景`); the editor's
heading formats keep room before the heading (EditorWriter.heading_format) and the box paints
each heading's number there, from the core's rule (planner.document.numerals.heading_labels).
A heading added, removed or moved to another level renumbers on the next paint, no edit.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF
from PySide6.QtGui import QFontMetricsF, QPainter, QTextDocument

# room before a heading for its number, in em of its font: （十二） / 12. / （12）
LABEL_EM = {2: 3.2, 3: 1.7, 4: 2.6}


def label_room(level: int, font_pt: float) -> float:
    """The text indent, in points, of a heading block at the writer's `level` (2..4)."""
    return LABEL_EM.get(level, 0.0) * font_pt


def heading_numbers(doc: QTextDocument) -> list[tuple[int, str]]:
    """(block position, number) of each sub-heading, in order."""
    from planner.document.numerals import heading_labels

    found = []
    block = doc.begin()
    while block.isValid():
        level = block.blockFormat().headingLevel()
        if level >= 2:  # the writer's level 2 is a section's first sub-heading level
            found.append((block.position(), level - 1))
        block = block.next()
    labels = heading_labels([level for _position, level in found])
    return [(position, label) for (position, _level), label in zip(found, labels, strict=True)]


def paint_heading_numbers(painter: QPainter, doc: QTextDocument, offset: QPointF) -> None:
    """Each heading's number at the start of its first line (`offset`: the scroll)."""
    numbers = heading_numbers(doc)
    layout = doc.documentLayout()
    for position, label in numbers:
        block = doc.findBlock(position)
        lines = block.layout()
        if lines is None or lines.lineCount() == 0:
            continue
        rect = layout.blockBoundingRect(block)
        line = lines.lineAt(0)
        first = block.begin()
        char = block.charFormat() if first.atEnd() else first.fragment().charFormat()
        font = char.font()  # the heading's own (黑体 / bold 宋体), as the export's number
        painter.setFont(font)
        x = rect.left() + block.blockFormat().leftMargin()
        if line.x() - QFontMetricsF(font).horizontalAdvance(label) < 0:
            x = rect.left()  # no room (a centred heading): at the left edge
        baseline = rect.top() + line.y() + line.ascent()
        painter.drawText(QPointF(x, baseline) - offset, label)
