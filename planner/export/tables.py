"""Word tables: the applicant table of the title page and the section text's pipe tables.

A section's table is a real `w:tbl` as wide as the text, columns sized by their content,
ruled on every edge (set on the table itself, so a template without `Table Grid` still gets
rules), its header row bold, shaded and repeated at the top of every page (`w:tblHeader`).
The table is built directly in lxml: python-docx's `add_table` plus `cell.text` walks the grid
once per cell and would be most of the cost of a long budget table.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, cast

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from lxml.etree import SubElement

from planner.document.blocks import Align, Inlines, Table, inline_text

if TYPE_CHECKING:
    from docx.oxml.table import CT_Tbl, CT_Tc
    from docx.oxml.text.paragraph import CT_P
    from docx.oxml.xmlchemy import BaseOxmlElement
    from docx.types import ProvidesStoryPart

HEADER_FILL = "F2F2F2"
CELL_MARGIN = "113"  # twips, 2 mm left and right: text not glued to the rules
_MIN_WEIGHT, _MAX_WEIGHT = 2, 24  # a column's width share, in characters of its longest cell
_JC = {"left": "left", "center": "center", "right": "right"}

# writes one cell's runs into a paragraph: (paragraph, inlines, bold)
CellWriter = Callable[[Paragraph, Inlines, bool], None]


def table_borders(tbl: CT_Tbl) -> None:
    """Single grey-black rules on every cell edge, and 2 mm of air left and right in cells."""
    tbl_pr = tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        for attr, val in (("val", "single"), ("sz", "4"), ("space", "0"), ("color", "404040")):
            element.set(qn(f"w:{attr}"), val)
        borders.append(element)
    successors = ("w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption")
    tbl_pr.insert_element_before(cast("BaseOxmlElement", borders), *successors)
    margins = cast("BaseOxmlElement", OxmlElement("w:tblCellMar"))
    for edge in ("left", "right"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:w"), CELL_MARGIN)
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    tbl_pr.insert_element_before(margins, "w:tblLook", "w:tblCaption", "w:tblDescription")
    # the rules on the text's edges: Word (before 2013's layout) and LibreOffice put the cell
    # text, not the border, at the margin, so the table would stick out by one cell margin
    indent = OxmlElement("w:tblInd")
    indent.set(qn("w:w"), CELL_MARGIN)
    indent.set(qn("w:type"), "dxa")
    tbl_pr.insert_element_before(cast("BaseOxmlElement", indent), "w:tblBorders")


def shade(tc: CT_Tc, fill: str) -> None:
    tc_pr = tc.get_or_add_tcPr()
    shd = cast("BaseOxmlElement", OxmlElement("w:shd"))
    for attr, val in (("val", "clear"), ("color", "auto"), ("fill", fill)):
        shd.set(qn(f"w:{attr}"), val)
    tc_pr.insert_element_before(
        shd, "w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark"
    )


def column_widths(table: Table, text_width: int) -> list[int]:
    """Twips per column summing to `text_width`, in proportion to each column's longest cell
    (clamped, so a long sentence cannot squeeze a number column to one character)."""
    weights = []
    for column in range(len(table.header)):
        cells = [table.header[column], *(row[column] for row in table.rows)]
        longest = max(len(inline_text(cell)) for cell in cells)
        weights.append(min(max(longest, _MIN_WEIGHT), _MAX_WEIGHT))
    total = sum(weights)
    widths = [text_width * w // total for w in weights]
    widths[-1] += text_width - sum(widths)
    return widths


def build_table(
    table: Table,
    text_width: int,
    style_id: str | None,
    paragraph_style: str | None,
    write_cell: CellWriter,
) -> CT_Tbl:
    """A `w:tbl` for `table`, `text_width` twips wide, not yet placed in the document."""
    table = _even(table)
    widths = column_widths(table, text_width)
    tbl = cast("CT_Tbl", OxmlElement("w:tbl"))  # the registered element class of w:tbl
    tbl_pr = SubElement(tbl, qn("w:tblPr"))
    if style_id is not None:
        SubElement(tbl_pr, qn("w:tblStyle")).set(qn("w:val"), style_id)
    tbl_w = SubElement(tbl_pr, qn("w:tblW"))
    tbl_w.set(qn("w:w"), str(text_width))
    tbl_w.set(qn("w:type"), "dxa")
    SubElement(tbl_pr, qn("w:tblLayout")).set(qn("w:type"), "fixed")  # the widths, not autofit
    look = SubElement(tbl_pr, qn("w:tblLook"))
    for attr, val in (("val", "04A0"), ("firstRow", "1"), ("firstColumn", "0"), ("noVBand", "1")):
        look.set(qn(f"w:{attr}"), val)
    table_borders(tbl)
    grid = SubElement(tbl, qn("w:tblGrid"))
    for width in widths:
        SubElement(grid, qn("w:gridCol")).set(qn("w:w"), str(width))
    _row(tbl, table.header, table.align, widths, paragraph_style, write_cell, header=True)
    for row in table.rows:
        _row(tbl, row, table.align, widths, paragraph_style, write_cell, header=False)
    return tbl


def _even(table: Table) -> Table:
    """Every row as wide as the widest, padded with empty cells. The parser pads already;
    this keeps any other maker of blocks from losing a cell's text or breaking the grid."""
    width = max(len(table.header), *(len(row) for row in table.rows), 1)

    def pad(cells: tuple[Inlines, ...]) -> tuple[Inlines, ...]:
        return cells + ((),) * (width - len(cells))

    if len(table.header) == width and all(len(row) == width for row in table.rows):
        return table
    return Table(pad(table.header), tuple(pad(r) for r in table.rows), table.align, table.caption)


def _row(
    tbl: CT_Tbl,
    cells: Sequence[Inlines],
    align: Sequence[Align],
    widths: Sequence[int],
    paragraph_style: str | None,
    write_cell: CellWriter,
    *,
    header: bool,
) -> None:
    tr = SubElement(tbl, qn("w:tr"))
    tr_pr = SubElement(tr, qn("w:trPr"))
    SubElement(tr_pr, qn("w:cantSplit"))  # a row is read whole: never half on the next page
    if header:
        SubElement(tr_pr, qn("w:tblHeader"))  # repeated on every page the table spans
    for column, (inlines, width) in enumerate(zip(cells, widths, strict=True)):
        tc = SubElement(tr, qn("w:tc"))
        tc_pr = SubElement(tc, qn("w:tcPr"))
        tc_w = SubElement(tc_pr, qn("w:tcW"))
        tc_w.set(qn("w:w"), str(width))
        tc_w.set(qn("w:type"), "dxa")
        if header:
            shd = SubElement(tc_pr, qn("w:shd"))
            for attr, val in (("val", "clear"), ("color", "auto"), ("fill", HEADER_FILL)):
                shd.set(qn(f"w:{attr}"), val)
        SubElement(tc_pr, qn("w:vAlign")).set(qn("w:val"), "center")
        p = SubElement(tc, qn("w:p"))
        ppr = SubElement(p, qn("w:pPr"))
        if paragraph_style is not None:
            SubElement(ppr, qn("w:pStyle")).set(qn("w:val"), paragraph_style)
        jc = "center" if header else _JC.get(align[column] if column < len(align) else "")
        if jc:
            SubElement(ppr, qn("w:jc")).set(qn("w:val"), jc)
        write_cell(Paragraph(cast("CT_P", p), cast("ProvidesStoryPart", None)), inlines, header)
