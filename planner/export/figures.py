"""Pictures in the text: scaled to the text width, or a framed placeholder when unusable.

The image is checked by `planner.document.images` (bounded read, container parsed, pixel
count capped) before python-docx sees it, so an unusable file never costs the document: its
place shows "［图片无法读取：path（why）］" in a box the applicant cannot miss.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, cast

from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Pt
from docx.text.paragraph import Paragraph
from lxml.etree import SubElement

from planner.document.images import (
    CORRUPT,
    MISSING,
    NOT_IMAGE,
    TOO_LARGE,
    UNREADABLE,
    ImageError,
    ImageInfo,
)
from planner.export.fields import AFTER_PBDR
from planner.export.writer import Writer

if TYPE_CHECKING:
    from docx.oxml.xmlchemy import BaseOxmlElement

EMU_PER_INCH = 914_400
_CAPTION_ROOM = EMU_PER_INCH  # a figure as tall as the page still leaves its caption a line

REASONS = {
    MISSING: "文件不存在",
    UNREADABLE: "无法打开",
    NOT_IMAGE: "不是 PNG、JPEG、GIF 或 BMP 图片",
    CORRUPT: "文件已损坏",
    TOO_LARGE: "图片过大",
}


def figure_size(
    info: ImageInfo, text_width: int, text_height: int, width_percent: int | None
) -> tuple[int, int]:
    """EMU: `width_percent` of the text width, else the picture's own size shrunk to the text
    width; never taller than the page leaves room for."""
    native_w = info.width * EMU_PER_INCH / info.dpi_x
    native_h = info.height * EMU_PER_INCH / info.dpi_y
    if width_percent is not None:
        width = text_width * min(max(width_percent, 1), 100) / 100
    else:
        width = min(native_w, text_width)
    height = width * native_h / native_w
    room = text_height - _CAPTION_ROOM
    if height > room:
        width, height = width * room / height, room
    return int(width), int(height)


def picture_paragraph(
    writer: Writer, info: ImageInfo, size: tuple[int, int], description: str
) -> Paragraph:
    """A centred paragraph holding the inline picture, kept on the page of its caption."""
    paragraph = writer.paragraph(writer.styles.figure)
    _centre(paragraph, keep_with_next=True)
    # the body's exact line pitch would clip the picture to one 22 pt line
    pf = paragraph.paragraph_format
    pf.line_spacing_rule = WD_LINE_SPACING.SINGLE
    pf.space_before = Pt(6)
    part = writer.doc.part
    inline = part.new_pic_inline(io.BytesIO(info.data), Emu(size[0]), Emu(size[1]))
    inline.docPr.set("descr", description)  # alt text: what a screen reader says
    r = SubElement(paragraph._p, qn("w:r"))
    SubElement(r, qn("w:drawing")).append(inline)
    return paragraph


def placeholder_paragraph(writer: Writer, path: str, error: ImageError) -> Paragraph:
    """A framed line where the picture would be, naming the file and what is wrong."""
    paragraph = writer.paragraph(writer.styles.figure)
    _centre(paragraph, keep_with_next=True)
    ppr = paragraph._p.get_or_add_pPr()
    border = OxmlElement("w:pBdr")
    for edge in ("top", "left", "bottom", "right"):
        element = OxmlElement(f"w:{edge}")
        for attr, val in (("val", "single"), ("sz", "8"), ("space", "4"), ("color", "C00000")):
            element.set(qn(f"w:{attr}"), val)
        border.append(element)
    ppr.insert_element_before(cast("BaseOxmlElement", border), *AFTER_PBDR)
    reason = REASONS.get(error.reason, error.detail)
    writer.run(paragraph, f"［图片无法读取：{path}（{reason}）］", bold=True)
    return paragraph


def _centre(paragraph: Paragraph, *, keep_with_next: bool) -> None:
    pf = paragraph.paragraph_format
    pf.alignment = WD_ALIGN_PARAGRAPH.CENTER
    pf.first_line_indent = Emu(0)
    pf.keep_with_next = keep_with_next
