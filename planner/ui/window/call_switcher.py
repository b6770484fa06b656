"""Which call the window plans against: another call file, a recent one, the built-in one,
the one used last time (at start-up), and what to do with a proposal written for another call.

The window owns the panes (`MainWindow.set_call` shows a call in every one); this class owns
the decisions around it: which file, whether to switch, what to remember.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from planner.errors import PlannerError
from planner.formats.proposal_file import load_proposal
from planner.importer.any_call import load_any_call
from planner.model.call import Call
from planner.ui.i18n import fill
from planner.ui.window.settings import WindowSettings


def initial_call(settings: WindowSettings) -> tuple[Call, Path | None, str]:
    """The call to start with: the last one used, else the built-in one and why (for a message).

    Returns (call, its file or None for the built-in call, "" or the reason for falling back).
    A topic list the user imported before is imported again as it was accepted then."""
    last = settings.last_call()
    if last is not None:
        try:
            return load_any_call(last).call, last, ""
        except PlannerError as exc:
            settings.set_last_call(None)
            why = fill(
                QCoreApplication.translate(
                    "CallSwitcher",
                    "The call used last time cannot be opened:\n{error}\n\nThe built-in call is "
                    "used instead; open the other call again with File → Open Call….",
                ),
                error=exc,
            )
            return load_any_call(None).call, None, why
    return load_any_call(None).call, None, ""


class CallSwitcher(QObject):
    """File → Open Call…, File → Recent Calls, and the call check before opening a proposal.

    Decides which call and whether to switch; the window shows it (`callChanged`)."""

    callChanged = Signal(object)  # the Call to show in every pane; a new proposal starts
    message = Signal(str)  # for the status bar

    def __init__(
        self,
        parent: QWidget,
        path: Path | None,
        settings: WindowSettings,
        *,
        remember: bool,
        current_call: Callable[[], Call],
        may_discard: Callable[[], bool],
    ) -> None:
        super().__init__(parent)
        self.parent_widget = parent  # dialogs are shown over it
        self.current_call = current_call  # the call the window shows now
        self.path = path  # the loaded call's file; None for the built-in call
        self.settings = settings
        self.remember = remember
        self.may_discard = may_discard  # asks about unsaved changes: True to go on

    def describe(self) -> str:
        """Where the loaded call comes from, as Help → About says it."""
        return str(self.path) if self.path is not None else self.tr("built-in call")

    # -- menu commands
    def fill_menu(self, menu: QMenu) -> None:
        """Recent Calls: the built-in call first, then the call files used, newest first."""
        menu.clear()
        builtin = menu.addAction(self.tr("Built-in Call"), lambda: self.open_path(None))
        builtin.setCheckable(True)
        builtin.setChecked(self.path is None)
        recent = self.settings.recent_calls()
        if recent:
            menu.addSeparator()
        for path in recent:
            action = menu.addAction(path.name, partial(self.open_path, path))
            action.setToolTip(str(path))
            action.setStatusTip(str(path))
            action.setCheckable(True)
            action.setChecked(self.path is not None and path == self.path.resolve())
        menu.setToolTipsVisible(True)

    def choose(self, *, ask_save: bool = True) -> bool:
        """File → Open Call…: pick a call file or a topic list; True if the window switched."""
        from planner.ui.window.open_call import ask_call_source, call_file_filter  # lazy

        start = str(self.path.parent) if self.path is not None else ""
        name, _ = QFileDialog.getOpenFileName(
            self.parent_widget, self.tr("Open call"), start, call_file_filter()
        )
        if not name:
            return False
        asked = ask_call_source(self.parent_widget, Path(name))
        if asked is None or (ask_save and not self.may_discard()):
            return False
        self.switch(*asked)
        return True

    def open_path(self, path: Path | None) -> bool:
        """A call file (from Recent Calls, or dropped on the window), or the built-in call
        (None)."""
        from planner.ui.window.open_call import ask_call_source  # lazy: the importer

        asked = ask_call_source(self.parent_widget, path)
        if asked is None or not self.may_discard():
            return False
        self.switch(*asked)
        return True

    def switch(self, call: Call, path: Path | None) -> None:
        """Show `call` everywhere (a new proposal starts) and remember it for the next start."""
        self.path = Path(path).resolve() if path is not None else None
        if self.remember:
            self.settings.set_last_call(self.path)
            if self.path is not None:
                self.settings.add_recent_call(self.path)
        self.callChanged.emit(call)
        self.message.emit(
            fill(
                self.tr("Call loaded: {title} ({count} topics)"),
                title=call.title,
                count=call.topic_count,
            )
        )

    # -- a proposal written for another call
    def offer_call_for(self, proposal_path: Path) -> None:
        """Before `proposal_path` opens: if it targets another call, say so and offer to switch.

        Declining opens it with the loaded call; the mismatch then shows in the problems list."""
        try:
            proposal, _problems = load_proposal(proposal_path)
        except PlannerError:
            return  # opening it reports the fault and changes nothing
        wanted, loaded = proposal.call, self.current_call()
        if not wanted or wanted == loaded.id:
            return
        found = self.find_call(wanted)
        intro = fill(
            self.tr(
                "{file} was written for the call “{wanted}”, but the loaded call is “{id}” "
                "({title})."
            ),
            file=proposal_path.name,
            wanted=wanted,
            id=loaded.id,
            title=loaded.title,
        )
        if found is not None:
            call, path = found
            where = path.name if path is not None else self.tr("built-in call")
            question = fill(
                self.tr("Switch to the call “{title}” ({file})?"), title=call.title, file=where
            )
        else:
            question = fill(
                self.tr("No call with the id “{id}” was opened before. Open its call file now?"),
                id=wanted,
            )
        answer = QMessageBox.question(
            self.parent_widget,
            self.tr("Proposal for another call"),
            f"{intro}\n\n{question}\n\n"
            + self.tr("If you do not switch, the proposal opens with the loaded call."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        if found is not None:
            self.switch(*found)
        else:
            self.choose(ask_save=False)  # the window asked about unsaved changes already

    def find_call(self, call_id: str) -> tuple[Call, Path | None] | None:
        """A call with `call_id` among the built-in and the recent calls, read to learn its id."""
        candidates: list[Path | None] = [None, *self.settings.recent_calls()]
        for path in candidates:
            try:
                call = load_any_call(path).call
            except PlannerError:
                continue
            if call.id == call_id:
                return call, path
        return None
