"""Read a returned .docx into a proposal (issue 15): `read_proposal_docx(path, call)`.

The document is read in the order the exporter writes it: the title block, the applicant
table, the topic part (area, topic, chosen directions, own directions), then one heading per
section of the call's form, and the 参考文献 list at the end. Each part is found by its content
control (`w:sdt` tagged with the section key) when the file still has them, else by its heading,
so a file LibreOffice re-saved, or one made without the app, reads too. The topic and directions
come from the document's custom properties, else from the topic part's text (those front parts:
docx_front.py; the sections, their figures and the references: here).

Nothing here writes a file: the result holds the proposal, the pictures to save beside it and a
report of everything tolerated or not placed, each with its paragraph number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree

from planner.document.blocks import Block
from planner.document.images import ImageError, ImageInfo, parse_image
from planner.errors import WordFileError
from planner.formats.docx_identity import (
    read_custom_properties,
)
from planner.formats.docx_package import MAX_MEDIA_BYTES, DocxPackage, open_docx
from planner.importer.docx_blocks import BlockBuilder, FigureFound
from planner.importer.docx_body import BodyReader, Para, TooLong, Unit
from planner.importer.docx_front import FrontReader
from planner.importer.docx_inlines import Image, InlineReader
from planner.importer.docx_parts import Parts, Splitter
from planner.importer.docx_references import read_reference_list, resolve_citations
from planner.importer.docx_styles import WordStyles, w
from planner.importer.heading_match import normalize
from planner.model.call import Call, FormSection
from planner.model.proposal import Proposal

_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_CUSTOM_REL = _RELS + "custom-properties"
_SUFFIXES = {"png": ".png", "jpeg": ".jpg", "gif": ".gif", "bmp": ".bmp"}
_EMU_PER_INCH = 914_400
_A4_TEXT_WIDTH = 5_733_415  # EMU: A4 less 2.54 cm margins, when the file names no page size


@dataclass(frozen=True)
class Note:
    """One line of the import report. `placed` False: something the reader could not place."""

    message: str
    paragraph: int | None = None
    placed: bool = True

    def describe(self) -> str:
        where = f"paragraph {self.paragraph}: " if self.paragraph else ""
        return f"{'' if self.placed else 'NOT PLACED: '}{where}{self.message}"


@dataclass
class SavedFigure:
    name: str  # file name inside the figures folder
    data: bytes


@dataclass
class ImportResult:
    source: Path
    proposal: Proposal
    notes: list[Note] = field(default_factory=list)
    figures: list[SavedFigure] = field(default_factory=list)
    tracked_changes: int = 0
    comments: int = 0
    blocks: dict[str, tuple[Block, ...]] = field(default_factory=dict)  # what became Markdown
    references: list[dict[str, Any]] = field(default_factory=list)  # matched CSL-JSON entries
    by_control: int = 0  # sections found by their content control (the rest by heading)
    found_sections: int = 0  # sections of the form the document has (by control or heading)
    from_properties: bool = False  # topic and directions read from custom properties

    @property
    def unplaced(self) -> list[Note]:
        return [n for n in self.notes if not n.placed]

    @property
    def complete(self) -> bool:
        return not self.unplaced

    def report_lines(self) -> list[str]:
        lines = [
            f"{len(self.proposal.sections)} sections read "
            f"({self.by_control} by content control, "
            f"{len(self.proposal.sections) - self.by_control} by heading); topic "
            f"{self.proposal.topic or '—'} from "
            f"{'the document properties' if self.from_properties else 'the text'}",
        ]
        if self.tracked_changes:
            lines.append(
                f"warning: {self.tracked_changes} tracked changes were read as if accepted"
            )
        if self.comments:
            lines.append(f"{self.comments} comments in the document (not imported)")
        if self.figures:
            lines.append(f"{len(self.figures)} figures saved")
        lines.extend(n.describe() for n in self.notes)
        return lines


def read_proposal_docx(path: Path, call: Call, figures_dir: str = "figures") -> ImportResult:
    """Read `path`; `figures_dir` is the folder (relative to the proposal file to be written)
    that the figures' paths in the Markdown name. Raises WordFileError if it is unreadable."""
    path = Path(path)
    with open_docx(path) as package:
        try:
            return _Reader(package, call, figures_dir).read()
        except TooLong as exc:
            raise WordFileError(
                str(path), f"the document is far longer than any proposal ({exc}); not read"
            ) from None


