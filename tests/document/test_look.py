"""The page numbers the Qt layout uses (planner/document/look.py) are the .docx's own."""

from __future__ import annotations

import io

import docx
import pytest

from planner.document import look
from planner.export.docx import blank_proposal, build_docx


def test_look_matches_the_exported_docx(call) -> None:
    data, _ = build_docx(blank_proposal(call, "5.1"), call)
    document = docx.Document(io.BytesIO(data))
    section = document.sections[0]
    assert section.page_width.cm == pytest.approx(look.PAGE_WIDTH_CM, abs=0.01)
    assert section.page_height.cm == pytest.approx(look.PAGE_HEIGHT_CM, abs=0.01)
    assert section.top_margin.cm == pytest.approx(look.MARGIN_TOP_CM, abs=0.01)
    assert section.bottom_margin.cm == pytest.approx(look.MARGIN_BOTTOM_CM, abs=0.01)
    assert section.left_margin.cm == pytest.approx(look.MARGIN_LEFT_CM, abs=0.01)
    assert section.right_margin.cm == pytest.approx(look.MARGIN_RIGHT_CM, abs=0.01)
    assert section.header_distance.cm == pytest.approx(look.HEADER_DISTANCE_CM, abs=0.01)
    styles = document.styles
    assert styles["Normal"].paragraph_format.line_spacing.pt == look.LINE_PITCH_PT
    headings = {"Title": look.TITLE, "Subtitle": look.SUBTITLE, "Heading 1": look.HEADING_1,
                "Heading 2": look.HEADING_2, "Heading 3": look.HEADING_3,
                "Heading 4": look.HEADING_4}  # fmt: skip
    for name, heading in headings.items():
        style = styles[name]
        assert style.font.size.pt == heading.size_pt, name
        assert style.paragraph_format.space_before.pt == heading.before_pt, name
        assert style.paragraph_format.space_after.pt == heading.after_pt, name
    assert styles["Caption"].font.size.pt == look.CAPTION_PT
    assert styles["Table Text"].paragraph_format.line_spacing.pt == look.TABLE_LINE_PT
    assert styles["Bibliography"].paragraph_format.line_spacing.pt == look.REFERENCE_LINE_PT
