"""The planner window: topic tree | topic detail | proposal editor, a problems list below.

The panes never call each other; this class wires their signals in `_connect_signals()`
and owns every decision that needs the user (unsaved changes, topic change, locks).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QStandardPaths, Qt
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QWidget,
)

from planner.errors import PlannerError
from planner.formats.proposal_file import SUFFIX
from planner.model.call import Call
from planner.model.validate import validate_proposal
from planner.storage.atomic_write import backup_path
from planner.ui import i18n
from planner.ui.dialogs import messages as dialogs
from planner.ui.panes.detail_pane import DetailPane
from planner.ui.panes.problems_pane import ProblemsPane
from planner.ui.panes.proposal_editor import ProposalEditor
from planner.ui.panes.topic_tree import TopicTreePane
from planner.ui.window.actions import WindowActions
from planner.ui.window.call_switcher import CallSwitcher
from planner.ui.window.document import ProposalDocument
from planner.ui.window.export_action import ExportController
from planner.ui.window.pages_action import PagesController
from planner.ui.window.settings import WindowSettings
from planner.ui.window.workspace_action import WorkspaceController

if TYPE_CHECKING:  # only annotations: Qt hands these over, no need to build their types at start
    from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent

    from planner.storage.recovery import RecoveryStore


class MainWindow(QMainWindow):
    def __init__(
        self,
        call: Call,
        *,
        call_path: Path | None = None,
        recovery: RecoveryStore | None = None,
        remember: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.call = call
        self.remember = remember  # False for screenshots: leave the user's settings alone
        self.settings = WindowSettings()
        self.document = ProposalDocument(call, recovery, self)
        self.tree = TopicTreePane(call, self)
        self.detail = DetailPane(call, self)
        self.editor = ProposalEditor(call, self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.setChildrenCollapsible(False)
        for pane in (self.tree, self.detail, self.editor):
            self.splitter.addWidget(pane)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 4)
        self.splitter.setSizes([320, 480, 600])
        self.splitter.setContentsMargins(6, 6, 6, 0)
        self.setCentralWidget(self.splitter)
        self.problems = ProblemsPane(call, self)
        self.problems_dock = QDockWidget(self)
        self.problems_dock.setObjectName("problemsDock")
        self.problems_dock.setWidget(self.problems)
        self.problems_dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetMovable
        )
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.problems_dock)
        self.resizeDocks([self.problems_dock], [140], Qt.Orientation.Vertical)
        self.actions_ = WindowActions(self)
        self.calls = CallSwitcher(self, call_path)
        self.exporter = ExportController(self)
        self.workspace = WorkspaceController(self)
        self.pages = PagesController(self)  # page preview, PDF, print (issue 14)
        self.state_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.exporter.label)
        self.statusBar().addPermanentWidget(self.state_label)
        self._connect_signals()
        # no _retranslate() here: each pane set its texts when built, and _on_replaced below
        # validates and titles the window (doing both twice cost ~10 ms of start-up)
        self.resize(1400, 860)
        self.setAcceptDrops(True)  # a proposal, a call or a folder of proposals (dropEvent)
        if remember:
            self._restore_settings()
        self._on_replaced()

    # -- wiring
    def _connect_signals(self) -> None:
        a = self.actions_
        a.new.triggered.connect(self.new_proposal)
        a.open.triggered.connect(lambda: self.open_proposal())
        a.save.triggered.connect(self.save)
        a.save_as.triggered.connect(self.save_as)
        a.export_docx.triggered.connect(self.exporter.export)
        a.choose_template.triggered.connect(self.exporter.choose_template)
        a.clear_template.triggered.connect(lambda: self.exporter.set_template(None))
        a.open_call.triggered.connect(lambda: self.calls.choose())
        a.open_workspace.triggered.connect(lambda: self.workspace.choose())
        a.quit.triggered.connect(self.close)
        a.undo.triggered.connect(lambda: self._edit_command("undo"))
        a.redo.triggered.connect(lambda: self._edit_command("redo"))
        a.cut.triggered.connect(lambda: self._edit_command("cut"))
        a.copy.triggered.connect(lambda: self._edit_command("copy"))
        a.paste.triggered.connect(lambda: self._edit_command("paste"))
        a.select_all.triggered.connect(lambda: self._edit_command("selectAll"))
        a.find.triggered.connect(self.tree.focus_search)
        a.match.triggered.connect(self.open_match_dialog)
        a.show_problems.triggered.connect(self._show_problems)
        a.about.triggered.connect(self._about)
        a.languages.triggered.connect(lambda action: self.set_language(str(action.data())))
        a.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        a.calls_menu.aboutToShow.connect(lambda: self.calls.fill_menu(a.calls_menu))

        self.tree.topicSelected.connect(self._on_topic_selected)
        self.tree.useTopicRequested.connect(self.choose_topic)
        self.tree.searchChanged.connect(self.detail.set_query)
        self.detail.useTopicRequested.connect(self.choose_topic)
        self.detail.directionToggled.connect(self.toggle_direction)
        self.detail.ownDirectionAddRequested.connect(self.add_own_direction)
        self.editor.edited.connect(self._on_edited)
        self.editor.directionToggled.connect(self.toggle_direction)
        self.editor.ownDirectionsEdited.connect(self._on_own_directions)
        self.problems.problemActivated.connect(self._on_problem_activated)
        self.document.replaced.connect(self._on_replaced)
        self.document.stateChanged.connect(self._update_title)
        # pages: laid out again when the proposal changes; the count feeds the page limit
        for changed in (self.editor.edited, self.editor.directionToggled,
                        self.editor.ownDirectionsEdited, self.detail.directionToggled,
                        self.document.replaced):  # fmt: skip
            changed.connect(self.pages.schedule)
        self.pages.pageCountChanged.connect(lambda _count: self._refresh_problems())

    # -- topic and directions (asked here, applied through the document)
    def choose_topic(self, topic_id: str) -> bool:
        p = self.document.proposal
        if topic_id == p.topic or self.document.read_only:
            return topic_id == p.topic
        if p.directions and p.topic and not dialogs.ask_change_topic(self, p.topic, topic_id):
            return False
        self.document.set_topic(topic_id)
        self._refresh_proposal_views()
        self.statusBar().showMessage(self.tr("Topic %1 chosen").replace("%1", topic_id), 4000)
        return True

    def toggle_direction(self, topic_id: str, number: int, on: bool) -> None:
        if self.document.read_only or (on and not self.choose_topic(topic_id)):
            self._refresh_proposal_views()  # undo the tick the user just made
            return
        if topic_id == self.document.proposal.topic:
            self.document.set_direction(number, on)
        self._refresh_proposal_views()

    def add_own_direction(self, topic_id: str, text: str) -> None:
        if self.document.read_only or not self.choose_topic(topic_id):
            return
        self.document.add_own_direction(text)
        self._refresh_proposal_views()

    def _on_own_directions(self, texts: list) -> None:
        self.document.set_own_directions([str(t) for t in texts])
        self._refresh_proposal_views()

    def _on_topic_selected(self, topic_id: str) -> None:
        self.detail.show_topic(self.call.topic(topic_id) if topic_id else None)

    def _on_edited(self) -> None:
        self.document.mark_modified()
        self._refresh_problems()

    def _refresh_proposal_views(self) -> None:
        p = self.document.proposal
        self.tree.set_marked_topic(p.topic)
        self.detail.set_proposal_state(p.topic, p.directions, p.own_directions)
        self.editor.refresh_directions()
        self._refresh_problems()

    def _refresh_problems(self) -> None:
        path = self.document.path
        problems = self.document.load_problems + validate_proposal(
            self.document.proposal,
            self.call,
            path.parent if path is not None else None,
            pages=self.pages.page_count,
        )
        self.problems.set_problems(problems)
        errors = sum(p.is_error for p in problems)
        self.problems_dock.setWindowTitle(
            self.tr("Problems (%1 errors, %2 warnings)")
            .replace("%1", str(errors))
            .replace("%2", str(len(problems) - errors))
        )

    def _on_problem_activated(self, field: str) -> None:
        if field in ("topic", "directions") or field.startswith("directions["):
            topic = self.document.proposal.topic
            if topic and self.call.has_topic(topic):
                self.tree.select_topic(topic)
        self.editor.focus_field(field)

    def _on_replaced(self) -> None:
        self.editor.set_proposal(self.document.proposal)
        self.editor.set_read_only(self.document.read_only)
        self._refresh_proposal_views()
        topic = self.document.proposal.topic
        if topic and self.call.has_topic(topic):
            self.tree.select_topic(topic)
        self._update_title()

    def _update_title(self) -> None:
        doc = self.document
        name = doc.display_name() or self.tr("Untitled proposal")
        suffix = self.tr(" (read-only)") if doc.read_only else ""
        # the call too: the same proposal means something else against another call
        self.setWindowTitle(
            f"{name}[*]{suffix} — {self.call.title} — {self.tr('Proposal Planner')}"
        )
        self.setWindowModified(doc.modified)
        self.state_label.setText(
            self.tr("Read-only")
            if doc.read_only
            else self.tr("Unsaved changes")
            if doc.modified
            else self.tr("Saved")
            if doc.path
            else ""
        )
        self.actions_.save.setEnabled(not doc.read_only)

    # -- files
    def maybe_save(self) -> bool:
        """True if the current proposal may be closed (saved, discarded or unchanged)."""
        if not self.document.modified:
            return True
        name = self.document.display_name() or self.tr("the untitled proposal")
        answer = dialogs.ask_save_changes(self, name)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def new_proposal(self) -> None:
        if self.maybe_save():
            self.document.new()

    def open_proposal(self, path: Path | str | None = None) -> bool:
        if not self.maybe_save():
            return False
        if path is None:
            name, _ = QFileDialog.getOpenFileName(
                self, self.tr("Open proposal"), self.file_dir(), self._file_filter()
            )
            if not name:
                return False
            path = name
        from planner.storage.file_lock import LockedError  # lazy: only opening a file needs it

        path = Path(path)
        self.calls.offer_call_for(path)  # written for another call? offer to switch first
        try:
            self.document.open(path)
        except LockedError as exc:
            if not dialogs.ask_open_read_only(self, str(path), exc.holder):
                return False
            try:
                self.document.open(path, read_only=True)
            except PlannerError as again:
                dialogs.show_error(self, self.tr("Cannot open proposal"), str(again))
                return False
        except PlannerError as exc:
            dialogs.show_error(self, self.tr("Cannot open proposal"), str(exc))
            return False
        self._remember_file(path)
        self.statusBar().showMessage(self.tr("Opened %1").replace("%1", str(path)), 4000)
        return True

    def save(self) -> bool:
        if self.document.path is None or self.document.read_only:
            return self.save_as()
        return self._save_to(None)

    def save_as(self) -> bool:
        start = str(self.document.path or Path(self.file_dir()) / f"proposal{SUFFIX}")
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save proposal as"), start, self._file_filter()
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
            if not dialogs.ask_save_dropping(self, parts, str(backup_path(doc.path))):
                return False
        try:
            self.document.save(path)
        except PlannerError as exc:
            dialogs.show_error(self, self.tr("Cannot save proposal"), str(exc))
            return False
        if self.document.path is not None:
            self._remember_file(self.document.path)
            self.statusBar().showMessage(
                self.tr("Saved %1").replace("%1", str(self.document.path)), 4000
            )
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
        if not dialogs.ask_restore(self, f"{title}\n{where}"):
            self.document.recovery.discard(entry)
            return False
        self.document.restore(entry)
        return True

    # -- the call
    def set_call(self, call: Call) -> None:
        """Plan against `call`: every pane shows it and a new proposal starts.

        The caller has asked about unsaved changes (`maybe_save`); CallSwitcher decides when."""
        self.call = call
        self.document.call = call
        self.tree.set_call(call)
        self.detail.set_call(call)
        self.editor.set_call(call)
        self.problems.set_call(call)
        self.workspace.close()
        self.document.new()  # replaced → every pane reloads, title and problems update

    def _remember_file(self, path: Path) -> None:
        if self.remember:
            self.settings.add_recent(path)

    def _fill_recent_menu(self) -> None:
        menu = self.actions_.recent_menu
        menu.clear()
        for entry in self.settings.recent_files():
            menu.addAction(entry, lambda e=entry: self.open_proposal(e))
        menu.setEnabled(bool(menu.actions()))

    def file_dir(self) -> str:
        """Where file dialogs start: the open proposal's folder, else the last one used."""
        if self.document.path is not None:
            return str(self.document.path.parent)
        recent = self.settings.recent_files()
        if recent:
            return str(Path(recent[0]).parent)
        return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)

    def _file_filter(self) -> str:
        return self.tr("Proposals (*%1);;All files (*)").replace("%1", SUFFIX)

    # -- other commands
    def _edit_command(self, name: str) -> None:
        """The Edit menu acts on the text field that has the focus (each keeps its own undo
        history); Copy also copies what is selected in the call's text (a QLabel)."""
        widget = self.focusWidget()  # the field last focused in this window
        if isinstance(widget, QLabel):
            if name == "copy" and widget.hasSelectedText():
                QApplication.clipboard().setText(widget.selectedText())
        elif widget is not None and hasattr(widget, name):
            getattr(widget, name)()

    def open_match_dialog(self) -> None:
        from planner.ui.dialogs.match_dialog import MatchDialog  # lazy: off the start-up path

        dialog = MatchDialog(self.call, self)  # made per use: it always matches the loaded call
        dialog.topicChosen.connect(self.tree.select_topic)
        dialog.exec()

    def set_language(self, code: str) -> None:
        """View → Language: switch now and remember the user's choice."""
        # install only: whether to remember the choice is ours to decide (not for --screenshot)
        if i18n.current_language() != i18n.normalize_language(code):
            i18n.install_translator(QApplication.instance(), code)
        if self.remember:
            self.settings.set_language(code)
        self.show_language(code)

    def show_language(self, code: str) -> None:
        """Tick the language in use in the menu."""
        action = self.actions_.language_actions.get(i18n.normalize_language(code))
        if action is not None:
            action.setChecked(True)

    def _show_problems(self) -> None:
        self.problems_dock.show()
        self.problems_dock.raise_()
        self.problems.setFocus()

    def _about(self) -> None:
        dialogs.show_about(self, self.call, self.calls.describe())

    # -- files dropped on the window (text fields take drops of their own: text)
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _dropped_path(event) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        path = _dropped_path(event)
        if path is None:
            return
        event.acceptProposedAction()
        if path.is_dir():
            self.workspace.open(path)
        elif path.name.endswith(SUFFIX):
            self.open_proposal(path)
        else:
            self.calls.open_path(path)

    # -- language, settings, closing
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.actions_.retranslate()
        self.exporter.retranslate()
        self.pages.retranslate()
        self.tree.retranslate()
        self.detail.retranslate()
        self.editor.retranslate()
        self.problems.retranslate()
        self._refresh_problems()
        self._update_title()

    def _restore_settings(self) -> None:
        if (geometry := self.settings.geometry()) is not None:
            self.restoreGeometry(geometry)
        if (state := self.settings.window_state()) is not None:
            self.restoreState(state)
        if (sizes := self.settings.splitter()) is not None:
            self.splitter.restoreState(sizes)

    def save_settings(self) -> None:
        self.settings.set_geometry(self.saveGeometry())
        self.settings.set_window_state(self.saveState())
        self.settings.set_splitter(self.splitter.saveState())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.maybe_save():
            event.ignore()
            return
        if self.remember:
            self.save_settings()
        self.document.close()
        event.accept()


def _dropped_path(event: QDropEvent) -> Path | None:
    """The one local file or folder dropped, if the window can open it: a proposal, a folder
    of proposals (the workspace), or a call (a call file, or a topic list to import)."""
    urls = event.mimeData().urls()
    if len(urls) != 1 or not urls[0].isLocalFile():
        return None
    path = Path(urls[0].toLocalFile())
    if path.is_dir() or path.name.endswith(SUFFIX):
        return path
    from planner.importer.call_import import IMPORT_SUFFIXES  # lazy: only a drag needs it

    if path.is_file() and path.suffix.lower() in (".yaml", ".yml", *IMPORT_SUFFIXES):
        return path
    return None
