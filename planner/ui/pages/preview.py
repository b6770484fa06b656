"""The page preview: the proposal's pages one below the other, a zoom, and its sections.

Shows a `Pages` (planner/ui/pages/paged.py) laid out for the PDF device, so what it shows is
what File → Export PDF… writes, page for page. Pages are drawn on demand: only those in view,
each kept as an image at the current zoom until the layout or the zoom changes. Clicking a
section in the list scrolls to its heading's page.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from planner.ui.i18n import fill
from planner.ui.pages.paged import PageHeading, Pages

ZOOMS = (50, 75, 100, 125, 150, 200)
FIT_WIDTH = 0  # the zoom box's first entry: the page as wide as the view
_GAP = 16  # screen pixels between pages
_SCREEN_DPI = 96


class PageCanvas(QWidget):
    """Draws the pages of a layout, scaled to the zoom, one below the other."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pages: Pages | None = None
        self.zoom = 75
        self._cache: dict[int, QImage] = {}
        self.setObjectName("pageCanvas")

    def set_pages(self, pages: Pages | None) -> None:
        self.pages = pages
        self._cache.clear()
        self._resize()
        self.update()

    def set_zoom(self, percent: int) -> None:
        self.zoom = percent
        self._cache.clear()
        self._resize()
        self.update()

    def page_size(self) -> QSize:
        """A page at the zoom, in logical screen pixels (A4 at 96 dpi × zoom)."""
        if self.pages is None:
            return QSize(0, 0)
        size = self.pages.page_size
        scale = self._scale()
        return QSize(round(size.width() * scale), round(size.height() * scale))

    def _scale(self) -> float:
        assert self.pages is not None
        return _SCREEN_DPI / (self.pages.px * 72) * self.zoom / 100

    def page_top(self, index: int) -> int:
        return _GAP + index * (self.page_size().height() + _GAP)

    def _resize(self) -> None:
        count = self.pages.count if self.pages is not None else 0
        size = self.page_size()
        self.setFixedSize(size.width() + 2 * _GAP, self.page_top(count))

    def page_image(self, index: int) -> QImage:
        """Page `index` drawn at the zoom (and the screen's pixel ratio), cached."""
        image = self._cache.get(index)
        if image is not None:
            return image
        assert self.pages is not None
        ratio = self.devicePixelRatioF()
        size = self.page_size()
        image = QImage(
            round(size.width() * ratio), round(size.height() * ratio), QImage.Format.Format_RGB32
        )
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        scale = self._scale() * ratio
        painter.scale(scale, scale)
        self.pages.paint(painter, index)
        painter.end()
        image.setDevicePixelRatio(ratio)
        if len(self._cache) > 24:  # a long document scrolled through: keep memory bounded
            self._cache.clear()
        self._cache[index] = image
        return image

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(event.rect(), self.palette().dark())
        if self.pages is None:
            return
        size = self.page_size()
        exposed = event.rect()
        for index in range(self.pages.count):
            rect = QRect(QPoint(_GAP, self.page_top(index)), size)
            if rect.top() > exposed.bottom():
                break
            if rect.intersects(exposed):
                painter.drawImage(rect.topLeft(), self.page_image(index))
                painter.setPen(QColor(0x60, 0x60, 0x60))
                painter.drawRect(rect.adjusted(-1, -1, 0, 0))


