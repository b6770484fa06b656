"""Every question and error box of the window in one place (tests monkeypatch QMessageBox)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from planner import __version__
from planner.model.call import Call

if TYPE_CHECKING:
    from planner.storage.file_lock import LockInfo

LICENCE = "MIT"

# Called as translate("dialogs", "…") with the literal context: lupdate only collects the strings
# it can see at the call (a helper wrapping translate() would hide them from the .ts).
translate = QCoreApplication.translate


def show_error(parent: QWidget | None, title: str, message: str) -> None:
    QMessageBox.critical(parent, title, message)


def show_call_fallback(parent: QWidget | None, why: str) -> None:
    """At start-up: the call used last time is gone or broken; the built-in one is used."""
    QMessageBox.warning(parent, translate("dialogs", "Call not found"), why)


def ask_save_changes(parent: QWidget | None, name: str) -> QMessageBox.StandardButton:
    """Save, Discard or Cancel for a proposal with unsaved changes."""
    return QMessageBox.question(
        parent,
        translate("dialogs", "Unsaved changes"),
        translate("dialogs", "Save the changes to %1 first?").replace("%1", name),
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Save,
    )


def ask_open_read_only(parent: QWidget | None, path: str, holder: LockInfo) -> bool:
    answer = QMessageBox.question(
        parent,
        translate("dialogs", "Proposal already open"),
        translate(
            "dialogs",
            "%1 is already open in another window or another copy of Proposal Planner "
            "(%2).\n\nOpen it read-only?",
        )
        .replace("%1", path)
        .replace("%2", holder.describe()),
        QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Open,
    )
    return answer == QMessageBox.StandardButton.Open


def ask_change_topic(parent: QWidget | None, old: str, new: str) -> bool:
    answer = QMessageBox.question(
        parent,
        translate("dialogs", "Change topic"),
        translate(
            "dialogs",
            "Your proposal has directions ticked for topic %1. Switching to topic %2 "
            "clears them. Switch?",
        )
        .replace("%1", old)
        .replace("%2", new),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def ask_save_dropping(parent: QWidget | None, parts: list[str], backup: str) -> bool:
    """The file had parts the planner could not read; saving over it leaves them out."""
    answer = QMessageBox.question(
        parent,
        translate("dialogs", "Save without the unreadable parts?"),
        translate(
            "dialogs",
            "When this file was opened, these parts of it could not be read:\n\n%1\n\n"
            "Saving writes the proposal as the planner shows it, without them. The file as it "
            "is now is kept as %2.\n\nSave anyway?",
        )
        .replace("%1", "\n".join(parts))
        .replace("%2", backup),
        QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Save


def ask_restore(parent: QWidget | None, description: str) -> bool:
    answer = QMessageBox.question(
        parent,
        translate("dialogs", "Restore unsaved work?"),
        translate(
            "dialogs",
            "Proposal Planner did not close properly last time. An unsaved copy was kept:\n\n"
            "%1\n\nRestore it?",
        ).replace("%1", description),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    return answer == QMessageBox.StandardButton.Yes


def ask_open_export(parent: QWidget | None, path: str) -> bool:
    answer = QMessageBox.question(
        parent,
        translate("dialogs", "Exported"),
        translate("dialogs", "Saved %1.\n\nOpen it now?").replace("%1", path),
        QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Close,
        QMessageBox.StandardButton.Open,
    )
    return answer == QMessageBox.StandardButton.Open


def show_about(parent: QWidget | None, call: Call, call_source: str) -> None:
    """Help → About: the version, the loaded call and the licence."""
    import html  # lazy: off the start-up path

    esc = html.escape
    text = (
        f"<h3>Proposal Planner {esc(__version__)}</h3>"
        "<p>"
        + esc(translate("dialogs", "Plan a research proposal against a call for proposals."))
        + "</p><p>"
        + esc(translate("dialogs", "Call: %1")).replace("%1", f"<b>{esc(call.title)}</b>")
        + "<br>"
        + esc(translate("dialogs", "Call id: %1")).replace("%1", f"<code>{esc(call.id)}</code>")
        + "<br>"
        + esc(translate("dialogs", "From: %1")).replace("%1", esc(call_source))
        + "</p><p>"
        + esc(translate("dialogs", "Released under the %1 licence.")).replace("%1", LICENCE)
        + "</p>"
    )
    QMessageBox.about(parent, translate("dialogs", "About Proposal Planner"), text)
