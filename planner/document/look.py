"""The page look every output shares, as plain numbers: A4, margins, sizes, faces, pitch.

The .docx export (planner/export/typography.py, which needs python-docx) and the Qt page
layout (planner/ui/pages, which needs Qt) both draw a proposal; this module holds the numbers
without either library, so the preview and the PDF cannot drift from the Word document
(tests/document/test_look.py compares them with a built .docx).
"""

from __future__ import annotations

from dataclasses import dataclass

PAGE_WIDTH_CM, PAGE_HEIGHT_CM = 21.0, 29.7  # A4
MARGIN_TOP_CM = MARGIN_BOTTOM_CM = 2.54
MARGIN_LEFT_CM = MARGIN_RIGHT_CM = 2.8
HEADER_DISTANCE_CM = FOOTER_DISTANCE_CM = 1.5  # from the page edge to the header/footer line

BODY_PT = 12.0  # 小四
LINE_PITCH_PT = 22.0  # exact, for body text and lists
FIRST_LINE_INDENT_CHARS = 2  # the Chinese two-character indent of a body paragraph
HEADER_FOOTER_PT = 9.0
CAPTION_PT = 10.5  # 五号: table and figure captions (黑体, centred, 6 pt above and below)
CAPTION_SPACE_PT = 6.0
TABLE_TEXT_PT, TABLE_LINE_PT = 10.5, 16.0  # a section's table cells: 五号 on an exact 16 pt
REFERENCE_PT, REFERENCE_LINE_PT = 10.5, 17.0  # the 参考文献 list
REFERENCE_INDENT_PT = 28.0  # each entry hangs under its "[10]"

# faces as Word on a Chinese Windows names them; the Qt layout falls back to installed
# faces of the same kind (planner/ui/pages/faces.py)
SONG, HEI = "SimSun", "SimHei"
LATIN_SERIF, LATIN_SANS = "Times New Roman", "Arial"


@dataclass(frozen=True)
class HeadingLook:
    size_pt: float
    before_pt: float
    after_pt: float
    centred: bool = False
    song: bool = False  # 宋体 (the 1. and （1） sub-headings); else 黑体
    bold: bool = False


TITLE = HeadingLook(22, 6, 12, centred=True)  # the proposal's title
SUBTITLE = HeadingLook(15, 24, 6, centred=True)  # the call's title above it
HEADING_1 = HeadingLook(15, 18, 6)  # 一、研究背景与意义
HEADING_2 = HeadingLook(12, 10, 2)  # 所选建议研究方向; a section's （一） sub-heading
HEADING_3 = HeadingLook(12, 6, 0, song=True, bold=True)  # 1.
HEADING_4 = HeadingLook(12, 6, 0, song=True)  # （1）

CM_PER_INCH = 2.54
PT_PER_INCH = 72.0


def cm_to_pt(cm: float) -> float:
    return cm / CM_PER_INCH * PT_PER_INCH
