"""A list item's level in the rich editor: Tab / Shift+Tab move it deeper or shallower, out of
its list at the top; a level it moves to joins the list of that level around it, so the
numbering continues (as Word does)."""

from __future__ import annotations

from PySide6.QtGui import QTextBlock, QTextBlockFormat, QTextCursor, QTextList, QTextListFormat


def change_list_level(cursor: QTextCursor, delta: int) -> None:
    """The list item at `cursor` `delta` levels deeper (at most 9 levels), or no list item."""
    current = cursor.currentList()
    if current is None:
        return
    fmt = QTextListFormat(current.format())
    level = fmt.indent() + delta
    if level < 2:
        cursor.beginEditBlock()
        remove_from_list(cursor)
        cursor.endEditBlock()
        return
    fmt.setIndent(min(level, 10))
    cursor.beginEditBlock()
    # a list at that level just above (or below): join it, so the numbering continues
    other = _list_at(cursor.block(), fmt.indent())
    if other is not None and other is not current:
        current.remove(cursor.block())
        other.add(cursor.block())
    else:
        cursor.createList(fmt)
    cursor.endEditBlock()


def remove_from_list(cursor: QTextCursor) -> None:
    """The paragraph at `cursor` out of its list: a body paragraph again, not indented."""
    current = cursor.currentList()
    if current is None:
        return
    block = cursor.block()
    current.remove(block)
    fmt = QTextBlockFormat(block.blockFormat())
    fmt.setIndent(0)
    cursor.setBlockFormat(fmt)


def _list_at(block: QTextBlock, indent: int) -> QTextList | None:
    """The nearest list of `indent` around `block`, over deeper items only."""
    for step in ("previous", "next"):
        other: QTextBlock = getattr(block, step)()
        while other.isValid():
            found = other.textList()
            if found is None or found.format().indent() < indent:
                break
            if found.format().indent() == indent:
                return found
            other = getattr(other, step)()
    return None
