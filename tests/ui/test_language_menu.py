"""View → Language: the language in use is ticked; only a choice made in the menu is saved."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from planner.storage.recovery import RecoveryStore
from planner.ui import i18n
from planner.ui.window.main_window import MainWindow
from planner.ui.window.settings import APPLICATION, ORGANIZATION


@pytest.fixture
def remembering_window(qtbot, qapp, call, recovery_dir):
    window = MainWindow(call, recovery=RecoveryStore(recovery_dir), remember=True)
    qtbot.addWidget(window)
    yield window
    i18n.install_translator(qapp, "en")


def test_following_the_system_is_not_saved_as_a_choice(remembering_window):
    remembering_window.show_language("zh")
    assert remembering_window.actions_.language_actions[i18n.CHINESE].isChecked()
    assert i18n.saved_language(QSettings(ORGANIZATION, APPLICATION)) is None


def test_a_choice_in_the_menu_is_saved_and_applied(remembering_window, qtbot):
    chinese = remembering_window.actions_.language_actions[i18n.CHINESE]
    assert chinese.text() == "简体中文"
    chinese.trigger()
    assert i18n.saved_language(QSettings(ORGANIZATION, APPLICATION)) == i18n.CHINESE
    assert i18n.current_language() == i18n.CHINESE
    menu = remembering_window.actions_.file_menu
    qtbot.waitUntil(lambda: menu.title() == "文件(&F)")  # Qt posts the LanguageChange event
    remembering_window.actions_.language_actions[i18n.ENGLISH].trigger()
    qtbot.waitUntil(lambda: menu.title() == "&File")
    assert i18n.saved_language(QSettings(ORGANIZATION, APPLICATION)) == i18n.ENGLISH
