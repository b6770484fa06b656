"""The document model (`planner.document.blocks`) written as Word paragraphs, tables and pictures.

One writer for a whole export: tables and figures are numbered through the document (with
SEQ fields, so Word renumbers after edits) and citations carry the numbers of the document's
reference list. What the applicant wrote (every Span) is written as the applicant's; what the
exporter adds (sub-heading numbers, "表 1", citation markers, placeholders) counts as its own,
for the verification.

    Paragraph  → one Body Text paragraph (first-line indent two characters)
    Heading    → Heading 2/3/4 numbered （一） / 1. / （1） under the section's own number
    ListBlock  → Word list paragraphs (typed bullets in a template without list styles)
    Table      → "表 N 标题" above a ruled table with a repeated bold header row
    Figure     → the picture fitted to the text width, "图 N 标题" below; or a framed placeholder
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.section import Section
from docx.shared import Cm, Length, Pt
from docx.text.paragraph import Paragraph as WordParagraph

from planner.document.blocks import (
    Block,
    Citation,
    Figure,
    Heading,
    Inlines,
    ListBlock,
    Paragraph,
    ReferenceList,
    Span,
    Table,
    inline_text,
)
from planner.document.clean import clean_text
from planner.document.images import TOO_LARGE, ImageError, read_image, resolve
from planner.document.numerals import to_chinese
from planner.export.fields import add_field
from planner.export.figures import figure_size, picture_paragraph, placeholder_paragraph
from planner.export.tables import build_table
from planner.export.typography import CAPTION_SIZE
from planner.export.writer import Writer
from planner.model.document_checks import figure_problem
from planner.model.problems import Problem
from planner.references.citations import marker

REFERENCES_HEADING = "参考文献"
MAX_DOCUMENT_IMAGE_BYTES = 200 * 1024 * 1024  # all pictures together: memory stays bounded
_TABLE_HALF_POINTS = round(CAPTION_SIZE.pt * 2)


class BlocksWriter:
    def __init__(self, writer: Writer, numbers: Mapping[str, int], base: Path | None) -> None:
        self.writer = writer
        self.styles = writer.styles
        self.numbers = numbers  # reference key → its number in the list
        self.base = base  # the proposal file's folder: figure paths are relative to it
        self.tables = 0
        self.figures = 0
        self.problems: list[Problem] = []
        self.text_width, self.text_height = text_box(writer.doc.sections[-1])
        self._key = self._title = ""
        self._heading_numbers = [0, 0, 0]
        self._image_bytes = 0  # the pictures are held in memory until the document is saved
        self._embedded: set[str] = set()

    def section(self, key: str, title: str, blocks: tuple[Block, ...]) -> None:
        self._key, self._title = key, title
        self._heading_numbers = [0, 0, 0]
        for block in blocks:
            self.block(block, depth=0)

    def block(self, block: Block, depth: int) -> None:
        if isinstance(block, Paragraph):
            self.inlines(self.writer.paragraph(self.styles.body), block.inlines)
        elif isinstance(block, Heading):
            self.heading(block)
        elif isinstance(block, ListBlock):
            self.list_block(block, depth + 1)
        elif isinstance(block, Table):
            self.table(block)
        elif isinstance(block, Figure):
            self.figure(block)
        elif isinstance(block, ReferenceList):
            self.references(block)

    # inline runs ---------------------------------------------------------------------
    def inlines(
        self,
        paragraph: WordParagraph,
        inlines: Inlines,
        *,
        bold: bool = False,
        half_points: int | None = None,
    ) -> None:
        w = self.writer
        for run in inlines:
            if isinstance(run, Span):
                with w.applicant():
                    w.run(
                        paragraph,
                        run.text,
                        bold=run.bold or bold,
                        italic=run.italic,
                        superscript=run.superscript,
                        subscript=run.subscript,
                        half_points=half_points,
                    )
            elif isinstance(run, Citation):
                w.run(
                    paragraph,
                    self.citation_marker(run),
                    superscript=True,
                    bold=bold,
                    half_points=half_points,
                )

    def citation_marker(self, citation: Citation) -> str:
        """[1], [1,2], [1-3]; [?] for keys the references do not hold (validation names them),
        so the sentence still shows that a citation stood there."""
        return marker(citation.keys, self.numbers)

    # blocks ------------------------------------------------------------------------------
    def heading(self, block: Heading) -> None:
        level = min(max(block.level, 1), 3)
        counters = self._heading_numbers
        counters[level - 1] += 1
        for deeper in range(level, 3):
            counters[deeper] = 0
        n = counters[level - 1]
        number = (f"（{to_chinese(n)}）", f"{n}. ", f"（{n}）")[level - 1]
        paragraph = self.writer.paragraph(self.styles.sub_heading(level))
        self.writer.run(paragraph, number)
        self.inlines(paragraph, block.inlines)

    def list_block(self, block: ListBlock, depth: int) -> None:
        w = self.writer
        level = w.open_list(block.ordered, depth, block.start)
        for item in block.items:
            started = False
            for child in item.blocks:
                if isinstance(child, Paragraph):
                    paragraph = w.list_continuation(depth) if started else w.list_item(level)
                    self.inlines(paragraph, child.inlines)
                else:
                    if not started:  # an item that opens with a nested list: its own bullet
                        w.list_item(level)
                    self.block(child, depth)
                started = True

    def caption(self, label: str, number: int, inlines: Inlines, *, above: bool) -> None:
        """表 1 标题 / 图 1 标题, the number a SEQ field holding its current value."""
        paragraph = self.writer.paragraph(self.styles.caption)
        pf = paragraph.paragraph_format
        pf.keep_with_next = above  # a table's caption stays on the page of its table
        if self.styles.caption == self.styles.normal:  # a template without a Caption style
            pf.alignment = WD_ALIGN_PARAGRAPH.CENTER
        self.writer.run(paragraph, f"{label} ")
        add_field(paragraph, f"SEQ {label} \\* ARABIC", str(number), dirty=False)
        self.writer.own.update(str(number))
        if inline_text(inlines).strip() or any(isinstance(r, Citation) for r in inlines):
            self.writer.run(paragraph, " ")
            self.inlines(paragraph, inlines)

    def table(self, block: Table) -> None:
        if not block.header and not block.rows:  # nothing to lay out (the parser makes none)
            return
        self.tables += 1
        self.caption("表", self.tables, block.caption, above=True)
        tbl = build_table(
            block,
            int(self.text_width / 635),  # EMU → twips
            self.styles.table_style,
            self.styles.table_text,
            lambda paragraph, inlines, header: self.inlines(
                paragraph, inlines, bold=header, half_points=_TABLE_HALF_POINTS
            ),
        )
        self.writer.insert(tbl)

    def figure(self, block: Figure) -> None:
        self.figures += 1
        file = resolve(block.path, self.base)
        try:
            info = read_image(file)
            if str(file) not in self._embedded:
                if self._image_bytes + len(info.data) > MAX_DOCUMENT_IMAGE_BYTES:
                    cap = MAX_DOCUMENT_IMAGE_BYTES // 1_048_576
                    raise ImageError(TOO_LARGE, f"the document's pictures exceed {cap} MB")
                self._embedded.add(str(file))
                self._image_bytes += len(info.data)
        except ImageError as error:
            placeholder_paragraph(self.writer, block.path, error)
            self.problems.append(figure_problem(self._key, self._title, block.path, error))
        else:
            size = figure_size(info, self.text_width, self.text_height, block.width_percent)
            picture_paragraph(self.writer, info, size, clean_text(inline_text(block.caption)))
        self.caption("图", self.figures, block.caption, above=False)

    def references(self, block: ReferenceList) -> None:
        """参考文献 and the numbered list, each entry hanging under its [n]."""
        if not block.entries:
            return
        w = self.writer
        w.text_paragraph(REFERENCES_HEADING, self.styles.heading1)
        # the text hangs just after the widest marker ("[30]"): half an em per character
        widest = len(f"[{max(e.number for e in block.entries)}]")
        indent = Pt(CAPTION_SIZE.pt * (widest + 1) / 2)
        for entry in block.entries:
            paragraph = w.paragraph(self.styles.reference)
            pf = paragraph.paragraph_format
            pf.left_indent, pf.first_line_indent = indent, -indent
            pf.tab_stops.add_tab_stop(indent)
            w.run(paragraph, f"[{entry.number}]\t")
            with w.applicant():
                w.run(paragraph, entry.text)


def text_box(section: Section) -> tuple[int, int]:
    """EMU inside the margins; a template that leaves the page size or a margin out gets
    Word's own defaults for it (A4 here, 2.54 / 3.17 cm margins)."""

    def length(value: int | None, default: Length) -> int:
        return int(value) if value is not None else int(default)

    width = length(section.page_width, Cm(21.0))
    height = length(section.page_height, Cm(29.7))
    width -= length(section.left_margin, Cm(3.17)) + length(section.right_margin, Cm(3.17))
    height -= length(section.top_margin, Cm(2.54)) + length(section.bottom_margin, Cm(2.54))
    return max(width, int(Cm(2))), max(height, int(Cm(2)))
