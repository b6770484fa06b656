"""Which call the window plans against: another call file, a recent one, the built-in one,
the one used last time (at start-up), and what to do with a proposal written for another call.

The window owns the panes (`MainWindow.set_call` shows a call in every one); this class owns
the decisions around it: which file, whether to switch, what to remember.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from planner.errors import CallFileError, PlannerError
from planner.formats.call_file import load_call
from planner.formats.proposal_file import load_proposal
from planner.model.call import Call
from planner.resources import builtin_call_path
from planner.ui.window.recent_calls import recent_calls

if TYPE_CHECKING:
    from planner.ui.window.main_window import MainWindow
    from planner.ui.window.settings import WindowSettings


def read_call(path: Path | None) -> Call:
    """The call in `path` (None: the built-in one) without asking anything: a topic list the
    user imported before is imported again as it was accepted then. Raises PlannerError."""
    if path is None:
        return load_call(builtin_call_path())
    if path.suffix.lower() in (".yaml", ".yml"):
        return load_call(path)  # the common case, without loading the importer
    from planner.importer.call_import import (  # lazy: off the start path
        IMPORT_SUFFIXES,
        import_call_file,
    )

    if path.suffix.lower() in IMPORT_SUFFIXES:
        call, _report = import_call_file(path)
        if not call.areas:
            raise CallFileError(str(path), "no numbered area or topic headings were found")
        return call
    return load_call(path)


def initial_call(settings: WindowSettings) -> tuple[Call, Path | None, str]:
    """The call to start with: the last one used, else the built-in one and why (for a message).

    Returns (call, its file or None for the built-in call, "" or the reason for falling back)."""
    last = settings.last_call()
    if last is not None:
        try:
            return read_call(last), last, ""
        except PlannerError as exc:
            settings.set_last_call(None)
            why = QCoreApplication.translate(
                "CallSwitcher",
                "The call used last time cannot be opened:\n%1\n\nThe built-in call is used "
                "instead; open the other call again with File → Open Call….",
            ).replace("%1", str(exc))
            return read_call(None), None, why
    return read_call(None), None, ""


class CallSwitcher(QObject):
    """File → Open Call…, File → Recent Calls, and the call check before opening a proposal."""

    def __init__(self, window: MainWindow, path: Path | None) -> None:
        super().__init__(window)
        self.window = window
        self.path = path  # the loaded call's file; None for the built-in call

    @property
    def settings(self) -> WindowSettings:
        return self.window.settings

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
        recent = recent_calls(self.settings.qsettings)
        if recent:
            menu.addSeparator()
        for path in recent:
            action = menu.addAction(path.name, lambda p=path: self.open_path(p))
            action.setToolTip(str(path))
            action.setStatusTip(str(path))
            action.setCheckable(True)
            action.setChecked(self.path is not None and path == self.path.resolve())
        menu.setToolTipsVisible(True)

    def choose(self, *, ask_save: bool = True) -> bool:
        """File → Open Call…: pick a call file or a topic list; True if the window switched."""
        from planner.ui.window.open_call import (  # lazy: the importer
            call_file_filter,
            open_call_file,
        )

        start = str(self.path.parent) if self.path is not None else ""
        name, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Open call"), start, call_file_filter()
        )
        if not name:
            return False
        call = open_call_file(self.window, Path(name), self.settings.qsettings)
        if call is None or (ask_save and not self.window.maybe_save()):
            return False
        self.switch(call, Path(name))
        return True

    def open_path(self, path: Path | None) -> bool:
        """A call file (from Recent Calls, or dropped on the window), or the built-in call
        (None)."""
        from planner.ui.window.open_call import open_call_file  # lazy: the importer

        if path is None:
            try:
                call = read_call(None)
            except PlannerError as exc:  # a broken installation; say so rather than crash
                QMessageBox.warning(self.window, self.tr("Cannot open the call"), str(exc))
                return False
        else:
            call = open_call_file(self.window, path, self.settings.qsettings)
        if call is None or not self.window.maybe_save():
            return False
        self.switch(call, path)
        return True

    def switch(self, call: Call, path: Path | None) -> None:
        """Show `call` everywhere (a new proposal starts) and remember it for the next start."""
        self.path = Path(path).resolve() if path is not None else None
        self.window.set_call(call)
        if self.window.remember:
            self.settings.set_last_call(self.path)
        self.window.statusBar().showMessage(
            self.tr("Call loaded: %1 (%2 topics)")
            .replace("%1", call.title)
            .replace("%2", str(call.topic_count)),
            5000,
        )

    # -- a proposal written for another call
    def offer_call_for(self, proposal_path: Path) -> None:
        """Before `proposal_path` opens: if it targets another call, say so and offer to switch.

        Declining opens it with the loaded call; the mismatch then shows in the problems list."""
        try:
            proposal, _problems = load_proposal(proposal_path)
        except PlannerError:
            return  # opening it reports the fault and changes nothing
        wanted, loaded = proposal.call, self.window.call
        if not wanted or wanted == loaded.id:
            return
        found = self.find_call(wanted)
        intro = (
            self.tr(
                "%1 was written for the call “%2”, but the loaded call is “%3” (%4).",
            )
            .replace("%1", proposal_path.name)
            .replace("%2", wanted)
            .replace("%3", loaded.id)
            .replace("%4", loaded.title)
        )
        if found is not None:
            call, path = found
            where = path.name if path is not None else self.tr("built-in call")
            question = (
                self.tr("Switch to the call “%1” (%2)?")
                .replace("%1", call.title)
                .replace("%2", where)
            )
        else:
            question = self.tr(
                "No call with the id “%1” was opened before. Open its call file now?"
            ).replace("%1", wanted)
        answer = QMessageBox.question(
            self.window,
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
        candidates: list[Path | None] = [None, *recent_calls(self.settings.qsettings)]
        for path in candidates:
            try:
                call = read_call(path)
            except PlannerError:
                continue
            if call.id == call_id:
                return call, path
        return None
