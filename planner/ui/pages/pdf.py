"""The proposal as a PDF, with Qt alone: no LibreOffice, no display (issue 14).

    data, result = build_pdf(assembled)          # bytes and what went into them
    export_pdf(proposal, call, target, base) # built, checked and written atomically

Qt embeds every font it draws with as a subset (the CJK face included). QPdfWriter has no
API for bookmarks (Qt 6.11: title, author, creator, XMP and attachments only), so the outline
is appended afterwards as a PDF incremental update (planner/ui/pages/pdf_outline.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QFont, QPdfWriter, QRawFont

from planner import __version__
from planner.document.assembly import AssembledProposal, assemble
from planner.errors import ExportError, FileWriteError
from planner.model.call import Call
from planner.model.proposal import Proposal
from planner.storage.atomic_write import write_atomic
from planner.ui.pages.faces import Faces
from planner.ui.pages.headless import gui_application
from planner.ui.pages.paged import LAYOUT_DPI, Pages, a4_layout, lay_out
from planner.ui.pages.pdf_update import OutlineItem, compatibility_chars, finish_pdf

PDF = ".pdf"
_FOOTER_CJK = "第页共"  # painted by us, not in the document's text


@dataclass(frozen=True)
class PdfResult:
    target: Path
    pages: int
    figures: int = 0
    problems: tuple[str, ...] = ()  # figures shown as placeholders: "path: why"
    size: int = 0


def outline_items(pages: Pages) -> list[OutlineItem]:
    return [OutlineItem(h.anchor.level, h.anchor.text, h.page, h.y_pt) for h in pages.headings()]


def shared_glyphs(text: str, faces: Faces) -> dict[str, str]:
    """Radical → ideograph of `text` that a face draws with the same glyph (Noto CJK draws
    页 and ⻚ alike; Unicode's NFKC does not relate the radicals supplement to ideographs)."""
    chars = "".join(sorted({c for c in text if ord(c) >= 0x3400} | set(_FOOTER_CJK)))
    compat = compatibility_chars()
    out: dict[str, str] = {}
    for family in dict.fromkeys(faces.song + faces.hei):
        raw = QRawFont.fromFont(QFont(family))
        if not raw.isValid():
            continue
        by_glyph = {g: c for g, c in zip(raw.glyphIndexesForString(chars), chars, strict=True)}
        by_glyph.pop(0, None)
        for r, g in zip(compat, raw.glyphIndexesForString(compat), strict=True):
            if g and g in by_glyph:
                out.setdefault(r, by_glyph[g])
    return out


def render_pdf(pages: Pages, writer: QPdfWriter) -> None:
    if not pages.paint_all(writer):
        raise ExportError("cannot start the PDF (Qt's PDF writer refused to open)")


def build_pdf(assembled: AssembledProposal) -> tuple[bytes, PdfResult]:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(LAYOUT_DPI)
    writer.setPageLayout(a4_layout())
    writer.setTitle(assembled.title or assembled.header)
    writer.setAuthor(assembled.author)
    writer.setCreator(f"Proposal Planner {__version__}")
    pages = lay_out(assembled, writer)  # laid out for this very writer
    render_pdf(pages, writer)
    buffer.close()
    shared = shared_glyphs(pages.document.toPlainText() + pages.header, pages.writer.faces)
    data = finish_pdf(bytes(buffer.data().data()), outline_items(pages), shared)
    result = PdfResult(
        Path(), pages.count, pages.written.figures, tuple(pages.written.problems), len(data)
    )
    return data, result


def write_pdf(assembled: AssembledProposal, target: Path) -> PdfResult:
    target = Path(target)
    if target.is_dir():
        raise ExportError(f"cannot export to {target}: it is a folder; give a file name")
    data, result = build_pdf(assembled)
    try:
        write_atomic(target, data, keep_backup=False)
    except FileWriteError as exc:
        raise ExportError(f"{exc}; the existing file is unchanged") from None
    return PdfResult(target, result.pages, result.figures, result.problems, len(data))


def export_pdf(
    proposal: Proposal,
    call: Call,
    target: Path,
    *,
    base: Path | None = None,
    template: Path | None = None,
) -> PdfResult:
    """Lay out and write `proposal` as a PDF. The signature of `export_docx`, so the batch can
    run it in its workers; `template` (a Word file) has no meaning for a PDF and is refused."""
    if template is not None:
        raise ExportError("a Word template applies to .docx exports only, not to a PDF")
    gui_application()
    return write_pdf(assemble(proposal, call, base=base), target)


@dataclass(frozen=True)
class BothResult:
    docx: Path
    pdf: Path
    pages: int
    problems: tuple[str, ...] = ()  # figures shown as placeholders (the same in both files)


def export_docx_and_pdf(
    proposal: Proposal,
    call: Call,
    target: Path,
    *,
    template: Path | None = None,
    base: Path | None = None,
) -> BothResult:
    """`planner batch --format both`: the .docx at `target` (with the template) and the PDF
    beside it under the same name."""
    from planner.export.docx import export_docx  # python-docx: only for the .docx

    export_docx(proposal, call, target, template=template, base=base)
    pdf = export_pdf(proposal, call, target.with_suffix(PDF), base=base)
    return BothResult(target, pdf.target, pdf.pages, pdf.problems)
