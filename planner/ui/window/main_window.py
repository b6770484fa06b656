"""The planner window: topic tree | topic detail | proposal editor, a problems list below.

The panes never call each other; this class wires their signals in `_connect_signals()`
and owns every decision that needs the user (unsaved changes, topic change, locks).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QMainWindow,
    QWidget,
)

from planner.model.call import Call
from planner.model.validate import validate_proposal
from planner.ui import i18n
from planner.ui.dialogs import messages as dialogs
from planner.ui.panes.detail_pane import DetailPane
from planner.ui.panes.problems_pane import ProblemsPane
from planner.ui.panes.proposal_editor import ProposalEditor
from planner.ui.panes.topic_tree import TopicTreePane
from planner.ui.window.actions import CommandKeys, WindowActions
from planner.ui.window.call_switcher import CallSwitcher
from planner.ui.window.disk_watch import DiskWatch
from planner.ui.window.document import ProposalDocument
from planner.ui.window.edit_commands import dropped_path, run_window_edit
from planner.ui.window.export_action import ExportController
from planner.ui.window.file_commands import FileCommands
from planner.ui.window.open_word import is_proposal_path
from planner.ui.window.pages_action import PagesController
from planner.ui.window.proposal_changes import ProposalChanges
from planner.ui.window.settings import WindowSettings
from planner.ui.window.window_layout import (
    ProblemsDock,
    StateLabel,
    fit_screen,
    pane_splitter,
    restore_layout,
    save_layout,
)
from planner.ui.window.workspace_action import WorkspaceController
from planner.ui.window.writing_action import WritingController

if TYPE_CHECKING:  # only annotations: Qt hands these over, no need to build their types at start
    from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent

    from planner.storage.recovery import RecoveryStore


class MainWindow(QMainWindow):
    referencesChanged = Signal()  # the references pane shows them again

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
        self.editor.path_source = lambda: self.document.path  # NAME.figures follows Save As
        self.splitter = pane_splitter(self, (self.tree, self.detail, self.editor))
        self.setCentralWidget(self.splitter)
        self.problems = ProblemsPane(call, self)
        self.problems_dock = ProblemsDock(self.problems, self)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.problems_dock)
        self.resizeDocks([self.problems_dock], [140], Qt.Orientation.Vertical)
        self.actions_ = WindowActions(self)
        self.undo_stack = QUndoStack(self)  # what is not typed text (planner/ui/window/undo.py)
        self.changes = ProposalChanges(self, self.document, self.editor, self.undo_stack)
        self.exporter = ExportController(
            self,
            self.settings if remember else None,
            self.actions_.template_info,
            self.actions_.clear_template,
        )
        self.workspace = WorkspaceController(self, call, self.exporter.template)
        # the two ask each other before acting: opening a proposal for another call offers to
        # switch, and switching asks about unsaved changes first
        self.calls = CallSwitcher(
            self,
            call_path,
            self.settings,
            remember=remember,
            current_call=lambda: self.call,
            may_discard=self.maybe_save,
        )
        self.files = FileCommands(
            self,
            self.document,
            self.settings,
            remember=remember,
            before_open=self.calls.offer_call_for,
        )
        self.disk_watch = DiskWatch(self, self.document)
        # page preview, PDF, print (issue 14)
        self.pages = PagesController(self, self.document, lambda: self.call, self.file_dir)
        self.pages.add_to_menus(
            self.actions_.file_menu,
            self.actions_.template_menu.menuAction(),
            self.actions_.view_menu,
            self.actions_.show_problems,
        )
        # focus mode, outline, references, find and replace (issue 13): built on first use
        self.writing = WritingController(
            self,
            self.editor,
            self.actions_.view_menu,
            self.actions_.edit_menu,
            lambda: self.call,
            self._hidden_in_focus,
        )
        self.state_label = StateLabel(self)
        self.statusBar().addPermanentWidget(self.exporter.label)
        self.statusBar().addPermanentWidget(self.pages.label)
        self.statusBar().addPermanentWidget(self.state_label)
        self._connect_signals()
        # no _retranslate() here: each pane set its texts when built, and _on_replaced below
        # validates and titles the window (doing both twice cost ~10 ms of start-up)
        fit_screen(self)
        self.setAcceptDrops(True)  # a proposal, a call or a folder of proposals (dropEvent)
        if remember:
            restore_layout(self, self.splitter, self.settings)
        self._on_replaced()

    # -- wiring
    def _connect_signals(self) -> None:
        a, files, status = self.actions_, self.files, self.statusBar()
        a.new.triggered.connect(files.new_proposal)
        a.open.triggered.connect(lambda: files.open_proposal())
        a.save.triggered.connect(files.save)
        a.save_as.triggered.connect(files.save_as)
        a.export_docx.triggered.connect(self._export)
        a.choose_template.triggered.connect(lambda: self.exporter.choose_template(self.file_dir()))
        a.clear_template.triggered.connect(lambda: self.exporter.set_template(None))
        a.open_call.triggered.connect(lambda: self.calls.choose())
        a.open_workspace.triggered.connect(lambda: self.workspace.choose(self.file_dir()))
        a.quit.triggered.connect(self.close)
        edits = {a.undo: "undo", a.redo: "redo", a.cut: "cut", a.copy: "copy",
                 a.paste: "paste", a.select_all: "selectAll"}  # fmt: skip
        for action, command in edits.items():
            action.triggered.connect(lambda _=False, c=command: self._edit(c))
        a.find.triggered.connect(self.tree.focus_search)
        a.match.triggered.connect(self.open_match_dialog)
        a.show_problems.triggered.connect(self._show_problems)
        a.about.triggered.connect(
            lambda: dialogs.show_about(self, self.call, self.calls.describe())
        )
        a.languages.triggered.connect(lambda action: self.set_language(str(action.data())))
        a.recent_menu.aboutToShow.connect(lambda: files.fill_recent_menu(a.recent_menu))
        a.calls_menu.aboutToShow.connect(lambda: self.calls.fill_menu(a.calls_menu))

        for source in (files, self.calls, self.exporter, self.pages, self.disk_watch):
            source.message.connect(lambda text: status.showMessage(text, 5000))
        self.calls.callChanged.connect(self.set_call)
        self.exporter.templateChanged.connect(self.workspace.set_template)
        self.workspace.openProposalRequested.connect(self._open_from_workspace)
        self.workspace.topicCountsChanged.connect(self.tree.set_topic_counts)
        self.workspace.statusInPlannerRequested.connect(self.changes.status_from_workspace)
        self.document.stateChanged.connect(self.disk_watch.follow)

        # window commands keep their keys inside text fields (Ctrl+E: export, not end of line)
        keys = CommandKeys(self, [a.export_docx, a.new, a.open, a.save, a.save_as, a.open_call,
                                  a.open_workspace, a.show_problems, a.quit])  # fmt: skip
        app = QApplication.instance()
        if isinstance(app, QApplication):  # always, for a window; the check is for the types
            app.focusChanged.connect(keys.watch)

        self.tree.topicSelected.connect(
            lambda topic_id: self.detail.show_topic(self.call.topic(topic_id) if topic_id else None)
        )
        changes = self.changes
        self.tree.useTopicRequested.connect(changes.choose_topic)
        self.tree.searchChanged.connect(self.detail.set_query)
        self.detail.useTopicRequested.connect(changes.choose_topic)
        self.detail.directionToggled.connect(changes.toggle_direction)
        self.detail.ownDirectionAddRequested.connect(changes.add_own_direction)
        self.editor.edited.connect(self._on_edited)
        self.editor.directionToggled.connect(changes.toggle_direction)
        self.editor.ownDirectionsEdited.connect(changes.set_own_directions)
        self.editor.statusEdited.connect(changes.status_edited)
        self.editor.referencesAdded.connect(changes.add_references)
        changes.viewsChanged.connect(self._refresh_proposal_views)
        changes.referencesChanged.connect(self.referencesChanged)
        changes.problemsChanged.connect(self._refresh_problems)
        changes.message.connect(status.showMessage)
        self.problems.problemActivated.connect(self._on_problem_activated)
        self.document.replaced.connect(self._on_replaced)
        self.document.stateChanged.connect(self._update_title)
        # pages: laid out again when the proposal changes; the count feeds the page limit
        for changed in (self.editor.edited, self.editor.directionToggled,
                        self.editor.ownDirectionsEdited, self.detail.directionToggled,
                        self.document.replaced):  # fmt: skip
            changed.connect(self.pages.schedule)
        self.pages.pageCountChanged.connect(lambda _count: self._refresh_problems())
        writing = self.writing
        for changed in (self.editor.edited, self.document.replaced, self.referencesChanged):
            changed.connect(writing.refresh)
        writing.addReferenceRequested.connect(changes.new_reference)
        writing.importReferencesRequested.connect(
            lambda: self.editor.ensure_tools().import_references(self)
        )
        writing.deleteReferenceRequested.connect(changes.delete_reference)
        writing.editReferenceRequested.connect(changes.edit_reference)

    # -- what the panes show (the changes themselves: ProposalChanges, wired above)
    def _hidden_in_focus(self) -> list[QWidget]:
        """What focus mode hides: everything but the proposal pane."""
        hidden: list[QWidget] = [self.tree, self.detail, self.problems_dock, self.actions_.toolbar]
        hidden += [d for d in self.findChildren(QDockWidget) if d is not self.problems_dock]
        return hidden

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
        doc = self.document
        problems = (
            []
            if doc.is_blank
            else doc.load_problems
            + validate_proposal(
                doc.proposal,
                self.call,
                doc.folder(),  # an imported Word file's figures are beside it
                pages=self.pages.page_count,
            )
        )
        self.problems_dock.show_problems(problems, blank=doc.is_blank)

    def _on_problem_activated(self, field: str) -> None:
        if field in ("topic", "directions") or field.startswith("directions["):
            topic = self.document.proposal.topic
            if topic and self.call.has_topic(topic):
                self.tree.select_topic(topic)
        if field.startswith("references["):  # an uncited or broken entry: in its pane
            index = field[len("references[") :].split("]", 1)[0]
            refs = self.document.proposal.references
            if index.isdigit() and 1 <= int(index) <= len(refs):
                self.writing.show_reference(str(refs[int(index) - 1].get("id", "")))
                return
        self.editor.focus_field(field)
        if field.startswith("sections.") and self.problems.activated_citation:
            self.editor.select_citation(field.split(".", 1)[1], self.problems.activated_citation)

    def _on_replaced(self) -> None:
        self.undo_stack.clear()  # another proposal: nothing of the last one to undo
        self.editor.set_proposal(self.document.proposal, self.document.path)
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
            f"{name}[*]{suffix} — {self.call.display_name} — {self.tr('Proposal Planner')}"
        )
        self.setWindowModified(doc.modified)
        self.state_label.show_state(
            read_only=doc.read_only, modified=doc.modified, saved=doc.path is not None
        )
        self.actions_.save.setEnabled(not doc.read_only)

    # -- files (asked in FileCommands; these are what the rest of the app calls)
    def maybe_save(self) -> bool:
        return self.files.maybe_save()

    def open_proposal(self, path: Path | str | None = None) -> bool:
        return self.files.open_proposal(path)

    def file_dir(self) -> str:
        return self.files.file_dir()

    def _open_from_workspace(self, path: Path) -> None:
        if self.open_proposal(path):
            self.raise_()
            self.activateWindow()

    def _export(self) -> None:
        doc = self.document
        self.exporter.export(
            doc.proposal, self.call, doc.path or doc.suggested_path, self.file_dir()
        )

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
        self.workspace.set_call(call)  # a workspace checked against the old call closes
        self.document.new()  # replaced → every pane reloads, title and problems update

    # -- other commands
    def _edit(self, command: str) -> None:
        run_window_edit(self.focusWidget(), command, self.undo_stack)  # the field last focused

    def open_match_dialog(self) -> None:
        from planner.ui.dialogs.match_dialog import MatchDialog  # lazy: off the start-up path

        dialog = MatchDialog(self.call, self)  # made per use: it always matches the loaded call
        dialog.topicChosen.connect(self.tree.select_topic)
        dialog.exec()

    def set_language(self, code: str) -> None:
        """View → Language: switch now and remember the user's choice."""
        # install only: whether to remember the choice is ours to decide (not for --screenshot)
        if i18n.current_language() != i18n.normalize_language(code):
            app = QApplication.instance()
            assert app is not None  # there is a window, so there is an application
            i18n.install_translator(app, code)
        if self.remember:
            self.settings.set_language(code)
        self.show_language(code)

    def show_language(self, code: str) -> None:
        self.actions_.show_language(code)

    def _show_problems(self) -> None:
        self.problems_dock.show()
        self.problems_dock.raise_()
        self.problems.setFocus()

    # -- files dropped on the window (text fields take drops of their own: text)
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_path(event.mimeData()) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        path = dropped_path(event.mimeData())
        if path is None:
            return
        event.acceptProposedAction()
        if path.is_dir():
            self.workspace.open(path)
        elif is_proposal_path(path, self.call):
            self.open_proposal(path)  # a returned Word file is imported (issue 15)
        else:
            self.calls.open_path(path)

    # -- language, settings, closing
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        parts = (self.actions_, self.exporter, self.pages, self.writing, self.tree, self.detail,
                 self.editor, self.problems)  # fmt: skip
        for part in parts:
            part.retranslate()
        self._refresh_problems()
        self._update_title()

    def save_settings(self) -> None:
        save_layout(self, self.splitter, self.settings)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.maybe_save():
            event.ignore()
            return
        if self.remember:
            self.save_settings()
        self.document.close()
        event.accept()
