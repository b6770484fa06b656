"""The workflow statuses (`planner.model.proposal.STATUSES`) as the user reads them: one table
for the editor's Status box, the workspace's Status column and its Set status list, and the
summary sheet (planner.model.wording.status_labels), in the language in use now."""

from __future__ import annotations

from planner.model.wording import status_labels as core_status_labels
from planner.ui.i18n import office_language


def status_labels() -> dict[str, str]:
    """Status key (what the file keeps) → its label in the language in use now."""
    return core_status_labels(office_language())


def status_label(status: str) -> str:
    """An unknown status (a file from a newer version) is shown as it is written."""
    return status_labels().get(status, status)
