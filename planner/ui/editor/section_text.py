"""A section's Markdown ↔ its rich editor, through the core's document model.

    load(edit, markdown, numbers, base)    parse_section → EditorWriter → the edit's document
    markdown_of(edit.document())           from_qdoc → to_markdown

Imported on first use (a section with text, a focused editor): markdown-it and the writer's
fonts stay off the window's start path.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from PySide6.QtGui import QTextCursor, QTextDocument

from planner.document.blocks import Blocks
from planner.document.markdown import parse_section, to_markdown
from planner.ui.editor.from_qdoc import read_document
from planner.ui.editor.rich_edit import RichTextEdit
from planner.ui.editor.to_editor import editor_writer


def load(edit: RichTextEdit, markdown: str, numbers: Mapping[str, int], base: Path | None) -> None:
    """Show `markdown` in `edit` as the document will print it; the undo history starts here."""
    write_blocks(edit, parse_section(markdown), numbers, base)


def write_blocks(
    edit: RichTextEdit, blocks: Blocks, numbers: Mapping[str, int], base: Path | None
) -> None:
    writer = editor_writer()
    doc = writer.new_document()
    if blocks:
        writer.write_blocks(blocks, numbers, base, doc)
    else:
        body, char = writer.styles(0)
        cursor = QTextCursor(doc)
        cursor.setBlockFormat(body)
        cursor.setBlockCharFormat(char)
    doc.setUndoRedoEnabled(True)
    doc.setParent(edit)  # then setDocument deletes the one before (the edit was its parent)
    edit.setDocument(doc)
    edit.setCurrentCharFormat(QTextCursor(doc).charFormat())
    edit.block_styles = writer.styles


def markdown_of(doc: QTextDocument) -> str:
    """The section's Markdown, without the final newline (the proposal file adds its own)."""
    return to_markdown(read_document(doc)).removesuffix("\n")


def blocks_of(doc: QTextDocument) -> Blocks:
    return read_document(doc)


def renumber(doc: QTextDocument, numbers: Mapping[str, int]) -> None:
    """Each citation's marker as `numbers` give it, its format (and keys) kept."""
    from planner.references.citations import marker
    from planner.ui.pages.marks import CITATION_KEYS

    found = []
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            it += 1
            fmt = fragment.charFormat()
            if fragment.isValid() and fmt.hasProperty(CITATION_KEYS):
                keys = [k.strip() for k in str(fmt.property(CITATION_KEYS)).split(";")]
                text = marker(keys, numbers)
                if text != fragment.text():
                    found.append((fragment.position(), fragment.length(), text, fmt))
        block = block.next()
    cursor = QTextCursor(doc)
    for position, length, text, fmt in reversed(found):
        cursor.setPosition(position)
        cursor.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(text, fmt)
