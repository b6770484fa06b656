#!/usr/bin/env python3
"""Refresh the translation source from the UI code, then build what the app loads.

    python scripts/update_translations.py

1. `pyside6-lupdate` reads every `self.tr(...)` in planner/ui/**/*.py into
   resources/i18n/planner_<lang>.ts (new strings arrive "unfinished", existing translations
   are kept, strings gone from the code are dropped);
2. translate the unfinished messages in the .ts (Qt Linguist: `pyside6-linguist`, or any
   editor: fill <translation> and remove type="unfinished");
3. run this script again: `pyside6-lrelease` builds the .qm the app loads. Commit both files.

English has its own small file, planner_en.ts: only the messages with a count (`%n`), so that
"1 character" and "2 characters" each read right (lupdate -pluralonly; Qt's way for plurals in
the source language).

The tools ship with PySide6-Essentials. Exit status 1 while messages are untranslated.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
UI_DIR = REPO / "planner" / "ui"
I18N_DIR = REPO / "resources" / "i18n"
LANGUAGES = ("zh_CN",)
PLURAL_ONLY = ("en",)  # the source language: its .ts holds the %n messages alone


def tool(name: str) -> str:
    """A PySide6 tool: next to this Python (a venv's bin/) first, then on PATH."""
    for folder in (Path(sys.executable).parent,):
        for candidate in (folder / name, folder / f"{name}.exe"):
            if candidate.is_file():
                return str(candidate)
    found = shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6-Essentials in this Python")
    return found


def ui_sources(ui_dir: Path = UI_DIR) -> list[Path]:
    return sorted(p for p in ui_dir.rglob("*.py") if p.name != "__init__.py")


def lupdate(ts: Path, sources: list[Path], language: str, *, plural_only: bool = False) -> None:
    """Merge the strings of `sources` into `ts` (created if missing)."""
    cmd = [
        tool("pyside6-lupdate"),
        *(["-pluralonly"] if plural_only else []),
        *map(str, sources),
        "-ts",
        str(ts),
        "-no-obsolete",
        "-locations",
        "none",  # no line numbers: the .ts changes only when strings do
        "-source-language",
        "en",
        "-target-language",
        language,
    ]
    subprocess.run(cmd, check=True, capture_output=True, text=True)


def lrelease(ts: Path, qm: Path) -> None:
    cmd = [tool("pyside6-lrelease"), str(ts), "-qm", str(qm)]
    subprocess.run(cmd, check=True, capture_output=True, text=True)


def untranslated(ts: Path) -> list[str]:
    """Source texts of messages without a finished, non-empty translation."""
    missing = []
    for message in ET.parse(ts).getroot().iter("message"):
        source = message.findtext("source", "")
        translation = message.find("translation")
        forms = [] if translation is None else list(translation.iter("numerusform"))
        texts = (
            [f.text for f in forms]
            if forms
            else [None if translation is None else translation.text]
        )
        unfinished = translation is None or translation.get("type") is not None
        if unfinished or not all(t and t.strip() for t in texts):
            missing.append(source)
    return missing


def main() -> int:
    sources = ui_sources()
    status = 0
    for language in (*LANGUAGES, *PLURAL_ONLY):
        ts = I18N_DIR / f"planner_{language}.ts"
        qm = ts.with_suffix(".qm")
        lupdate(ts, sources, language, plural_only=language in PLURAL_ONLY)
        lrelease(ts, qm)
        missing = untranslated(ts)
        print(f"{ts.relative_to(REPO)}: {len(missing)} untranslated; built {qm.relative_to(REPO)}")
        for source in missing:
            print(f"  untranslated: {source!r}")
        status = status or (1 if missing else 0)
    return status


if __name__ == "__main__":
    sys.exit(main())
