"""Two languages: the committed translation is complete and current, and switching works."""

from __future__ import annotations

import importlib.util
import re
import shutil
import xml.etree.ElementTree as ET

import paths
import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings

from planner.resources import resource_path
from planner.ui import i18n
from planner.ui.dialogs.match_dialog import MatchDialog

# The offscreen platform says so whenever a window's size hints change; harmless there.

REPO = paths.REPO
TS = REPO / "resources" / "i18n" / "planner_zh_CN.ts"
QM = REPO / "resources" / "i18n" / "planner_zh_CN.qm"
EN_TS = REPO / "resources" / "i18n" / "planner_en.ts"  # English plural forms only


def _script():
    spec = importlib.util.spec_from_file_location(
        "update_translations", REPO / "scripts" / "update_translations.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def english(qapp):
    """Every test leaves the application in English, whatever it switched to."""
    yield qapp
    i18n.install_translator(qapp, i18n.ENGLISH)


@pytest.mark.parametrize("ts", [TS, EN_TS], ids=["zh_CN", "en"])
def test_every_message_is_translated(ts):
    messages = list(ET.parse(ts).getroot().iter("message"))
    assert messages
    for message in messages:
        translation = message.find("translation")
        assert translation is not None, message.findtext("source")
        assert translation.get("type") is None, message.findtext("source")  # unfinished/vanished
        forms = list(translation.iter("numerusform")) or [translation]  # %n plurals
        assert all((f.text or "").strip() for f in forms), message.findtext("source")
    assert _script().untranslated(ts) == []


@pytest.mark.parametrize("ts", [TS, EN_TS], ids=["zh_CN", "en"])
def test_committed_qm_is_built_from_committed_ts(tmp_path, ts):
    built = tmp_path / "built.qm"
    _script().lrelease(ts, built)
    assert built.read_bytes() == ts.with_suffix(".qm").read_bytes()


@pytest.mark.parametrize(("ts", "language"), [(TS, "zh_CN"), (EN_TS, "en")], ids=["zh_CN", "en"])
def test_ts_holds_every_string_of_the_ui_code(tmp_path, ts, language):
    """lupdate over today's UI code adds nothing new: no string was left out of the .ts."""
    script = _script()
    fresh = tmp_path / ts.name
    shutil.copy(ts, fresh)
    script.lupdate(fresh, script.ui_sources(), language, plural_only=language == "en")
    assert script.untranslated(fresh) == []
    assert fresh.read_text(encoding="utf-8") == ts.read_text(encoding="utf-8")


def test_english_counts_read_right(english, settings):
    assert i18n.install_translator(english, "en", settings) == "en"

    def count(context: str, text: str, n: int) -> str:
        return QCoreApplication.translate(context, text, "", n)

    assert count("SectionEditor", "%n characters", 1) == "1 character"
    assert count("SectionEditor", "%n characters", 2) == "2 characters"
    assert count("BatchWindow", "Exported %n proposals.", 1) == "Exported 1 proposal."
    assert count("TopicTreePane", "%n topics", 28) == "28 topics"
    assert i18n.current_language() == "en"


def test_qm_is_found_through_the_resource_accessor():
    assert i18n.translation_path("zh_CN") == resource_path("i18n", "planner_zh_CN.qm")
    assert i18n.translation_path("zh_CN").is_file()


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("zh", "zh_CN"),
        ("zh_CN", "zh_CN"),
        ("zh-Hans-CN", "zh_CN"),
        ("zh_TW", "zh_CN"),
        ("en", "en"),
        ("en_US", "en"),
        ("de_DE", "en"),
        (None, "en"),
        ("", "en"),
    ],
)
def test_normalize_language(code, expected):
    assert i18n.normalize_language(code) == expected


def test_chinese_translates_ours_and_qts_own_strings(english, settings):
    assert i18n.install_translator(english, "zh", settings) == "zh_CN"
    assert QCoreApplication.translate("MatchDialog", "&Go to Topic") == "转到课题(&G)"
    # Qt's standard buttons come from qtbase_zh_CN.qm
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    assert i18n.current_language() == "zh_CN"
    i18n.install_translator(english, "en", settings)
    assert QCoreApplication.translate("MatchDialog", "&Go to Topic") == "&Go to Topic"
    assert i18n.current_language() == "en"


