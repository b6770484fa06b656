"""The UI language: English source strings, a Chinese translation, switchable at run time.

Translations: `resources/i18n/planner_<code>.ts` is the source (edit it, then run
`scripts/update_translations.py`); the built `.qm` next to it is committed so the wheel and the
frozen bundle carry it, and is found through `planner.resources.resource_path`. Qt's own strings
(standard buttons, file dialogs) come from `qtbase_<code>.qm` shipped with PySide6. English
has a small file too, `planner_en`: the plural forms of the messages with a count, so that
"%n characters" reads "1 character".

Switching at run time: View → Language calls `install_translator(app, code)`, which swaps the
translators; Qt then sends `QEvent.LanguageChange` to every widget. The planner window handles
it (`MainWindow.changeEvent`) by calling `retranslate()` on its actions and on each pane, which
re-set every translated text; each pane calls its own `retranslate()` from `__init__`, so the
texts are set in one place. A dialog that stays open beside the window (Find Topics for My
Research) handles `LanguageChange` itself; the workspace window and the other dialogs show the
language that was in use when they were made. The choice is saved by `save_language` under
`SETTINGS_KEY` and read back by `saved_language` at the next start.

Filling a translated string: `fill(self.tr("Saved {path}"), path=...)`, named placeholders
substituted in one pass (a value that holds "{x}" is never substituted into again); only the
count of a plural message is Qt's own `%n`.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from planner.model.wording import fill as fill  # the core's: every UI module fills through here
from planner.resources import resource_path

ENGLISH = "en"
CHINESE = "zh_CN"
# code -> the language's own name, as a language menu shows it
LANGUAGES: dict[str, str] = {ENGLISH: "English", CHINESE: "简体中文"}
SETTINGS_KEY = "ui/language"

_log = logging.getLogger(__name__)
_installed: list[QTranslator] = []  # kept alive here: Qt does not own installed translators


def normalize_language(code: str | None) -> str:
    """'zh', 'zh_CN', 'zh-Hans-CN', 'zh_TW' → Chinese; anything else → English."""
    return CHINESE if code and code.replace("-", "_").lower().startswith("zh") else ENGLISH


def system_language() -> str:
    """The language of the system's locale (LANG / LC_* on Linux, the user's setting elsewhere)."""
    locale = QLocale.system()
    languages = locale.uiLanguages() or [locale.name()]
    return normalize_language(languages[0])


def saved_language(settings: QSettings | None = None) -> str | None:
    """The language the user chose in the menu, or None to follow the system."""
    value = (settings or QSettings()).value(SETTINGS_KEY)
    return normalize_language(str(value)) if value else None


def translation_path(code: str) -> Path:
    """Our compiled translation for `code` (for English: its plural forms only)."""
    return resource_path("i18n", f"planner_{code}.qm")


def qt_translations_dir() -> Path:
    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))


def install_translator(
    app: QCoreApplication, code: str | None = None, settings: QSettings | None = None
) -> str:
    """Load the translations for `code` into `app`; returns the language now in use.

    `code` None means: the saved choice if there is one, else the system locale.
    Loading replaces any translation installed before (widgets get a LanguageChange)."""
    language = normalize_language(code) if code else saved_language(settings)
    language = language or system_language()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    sources = [(translation_path(language).parent, f"planner_{language}")]
    if language != ENGLISH:  # English: only our plural forms ("1 character"); Qt's are English
        sources.append((qt_translations_dir(), f"qtbase_{language}"))
    for folder, name in sources:
        translator = QTranslator(app)
        if translator.load(name, str(folder)):
            app.installTranslator(translator)
            _installed.append(translator)
        else:
            _log.warning("translation %s not found in %s; showing English", name, folder)
    return language


def save_language(code: str | None, settings: QSettings | None = None) -> None:
    """Remember the user's choice for the next start; `code` None follows the system again.

    The only writer of SETTINGS_KEY (`saved_language` is its reader)."""
    settings = settings if settings is not None else QSettings()
    if code:
        settings.setValue(SETTINGS_KEY, normalize_language(code))
    else:
        settings.remove(SETTINGS_KEY)


def current_language() -> str:
    """The language installed by `install_translator` (English when none is)."""
    for translator in _installed:
        if Path(translator.filePath()).name.startswith("planner_"):
            return normalize_language(translator.language())
    return ENGLISH


def office_language() -> str:
    """The UI language as the core's wording names it (planner.model.wording): what the
    workspace passes to the summary, so the office's sheet is in the app's language."""
    from planner.model.wording import CHINESE as CORE_CHINESE
    from planner.model.wording import ENGLISH as CORE_ENGLISH

    return CORE_CHINESE if current_language() == CHINESE else CORE_ENGLISH
