"""View → Page Preview, File → Export PDF…, Print… and Print Preview… (issue 14).

Owns its actions (put into the window's File and View menus here), the preview dock and the
page count in the status bar. The window only wires signals to `schedule()` (something in the
proposal changed) and reads `page_count` for the page-limit warning.

Re-layout is debounced: a change starts a timer, and the pages are laid out once typing pauses
(`LAYOUT_DELAY_MS`), never on a keystroke. It is done only while the preview is open or the
call limits pages (the problems list then needs the count). Qt's printing module is imported
when the user prints, not at start-up.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
)

from planner.errors import PlannerError
from planner.formats.proposal_file import SUFFIX
from planner.ui.dialogs import messages as dialogs
from planner.ui.i18n import fill

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent
    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtWidgets import QMainWindow

    from planner.document.assembly import AssembledProposal
    from planner.model.call import Call
    from planner.ui.pages.paged import Pages
    from planner.ui.pages.preview import PagePreview
    from planner.ui.window.document import ProposalDocument

LAYOUT_DELAY_MS = 400


class _PreviewDock(QDockWidget):
    """Says when its own close button closed it, so View → Page Preview unticks."""

    closed = Signal()

    def closeEvent(self, event: QCloseEvent) -> None:
        super().closeEvent(event)
        self.closed.emit()


class PagesController(QObject):
    pageCountChanged = Signal(int)
    laidOut = Signal()  # a new layout is in the preview (tests and benchmarks wait for it)
    message = Signal(str)  # for the status bar

    def __init__(
        self,
        window: QMainWindow,
        document: ProposalDocument,
        current_call: Callable[[], Call],
        start_dir: Callable[[], str],
    ) -> None:
        """`window` holds the preview dock and parents the dialogs; `current_call` and
        `start_dir` are asked at each use (the call can be switched)."""
        super().__init__(window)
        self.window = window
        self.document = document
        self.current_call = current_call
        self.start_dir = start_dir
        self.page_count: int | None = None
        self.pages: Pages | None = None
        self.preview: PagePreview | None = None
        self.dock: QDockWidget | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(LAYOUT_DELAY_MS)
        self.timer.timeout.connect(self.lay_out_now)
        self.label = QLabel(window)
        self.label.setObjectName("pageCount")
        self.label.setVisible(False)  # the window puts it in its status bar

        self.show_preview = QAction(window)
        self.show_preview.setCheckable(True)
        self.show_preview.setShortcut(QKeySequence("Ctrl+Shift+P"))
        self.export_pdf = QAction(window)
        self.export_pdf.setShortcut(QKeySequence("Ctrl+Shift+E"))
        self.print_ = QAction(window)
        self.print_.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
        self.print_preview = QAction(window)
        self.show_preview.toggled.connect(self.set_preview_visible)
        self.export_pdf.triggered.connect(self.export)
        self.print_.triggered.connect(self.print_document)
        self.print_preview.triggered.connect(self.open_print_preview)
        self.retranslate()

    def add_to_menus(
        self, file_menu: QMenu, file_before: QAction, view_menu: QMenu, view_before: QAction
    ) -> None:
        for action in (self.export_pdf, self.print_, self.print_preview):
            file_menu.insertAction(file_before, action)
        view_menu.insertAction(view_before, self.show_preview)

    def retranslate(self) -> None:
        self.show_preview.setText(self.tr("Page Pre&view"))
        self.show_preview.setToolTip(self.tr("See the pages as the PDF and the printout show them"))
        self.export_pdf.setText(self.tr("Export &PDF…"))
        self.export_pdf.setToolTip(
            self.tr("Export the proposal as a PDF (no other program needed)")
        )
        self.print_.setText(self.tr("&Print…"))
        self.print_preview.setText(self.tr("Print Pre&view…"))
        if self.dock is not None:
            self.dock.setWindowTitle(self.tr("Page Preview"))
        if self.preview is not None:
            self.preview.retranslate()
        self._show_count()

    # -- the layout
    def wanted(self) -> bool:
        """Whether pages are needed: the preview is open, or the call limits pages."""
        return self.show_preview.isChecked() or self.current_call().page_limit is not None

    def schedule(self, *_args: object) -> None:
        """Something in the proposal changed: lay out again once typing pauses."""
        if self.wanted():
            self.timer.start()
        else:
            self.page_count = None
            self._show_count()

    def assembled(self) -> AssembledProposal:
        from planner.document.assembly import assemble

        doc = self.document
        base = doc.path.parent if doc.path is not None else None
        return assemble(doc.proposal, self.current_call(), base=base)

    def lay_out_now(self) -> None:
        from planner.ui.pages.paged import lay_out

        self.timer.stop()
        try:
            pages = lay_out(self.assembled())
        except PlannerError:  # e.g. a topic the call lacks: the problems list says so
            return
        self.pages = pages
        changed = pages.count != self.page_count
        self.page_count = pages.count
        if self.preview is not None and self.show_preview.isChecked():
            self.preview.set_pages(pages)
        self._show_count()
        if changed:
            self.pageCountChanged.emit(pages.count)
        self.laidOut.emit()

    def _show_count(self) -> None:
        count = self.page_count
        self.label.setVisible(count is not None)
        if count is None:
            return
        text = self.tr("%n page(s)", "", count)
        limit = self.current_call().page_limit
        if limit is not None:
            text = fill(self.tr("{pages} of {limit} allowed"), pages=text, limit=limit)
        self.label.setText(text)

    # -- the preview dock
    def set_preview_visible(self, on: bool) -> None:
        if on and self.dock is None:
            from planner.ui.pages.preview import PagePreview  # built on first use

            self.preview = PagePreview()
            self.dock = _PreviewDock(self.window)
            self.dock.setObjectName("pagePreviewDock")
            self.dock.setWidget(self.preview)
            self.dock.closed.connect(lambda: self.show_preview.setChecked(False))
            self.window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
            self.retranslate()
            first = True
        else:
            first = False
        if self.dock is None:
            return
        self.dock.setVisible(on)
        if on and first:  # wide enough for the section list and a readable page, but on a
            # small screen never so wide that the panes it squeezes wrap their titles
            width = min(660, self.window.width() * 47 // 100)
            self.window.resizeDocks([self.dock], [width], Qt.Orientation.Horizontal)
        if on:
            self.dock.raise_()
            self.lay_out_now()  # opening shows the pages at once

    # -- PDF
    def export(self) -> bool:
        window = self.window
        path = self.document.path
        stem = path.name.removesuffix(SUFFIX) if path else "proposal"
        start = str(Path(self.start_dir()) / f"{stem}.pdf")
        name, _ = QFileDialog.getSaveFileName(
            window, self.tr("Export PDF"), start, self.tr("PDF documents (*.pdf)")
        )
        if not name:
            return False
        target = Path(name) if name.lower().endswith(".pdf") else Path(name + ".pdf")
        from planner.ui.pages.pdf import write_pdf

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            result = write_pdf(self.assembled(), target)
        except PlannerError as exc:
            QApplication.restoreOverrideCursor()
            dialogs.show_error(window, self.tr("Export failed"), str(exc))
            return False
        QApplication.restoreOverrideCursor()
        if result.problems:
            dialogs.show_error(
                window,
                self.tr("Some figures could not be shown"),
                fill(
                    self.tr("The PDF was written with a framed placeholder for:\n{figures}"),
                    figures="\n".join(result.problems),
                ),
            )
        self.message.emit(
            fill(
                self.tr("Exported {path} ({pages})"),
                path=target,
                pages=self.tr("%n page(s)", "", result.pages),
            )
        )
        if dialogs.ask_open_export(window, str(target)):
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))
        return True

    # -- printing
    def new_printer(self) -> QPrinter:
        from PySide6.QtPrintSupport import QPrinter

        from planner.ui.pages.paged import a4_layout

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(a4_layout())
        printer.setFullPage(True)  # we draw the margins, header and footer ourselves
        printer.setDocName(self.document.proposal.title or "proposal")
        return printer

    def paint_to(self, printer: QPrinter) -> int:
        """Lay out for `printer` (its resolution and fonts) and print every page."""

        from planner.ui.pages.paged import lay_out

        pages = lay_out(self.assembled(), printer)
        return pages.count if pages.paint_all(printer) else 0

    def print_document(self) -> bool:
        from PySide6.QtPrintSupport import QPrintDialog

        printer = self.new_printer()
        dialog = QPrintDialog(printer, self.window)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return False
        return self.paint_to(printer) > 0

    def open_print_preview(self) -> None:
        from PySide6.QtPrintSupport import QPrintPreviewDialog

        dialog = QPrintPreviewDialog(self.new_printer(), self.window)
        dialog.paintRequested.connect(self.paint_to)
        dialog.exec()