def test_switching_at_run_time_retranslates_an_open_dialog(qtbot, english, call, settings):
    dialog = MatchDialog(call)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.windowTitle() == "Find Topics for My Research"
    i18n.install_translator(english, "zh_CN", settings)
    qtbot.waitUntil(lambda: dialog.windowTitle() == "为我的研究查找课题")
    header = dialog._view.model().headerData(2, dialog._view.horizontalHeader().orientation())
    assert header == "契合度"
    assert dialog._go_button.text() == "转到课题(&G)"
    i18n.install_translator(english, "en", settings)
    qtbot.waitUntil(lambda: dialog.windowTitle() == "Find Topics for My Research")
    assert dialog._go_button.text() == "&Go to Topic"


def test_choice_is_saved_and_used_next_start(english, settings):
    assert i18n.saved_language(settings) is None
    i18n.save_language("zh", settings)
    assert settings.value(i18n.SETTINGS_KEY) == "zh_CN"
    assert i18n.install_translator(english, None, settings) == "zh_CN"  # like a restart
    i18n.save_language(None, settings)  # back to "follow the system"
    assert i18n.saved_language(settings) is None


@pytest.mark.parametrize(("system", "expected"), [("zh_CN", "zh_CN"), ("en_GB", "en")])
def test_without_a_choice_the_system_locale_decides(
    english, settings, monkeypatch, system, expected
):
    class SystemLocale:  # QLocale.system() is read from the OS once; stand in for it
        @staticmethod
        def system() -> QLocale:
            return QLocale(system)

    monkeypatch.setattr(i18n, "QLocale", SystemLocale)
    assert i18n.install_translator(english, None, settings) == expected
    translated = QCoreApplication.translate("MatchDialog", "&Go to Topic")
    assert translated == ("转到课题(&G)" if expected == "zh_CN" else "&Go to Topic")


def test_menus_and_section_counts_follow_a_switch(qtbot, english, call, settings):
    """Strings set by helpers of the window (actions, section counts) switch too."""
    from PySide6.QtWidgets import QMainWindow

    from planner.ui.panes.section_editor import SectionEditor
    from planner.ui.window.actions import WindowActions

    window = QMainWindow()
    qtbot.addWidget(window)
    actions = WindowActions(window)
    window.changeEvent = lambda event: actions.retranslate()  # what MainWindow does
    editor = SectionEditor(call.section("innovation"), window)
    window.setCentralWidget(editor)
    assert actions.file_menu.title() == "&File"
    assert editor.count.text() == "0 / 1000 characters"
    i18n.install_translator(english, "zh_CN", settings)
    qtbot.waitUntil(lambda: actions.file_menu.title() == "文件(&F)")
    assert actions.save_as.text() == "另存为(&A)…"
    assert editor.count.text() == "0 / 1000 字"


PLACEHOLDER = re.compile(r"%n|%\d|\{\w*\}")


@pytest.mark.parametrize("ts", [TS, EN_TS], ids=["zh_CN", "en"])
def test_every_translation_keeps_exactly_the_placeholders_of_its_source(ts):
    """A translation that drops `{path}` or adds one shows the user a hole or a raw brace."""
    checked = 0
    for message in ET.parse(ts).getroot().iter("message"):
        source = message.findtext("source", "")
        expected = sorted(PLACEHOLDER.findall(source))
        translation = message.find("translation")
        forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
        for form in forms:
            assert sorted(PLACEHOLDER.findall(form)) == expected, (source, form)
            checked += bool(expected)
    assert checked  # the files have placeholders to check


def test_messages_are_filled_one_way():
    """Named placeholders, filled by i18n.fill; %1-style and str.format ones are gone."""
    sources = [ET.parse(ts).getroot() for ts in (TS, EN_TS)]
    for root in sources:
        for message in root.iter("message"):
            source = message.findtext("source", "")
            assert not re.search(r"%\d|\{\d*\}", source), source
    code = "\n".join(p.read_text(encoding="utf-8") for p in _script().ui_sources())
    assert '.replace("%' not in code
    assert not re.search(r"\btr\([^()]*\)\.format\(|translate\([^()]*\)\.format\(", code)


def test_fill_substitutes_every_placeholder_in_one_pass():
    # chained .replace("%1", a).replace("%2", b) put b into a when a held "%2"
    assert i18n.fill("{a} and {b}", a="{b}", b="x") == "{b} and x"
    assert i18n.fill("{a} and {missing}", a=1) == "1 and {missing}"  # visible, not a crash
    assert i18n.fill("Complete: {percent}%", percent=40) == "Complete: 40%"
