"""The recently opened call files (YAML or imported text/Markdown/.docx), kept in QSettings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

RECENT_KEY = "calls/recent"
MAX_RECENT = 8


def _settings(settings: QSettings | None) -> QSettings:
    return settings if settings is not None else QSettings()


def recent_calls(settings: QSettings | None = None) -> list[Path]:
    """Most recent first; files that have gone away are left out."""
    value = _settings(settings).value(RECENT_KEY, [])
    paths = [value] if isinstance(value, str) else list(value or [])
    return [Path(p) for p in paths if Path(p).is_file()]


def remember_call(path: Path, settings: QSettings | None = None) -> None:
    """Put `path` first in the list (once), keeping at most MAX_RECENT."""
    path = Path(path).resolve()
    paths = [str(path)] + [str(p) for p in recent_calls(settings) if p.resolve() != path]
    _settings(settings).setValue(RECENT_KEY, paths[:MAX_RECENT])


def forget_call(path: Path, settings: QSettings | None = None) -> None:
    path = Path(path).resolve()
    kept = [str(p) for p in recent_calls(settings) if p.resolve() != path]
    _settings(settings).setValue(RECENT_KEY, kept)
