"""File → Export .docx… and the institution template it fills (File → Export Template).

python-docx costs ~0.2 s to import, so the exporter is imported only when the user exports.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel

from planner.errors import PlannerError
from planner.formats.proposal_file import SUFFIX
from planner.ui.dialogs import messages as dialogs
from planner.ui.problem_text import ProblemText

if TYPE_CHECKING:
    from planner.ui.window.main_window import MainWindow


class ExportController(QObject):
    """Exports the window's proposal; keeps the template choice (QSettings) and shows it."""

    templateChanged = Signal(object)  # the new template's Path, or None for the built-in look

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.template: Path | None = window.settings.export_template() if window.remember else None
        self.label = QLabel(window)  # in the status bar: which template an export fills
        self.label.setObjectName("exportTemplate")
        self.retranslate()

    def retranslate(self) -> None:
        actions = self.window.actions_
        if self.template is None:
            actions.template_info.setText(self.tr("Built-in look (no template)"))
            self.label.setText("")
        else:
            actions.template_info.setText(self.tr("Template: %1").replace("%1", self.template.name))
            self.label.setText(self.tr("Export template: %1").replace("%1", self.template.name))
        self.label.setToolTip(str(self.template or ""))
        self.label.setVisible(self.template is not None)
        actions.clear_template.setEnabled(self.template is not None)

    # -- the template setting
    def choose_template(self) -> bool:
        start = str(self.template.parent) if self.template else self.window.file_dir()
        name, _ = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Choose the institution's Word template"),
            start,
            self.tr("Word documents (*.docx)"),
        )
        if not name:
            return False
        self.set_template(Path(name))
        return True

    def set_template(self, path: Path | None) -> None:
        """Use `path` for every export from now on; None goes back to the built-in look."""
        self.template = path
        if self.window.remember:
            self.window.settings.set_export_template(path)
        self.retranslate()
        self.templateChanged.emit(path)

    # -- exporting
    def export(self) -> bool:
        """Ask for a target, export, offer to open the file. True if a file was written."""
        window = self.window
        path = window.document.path
        stem = path.name.removesuffix(SUFFIX) if path else "proposal"
        start = str(Path(window.file_dir()) / f"{stem}.docx")
        name, _ = QFileDialog.getSaveFileName(
            window, self.tr("Export .docx"), start, self.tr("Word documents (*.docx)")
        )
        if not name:
            return False
        target = Path(name) if name.endswith(".docx") else Path(name + ".docx")
        from planner.export.docx import export_docx  # python-docx: only when exporting

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            result = export_docx(
                window.document.proposal,
                window.call,
                target,
                template=self.template,
                base=path.parent if path is not None else None,
            )
        except PlannerError as exc:
            QApplication.restoreOverrideCursor()
            message = str(exc)
            if self.template is not None:
                message += "\n\n" + self.tr(
                    "The export fills the template %1 (File → Export Template)."
                ).replace("%1", str(self.template))
            dialogs.show_error(window, self.tr("Export failed"), message)
            return False
        QApplication.restoreOverrideCursor()
        window.statusBar().showMessage(self.tr("Exported %1").replace("%1", str(target)), 4000)
        if result.problems:  # written, but a picture is a framed placeholder: say which
            wording = ProblemText(window.call, self)
            dialogs.show_error(
                window,
                self.tr("Exported with missing pictures"),
                "\n".join(wording.describe(p) for p in result.problems),
            )
        if dialogs.ask_open_export(window, str(target)):
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))
        return True
