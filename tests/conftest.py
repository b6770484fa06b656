"""Shared fixtures. Tests never touch the user's settings, app data or display."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

# With neither a display nor this variable, Qt aborts the whole run.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

DATA = Path(__file__).parent / "data"
REPO = Path(__file__).parent.parent


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Point every per-user location (QSettings, QStandardPaths, recovery files) at a temp dir."""
    home = tmp_path_factory.mktemp("home")
    for var, sub in (
        ("HOME", ""),
        ("XDG_CONFIG_HOME", ".config"),
        ("XDG_DATA_HOME", ".local/share"),
        ("XDG_CACHE_HOME", ".cache"),
        ("XDG_STATE_HOME", ".local/state"),
        ("XDG_RUNTIME_DIR", "run"),
    ):
        path = home / sub
        path.mkdir(parents=True, exist_ok=True)
        if var == "XDG_RUNTIME_DIR":
            path.chmod(0o700)
        monkeypatch.setenv(var, str(path))
    if "PySide6.QtCore" in sys.modules:
        # Qt reads XDG_CONFIG_HOME once per process: point QSettings at this test's folder
        from PySide6.QtCore import QSettings

        for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
            QSettings.setPath(fmt, QSettings.Scope.UserScope, str(home / ".config"))
    return home


@pytest.fixture(scope="session")
def call():
    """The built-in call, loaded once."""
    from planner.formats.call_file import load_call
    from planner.resources import builtin_call_path

    return load_call(builtin_call_path())


@pytest.fixture(scope="session")
def seed_text() -> str:
    return (DATA / "call-topics.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def qapp(qapp):
    """pytest-qt's application, in English as `planner` starts it: with our English plural
    forms installed ("1 character", planner_en.qm), so tests read what users read."""
    from planner.ui import i18n

    i18n.install_translator(qapp, i18n.ENGLISH)
    return qapp
