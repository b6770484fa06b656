"""QTextTables with the .docx's look: the applicant table, a document's tables and the framed
placeholder of a figure that cannot be shown (a one-cell table, as the .docx's frame)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextFrameFormat,
    QTextLength,
    QTextTable,
    QTextTableFormat,
)

from planner.document import look
from planner.document.assembly import ApplicantTable
from planner.document.blocks import Table
from planner.ui.pages.marks import ITEM_INDENT, TABLE_RAGGED
from planner.ui.pages.qdoc_base import QDocBase

_RULE = QColor(0x40, 0x40, 0x40)
_SHADE = QColor(0xF2, 0xF2, 0xF2)
_CELL_MARGIN_PT = 2 / 25.4 * 72  # 2 mm, the .docx table cell margin
_ALIGN = {
    "left": Qt.AlignmentFlag.AlignLeft,
    "center": Qt.AlignmentFlag.AlignHCenter,
    "right": Qt.AlignmentFlag.AlignRight,
}


class QDocTables(QDocBase):
    tables: int  # numbered per document (表 n)
    _padding: float
    _rule_width: float
    _rule_colour: QColor

    def _table_format(
        self, widths_pt: Sequence[float] | None, padding_pt: float
    ) -> QTextTableFormat:
        fmt = QTextTableFormat()
        if self._item_indent:
            fmt.setProperty(ITEM_INDENT, self._item_indent)
        fmt.setBorder(0.5 * self.u)
        fmt.setBorderBrush(QBrush(_RULE))
        fmt.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
        fmt.setBorderCollapse(True)  # single rules, as Word draws them
        fmt.setCellSpacing(0)
        fmt.setCellPadding(0)
        fmt.setMargin(0)
        if widths_pt:
            fmt.setColumnWidthConstraints(
                [QTextLength(QTextLength.Type.FixedLength, w * self.u) for w in widths_pt]
            )
            fmt.setLeftMargin(-_CELL_MARGIN_PT * self.u)  # Word draws the rules outside the text
        else:
            fmt.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
        self._padding = padding_pt * self.u
        self._rule_width, self._rule_colour = 0.5 * self.u, _RULE
        return fmt

    def _cell_cursor(
        self,
        table: QTextTable,
        row: int,
        column: int,
        *,
        shade: bool = False,
        block: QTextBlockFormat | None = None,
        char: QTextCharFormat | None = None,
    ) -> QTextCursor:
        cell = table.cellAt(row, column)
        fmt = cell.format().toTableCellFormat()
        fmt.setLeftPadding(_CELL_MARGIN_PT * self.u)
        fmt.setRightPadding(_CELL_MARGIN_PT * self.u)
        fmt.setTopPadding(self._padding)
        fmt.setBottomPadding(self._padding)
        fmt.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignMiddle)
        fmt.setBorder(self._rule_width)
        fmt.setBorderBrush(QBrush(self._rule_colour))
        fmt.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
        if shade:
            fmt.setBackground(QBrush(_SHADE))
        cursor = cell.firstCursorPosition()
        cursor.setBlockFormat(block or self.cell)
        cursor.setBlockCharFormat(char or self.text)
        cell.setFormat(fmt)  # after the block's: that would reset the cell's own format
        return cursor

    def _end_table(self, table: QTextTable) -> None:
        self.cursor.movePosition(QTextCursor.MoveOperation.End)
        self._fresh = True
        self._after_table = table

    def _applicant(self, part: ApplicantTable) -> None:
        rows = (len(part.cells) + 1) // 2
        widths = [2.5, 5.2, 2.5, 5.2]
        fmt = self._table_format([look.cm_to_pt(w) for w in widths], (25.5 - 22) / 2)
        table = self.cursor.insertTable(rows, 4, fmt)
        for i, (label, value) in enumerate(part.cells):
            row, column = divmod(i, 2)
            cursor = self._cell_cursor(table, row, column * 2, shade=True)
            cursor.insertText(label, self._bold(self.text))
            cursor = self._cell_cursor(table, row, column * 2 + 1)
            cursor.insertText(value, self.text)
        self._end_table(table)
        self._block(self.normal)  # keeps the first heading off the table, as the .docx

    def _table(self, block: Table) -> None:
        self.tables += 1
        self._caption(f"表 {self.tables}", block.caption, "table")  # above it, as the .docx
        columns = max(len(block.header), 1)
        fmt = self._table_format(self._column_widths(block), 1)
        fmt.setHeaderRowCount(1)  # repeated at the top of each page
        fmt.setProperty(TABLE_RAGGED, block.ragged)
        table = self.cursor.insertTable(len(block.rows) + 1, columns, fmt)
        bold_small = self._bold(self.small_text)
        for r, row in enumerate((block.header, *block.rows)):
            for c in range(columns):
                cell_block = QTextBlockFormat(self.table_cell)
                align = block.align[c] if c < len(block.align) else "default"
                if align in _ALIGN:
                    cell_block.setAlignment(_ALIGN[align])
                cursor = self._cell_cursor(
                    table, r, c, shade=r == 0, block=cell_block, char=self.small_text
                )
                saved, self.cursor = self.cursor, cursor
                self._inlines(
                    row[c] if c < len(row) else (), bold_small if r == 0 else self.small_text
                )
                self.cursor = saved
        self._end_table(table)

    def _column_widths(self, block: Table) -> Sequence[float] | None:
        if not block.header:
            return None
        # the .docx's rule, in its one home (python-docx is imported with it, once)
        from planner.export.tables import column_widths

        return column_widths(block, round(self.body_px.width() / self.px))

    def _placeholder_frame(self, text: str) -> None:
        """A red-framed line naming the file, as the .docx's placeholder paragraph."""
        fmt = self._table_format(None, 4)
        colour = QColor(0xC0, 0x00, 0x00)  # the .docx placeholder's frame
        fmt.setBorder(1 * self.u)
        fmt.setBorderBrush(QBrush(colour))
        self._rule_width, self._rule_colour = 1 * self.u, colour
        table = self.cursor.insertTable(1, 1, fmt)
        centred = QTextBlockFormat(self.cell)
        centred.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        cursor = self._cell_cursor(table, 0, 0, block=centred)
        cursor.insertText(text, self._bold(self.text))
        self._end_table(table)
