"""File → Export .docx… and the institution template it fills (File → Export Template).

python-docx costs ~0.2 s to import, so the exporter is imported only when the user exports.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QWidget

from planner.errors import PlannerError
from planner.formats.proposal_file import SUFFIX
from planner.model.call import Call
from planner.model.document_checks import FIGURE_UNREADABLE
from planner.model.proposal import Proposal
from planner.model.validate import validate_proposal
from planner.ui.dialogs import messages as dialogs
from planner.ui.i18n import fill
from planner.ui.problem_text import ProblemText
from planner.ui.window.settings import WindowSettings


class ExportController(QObject):
    """Exports a proposal; keeps the template choice (QSettings) and shows it.

    Shows the template in `info` (File → Export Template's first line), enables `clear`
    (Use the Built-in Look) and in `label`, made here for the window's status bar."""

    templateChanged = Signal(object)  # the new template's Path, or None for the built-in look
    message = Signal(str)  # for the status bar

    def __init__(
        self,
        parent: QWidget,
        settings: WindowSettings | None,
        info: QAction,
        clear: QAction,
    ) -> None:
        super().__init__(parent)
        self.parent_widget = parent  # dialogs are shown over it
        self.settings = settings  # None: remember nothing (screenshots)
        self.info = info
        self.clear = clear
        self.template: Path | None = settings.export_template() if settings else None
        self.label = QLabel(parent)  # in the status bar: which template an export fills
        self.label.setObjectName("exportTemplate")
        self.retranslate()

    def retranslate(self) -> None:
        if self.template is None:
            self.info.setText(self.tr("Built-in look (no template)"))
            self.label.setText("")
        else:
            name = self.template.name
            self.info.setText(fill(self.tr("Template: {name}"), name=name))
            self.label.setText(fill(self.tr("Export template: {name}"), name=name))
        self.label.setToolTip(str(self.template or ""))
        self.label.setVisible(self.template is not None)
        self.clear.setEnabled(self.template is not None)

    # -- the template setting
    def choose_template(self, start_dir: str) -> bool:
        start = str(self.template.parent) if self.template else start_dir
        name, _ = QFileDialog.getOpenFileName(
            self.parent_widget,
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
        if self.settings is not None:
            self.settings.set_export_template(path)
        self.retranslate()
        self.templateChanged.emit(path)

    # -- exporting
    def _may_export(self, proposal: Proposal, call: Call, source: Path | None) -> bool:
        """A proposal with errors is exported only when the user says so, having read them.
        Unreadable pictures are not asked about: the export says which it left out."""
        base = source.parent if source is not None else None
        wording = ProblemText(call, self)
        errors = [
            wording.describe(p)
            for p in validate_proposal(proposal, call, base)
            if p.is_error and p.code != FIGURE_UNREADABLE
        ]
        return not errors or dialogs.ask_export_with_errors(self.parent_widget, errors)

    def export(self, proposal: Proposal, call: Call, source: Path | None, start_dir: str) -> bool:
        """Ask for a target, export, offer to open the file. True if a file was written.

        `source` is the proposal's file (its name suggests the .docx's), `start_dir` where
        the file dialog opens."""
        if not self._may_export(proposal, call, source):
            return False
        if source is not None:
            stem = source.name.removesuffix(SUFFIX)
        elif proposal.title.strip():  # unsaved: named as Save As would name it
            from planner.office.safe_names import safe_stem

            stem = safe_stem(proposal.title)
        else:
            stem = self.tr("proposal")
        start = str(Path(start_dir) / f"{stem}.docx")
        parent = self.parent_widget
        name, _ = QFileDialog.getSaveFileName(
            parent, self.tr("Export .docx"), start, self.tr("Word documents (*.docx)")
        )
        if not name:
            return False
        target = Path(name) if name.endswith(".docx") else Path(name + ".docx")
        from planner.export.docx import export_docx  # python-docx: only when exporting

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            result = export_docx(
                proposal,
                call,
                target,
                template=self.template,
                base=source.parent if source is not None else None,
            )
        except PlannerError as exc:
            QApplication.restoreOverrideCursor()
            message = str(exc)
            if self.template is not None:
                message += "\n\n" + fill(
                    self.tr("The export fills the template {path} (File → Export Template)."),
                    path=self.template,
                )
            dialogs.show_error(parent, self.tr("Export failed"), message)
            return False
        QApplication.restoreOverrideCursor()
        self.message.emit(fill(self.tr("Exported {path}"), path=target))
        if result.problems:  # written, but a picture is a framed placeholder: say which
            wording = ProblemText(call, self)
            dialogs.show_error(
                parent,
                self.tr("Exported with missing pictures"),
                "\n".join(wording.describe(p) for p in result.problems),
            )
        if dialogs.ask_open_export(parent, str(target)):
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))
        return True