class _Reader:
    def __init__(self, package: DocxPackage, call: Call, figures_dir: str) -> None:
        self.package = package
        self.call = call
        self.figures_dir = figures_dir.rstrip("/")
        rels = package.rels(package.main)
        by_type = {t.rsplit("/", 1)[-1]: target for t, target in rels.values()}
        self.styles = WordStyles(
            self._part(by_type.get("styles")), self._part(by_type.get("numbering"))
        )
        self.comments_part = by_type.get("comments")
        self.inline_reader = InlineReader(self.styles)
        self.body_reader = BodyReader(self.styles, self.inline_reader)
        self.result = ImportResult(package.path, Proposal(call=call.id))
        self._figure_names: set[str] = set()

    def note(self, message: str, paragraph: int | None = None, placed: bool = True) -> None:
        self.result.notes.append(Note(message, paragraph, placed))

    def _part(self, name: str | None) -> etree._Element | None:
        """A part the main part names, parsed; None when the file lacks it."""
        return self.package.xml(name) if name and self.package.has(name) else None

    # ---------------------------------------------------------------------------------
    def read(self) -> ImportResult:
        document = self.package.xml(self.package.main)
        body = document.find(w("body"))
        if body is None:
            raise WordFileError(str(self.package.path), "the document has no body")
        self.text_width = _text_width(body)
        units = self.body_reader.units(body)
        for number, what in self.body_reader.unreadable:
            self.note(f"{what} cannot be read", number, placed=False)
        props = self._custom_properties()
        parts = self._split(units)
        self.result.found_sections = len(parts.sections)
        p = self.result.proposal
        front = FrontReader(self.call, self.body_reader, p, self.note)
        front.read_front(parts.front)
        self.result.from_properties = front.read_topic(parts.topic, props)
        blocks: dict[str, tuple[Block, ...]] = {}
        for section in self.call.form:
            section_units = parts.sections.get(section.key)
            if section_units is None:
                self.note(f"section {section.title} is not in the document; left empty")
                continue
            blocks[section.key] = self._section_blocks(section, section_units)
        keys, items = read_reference_list(parts.references, self.package, self.note)
        blocks = resolve_citations(blocks, keys, self.note)
        self.result.references = items
        self.result.blocks = blocks
        from planner.document.markdown import to_markdown  # the documented text format

        for section in self.call.form:
            if section.key in blocks:
                p.sections[section.key] = to_markdown(blocks[section.key])
        changes = self.inline_reader.changes
        self.result.tracked_changes = changes.tracked
        self.result.comments = self._comment_count()
        return self.result

    # ---------------------------------------------------------------------------------
    def _custom_properties(self) -> dict[str, str]:
        for rel_type, target in self.package.rels("").values():
            if rel_type == _CUSTOM_REL and self.package.has(target):
                return read_custom_properties(self.package.xml(target))
        return {}

    def _comment_count(self) -> int:
        if not self.comments_part or not self.package.has(self.comments_part):
            return 0
        return sum(1 for _ in self.package.xml(self.comments_part).iter(w("comment")))

    def _split(self, units: list[Unit]) -> Parts:
        return Splitter(self.call, self.note).split(units)

    # sections --------------------------------------------------------------------------
    def _section_blocks(self, section: FormSection, units: list[Unit]) -> tuple[Block, ...]:
        builder = BlockBuilder(self.body_reader, self._save_figure)
        if any(u.control == section.key for u in units):
            self.result.by_control += 1
        guidance = normalize(section.guidance) if section.guidance else ""
        for unit in units:
            if unit.placeholder:
                continue  # Word's placeholder: the guidance, never the applicant's text
            if isinstance(unit, Para) and unit.grey and _is_guidance(unit.text, guidance, section):
                continue
            builder.add(unit)
        return builder.finish()

    def _save_figure(self, found: FigureFound) -> tuple[str, int | None] | None:
        image = found.image
        rels = self.package.rels(self.package.main)
        rel = rels.get(image.rel_id)
        if rel is None or not self.package.has(rel[1]):
            self.note("a picture whose image is missing from the file", found.paragraph, False)
            return None
        try:
            data = self.package.read(rel[1], MAX_MEDIA_BYTES)
        except WordFileError as exc:
            self.note(f"a picture that cannot be read: {exc.message}", found.paragraph, False)
            return None
        try:
            info = parse_image(data)
        except ImageError as exc:
            self.note(
                f"a picture that cannot be a figure ({exc}); not saved",
                found.paragraph,
                placed=False,
            )
            return None
        suffix = _SUFFIXES.get(info.kind, ".png")
        name = self._figure_name(image, suffix)
        self.result.figures.append(SavedFigure(name, data))
        return f"{self.figures_dir}/{name}", self._width_percent(image.width_emu, info)

    def _width_percent(self, width: int, info: ImageInfo) -> int | None:
        """`{width=N%}` as written, or None where the exporter fitted the picture itself (its
        own size, shrunk to the text width)."""
        text_width = self.text_width
        if width <= 0 or text_width <= 0:
            return None
        native = info.width * _EMU_PER_INCH / max(info.dpi_x, 1.0)
        if abs(width - min(native, text_width)) <= text_width * 0.005:
            return None
        return max(1, min(round(width * 100 / text_width), 100))

    def _figure_name(self, image: Image, suffix: str) -> str:
        """The picture's own file name, else its alt text (our caption), else figure-N."""
        from planner.office.safe_names import safe_stem

        stem = safe_stem(Path(image.name).stem)[:60] if image.name else ""
        if not stem or re.fullmatch(r"(?i)(image|picture|图片)[\s_-]*\d*", stem):
            stem = safe_stem(image.description)[:60]
        if not stem:
            stem = f"figure-{len(self.result.figures) + 1}"
        name = f"{stem}{suffix}"
        n = 2
        while name.lower() in self._figure_names:
            name = f"{stem}-{n}{suffix}"
            n += 1
        self._figure_names.add(name.lower())
        return name


def _is_guidance(text: str, guidance: str, section: FormSection) -> bool:
    found = normalize(text)
    return bool(found) and (
        (bool(guidance) and found.startswith(guidance))
        or found.startswith(normalize(f"请在此填写{section.title}"))
    )


def _text_width(body: etree._Element) -> int:
    """The page's text width in EMU, from the last section's page size and margins."""
    sect = body.find(w("sectPr"))
    size = sect.find(w("pgSz")) if sect is not None else None
    margins = sect.find(w("pgMar")) if sect is not None else None
    try:
        page = int(size.get(w("w"), "0")) if size is not None else 0
        left = int(margins.get(w("left"), "0")) if margins is not None else 0
        right = int(margins.get(w("right"), "0")) if margins is not None else 0
    except ValueError:
        return _A4_TEXT_WIDTH
    width = (page - left - right) * 635  # twips → EMU
    return width if width > 0 else _A4_TEXT_WIDTH
