"""A call from whatever file the user names: a call file (YAML), or a topic list to import.

The one place that decides which: the window (File → Open Call…, Recent Calls, a drop, the
call used last time), the CLI's `--call` and the app's `--call` all load through
`load_any_call`, so a call imported from .txt/.md/.docx works everywhere a call file does.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from planner.errors import CallFileError
from planner.formats.call_file import load_call
from planner.model.call import Call
from planner.resources import builtin_call_path

if TYPE_CHECKING:
    from planner.importer.call_import import ImportReport

CALL_FILE_SUFFIXES = (".yaml", ".yml")
# Files read as a topic list rather than as a call file (`import-call`, File → Open Call…).
IMPORT_SUFFIXES = (".txt", ".md", ".markdown", ".docx")


@dataclass(frozen=True)
class LoadedCall:
    call: Call
    path: Path | None  # None: the built-in call
    report: ImportReport | None = None  # what an import could not place; None for a call file

    @property
    def imported(self) -> bool:
        return self.report is not None


def is_topic_list(path: Path) -> bool:
    """Whether `path` is imported as a topic list (else it is read as a call file)."""
    return Path(path).suffix.lower() in IMPORT_SUFFIXES


def can_open_as_call(path: Path) -> bool:
    """A file the window offers to open as a call (a dropped file, say)."""
    return Path(path).suffix.lower() in (*CALL_FILE_SUFFIXES, *IMPORT_SUFFIXES)


def load_any_call(path: Path | str | None) -> LoadedCall:
    """The call in `path`, None for the built-in one; raises CallFileError naming the file.

    A topic list is imported with its file name as id and title, exactly as it is each time,
    so a call imported once reads back the same at the next start and in every batch worker.
    An import that finds no area or topic at all is refused: it is not a topic list."""
    if path is None:
        return LoadedCall(load_call(builtin_call_path()), None)
    path = Path(path)
    if not is_topic_list(path):
        return LoadedCall(load_call(path), path)  # the common case, without the importer
    from planner.importer.call_import import import_call_file  # lazy: off the window's start

    call, report = import_call_file(path)
    if not call.areas:
        raise CallFileError(str(path), "no numbered area or topic headings were found")
    return LoadedCall(call, path, report)
