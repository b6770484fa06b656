"""View → Focus (F11), Outline and References; Edit → Find and Replace (Ctrl+H).

Owns these actions (put into the window's menus here) and the docks and dialog they show,
each built the first time it is used. Focus shows one section full-window with its guidance
and count; pressing F11 again brings back every pane as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QWidget

from planner.model.call import Call
from planner.ui.panes.proposal_editor import ProposalEditor

if TYPE_CHECKING:
    from planner.ui.dialogs.find_replace import FindReplaceDialog
    from planner.ui.panes.outline_pane import OutlinePane
    from planner.ui.panes.references_pane import ReferencesPane


class WritingController(QObject):
    addReferenceRequested = Signal()
    importReferencesRequested = Signal()
    deleteReferenceRequested = Signal(str)
    editReferenceRequested = Signal(str)

    def __init__(
        self,
        window: QMainWindow,
        editor: ProposalEditor,
        view_menu: QMenu,
        edit_menu: QMenu,
        call: Callable[[], Call],
        hide_in_focus: Callable[[], list[QWidget]],
    ) -> None:
        super().__init__(window)
        self.window, self.editor, self.call = window, editor, call
        self.hide_in_focus = hide_in_focus
        self.focus = QAction(window)
        self.focus.setCheckable(True)
        self.focus.setShortcut(QKeySequence("F11"))
        self.outline = QAction(window)
        self.outline.setCheckable(True)
        self.outline.setShortcut(QKeySequence("Ctrl+Shift+T"))  # O: Open Call
        self.references = QAction(window)
        self.references.setCheckable(True)
        self.references.setShortcut(QKeySequence("Ctrl+Shift+R"))
        self.find_replace = QAction(window)
        self.find_replace.setShortcut(QKeySequence("Ctrl+H"))
        view_menu.addSeparator()
        for action in (self.focus, self.outline, self.references):
            view_menu.addAction(action)
        edit_menu.addAction(self.find_replace)
        self.focus.toggled.connect(self.set_focus_mode)
        self.outline.toggled.connect(lambda on: self._dock("outline", on))
        self.references.toggled.connect(lambda on: self._dock("references", on))
        self.find_replace.triggered.connect(self.open_find_replace)
        self.outline_dock: QDockWidget | None = None
        self.references_dock: QDockWidget | None = None
        self.outline_pane: OutlinePane | None = None
        self.references_pane: ReferencesPane | None = None
        self.dialog: FindReplaceDialog | None = None
        self._hidden: list[QWidget] = []
        self.retranslate()

    def retranslate(self) -> None:
        self.focus.setText(self.tr("&Focus on This Section"))
        self.focus.setToolTip(self.tr("One section full-window, with its guidance (F11)"))
        self.outline.setText(self.tr("&Outline"))
        self.references.setText(self.tr("&References"))
        self.find_replace.setText(self.tr("Find and &Replace…"))
        if self.outline_dock is not None and self.outline_pane is not None:
            self.outline_dock.setWindowTitle(self.tr("Outline"))
            self.outline_pane.retranslate()
        if self.references_dock is not None and self.references_pane is not None:
            self.references_dock.setWindowTitle(self.tr("References"))
            self.references_pane.retranslate()

    # -- focus mode
    def set_focus_mode(self, on: bool) -> None:
        if on:
            key = self.editor.current_section_key() or self.call().form[0].key
            self._hidden = [w for w in self.hide_in_focus() if w.isVisible()]
            for widget in self._hidden:
                widget.hide()
            self.editor.set_focus_section(key)
        else:
            self.editor.set_focus_section(None)
            for widget in self._hidden:
                widget.show()
            self._hidden = []

    # -- docks
    def _dock(self, name: str, on: bool) -> None:
        dock = self.outline_dock if name == "outline" else self.references_dock
        if dock is None:
            if not on:
                return
            dock = self._build(name)
        dock.setVisible(on)
        if on:
            self.refresh()

    def _build(self, name: str) -> QDockWidget:
        dock = QDockWidget(self.window)
        dock.setObjectName(f"{name}Dock")
        if name == "outline":
            from planner.ui.panes.outline_pane import OutlinePane

            self.outline_pane = OutlinePane(self.call(), dock)
            self.outline_pane.sectionActivated.connect(
                lambda key: self.editor.focus_field(f"sections.{key}")
            )
            dock.setWidget(self.outline_pane)
            self.outline_dock = dock
            area = Qt.DockWidgetArea.LeftDockWidgetArea
            dock.visibilityChanged.connect(lambda v: self._sync(self.outline, dock))
        else:
            from planner.ui.panes.references_pane import ReferencesPane

            self.references_pane = ReferencesPane(dock)
            self.references_pane.addRequested.connect(self.addReferenceRequested)
            self.references_pane.importRequested.connect(self.importReferencesRequested)
            self.references_pane.deleteRequested.connect(self.deleteReferenceRequested)
            self.references_pane.editRequested.connect(self.editReferenceRequested)
            dock.setWidget(self.references_pane)
            self.references_dock = dock
            area = Qt.DockWidgetArea.RightDockWidgetArea
            dock.visibilityChanged.connect(lambda v: self._sync(self.references, dock))
        self.window.addDockWidget(area, dock)
        self.retranslate()
        return dock

    def _sync(self, action: QAction, dock: QDockWidget) -> None:
        if (not dock.isHidden()) == action.isChecked():
            return
        action.blockSignals(True)
        action.setChecked(not dock.isHidden())
        action.blockSignals(False)

    def show_reference(self, key: str) -> None:
        self.references.setChecked(True)
        if self.references_pane is not None:
            self.references_pane.select_key(key)

    def refresh(self, *_args: object) -> None:
        """The proposal changed: the outline's counts, the references' numbers."""
        proposal = self.editor.proposal
        if self.outline_pane is not None and self.outline_dock and self.outline_dock.isVisible():
            self.outline_pane.show_proposal(proposal, self.call())
        if self.references_pane and self.references_dock and self.references_dock.isVisible():
            self.references_pane.show_proposal(proposal, self.editor.citation_numbers())

    # -- find and replace
    def open_find_replace(self) -> None:
        if self.dialog is None:
            from planner.ui.dialogs.find_replace import FindReplaceDialog

            self.dialog = FindReplaceDialog(
                lambda: [e.edit for e in self.editor.section_editors.values()],
                self.editor.reveal,
                self.window,
            )
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.find.setFocus()
        self.dialog.find.selectAll()
