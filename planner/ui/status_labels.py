"""The workflow statuses (`planner.model.proposal.STATUSES`) as the user reads them: one table
for the editor's Status box, the workspace's Status column and its Set status list."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

# Called as translate("Status", "…") with the literal context, so that lupdate sees each one.
translate = QCoreApplication.translate


def status_labels() -> dict[str, str]:
    """Status key (what the file keeps) → its label in the language in use now."""
    return {
        "draft": translate("Status", "Draft"),
        "review": translate("Status", "In review"),
        "ready": translate("Status", "Ready"),
        "submitted": translate("Status", "Submitted"),
    }


def status_label(status: str) -> str:
    """An unknown status (a file from a newer version) is shown as it is written."""
    return status_labels().get(status, status)
