"""What Export all (selected, pack) says when it is done: how many were exported, how many
invalid files were skipped, the zip when packing; then the window offers to open the folder
(a button, not a modal question: the office may be busy elsewhere when a long export ends)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget

from planner.errors import PlannerError
from planner.office.batch import ExportOutcome
from planner.office.pack import pack_submission
from planner.ui.i18n import fill


class ExportReport(QObject):
    def __init__(self, parent: QWidget, outdir: Path, skipped: int, pack: Path | None) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.outdir = outdir
        self.skipped = skipped  # invalid (or unreadable) files: not exported
        self.pack = pack
        self.packed: Path | None = None

    def finish(self, ok: list[ExportOutcome], summary: tuple[Path, Path] | None) -> list[str]:
        """The report's lines; writes the zip when packing."""
        lines = []
        if self.skipped:
            lines.append(
                self.tr("%n invalid proposals skipped (fix them to export them).", "", self.skipped)
            )
        if self.pack is not None and summary is not None:
            try:
                self.packed = pack_submission(self.pack, [o.target for o in ok], list(summary))
            except PlannerError as exc:
                lines.append(str(exc))
            else:
                lines.append(fill(self.tr("Packed for submission: {zip}"), zip=self.packed))
        return lines

    def folder(self) -> Path:
        """The folder to offer to open: the zip's when packing, else the exports'."""
        return self.packed.parent if self.packed is not None else self.outdir


def open_folder(folder: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
