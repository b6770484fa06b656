"""The report shown after a returned Word file was read into a new proposal (issue 15)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from planner.importer.proposal_docx import ImportResult
from planner.ui.i18n import fill

# Called as translate("import_report", "…") with the literal context: lupdate only collects the
# strings it can see at the call
translate = QCoreApplication.translate


def report_text(result: ImportResult) -> list[str]:
    """The report's lines in the user's language; the reader's own notes (English, with their
    paragraph numbers, as the CLI prints them) go under Show Details."""
    sections = len(result.proposal.sections)
    lines = [
        fill(
            translate(
                "import_report",
                "Sections read: {count} ({controls} by their content control, "
                "{headings} by heading).",
            ),
            count=sections,
            controls=result.by_control,
            headings=sections - result.by_control,
        )
    ]
    if result.tracked_changes:
        lines.append(
            fill(
                translate("import_report", "Tracked changes read as if accepted: {count}."),
                count=result.tracked_changes,
            )
        )
    if result.comments:
        lines.append(
            fill(
                translate("import_report", "Comments in the document, not imported: {count}."),
                count=result.comments,
            )
        )
    if result.figures:
        lines.append(
            fill(
                translate("import_report", "Figures saved beside the Word file: {count}."),
                count=len(result.figures),
            )
        )
    if result.unplaced:
        lines.append(
            fill(
                translate(
                    "import_report", "Parts that could not be placed: {count} (see the details)."
                ),
                count=len(result.unplaced),
            )
        )
    else:
        lines.append(translate("import_report", "Everything in the document was placed."))
    return lines


def show_import_report(parent: QWidget | None, source: str, result: ImportResult) -> None:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning if result.unplaced else QMessageBox.Icon.Information)
    box.setWindowTitle(translate("import_report", "Imported from Word"))
    box.setText(
        fill(
            translate("import_report", "{file} was read into a new proposal, not saved yet."),
            file=source,
        )
    )
    box.setInformativeText("\n".join(report_text(result)))
    details = result.report_lines()
    if details:
        box.setDetailedText("\n".join(details))
    box.exec()
