"""What a paste or a drop puts into a section: pictures as figures, HTML as its structure,
plain text as one paragraph per line. Every route goes through the document model and the
editor's one writer, so what lands in the box is what the Markdown can hold.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QImage, QImageReader, QTextCursor, QTextDocument

from planner.document.blocks import Blocks, Figure, Paragraph, Span
from planner.ui.editor.from_qdoc import read_document
from planner.ui.editor.rich_edit import MARKDOWN_MIME
from planner.ui.editor.to_editor import editor_writer
from planner.ui.editor.word_html import MAX_HTML, word_lists_to_html

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".bmp")
MAX_IMAGE_PIXELS = 40_000_000  # a pasted or dropped picture beyond this is refused


@dataclass
class PasteContext:
    """What a paste needs from the section: citation numbers, where figures go."""

    numbers: Mapping[str, int]
    base: Path | None  # the proposal's folder: figure paths are relative to it
    figure_folder: Callable[[], Path | None]  # NAME.figures beside the proposal; None: unsaved
    refuse: Callable[[str], None]  # tells the user why nothing was inserted


def paste(source: QMimeData, cursor: QTextCursor, context: PasteContext) -> bool:
    """Insert `source` at `cursor`; True when handled (False: let Qt paste it as text)."""
    images = [u.toLocalFile() for u in source.urls() if u.isLocalFile()] if source.hasUrls() else []
    pictures = [Path(p) for p in images if p.lower().endswith(IMAGE_SUFFIXES)]
    if pictures:
        for picture in pictures:
            reader = QImageReader(str(picture))
            size = reader.size()
            if size.width() * size.height() > MAX_IMAGE_PIXELS:
                context.refuse(str(picture))
                continue
            insert_image(reader.read(), cursor, context)
        return True
    if source.hasFormat(MARKDOWN_MIME):  # copied within the app: citations and figures kept
        from planner.document.markdown import parse_section

        text = bytes(source.data(MARKDOWN_MIME).data()).decode("utf-8", "replace")
        blocks = parse_section(text[:MAX_HTML])
        if blocks:
            editor_writer().insert_blocks(cursor, blocks, context.numbers, context.base)
            return True
    if source.hasImage():
        image = source.imageData()
        if isinstance(image, QImage) and not image.isNull():
            insert_image(image, cursor, context)
            return True
    if source.hasHtml() and len(source.html()) <= MAX_HTML:
        blocks = html_blocks(source.html())
        if blocks:
            editor_writer().insert_blocks(cursor, blocks, context.numbers, context.base)
            return True
    if source.hasText():
        editor_writer().insert_blocks(
            cursor, text_blocks(source.text()), context.numbers, context.base
        )
        return True
    return False


def html_blocks(html: str) -> Blocks:
    """The structure of pasted HTML (Word, WPS, a web page): colours, fonts, sizes dropped."""
    doc = QTextDocument()
    doc.setHtml(word_lists_to_html(html))
    return read_document(doc, foreign=True)


def text_blocks(text: str) -> Blocks:
    """Plain text: one paragraph per line, as typed with Enter (blank lines dropped)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return tuple(Paragraph((Span(line.strip()),)) for line in lines if line.strip())


def insert_image(image: QImage, cursor: QTextCursor, context: PasteContext) -> bool:
    """Save `image` as PNG in the proposal's figures folder and insert it as a figure."""
    folder = context.figure_folder()
    if folder is None or image.isNull():
        context.refuse("")
        return False
    folder.mkdir(parents=True, exist_ok=True)
    n = 1
    while (folder / f"figure-{n}.png").exists():
        n += 1
    target = folder / f"figure-{n}.png"
    if not image.save(str(target), "PNG"):  # type: ignore[call-overload]  # PySide6 wants a str, not the stub's bytes
        context.refuse(str(target))
        return False
    relative = f"{folder.name}/{target.name}"
    insert_figure(cursor, relative, context)
    return True


def insert_figure(cursor: QTextCursor, path: str, context: PasteContext) -> None:
    """A figure on a line of its own, its caption below ready to be typed."""
    if cursor.block().length() > 1:
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
        cursor.insertBlock()
    editor_writer().insert_blocks(cursor, (Figure(path),), context.numbers, context.base)


def selection_markdown(cursor: QTextCursor) -> str:
    """The Markdown of what `cursor` selects (its formats' marks kept by the fragment)."""
    from planner.document.markdown import to_markdown

    if not cursor.hasSelection():
        return ""
    doc = QTextDocument()
    QTextCursor(doc).insertFragment(cursor.selection())
    return to_markdown(read_document(doc)).removesuffix("\n")