class PagePreview(QWidget):
    """The canvas in a scroll area, a zoom box and the list of sections."""

    # the page area, under the name of QWidget.scroll(dx, dy), which nothing calls
    scroll: QScrollArea  # type: ignore[assignment]
    zoomChanged = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.canvas = PageCanvas(self)
        self.scroll = QScrollArea(self)
        self.scroll.setWidget(self.canvas)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.scroll.setObjectName("pageScroll")
        self.sections = QListWidget(self)
        self.sections.setObjectName("previewSections")
        self.sections.itemActivated.connect(self._jump)
        self.sections.itemClicked.connect(self._jump)
        self.zoom_box = QComboBox(self)
        self.zoom_box.setObjectName("previewZoom")
        self.zoom_box.addItem("", FIT_WIDTH)
        for percent in ZOOMS:
            self.zoom_box.addItem(f"{percent}%", percent)
        self.fit = True
        self.zoom_box.currentIndexChanged.connect(
            lambda i: self.set_zoom(int(self.zoom_box.itemData(i)))
        )
        self.zoom_out = QToolButton(self)
        self.zoom_out.setText("−")
        self.zoom_out.clicked.connect(lambda: self._step(-1))
        self.zoom_in = QToolButton(self)
        self.zoom_in.setText("+")
        self.zoom_in.clicked.connect(lambda: self._step(1))
        self.count_label = QLabel(self)
        bar = QHBoxLayout()
        bar.setContentsMargins(4, 4, 4, 0)
        for widget in (self.zoom_out, self.zoom_box, self.zoom_in):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.count_label)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.sections)
        splitter.addWidget(self.scroll)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([170, 470])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        self._headings: list[PageHeading] = []
        self.retranslate()

    def retranslate(self) -> None:
        self.zoom_out.setToolTip(self.tr("Zoom out"))
        self.zoom_in.setToolTip(self.tr("Zoom in"))
        self.zoom_box.setToolTip(self.tr("Zoom"))
        self.zoom_box.setItemText(0, self.tr("Fit width"))
        self.zoom_out.setAccessibleName(self.tr("Zoom out"))
        self.zoom_in.setAccessibleName(self.tr("Zoom in"))
        self.sections.setAccessibleName(self.tr("Sections: click one to see its page"))
        self._fill_sections()

    def set_pages(self, pages: Pages) -> None:
        # keep the reader's place while the pages change under them
        position = self.scroll.verticalScrollBar().value()
        self.canvas.set_pages(pages)
        self.scroll.verticalScrollBar().setValue(position)
        self._headings = [h for h in pages.headings() if h.anchor.level == 1]
        self._fill_sections()
        self.count_label.setText(self.tr("%n page(s)", "", pages.count))

    def _fill_sections(self) -> None:
        self.sections.clear()
        for heading in self._headings:
            # the page first: a narrow list cuts the end of a long title, not the number
            item = QListWidgetItem(
                fill(
                    self.tr("p. {page} · {heading}"),
                    page=heading.page + 1,
                    heading=heading.anchor.text,
                )
            )
            item.setToolTip(heading.anchor.text)
            item.setData(Qt.ItemDataRole.UserRole, heading.page)
            item.setData(Qt.ItemDataRole.UserRole + 1, heading.y_pt)
            self.sections.addItem(item)

    def fit_zoom(self) -> int:
        """The zoom at which a page fills the view's width."""
        width = self.scroll.viewport().width() - 2 * _GAP
        a4_width = 21.0 / 2.54 * _SCREEN_DPI
        return min(max(int(width / a4_width * 100), 25), 200)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.fit:
            self._apply_zoom(self.fit_zoom())

    def set_zoom(self, percent: int) -> None:
        """A zoom in percent, or FIT_WIDTH."""
        self.fit = percent == FIT_WIDTH
        self._apply_zoom(self.fit_zoom() if self.fit else percent)
        self.zoom_box.blockSignals(True)
        index = self.zoom_box.findData(FIT_WIDTH if self.fit else percent)
        self.zoom_box.setCurrentIndex(max(index, 0))
        self.zoom_box.blockSignals(False)

    def _apply_zoom(self, percent: int) -> None:
        if percent == self.canvas.zoom:
            return
        bar = self.scroll.verticalScrollBar()
        fraction = bar.value() / max(bar.maximum(), 1)
        self.canvas.set_zoom(percent)
        bar.setValue(round(fraction * bar.maximum()))
        self.zoomChanged.emit(percent)

    def _step(self, direction: int) -> None:
        zoom = self.canvas.zoom
        bigger = [z for z in ZOOMS if z > zoom]
        smaller = [z for z in ZOOMS if z < zoom]
        if direction > 0:
            self.set_zoom(bigger[0] if bigger else ZOOMS[-1])
        else:
            self.set_zoom(smaller[-1] if smaller else ZOOMS[0])

    def show_page(self, page: int, y_pt: float = 0.0) -> None:
        """Scroll so that page `page` (0-based), `y_pt` from its top, is at the top of view."""
        scale = self.canvas.zoom / 100 * _SCREEN_DPI / 72
        y = self.canvas.page_top(page) + round(y_pt * scale) - _GAP
        self.scroll.verticalScrollBar().setValue(max(y, 0))

    def _jump(self, item: QListWidgetItem) -> None:
        self.show_page(
            int(item.data(Qt.ItemDataRole.UserRole)), float(item.data(Qt.ItemDataRole.UserRole + 1))
        )
