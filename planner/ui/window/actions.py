"""The window's actions, menus and toolbar. Only creates them; MainWindow connects them."""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QObject, Qt, Slot
from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar, QWidget

from planner.ui.i18n import LANGUAGES, normalize_language
from planner.ui.icons import ui_icon

# A mnemonic as Chinese (and Japanese) menus write it: "新建申报书(&N)", a letter in brackets.
_BRACKETED_MNEMONIC = re.compile(r"\s*[(（]&\w[)）]")


def button_text(menu_text: str) -> str:
    """A menu item's text as a toolbar button shows it: no mnemonic, no trailing "…".

    "&Export .docx…" → "Export .docx"; "导出 .docx(&E)…" → "导出 .docx" (not "导出 .docx(E)")."""
    text = _BRACKETED_MNEMONIC.sub("", menu_text)
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").replace("…", "").strip()


class WindowActions(QObject):
    # a QObject so that self.tr gives lupdate and Qt the same context ("WindowActions")
    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window

        def act(
            shortcut: QKeySequence.StandardKey | str | None = None, icon: QIcon | None = None
        ) -> QAction:
            action = QAction(window)
            if shortcut is not None:
                action.setShortcut(QKeySequence(shortcut))
            if icon is not None:
                action.setIcon(icon)
            return action

        self.new = act(QKeySequence.StandardKey.New, ui_icon("new", "document-new"))
        self.open = act(QKeySequence.StandardKey.Open, ui_icon("open", "document-open"))
        self.save = act(QKeySequence.StandardKey.Save, ui_icon("save", "document-save"))
        self.save_as = act(QKeySequence.StandardKey.SaveAs)
        self.export_docx = act("Ctrl+E", ui_icon("export", "document-export"))
        self.quit = act(QKeySequence.StandardKey.Quit)
        self.undo = act(QKeySequence.StandardKey.Undo, QIcon.fromTheme("edit-undo"))
        self.redo = act(QKeySequence.StandardKey.Redo, QIcon.fromTheme("edit-redo"))
        self.cut = act(QKeySequence.StandardKey.Cut, QIcon.fromTheme("edit-cut"))
        self.copy = act(QKeySequence.StandardKey.Copy, QIcon.fromTheme("edit-copy"))
        self.paste = act(QKeySequence.StandardKey.Paste, QIcon.fromTheme("edit-paste"))
        self.select_all = act(QKeySequence.StandardKey.SelectAll)
        self.find = act(QKeySequence.StandardKey.Find, QIcon.fromTheme("edit-find"))
        self.match = act()
        self.show_problems = act("Ctrl+Shift+M")
        self.languages = QActionGroup(window)
        self.language_actions: dict[str, QAction] = {}
        for code, name in LANGUAGES.items():  # each in its own language, never translated
            action = QAction(name, window)
            action.setCheckable(True)
            action.setData(code)
            self.languages.addAction(action)
            self.language_actions[code] = action
        self.about = act()
        self.recent_menu = QMenu(window)
        self.open_call = act("Ctrl+Shift+O")
        self.open_workspace = act("Ctrl+Shift+W")
        self.calls_menu = QMenu(window)
        self.template_menu = QMenu(window)
        self.template_info = act()
        self.template_info.setEnabled(False)  # says which template; not a command
        self.choose_template = act()
        self.clear_template = act()
        self.template_menu.addAction(self.template_info)
        self.template_menu.addSeparator()
        self.template_menu.addAction(self.choose_template)
        self.template_menu.addAction(self.clear_template)

        menubar = window.menuBar()
        self.file_menu = menubar.addMenu("")
        for a in (self.new, self.open):
            self.file_menu.addAction(a)
        self.file_menu.addMenu(self.recent_menu)
        self.file_menu.addSeparator()
        for a in (self.save, self.save_as):
            self.file_menu.addAction(a)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.open_call)
        self.file_menu.addMenu(self.calls_menu)
        self.file_menu.addAction(self.open_workspace)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.export_docx)
        self.file_menu.addMenu(self.template_menu)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit)
        self.edit_menu = menubar.addMenu("")
        for a in (self.undo, self.redo):
            self.edit_menu.addAction(a)
        self.edit_menu.addSeparator()
        for a in (self.cut, self.copy, self.paste, self.select_all):
            self.edit_menu.addAction(a)
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.find)
        self.view_menu = menubar.addMenu("")
        self.view_menu.addAction(self.show_problems)
        self.language_menu = self.view_menu.addMenu("")
        self.language_menu.addActions(list(self.language_actions.values()))
        self.tools_menu = menubar.addMenu("")
        self.tools_menu.addAction(self.match)
        self.help_menu = menubar.addMenu("")
        self.help_menu.addAction(self.about)

        self.toolbar = QToolBar(window)
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for a in (self.new, self.open, self.save):
            self.toolbar.addAction(a)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.export_docx)
        window.addToolBar(self.toolbar)
        self.retranslate()

    def show_language(self, code: str) -> None:
        """Tick the language in use in the menu."""
        action = self.language_actions.get(normalize_language(code))
        if action is not None:
            action.setChecked(True)

    def retranslate(self) -> None:
        self.file_menu.setTitle(self.tr("&File"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.view_menu.setTitle(self.tr("&View"))
        self.tools_menu.setTitle(self.tr("&Tools"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.recent_menu.setTitle(self.tr("Open &Recent"))
        self.calls_menu.setTitle(self.tr("Recent Ca&lls"))
        self.template_menu.setTitle(self.tr("Export &Template"))
        self.toolbar.setWindowTitle(self.tr("Main toolbar"))
        texts = {
            self.new: self.tr("&New Proposal"),
            self.open: self.tr("&Open…"),
            self.save: self.tr("&Save"),
            self.save_as: self.tr("Save &As…"),
            self.export_docx: self.tr("&Export .docx…"),
            self.open_call: self.tr("Open &Call…"),
            self.open_workspace: self.tr("Open &Workspace…"),
            self.choose_template: self.tr("&Choose Template…"),
            self.clear_template: self.tr("Use the &Built-in Look"),
            self.quit: self.tr("&Quit"),
            self.undo: self.tr("&Undo"),
            self.redo: self.tr("&Redo"),
            self.cut: self.tr("Cu&t"),
            self.copy: self.tr("&Copy"),
            self.paste: self.tr("&Paste"),
            self.select_all: self.tr("Select &All"),
            self.find: self.tr("&Find Topics"),
            self.match: self.tr("Find topics for my research…"),
            self.show_problems: self.tr("&Problems"),
            self.about: self.tr("&About Proposal Planner"),
        }
        for action, text in texts.items():
            action.setText(text)
            action.setIconText(button_text(text))
        self.export_docx.setToolTip(self.tr("Export the proposal as a Word document"))
        self.open_workspace.setToolTip(
            self.tr("Check, export and summarise a folder of proposals (for research offices)")
        )
        self.open_call.setToolTip(
            self.tr("Plan against another call: a call file, or a topic list to import")
        )
        self.choose_template.setToolTip(
            self.tr("Export into your institution's Word template (styles, page setup, logo)")
        )


class CommandKeys(QObject):
    """Keeps the window's command shortcuts working in every text field.

    On Linux a line edit claims Ctrl+E (end of line, as in Emacs) and a few others, so the
    shortcut never fired while the cursor was in the title or the search box. Installed on a
    field of the window as it takes the focus (`watch`, on QApplication.focusChanged), this
    filter stops the field from claiming the shortcut of a window command; the field's own
    editing keys (undo, copy, …) stay its own."""

    def __init__(self, window: QWidget, commands: list[QAction]) -> None:
        super().__init__(window)  # goes with the window; Qt then drops the connection too
        self.window = window
        self.commands = commands

    @Slot(QWidget, QWidget)
    def watch(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is not None and self.window.isAncestorOf(new):
            new.removeEventFilter(self)  # installed once, and first in line
            new.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            pressed = QKeySequence(event.keyCombination())
            if any(pressed == s for a in self.commands for s in a.shortcuts() if a.isEnabled()):
                return True  # not accepted by the field: the window's shortcut runs
        return False
