"""The batch window: a research office's view of a workspace (a folder of proposals).

Thin over the core: `planner.office.workspace` loads and changes status, `planner.office.batch`
exports (its progress generator is consumed in a QThread), `planner.office.summary` writes
summary.xlsx/csv, `planner.office.mail_merge` makes one proposal per row of an applicants sheet.
The window never opens the editor itself: it emits `openProposalRequested`.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planner.errors import PlannerError
from planner.model.call import Call
from planner.model.proposal import STATUSES
from planner.office.batch import (
    ExportFunction,
    ExportOutcome,
    default_jobs,
    plan_exports,
)
from planner.office.live import refresh_workspace
from planner.office.summary import write_summaries
from planner.office.workspace import scan_workspace
from planner.ui.i18n import fill, office_language
from planner.ui.screen_fit import resize_within_screen
from planner.ui.status_labels import status_label
from planner.ui.workspace.export_report import ExportReport, open_folder
from planner.ui.workspace.export_run import ExportRun
from planner.ui.workspace.filter_bar import FilterBar
from planner.ui.workspace.folder_watch import FolderWatch
from planner.ui.workspace.merge_action import MergeAction
from planner.ui.workspace.review_actions import ReviewActions
from planner.ui.workspace.workspace_model import (
    WorkspaceFilterModel,
    WorkspaceModel,
)
from planner.ui.workspace.workspace_table import workspace_table


class BatchWindow(QWidget):
    openProposalRequested = Signal(Path)
    topicCountsChanged = Signal(dict)  # topic id → proposals in the workspace, every topic
    exportFinished = Signal(object, bool)  # list of ExportOutcome, cancelled
    # a file open in this app's planner window: its status is set there, under its lock
    statusInPlannerRequested = Signal(Path, str)

    def __init__(
        self,
        call: Call,
        parent: QWidget | None = None,
        *,
        workers: int | None = None,
        export: ExportFunction | None = None,
    ) -> None:
        super().__init__(parent)
        self._call = call
        self.export_run = ExportRun(self, workers or default_jobs(), export)
        self._report: ExportReport | None = None
        self.template: Path | None = None  # the Word template exports fill; None: built-in look
        self._merge = MergeAction(self, call)
        self.folder_watch = FolderWatch(self)
        self.model = WorkspaceModel(self)
        self.proxy = WorkspaceFilterModel(self)
        self.proxy.setSourceModel(self.model)
        self._review = ReviewActions(self, call, self.model)
        self._build()
        self._connect_signals()
        self._update_actions()

    # --- layout -------------------------------------------------------------------------
    def _build(self) -> None:
        self.setWindowTitle(self.tr("Workspace"))
        resize_within_screen(self, 1000, 560)
        self.folder_label = QLabel(self.tr("No workspace open"))
        self.filters = FilterBar(self.proxy, self)
        self.filter_edit = self.filters.text_edit  # the names the tests and habits know
        self.validity_combo = self.filters.validity_combo

        self.table = workspace_table(self.proxy)

        self.status_combo = QComboBox()
        for status in STATUSES:
            self.status_combo.addItem(status_label(status), status)
        self.set_status_button = QPushButton(self.tr("Set status of selected"))
        self.export_summary_button = QPushButton(self.tr("Export summary…"))
        self.export_all_button = QPushButton(self.tr("Export all…"))
        self.export_selected_button = QPushButton(self.tr("Export selected…"))
        self.pack_button = QPushButton(self.tr("Pack for submission…"))
        self.pack_button.setToolTip(
            self.tr("One .zip with every valid proposal as .docx and summary.xlsx/.csv")
        )
        self.note_button = QPushButton(self.tr("Reviewer note…"))
        self.note_button.setToolTip(
            self.tr("A note kept by the workspace, not in the applicant's file; in the summary")
        )
        self.merge_button = QPushButton(self.tr("New proposals from a sheet…"))
        self.merge_button.setToolTip(
            self.tr(
                "One pre-filled proposal per applicant in an .xlsx or .csv sheet "
                "(columns such as 姓名, 单位, 课题, 方向), made in this workspace"
            )
        )
        self.template_label = QLabel()
        self.template_label.setObjectName("exportTemplate")
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.open_folder_button = QPushButton()  # shown after an export: the folder it wrote
        self.open_folder_button.hide()
        self._offered_folder: Path | None = None

        top = QHBoxLayout()
        top.addWidget(self.folder_label, 1)
        top.addWidget(self.merge_button)
        bottom = QHBoxLayout()
        bottom.addWidget(QLabel(self.tr("Status:")))
        bottom.addWidget(self.status_combo)
        bottom.addWidget(self.set_status_button)
        bottom.addWidget(self.note_button)
        bottom.addStretch(1)
        bottom.addWidget(self.template_label)
        bottom.addWidget(self.export_summary_button)
        bottom.addWidget(self.export_selected_button)
        bottom.addWidget(self.export_all_button)
        bottom.addWidget(self.pack_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        report = QHBoxLayout()
        report.addWidget(self.message_label, 1)
        report.addWidget(self.open_folder_button)
        layout.addLayout(report)
        self.set_template(None)

    def _connect_signals(self) -> None:
        self.export_run.finished.connect(self._on_export_finished)
        self.table.doubleClicked.connect(self._on_double_clicked)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        self.set_status_button.clicked.connect(self._on_set_status)
        self.export_all_button.clicked.connect(self._on_export_all)
        self.export_selected_button.clicked.connect(self._on_export_selected)
        self.pack_button.clicked.connect(self._on_pack)
        self.note_button.clicked.connect(self._on_note)
        self.open_folder_button.clicked.connect(
            lambda: open_folder(self._offered_folder) if self._offered_folder else None
        )
        self.export_summary_button.clicked.connect(self._on_export_summary)
        self.merge_button.clicked.connect(self._on_merge)
        self.folder_watch.changed.connect(self.refresh)
        self._review.statusInPlannerRequested.connect(self.statusInPlannerRequested)
        reload = QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self)
        reload.activated.connect(self.refresh)

    # --- workspace ----------------------------------------------------------------------
    def open_workspace(self, root: Path) -> None:
        workspace = scan_workspace(root, self._call)
        self.model.set_workspace(workspace)
        self.setWindowTitle(fill(self.tr("Workspace — {folder}"), folder=workspace.root.name))
        self.folder_watch.watch(workspace.root)
        self._show_workspace()

    def refresh(self) -> bool:
        """Read again what changed in the folder (F5, and every file-system notice): the table
        shows the files as they are on disk. True if anything changed."""
        workspace = self.model.workspace()
        if workspace is None or self.export_run.busy:
            return False  # an export reads its own copies; the next notice refreshes
        if not refresh_workspace(workspace):
            return False
        chosen = {self.model.entry(row).path for row in self.selected_rows()}
        self.model.set_workspace(workspace)
        self._show_workspace()
        for row in range(self.proxy.rowCount()):  # the same files stay selected
            entry = self.model.entry(self.proxy.mapToSource(self.proxy.index(row, 0)).row())
            if entry.path in chosen:
                self.table.selectionModel().select(
                    self.proxy.index(row, 0),
                    QItemSelectionModel.SelectionFlag.Select
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
        return True

    def _show_workspace(self) -> None:
        workspace = self.model.workspace()
        assert workspace is not None
        self.folder_label.setText(
            fill(
                self.tr("{folder}: %n proposals, {invalid} invalid", "", len(workspace.entries)),
                folder=workspace.root.name,
                invalid=len(workspace.invalid),
            )
        )
        self.folder_label.setToolTip(str(workspace.root))
        self.filters.set_workspace(workspace)
        self._update_actions()
        self.topicCountsChanged.emit(self.topic_counts())

    def topic_counts(self) -> dict[str, int]:
        workspace = self.model.workspace()
        return workspace.topic_counts() if workspace else {}

    def selected_rows(self) -> list[int]:
        """Source-model rows of the selection, in table order."""
        rows = self.table.selectionModel().selectedRows()
        return sorted({self.proxy.mapToSource(index).row() for index in rows})

    def _update_actions(self) -> None:
        has_workspace = self.model.rowCount() > 0
        busy = self.export_run.busy
        self.set_status_button.setEnabled(bool(self.selected_rows()) and not busy)
        self.note_button.setEnabled(len(self.selected_rows()) == 1 and not busy)
        self.export_selected_button.setEnabled(bool(self.selected_rows()) and not busy)
        self.pack_button.setEnabled(has_workspace and not busy)
        self.export_all_button.setEnabled(has_workspace and not busy)
        self.export_summary_button.setEnabled(has_workspace and not busy)
        self.merge_button.setEnabled(self.model.workspace() is not None and not busy)

    def _on_double_clicked(self, index: QModelIndex) -> None:
        entry = self.model.entry(self.proxy.mapToSource(index).row())
        self.openProposalRequested.emit(entry.path)

    # --- status and reviewer notes (planner.ui.workspace.review_actions) ---------------
    def set_status_of_selected(self, status: str) -> list[str]:
        """Write `status` into each selected proposal file; return the failures."""
        workspace = self.model.workspace()
        assert workspace is not None
        message, failures = self._review.set_status(
            [(row, self.model.entry(row)) for row in self.selected_rows()], status, workspace.root
        )
        self.message_label.setText("\n".join([message, *failures]))
        return failures

    def _on_set_status(self) -> None:
        self.set_status_of_selected(self.status_combo.currentData())

    def _on_note(self) -> None:
        rows = self.selected_rows()
        if len(rows) == 1 and (problem := self._review.ask_note(self.model.entry(rows[0]))):
            self.message_label.setText(problem)

    def set_note(self, name: str, text: str) -> None:
        workspace = self.model.workspace()
        assert workspace is not None
        problem = self._review.set_note(workspace.root, name, text)
        if problem:
            self.message_label.setText(problem)

    # --- mail-merge -------------------------------------------------------------------
    def _on_merge(self) -> None:
        sheet = self._merge.choose_sheet()
        if sheet is not None:
            self.merge_sheet(sheet)

    def merge_sheet(self, sheet: Path) -> None:
        """One proposal file per good row of `sheet`, in the workspace; never overwrites one."""
        workspace = self.model.workspace()
        if workspace is None:
            return
        lines = self._merge.merge(sheet, workspace.root)
        if lines is not None:
            self.open_workspace(workspace.root)  # the new files appear, checked like the others
            self.message_label.setText("\n".join(lines))

    # --- export -------------------------------------------------------------------------
    def set_template(self, template: Path | None) -> None:
        """The planner's export template (File → Export Template) applies here too."""
        self.template = template
        if template is None:
            self.template_label.setText(self.tr("Exports use the built-in look"))
        else:
            self.template_label.setText(fill(self.tr("Exports fill {name}"), name=template.name))
        self.template_label.setToolTip(
            self.tr("Choose it in the planner window: File → Export Template")
            + (f"\n{template}" if template else "")
        )

    def _on_export_all(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Export all proposals to"))
        if folder:
            self.export_all(Path(folder))

    def _on_export_selected(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Export the selected proposals to"))
        if folder:
            self.export_all(Path(folder), selected=True)

    def _on_pack(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Pack for submission"), "submission.zip", self.tr("Zip files (*.zip)")
        )
        if name:
            self.pack(Path(name) if name.endswith(".zip") else Path(name + ".zip"))

    def pack(self, target: Path) -> None:
        """Export every valid proposal and the summary, then put them in one zip at `target`
        (the exports go to a folder beside it, named after it: the office keeps them too)."""
        self.export_all(target.with_suffix(""), pack=target)

    def export_all(self, outdir: Path, *, selected: bool = False, pack: Path | None = None) -> None:
        """Export every valid proposal (or the selected ones) to `outdir` in the background,
        then write the summary (and, with `pack`, the zip)."""
        workspace = self.model.workspace()
        if workspace is None or self.export_run.busy:
            return
        chosen = {self.model.entry(row).path for row in self.selected_rows()} if selected else None
        self.refresh()  # export what is on disk now, not what the table read an hour ago
        entries = [e for e in workspace.entries if chosen is None or e.path in chosen]
        jobs = plan_exports(entries, outdir)
        self._report = ExportReport(self, outdir, len(entries) - len(jobs), pack)
        if not jobs:
            self.message_label.setText(self.tr("No valid proposal to export."))
            return
        outdir.mkdir(parents=True, exist_ok=True)
        self.export_run.start(
            jobs,
            self._call,
            template=self.template,
            summary=(dataclasses.replace(workspace, entries=entries), outdir),
            language=office_language(),  # the office reads the sheet in the app's language
        )
        self._update_actions()

    def _on_export_finished(
        self,
        outcomes: list[ExportOutcome],
        cancelled: bool,
        summary: tuple[Path, Path] | PlannerError | None,
    ) -> None:
        ok = [o for o in outcomes if o.ok]
        failed = [o for o in outcomes if not o.ok]
        lines = [
            self.tr("Export cancelled: %n proposals exported.", "", len(ok))
            if cancelled
            else self.tr("Exported %n proposals.", "", len(ok))
        ]
        lines += [f"{o.source}: {o.error}" for o in failed]
        if isinstance(summary, PlannerError):
            lines.append(str(summary))
        elif summary is not None:
            lines.append(self._summary_written(*summary))
        report, self._report = self._report, None
        if report is not None and not cancelled:
            lines += report.finish(ok, summary if isinstance(summary, tuple) else None)
        self.message_label.setText("\n".join(lines))
        self._update_actions()
        if report is not None and not cancelled:
            self._offered_folder = report.folder()
            self.open_folder_button.setText(
                fill(self.tr("Open {folder}"), folder=self._offered_folder.name)
            )
            self.open_folder_button.show()
        self.exportFinished.emit(outcomes, cancelled)

    def _on_export_summary(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Write summary.xlsx and .csv to"))
        if folder:
            self.message_label.setText(self._write_summary(Path(folder)))

    def _write_summary(self, outdir: Path) -> str:
        workspace = self.model.workspace()
        assert workspace is not None
        self.refresh()  # the summary says what the files say now
        try:
            xlsx, csv_path = write_summaries(workspace, outdir, language=office_language())
        except PlannerError as exc:
            QMessageBox.warning(self, self.tr("Summary not written"), str(exc))
            return str(exc)
        return self._summary_written(xlsx, csv_path)

    def _summary_written(self, xlsx: Path, csv_path: Path) -> str:
        return fill(self.tr("Summary written: {xlsx} and {csv}"), xlsx=xlsx, csv=csv_path)

    def closeEvent(self, event: QCloseEvent) -> None:  # Qt override: stop a running export first
        self.export_run.stop()
        super().closeEvent(event)
