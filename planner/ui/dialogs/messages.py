"""Every question and error box of the window in one place (tests monkeypatch QMessageBox)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from planner import __version__
from planner.model.call import Call
from planner.ui.i18n import fill

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
        fill(translate("dialogs", "Save the changes to {name} first?"), name=name),
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Save,
    )


def ask_open_read_only(parent: QWidget | None, path: str, holder: LockInfo) -> bool:
    answer = QMessageBox.question(
        parent,
        translate("dialogs", "Proposal already open"),
        fill(
            translate(
                "dialogs",
                "{path} is already open in another window or another copy of Proposal Planner "
                "({holder}).\n\nOpen it read-only?",
            ),
            path=path,
            holder=holder.describe(),
        ),
        QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Open,
    )
    return answer == QMessageBox.StandardButton.Open


def ask_change_topic(parent: QWidget | None, old: str, new: str) -> bool:
    answer = QMessageBox.question(
        parent,
        translate("dialogs", "Change topic"),
        fill(
            translate(
                "dialogs",
                "Your proposal has directions ticked for topic {old}. Switching to topic {new} "
                "clears them. Switch?",
            ),
            old=old,
            new=new,
        ),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def ask_save_dropping(parent: QWidget | None, parts: list[str], backup: str) -> bool:
    """The file had parts the planner could not read; saving over it leaves them out."""
    answer = QMessageBox.question(
        parent,
        translate("dialogs", "Save without the unreadable parts?"),
        fill(
            translate(
                "dialogs",
                "When this file was opened, these parts of it could not be read:\n\n{parts}\n\n"
                "Saving writes the proposal as the planner shows it, without them. The file as "
                "it is now is kept as {backup}.\n\nSave anyway?",
            ),
            parts="\n".join(parts),
            backup=backup,
        ),
        QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Save


def ask_restore(parent: QWidget | None, description: str) -> bool:
    answer = QMessageBox.question(
        parent,
        translate("dialogs", "Restore unsaved work?"),
        fill(
            translate(
                "dialogs",
                "Proposal Planner did not close properly last time. An unsaved copy was kept:"
                "\n\n{copy}\n\nRestore it?",
            ),
            copy=description,
        ),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    return answer == QMessageBox.StandardButton.Yes


def ask_export_with_errors(parent: QWidget | None, errors: list[str]) -> bool:
    """The proposal has errors: the document would be exported as it is, errors and all."""
    shown = errors[:10] + ([f"… (+{len(errors) - 10})"] if len(errors) > 10 else [])
    answer = QMessageBox.question(
        parent,
        translate("dialogs", "Export with errors?"),
        fill(
            translate(
                "dialogs",
                "This proposal has errors:\n\n{errors}\n\nThe document would show them as they "
                "are. Export anyway?",
            ),
            errors="\n".join(shown),
        ),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def ask_open_export(parent: QWidget | None, path: str) -> bool:
    answer = QMessageBox.question(
        parent,
        translate("dialogs", "Exported"),
        fill(translate("dialogs", "Saved {path}.\n\nOpen it now?"), path=path),
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
        # escaped first, then filled: the values are HTML already (escaped or marked up)
        + fill(esc(translate("dialogs", "Call: {title}")), title=f"<b>{esc(call.title)}</b>")
        + "<br>"
        + fill(esc(translate("dialogs", "Call id: {id}")), id=f"<code>{esc(call.id)}</code>")
        + "<br>"
        + fill(esc(translate("dialogs", "From: {source}")), source=esc(call_source))
        + "</p><p>"
        + fill(esc(translate("dialogs", "Released under the {licence} licence.")), licence=LICENCE)
        + "</p>"
    )
    QMessageBox.about(parent, translate("dialogs", "About Proposal Planner"), text)
