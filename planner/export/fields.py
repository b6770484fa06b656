"""Word fields (python-docx has no API for them) and the header/footer lines that use them."""

from __future__ import annotations

from collections.abc import Sequence

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section
from docx.text.paragraph import Paragraph
from lxml.etree import _Element

from planner.export.clean import clean_text

# what may follow `w:pBdr` inside `w:pPr`: Word reports misordered children as unreadable
AFTER_PBDR = (
    "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
    "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
    "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
    "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
    "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
)  # fmt: skip


def add_field(paragraph: Paragraph, instruction: str, shown: str = "1", dirty: bool = True) -> None:
    """Append a complex field (`w:fldChar` begin/separate/end) with `shown` as its cached
    result, so a reader that does not update fields still shows a number. `dirty` asks Word
    to recompute it on opening (page numbers); a SEQ number we computed right needs not."""
    p = paragraph._p
    for kind in ("begin", "instr", "separate", "result", "end"):
        r = OxmlElement("w:r")
        if kind == "instr":
            child = OxmlElement("w:instrText")
            child.set(qn("xml:space"), "preserve")
            child.text = f" {instruction} "
        elif kind == "result":
            child = OxmlElement("w:t")
            child.text = shown
        else:
            child = OxmlElement("w:fldChar")
            child.set(qn("w:fldCharType"), kind)
            if kind == "begin" and dirty:
                child.set(qn("w:dirty"), "true")  # ask Word to recompute on open
        r.append(child)
        p.append(r)


def write_page_footer(section: Section) -> None:
    """第 X 页 / 共 Y 页, centred, with real PAGE and NUMPAGES fields."""
    footer = section.footer
    footer.is_linked_to_previous = False
    paragraph = footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run("第 ")
    add_field(paragraph, "PAGE")
    paragraph.add_run(" 页 / 共 ")
    add_field(paragraph, "NUMPAGES")
    paragraph.add_run(" 页")


def prepare_header(section: Section) -> None:
    """An empty centred header line with a thin rule under it; the text comes per proposal."""
    header = section.header
    header.is_linked_to_previous = False
    paragraph = header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    ppr = paragraph._p.get_or_add_pPr()
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for attr, val in (("val", "single"), ("sz", "4"), ("space", "1"), ("color", "808080")):
        bottom.set(qn(f"w:{attr}"), val)
    border.append(bottom)
    ppr.insert_element_before(border, *AFTER_PBDR)


def set_header_text(section: Section, text: str) -> None:
    section.header.paragraphs[0].add_run(clean_text(text))


def has_content(part_paragraphs: Sequence[Paragraph], element: _Element) -> bool:
    """Whether a template's header/footer shows anything (text, a logo, a field)."""
    if any(p.text.strip() for p in part_paragraphs):
        return True
    return any(
        True
        for tag in ("w:drawing", "w:pict", "w:fldChar", "w:fldSimple", "w:object")
        for _ in element.iter(qn(tag))
    )
