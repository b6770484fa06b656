"""The formatting toolbar above the proposal's sections: what Word users look for.

Built the first time a section's box gets the keyboard (not at start-up). Every button acts on
the section whose box last had the keyboard; its shortcut works in the box itself too
(planner/ui/editor/rich_edit.py), so the toolbar is where a user discovers them.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QComboBox, QMenu, QToolBar, QToolButton, QWidget

from planner.ui.editor.rich_edit import SUBSCRIPT, SUPERSCRIPT, RichTextEdit


class FormatBar(QToolBar):
    def __init__(
        self,
        target: Callable[[], RichTextEdit | None],
        insert_figure: Callable[[], None],
        insert_citation: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("formatBar")
        self.target = target
        self.insert_figure = insert_figure
        self.insert_citation = insert_citation
        self.actions_: dict[str, QAction] = {}
        runs: dict[str, tuple[str, Callable[[RichTextEdit], None]]] = {
            "bold": ("Ctrl+B", lambda e: e.toggle_bold()),
            "italic": ("Ctrl+I", lambda e: e.toggle_italic()),
            "bullets": ("Ctrl+Shift+L", lambda e: e.make_list(False)),
            "numbers": ("Ctrl+Shift+N", lambda e: e.make_list(True)),
            "superscript": ("Ctrl+.", lambda e: e.toggle_script(SUPERSCRIPT)),
            "subscript": ("Ctrl+,", lambda e: e.toggle_script(SUBSCRIPT)),
            "outdent": ("Shift+Tab", lambda e: e.indent(-1)),
            "indent": ("Tab", lambda e: e.indent(1)),
            "clear": ("Ctrl+Space", lambda e: e.clear_formatting()),
        }
        for name, (shortcut, run) in runs.items():
            action = QAction(self)
            action.setData(shortcut)
            action.triggered.connect(lambda _=False, r=run: self._run(r))
            self.actions_[name] = action
        self.heading = QComboBox(self)
        self.heading.setObjectName("headingLevel")
        self.heading.activated.connect(lambda i: self._run(lambda e: e.set_heading(i)))
        self.table_action = QAction(self)
        self.table_action.triggered.connect(self._insert_table)
        self.table_menu = QMenu(self)
        self.table_ops: dict[str, QAction] = {}
        for name in ("row_above", "row_below", "column_left", "column_right", "delete_row",
                     "delete_column"):  # fmt: skip
            op = self.table_menu.addAction("")
            op.triggered.connect(lambda _=False, n=name: self._table_op(n))
            self.table_ops[name] = op
        table_button = QToolButton(self)
        table_button.setDefaultAction(self.table_action)
        table_button.setMenu(self.table_menu)
        table_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.figure_action = QAction(self)
        self.figure_action.triggered.connect(lambda: self.insert_figure())
        self.citation_action = QAction(self)
        self.citation_action.triggered.connect(lambda: self.insert_citation())
        # most used first: on a narrow pane the last ones go into the toolbar's » menu
        a = self.actions_
        for item in (a["bold"], a["italic"], None, a["bullets"], a["numbers"], None,
                     self.heading, None, table_button, self.figure_action,
                     self.citation_action, None, a["superscript"], a["subscript"],
                     a["outdent"], a["indent"], a["clear"]):  # fmt: skip
            if item is None:
                self.addSeparator()
            elif isinstance(item, QAction):
                self.addAction(item)
            else:
                self.addWidget(item)
        self.retranslate()

    def retranslate(self) -> None:
        texts = {
            "bold": (self.tr("B"), self.tr("Bold")),
            "italic": (self.tr("I"), self.tr("Italic")),
            "superscript": (self.tr("x²"), self.tr("Superscript")),
            "subscript": (self.tr("x₂"), self.tr("Subscript")),
            "bullets": (self.tr("• List"), self.tr("Bulleted list")),
            "numbers": (self.tr("1. List"), self.tr("Numbered list")),
            "outdent": (self.tr("⇤"), self.tr("Outdent the list item")),
            "indent": (self.tr("⇥"), self.tr("Indent the list item")),
            "clear": (self.tr("Clear"), self.tr("Clear formatting")),
        }
        for name, (text, tip) in texts.items():
            action = self.actions_[name]
            shortcut = QKeySequence(str(action.data())).toString(
                QKeySequence.SequenceFormat.NativeText
            )
            action.setText(text)
            action.setToolTip(f"{tip} ({shortcut})")
            action.setStatusTip(tip)
        font = self.widgetForAction(self.actions_["bold"]).font()
        font.setBold(True)
        self.widgetForAction(self.actions_["bold"]).setFont(font)
        italic = self.widgetForAction(self.actions_["italic"]).font()
        italic.setItalic(True)
        self.widgetForAction(self.actions_["italic"]).setFont(italic)
        current = max(self.heading.currentIndex(), 0)
        self.heading.clear()
        self.heading.addItems(
            [self.tr("Body text"), self.tr("Heading 1"), self.tr("Heading 2"),
             self.tr("Heading 3")]
        )  # fmt: skip
        self.heading.setCurrentIndex(current)
        self.heading.setToolTip(self.tr("Sub-heading level (Ctrl+1, Ctrl+2, Ctrl+3; Ctrl+0)"))
        self.heading.setAccessibleName(self.tr("Paragraph style"))
        self.table_action.setText(self.tr("Table…"))
        self.table_action.setToolTip(self.tr("Insert a table (rows × columns)"))
        labels = {
            "row_above": self.tr("Insert row above"),
            "row_below": self.tr("Insert row below"),
            "column_left": self.tr("Insert column left"),
            "column_right": self.tr("Insert column right"),
            "delete_row": self.tr("Delete row"),
            "delete_column": self.tr("Delete column"),
        }
        for name, op in self.table_ops.items():
            op.setText(labels[name])
        self.figure_action.setText(self.tr("Figure…"))
        self.figure_action.setToolTip(
            self.tr("Insert a picture (you can also paste one or drop a picture file)")
        )
        self.citation_action.setText(self.tr("Cite…"))
        self.citation_action.setToolTip(
            self.tr("Cite a reference: shown as [n], listed at the end")
        )

    def _run(self, run: Callable[[RichTextEdit], None]) -> None:
        edit = self.target()
        if edit is None or edit.isReadOnly():
            return
        edit.setFocus()
        run(edit)

    def _insert_table(self) -> None:
        edit = self.target()
        if edit is None or edit.isReadOnly():
            return
        from planner.ui.editor.insert_dialogs import ask_table_size

        size = ask_table_size(self)
        if size is not None:
            edit.setFocus()
            insert_table(edit, *size)

    def _table_op(self, name: str) -> None:
        edit = self.target()
        if edit is None or edit.isReadOnly():
            return
        cursor = edit.textCursor()
        table = cursor.currentTable()
        if table is None:
            return
        cell = table.cellAt(cursor)
        row, column = cell.row(), cell.column()
        if name == "row_above":
            table.insertRows(row, 1)
        elif name == "row_below":
            table.insertRows(row + 1, 1)
        elif name == "column_left":
            table.insertColumns(column, 1)
        elif name == "column_right":
            table.insertColumns(column + 1, 1)
        elif name == "delete_row" and table.rows() > 1:
            table.removeRows(row, 1)
        elif name == "delete_column" and table.columns() > 1:
            table.removeColumns(column, 1)
        edit.setFocus()


def insert_table(edit: RichTextEdit, rows: int, columns: int) -> None:
    """An empty table (a header row and `rows` body rows) on a line of its own."""
    from planner.document.blocks import Table
    from planner.ui.editor.to_editor import editor_writer

    empty: tuple[tuple[()], ...] = tuple(() for _ in range(columns))
    table = Table(empty, tuple(empty for _ in range(rows)), tuple("default" for _ in empty))
    cursor = edit.textCursor()
    if cursor.block().length() > 1:
        cursor.movePosition(cursor.MoveOperation.EndOfBlock)
        cursor.insertBlock()
    editor_writer().insert_blocks(cursor, (table,), {}, None)
    qtable = None
    probe = edit.textCursor()
    probe.setPosition(cursor.position())
    block = cursor.block().previous()
    while block.isValid() and qtable is None:
        probe.setPosition(block.position())
        qtable = probe.currentTable()
        block = block.previous()
    if qtable is not None:
        edit.setTextCursor(qtable.cellAt(0, 0).firstCursorPosition())
