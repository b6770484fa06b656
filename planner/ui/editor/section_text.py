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
from planner.ui.editor.live_numbers import install, is_number
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
    install(doc, edit.live_numbers)
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


def redraw_numbers(doc: QTextDocument, citations: bool = True, labels: bool = True) -> None:
    """Lay out again the lines holding number objects (their numbers changed): no edit."""
    from planner.ui.pages.marks import CITATION_KEYS

    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            it += 1
            fmt = fragment.charFormat()
            if is_number(fmt) and (citations if fmt.hasProperty(CITATION_KEYS) else labels):
                doc.markContentsDirty(fragment.position(), fragment.length())
        block = block.next()
