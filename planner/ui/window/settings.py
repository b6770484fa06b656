"""What the window remembers between runs: geometry, splitter sizes, recent files and calls,
language, the call in use and the export template."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from planner.ui import i18n

ORGANIZATION = "proposal-planner"
APPLICATION = "proposal-planner"
MAX_RECENT = 8  # per list: proposals, calls
RECENT_FILES_KEY = "files/recent"
RECENT_CALLS_KEY = "calls/recent"
RECENT_TITLES_KEY = "files/recent_titles"  # "path\ntitle" per recent proposal
MAX_TITLE = 200  # characters of a title kept for a menu entry


class WindowSettings:
    def __init__(self, store: QSettings | None = None) -> None:
        self._s = store if store is not None else QSettings(ORGANIZATION, APPLICATION)

    def geometry(self) -> QByteArray | None:
        value = self._s.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def set_geometry(self, value: QByteArray) -> None:
        self._s.setValue("window/geometry", value)

    def window_state(self) -> QByteArray | None:
        value = self._s.value("window/state")
        return value if isinstance(value, QByteArray) else None

    def set_window_state(self, value: QByteArray) -> None:
        self._s.setValue("window/state", value)

    def splitter(self) -> QByteArray | None:
        value = self._s.value("window/splitter")
        return value if isinstance(value, QByteArray) else None

    def set_splitter(self, value: QByteArray) -> None:
        self._s.setValue("window/splitter", value)

    # -- the two recent lists (File → Open Recent, File → Recent Calls): one rule for both
    def recent_files(self) -> list[Path]:
        """Proposals opened or saved, most recent first; files that have gone are left out."""
        return self._recent(RECENT_FILES_KEY)

    def add_recent_file(self, path: Path, title: str = "") -> None:
        """Remember `path` first, with the proposal's title for File → Open Recent."""
        self._remember(RECENT_FILES_KEY, path)
        titles = self.recent_titles()
        kept = {str(p) for p in self._recent(RECENT_FILES_KEY)}
        titles[str(Path(path).resolve())] = title.strip()[:MAX_TITLE]
        self._s.setValue(RECENT_TITLES_KEY, [f"{p}\n{t}" for p, t in titles.items() if p in kept])

    def recent_titles(self) -> dict[str, str]:
        """Path → the title the proposal had when last opened or saved here ("" unknown)."""
        value = self._s.value(RECENT_TITLES_KEY, [])
        entries = [value] if isinstance(value, str) else value if isinstance(value, list) else []
        pairs = (str(e).partition("\n") for e in entries)
        return {path: title for path, _, title in pairs if path}

    def recent_calls(self) -> list[Path]:
        """Call files and imported topic lists used, most recent first."""
        return self._recent(RECENT_CALLS_KEY)

    def add_recent_call(self, path: Path) -> None:
        self._remember(RECENT_CALLS_KEY, path)

    def _recent(self, key: str) -> list[Path]:
        value = self._s.value(key, [])
        # QSettings gives a lone str for a one-item list
        entries = [value] if isinstance(value, str) else value if isinstance(value, list) else []
        return [Path(str(p)) for p in entries if Path(str(p)).is_file()]

    def _remember(self, key: str, path: Path) -> None:
        """`path` first in the list (once), at most MAX_RECENT kept."""
        path = Path(path).resolve()
        kept = [p for p in self._recent(key) if p.resolve() != path]
        self._s.setValue(key, [str(p) for p in [path, *kept][:MAX_RECENT]])

    def set_language(self, code: str) -> None:
        """The language chosen in View → Language; `i18n` reads it at the next start."""
        i18n.save_language(code, self._s)

    def last_call(self) -> Path | None:
        """The call file used last time; None for the built-in call."""
        value = str(self._s.value("calls/last", "") or "")
        return Path(value) if value else None

    def set_last_call(self, path: Path | None) -> None:
        self._s.setValue("calls/last", str(path) if path is not None else "")

    def export_template(self) -> Path | None:
        """The institution's .docx template File → Export fills; None for the built-in look."""
        value = str(self._s.value("export/template", "") or "")
        return Path(value) if value else None

    def set_export_template(self, path: Path | None) -> None:
        self._s.setValue("export/template", str(path) if path is not None else "")

    def sync(self) -> None:
        self._s.sync()
