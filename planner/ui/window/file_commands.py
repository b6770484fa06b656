"""File → New, Open, Open Recent, Save, Save As, and the restore offer after a crash.

Every question to the user about the open proposal's file is asked here; `ProposalDocument`
then does it (it holds no widgets). The window connects the menu actions to these methods.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Signal
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from planner.errors import PlannerError
from planner.formats.proposal_file import SUFFIX
from planner.storage.atomic_write import backup_path
from planner.ui.dialogs import messages as dialogs
from planner.ui.i18n import fill
from planner.ui.window.document import ProposalDocument
from planner.ui.window.open_word import import_word_file, is_word_file
from planner.ui.window.settings import WindowSettings


class FileCommands(QObject):
    message = Signal(str)  # for the status bar

    def __init__(
        self,
        parent: QWidget,
        document: ProposalDocument,
        settings: WindowSettings,
        *,
        remember: bool,
        before_open: Callable[[Path], object],
    ) -> None:
        super().__init__(parent)
        self.parent_widget = parent  # dialogs are shown over it
        self.document = document
        self.settings = settings
        self.remember = remember  # False: leave the recent files alone (screenshots)
        self.before_open = before_open  # a proposal for another call? offer to switch first

    def maybe_save(self) -> bool:
        """True if the current proposal may be closed (saved, discarded or unchanged)."""
        if not self.document.modified:
            return True
        name = self.document.display_name() or self.tr("the untitled proposal")
        answer = dialogs.ask_save_changes(self.parent_widget, name)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def new_proposal(self) -> None:
        if self.maybe_save():
            self.document.new()

    def open_proposal(self, path: Path | str | None = None) -> bool:
        if not self.maybe_save():
            return False
        parent = self.parent_widget
        if path is None:
            name, _ = QFileDialog.getOpenFileName(
                parent, self.tr("Open proposal"), self.file_dir(), self._open_filter()
            )
            if not name:
                return False
            path = name
        from planner.storage.file_lock import LockedError  # lazy: only opening a file needs it

        path = Path(path)
        if is_word_file(path):  # a returned Word file: a new, unsaved proposal (issue 15)
            return import_word_file(parent, self.document, self.document.call, path)
        self.before_open(path)
        try:
            self.document.open(path)
        except LockedError as exc:
            if not dialogs.ask_open_read_only(parent, str(path), exc.holder):
                return False
            try:
                self.document.open(path, read_only=True)
            except PlannerError as again:
                dialogs.show_error(parent, self.tr("Cannot open proposal"), str(again))
                return False
        except PlannerError as exc:
            dialogs.show_error(parent, self.tr("Cannot open proposal"), str(exc))
            return False
        self._remember_file(path)
        self.message.emit(fill(self.tr("Opened {path}"), path=path))
        return True

    def save(self) -> bool:
        if self.document.path is None or self.document.read_only:
            return self.save_as()
        return self._save_to(None)

    def save_as(self) -> bool:
        start = str(
            self.document.path
            or self.document.suggested_path  # an imported Word file: beside its figures
            or Path(self.file_dir()) / f"{self.suggested_stem()}{SUFFIX}"
        )
        name, _ = QFileDialog.getSaveFileName(
            self.parent_widget, self.tr("Save proposal as"), start, self._file_filter()
        )
        if not name:
            return False
        path = Path(name)
        if not path.name.endswith(SUFFIX):
            path = path.with_name(path.name.removesuffix(".yaml") + SUFFIX)
        return self._save_to(path)

    def _save_to(self, path: Path | None) -> bool:
        doc = self.document
        over_itself = path is None or path == doc.path
        if over_itself and doc.load_problems and doc.path is not None:
            # what could not be read was left out of the proposal: saving over the file drops it
            parts = [f"line {p.line}: {p.field}" if p.line else p.field for p in doc.load_problems]
            if not dialogs.ask_save_dropping(self.parent_widget, parts, str(backup_path(doc.path))):
                return False
        try:
            doc.save(path)
        except PlannerError as exc:
            dialogs.show_error(self.parent_widget, self.tr("Cannot save proposal"), str(exc))
            return False
        if doc.path is not None:
            self._remember_file(doc.path)
            self.message.emit(fill(self.tr("Saved {path}"), path=doc.path))
        return True

    def offer_recovery(self) -> bool:
        """After a crash: offer the newest orphaned copy. True if one was restored."""
        # the newest copy that reads back: an unreadable one must not hide older ones
        for entry in self.document.recovery.orphaned():
            try:
                proposal = entry.load()
            except PlannerError:
                continue
            break
        else:
            return False
        where = str(entry.source) if entry.source else self.tr("an untitled proposal")
        title = proposal.title or self.tr("(no title)")
        if not dialogs.ask_restore(self.parent_widget, f"{title}\n{where}"):
            self.document.recovery.discard(entry)
            return False
        self.document.restore(entry)
        return True

    def reopen_last(self) -> bool:
        """At start: open the proposal worked on last time, if it is still there. Quietly:
        a file gone, broken or open in another window leaves the blank proposal (and a word
        in the status bar). Only a proposal for another call than the one restored asks, as
        opening it would (the calls are restored together, so that is rare)."""
        from planner.storage.file_lock import LockedError

        recent = self.settings.recent_files()
        if not recent or not self.document.is_blank:
            return False
        path = recent[0]
        self.before_open(path)
        try:
            self.document.open(path)
        except LockedError:
            self.message.emit(fill(self.tr("{path} is open in another window"), path=path))
            return False
        except PlannerError as exc:
            self.message.emit(str(exc))
            return False
        self._remember_file(path)
        self.message.emit(fill(self.tr("Reopened {path}"), path=path))
        return True

    # -- File → Open Recent, and where file dialogs start
    def fill_recent_menu(self, menu: QMenu) -> None:
        menu.clear()
        titles = self.settings.recent_titles()
        for path in self.settings.recent_files():
            title = titles.get(str(path), "") or path.name
            label = fill(self.tr("{title} — {folder}"), title=title, folder=_folder(path.parent))
            action = menu.addAction(label.replace("&", "&&"), partial(self.open_proposal, path))
            action.setToolTip(str(path))
            action.setStatusTip(str(path))
        menu.setToolTipsVisible(True)
        menu.setEnabled(bool(menu.actions()))

    def file_dir(self) -> str:
        """Where file dialogs start: the open proposal's folder, else the last one used, else
        the documents folder (never the folder the app happened to start in)."""
        if self.document.path is not None:
            return str(self.document.path.parent)
        recent = self.settings.recent_files()
        if recent:
            return str(recent[0].parent)
        for where in (
            QStandardPaths.StandardLocation.DocumentsLocation,
            QStandardPaths.StandardLocation.HomeLocation,
        ):
            folder = QStandardPaths.writableLocation(where)
            if folder and Path(folder).is_dir():
                return folder
        return str(Path.home())

    def suggested_stem(self) -> str:
        """A new file's name: the proposal's title, made safe for every file system."""
        title = self.document.proposal.title.strip()
        if not title:
            return self.tr("proposal")
        from planner.office.safe_names import safe_stem

        return safe_stem(title)

    def _remember_file(self, path: Path) -> None:
        if self.remember:
            self.settings.add_recent_file(path, self.document.proposal.title)

    def _file_filter(self) -> str:
        return fill(self.tr("Proposals (*{suffix});;All files (*)"), suffix=SUFFIX)

    def _open_filter(self) -> str:
        return fill(self.tr("Proposals (*{suffix} *.docx);;All files (*)"), suffix=SUFFIX)


def _folder(folder: Path) -> str:
    """A folder as a menu shows it: under the home folder as ~/…"""
    try:
        return str(Path("~") / folder.relative_to(Path.home()))
    except ValueError:
        return str(folder)
