"""The report shown after a returned Word file was read into a new proposal (issue 15)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from planner.importer.proposal_docx import ImportResult

translate = QCoreApplication.translate


def report_text(result: ImportResult) -> list[str]:
    """The report's lines in the user's language; the reader's own notes (English, with their
    paragraph numbers, as the CLI prints them) go under Show Details."""
    sections = len(result.proposal.sections)
    lines = [
        translate(
            "import_report", "Sections read: %1 (%2 by their content control, %3 by heading)."
        )
        .replace("%1", str(sections))
        .replace("%2", str(result.by_control))
        .replace("%3", str(sections - result.by_control))
    ]
    if result.tracked_changes:
        lines.append(
            translate("import_report", "Tracked changes read as if accepted: %1.").replace(
                "%1", str(result.tracked_changes)
            )
        )
    if result.comments:
        lines.append(
            translate("import_report", "Comments in the document, not imported: %1.").replace(
                "%1", str(result.comments)
            )
        )
    if result.figures:
        lines.append(
            translate("import_report", "Figures saved beside the Word file: %1.").replace(
                "%1", str(len(result.figures))
            )
        )
    if result.unplaced:
        lines.append(
            translate(
                "import_report", "Parts that could not be placed: %1 (see the details)."
            ).replace("%1", str(len(result.unplaced)))
        )
    else:
        lines.append(translate("import_report", "Everything in the document was placed."))
    return lines


def show_import_report(parent: QWidget | None, source: str, result: ImportResult) -> None:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning if result.unplaced else QMessageBox.Icon.Information)
    box.setWindowTitle(translate("import_report", "Imported from Word"))
    box.setText(
        translate("import_report", "%1 was read into a new proposal, not saved yet.").replace(
            "%1", source
        )
    )
    box.setInformativeText("\n".join(report_text(result)))
    details = result.report_lines()
    if details:
        box.setDetailedText("\n".join(details))
    box.exec()
