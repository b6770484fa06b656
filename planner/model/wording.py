"""The core's own wording in the office's language (it cannot use Qt's tr): English as the code
writes it, Chinese from one table (planner.model.wording_zh) that the app uses too."""

from __future__ import annotations

import re

ENGLISH = "en"
CHINESE = "zh"
LANGUAGES = (CHINESE, ENGLISH)
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def fill(template: str, **values: object) -> str:
    """`template` with each `{name}` replaced by `values[name]`, all in one pass: a value that
    holds braces itself is left as it is. A placeholder without a value stays visible."""
    return _PLACEHOLDER.sub(
        lambda m: str(values[m.group(1)]) if m.group(1) in values else m.group(0), template
    )


def language_of(code: str | None) -> str:
    """'zh', 'zh_CN', 'zh-Hans-CN', 'zh_TW.UTF-8' → Chinese; anything else → English."""
    return CHINESE if code and code.replace("-", "_").lower().startswith("zh") else ENGLISH


def locale_language() -> str:
    """The language of the process's locale (LC_ALL, LC_MESSAGES, LANG), for the CLI."""
    import os

    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        if os.environ.get(name):
            return language_of(os.environ[name])
    return ENGLISH


def say(language: str, english: str) -> str:
    """`english` in `language`; English itself, or a phrase the table lacks, as written."""
    if language != CHINESE:
        return english
    from planner.model.wording_zh import ZH

    return ZH.get(english, english)


def status_labels(language: str) -> dict[str, str]:
    """Status key (what the file keeps) → its label."""
    english = {"draft": "Draft", "review": "In review", "ready": "Ready", "submitted": "Submitted"}
    return {key: say(language, label) for key, label in english.items()}
