"""The document model: what a section's Markdown means, as blocks holding inline runs.

One model for every reader and writer (issue 12): `planner.document.markdown` parses a section's
text into it and writes it back; the .docx writer, the character count and validation read it;
the rich editor, the page preview and the .docx reader (later issues) convert to and from it.
Frozen and made of tuples, so two parses compare equal and tests can assert a whole document.

    Paragraph      one line the applicant ended with Enter (first-line indent in the output)
    Heading        `#`, `##`, `###` in a section: numbered （一）/ 1. / （1） under the section
    ListBlock      bullets or numbers; each ListItem holds blocks (paragraphs, nested lists)
    Table          a pipe table with its `Table: caption`; cells hold inline runs
    Figure         `![caption](path){width=60%}` on a line of its own
    ReferenceList  the 参考文献 list the document ends with (made by the exporter, not typed)

Inline runs are `Span` (text with bold/italic/superscript/subscript) and `Citation` (`[@a; @b]`,
shown as a numeric marker once the document numbers its citations in order of first use).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal, TypeAlias


@dataclass(frozen=True, slots=True)
class Span:
    text: str
    bold: bool = False
    italic: bool = False
    superscript: bool = False
    subscript: bool = False

    def plain(self) -> Span:
        """The same text with no formatting (what "clear formatting" leaves)."""
        return Span(self.text)

    @property
    def look(self) -> tuple[bool, bool, bool, bool]:
        return self.bold, self.italic, self.superscript, self.subscript


@dataclass(frozen=True, slots=True)
class Citation:
    keys: tuple[str, ...]  # reference ids in the order written: `[@b; @a]` → ("b", "a")


Inline: TypeAlias = Span | Citation
Inlines: TypeAlias = tuple[Inline, ...]

Align: TypeAlias = Literal["default", "left", "center", "right"]


@dataclass(frozen=True, slots=True)
class Paragraph:
    inlines: Inlines


@dataclass(frozen=True, slots=True)
class Heading:
    level: int  # 1..3 below the section's own heading
    inlines: Inlines


@dataclass(frozen=True, slots=True)
class ListItem:
    blocks: tuple[Block, ...]  # paragraphs, nested lists; also tables and figures (no headings)


@dataclass(frozen=True, slots=True)
class ListBlock:
    ordered: bool
    items: tuple[ListItem, ...]
    start: int = 1  # an ordered list's first number, as typed (`3.` starts at 3)


@dataclass(frozen=True, slots=True)
class Table:
    header: tuple[Inlines, ...]  # one cell per column
    rows: tuple[tuple[Inlines, ...], ...]  # every row as wide as the header (padded)
    align: tuple[Align, ...]  # one per column
    caption: Inlines = ()  # without the "表 1" the writer adds
    ragged: bool = False  # some row was shorter or longer than the header as typed


@dataclass(frozen=True, slots=True)
class Figure:
    path: str  # as written: relative to the proposal file, or absolute
    caption: Inlines = ()  # without the "图 1" the writer adds
    width_percent: int | None = None  # `{width=60%}`: of the text width; None fits the text width


@dataclass(frozen=True, slots=True)
class ReferenceEntry:
    number: int
    key: str
    text: str  # formatted in GB/T 7714-2015, without the `[n]`


@dataclass(frozen=True, slots=True)
class ReferenceList:
    entries: tuple[ReferenceEntry, ...]


Block: TypeAlias = Paragraph | Heading | ListBlock | Table | Figure | ReferenceList
Blocks: TypeAlias = tuple[Block, ...]


def join_spans(runs: Iterable[Inline]) -> list[Inline]:
    """Adjacent spans of the same look as one span: every reader (Markdown, Word, Qt) meets
    text split into runs it cannot see, and two parses of the same text must compare equal."""
    out: list[Inline] = []
    for run in runs:
        last = out[-1] if out else None
        if isinstance(run, Span) and isinstance(last, Span) and last.look == run.look:
            out[-1] = Span(last.text + run.text, *run.look)
        else:
            out.append(run)
    return out


def inline_text(inlines: Inlines) -> str:
    """The visible text of runs, citations left out (their markers are numbered later)."""
    return "".join(run.text for run in inlines if isinstance(run, Span))


def iter_inlines(blocks: Blocks) -> list[Inlines]:
    """Every run sequence of the blocks in reading order: paragraphs, headings, list items,
    table captions and cells, figure captions. Counting and citation order both walk this."""
    out: list[Inlines] = []
    for block in blocks:
        if isinstance(block, (Paragraph, Heading)):
            out.append(block.inlines)
        elif isinstance(block, ListBlock):
            for item in block.items:
                out.extend(iter_inlines(item.blocks))
        elif isinstance(block, Table):
            out.append(block.caption)
            out.extend(block.header)
            for row in block.rows:
                out.extend(row)
        elif isinstance(block, Figure):
            out.append(block.caption)
    return out


def citation_keys(blocks: Blocks) -> list[str]:
    """Cited keys in order of first citation, each once."""
    seen: dict[str, None] = {}
    for inlines in iter_inlines(blocks):
        for run in inlines:
            if isinstance(run, Citation):
                for key in run.keys:
                    seen.setdefault(key, None)
    return list(seen)


def figures(blocks: Blocks) -> list[Figure]:
    """The figures of the blocks in reading order (list items included)."""
    out: list[Figure] = []
    for block in blocks:
        if isinstance(block, Figure):
            out.append(block)
        elif isinstance(block, ListBlock):
            for item in block.items:
                out.extend(figures(item.blocks))
    return out
