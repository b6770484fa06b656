"""What the window remembers between runs: geometry, splitter sizes, recent files, language,
the call in use and the export template."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

ORGANIZATION = "proposal-planner"
APPLICATION = "proposal-planner"
MAX_RECENT = 8


class WindowSettings:
    def __init__(self) -> None:
        self._s = QSettings(ORGANIZATION, APPLICATION)

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

    def recent_files(self) -> list[str]:
        value = self._s.value("files/recent", [])
        if isinstance(value, str):  # QSettings returns a lone string for a one-item list
            value = [value]
        return [str(v) for v in value or []]

    def add_recent(self, path: Path) -> list[str]:
        entry = str(Path(path).resolve())
        recent = [entry, *(r for r in self.recent_files() if r != entry)][:MAX_RECENT]
        self._s.setValue("files/recent", recent)
        return recent

    def language(self) -> str:
        return str(self._s.value("ui/language", "") or "")

    def set_language(self, code: str) -> None:
        self._s.setValue("ui/language", code)

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

    @property
    def qsettings(self) -> QSettings:
        """The store itself, for helpers that keep their own keys (recent calls)."""
        return self._s

    def sync(self) -> None:
        self._s.sync()
