"""The proposal as pages: layout, the running header and footer, painting one page.

    pages = lay_out(assembled, device)       # device: the QPdfWriter / QPrinter, or layout_device()
    pages.count; pages.page_of(heading)      # pagination
    pages.paint(painter, index)              # page `index` (0-based) at the device's pixels

The QTextDocument paginates its body (the page minus the margins); we paint each page's slice
of it inside the margins and draw the header (the topic, over a thin rule) and the footer
(第 X 页 / 共 Y 页) ourselves, at the .docx's header and footer distances. Word keeps a
heading with the paragraph after it; Qt has no such property, so a heading left alone at the
foot of a page is moved to the next page here and the document laid out again.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextBlock,
    QTextCursor,
)

from planner.document import look
from planner.document.assembly import AssembledProposal
from planner.ui.pages.to_qdoc import HeadingAnchor, QDocWriter, WrittenDocument, page_break_before

LAYOUT_DPI = 720  # 10 device pixels a point: the layout resolution of the preview and the PDF
_KEEP_PASSES = 3


@dataclass(frozen=True)
class PageHeading:
    anchor: HeadingAnchor
    page: int  # 0-based
    y_pt: float  # from the top of the page


class Pages:
    def __init__(self, written: WrittenDocument, writer: QDocWriter, header: str) -> None:
        self.written = written
        self.document = written.document
        self.writer = writer
        self.header = header
        self.px = writer.px
        self.body_height = writer.body_px.height()
        self.left = look.cm_to_pt(look.MARGIN_LEFT_CM) * self.px
        self.top = look.cm_to_pt(look.MARGIN_TOP_CM) * self.px
        self.small = writer.faces.font(writer.faces.song, look.HEADER_FOOTER_PT)
        # in device pixels, not points: the preview paints with a scaled painter on a screen
        # image, where points would resolve at the screen's dpi
        self.small.setPixelSize(round(look.HEADER_FOOTER_PT * self.px))

    @property
    def count(self) -> int:
        return self.document.pageCount()

    @property
    def page_size(self) -> QSizeF:
        return self.writer.page_px

    def _block_top(self, block: QTextBlock) -> float:
        return self.document.documentLayout().blockBoundingRect(block).top()

    def headings(self) -> list[PageHeading]:
        out = []
        for anchor in self.written.headings:
            top = self._block_top(self.document.findBlock(anchor.position))
            page = int(top // self.body_height)
            y = top - page * self.body_height + self.top
            out.append(PageHeading(anchor, page, y / self.px))
        return out

    def keep_headings_with_next(self) -> None:
        """A heading whose next block starts on a later page begins that page itself."""
        for _ in range(_KEEP_PASSES):
            moved = False
            for anchor in self.written.headings:
                block = self.document.findBlock(anchor.position)
                following = block.next()
                if not following.isValid():
                    continue
                top = _first_line_top(block)
                page = int(top // self.body_height)
                # the first line counts: Qt moves a line that does not fit, not its block
                next_page = int(_first_line_top(following) // self.body_height)
                if next_page > page and top > page * self.body_height + 1:
                    cursor = QTextCursor(block)
                    cursor.setBlockFormat(page_break_before(block.blockFormat()))
                    moved = True
            if not moved:
                return

    def paint(self, painter: QPainter, index: int) -> None:
        """Page `index` with (0, 0) at the page's top-left corner, in device pixels."""
        width = self.writer.body_px.width()
        painter.save()
        painter.translate(self.left, self.top - index * self.body_height)
        # a device pixel short: a line Qt moved to the next page starts exactly at the edge
        clip = QRectF(0, index * self.body_height, width, self.body_height - 1)
        self.document.drawContents(painter, clip)
        painter.restore()
        self._paint_header_footer(painter, index)

    def paint_all(self, device: QPagedPaintDevice) -> bool:
        """Every page onto a PDF writer or a printer, a new page before each but the first.
        False when the device will not open (a printer that went away)."""
        painter = QPainter()
        if not painter.begin(device):
            return False
        try:
            for index in range(self.count):
                if index:
                    device.newPage()
                self.paint(painter, index)
        finally:
            painter.end()
        return True

    def _paint_header_footer(self, painter: QPainter, index: int) -> None:
        px = self.px
        page = self.writer.page_px
        metrics = QFontMetricsF(self.small)
        painter.save()
        painter.setFont(self.small)
        painter.setPen(QColor(0, 0, 0))
        line = metrics.height()
        header_top = look.cm_to_pt(look.HEADER_DISTANCE_CM) * px
        if self.header:
            text = metrics.elidedText(
                self.header, Qt.TextElideMode.ElideRight, self.writer.body_px.width()
            )
            rect = QRectF(self.left, header_top, self.writer.body_px.width(), line)
            painter.drawText(rect, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, text)
            painter.setPen(QPen(QColor(0x80, 0x80, 0x80), 0.5 * px))
            y = header_top + line + 1 * px
            painter.drawLine(QPointF(self.left, y), QPointF(self.left + rect.width(), y))
            painter.setPen(QColor(0, 0, 0))
        footer_bottom = page.height() - look.cm_to_pt(look.FOOTER_DISTANCE_CM) * px
        rect = QRectF(self.left, footer_bottom - line, self.writer.body_px.width(), line)
        footer = f"第 {index + 1} 页 / 共 {self.count} 页"
        painter.drawText(rect, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, footer)
        painter.restore()


def _first_line_top(block: QTextBlock) -> float:
    layout = block.layout()
    if layout.lineCount() == 0:
        return block.document().documentLayout().blockBoundingRect(block).top()
    return layout.position().y() + layout.lineAt(0).y()


def a4_layout() -> QPageLayout:
    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)
    )


@cache
def layout_device() -> QPagedPaintDevice:
    """A PDF device nothing is ever painted on: the preview lays out for it, so its pages
    break exactly where the PDF's do (same resolution, same font metrics)."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    device = QPdfWriter(buffer)
    device.setResolution(LAYOUT_DPI)
    device.setPageLayout(a4_layout())
    device._buffer = buffer  # type: ignore[attr-defined]  # kept alive with the device
    return device


def lay_out(assembled: AssembledProposal, device: QPagedPaintDevice | None = None) -> Pages:
    writer = QDocWriter(device or layout_device())
    pages = Pages(writer.write(assembled), writer, assembled.header)
    pages.keep_headings_with_next()
    return pages
