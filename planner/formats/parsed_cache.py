"""Parsed YAML kept between runs, so that the window can start without loading PyYAML.

Importing PyYAML and parsing the call costs the window ~25 ms of its start-up; reading back the
plain data with `marshal` (built in, nothing to import) takes well under a millisecond. Off
until the app calls `enable(folder)`: the CLI and the tests always parse afresh.

An entry is kept per file path and holds the whole text it was parsed from; it is used only
for exactly that text, so an edited file is never served stale data. Any fault (unreadable,
corrupt, from another Python) just means a miss.
"""

from __future__ import annotations

import contextlib
import marshal
import zlib
from pathlib import Path
from typing import Any

from planner.errors import FileWriteError
from planner.storage.atomic_write import write_atomic

MISSING: Any = object()  # what `lookup` returns on a miss (None is valid YAML data)
_FORMAT = 2  # 2: every scalar is the text written (no YAML 1.1 numbers)
_folder: Path | None = None


def enable(folder: Path | str | None) -> None:
    """Keep entries in `folder` (created on first store); None turns the cache off."""
    global _folder
    _folder = Path(folder) if folder is not None else None


def lookup(key: str, text: str) -> Any:
    """The data stored for `key` if it was parsed from exactly `text`, else MISSING."""
    path = _entry(key)
    if path is None:
        return MISSING
    try:
        stored = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return MISSING
    if (
        not isinstance(stored, tuple)
        or len(stored) != 4
        or stored[:3] != (_FORMAT, marshal.version, text)
    ):
        return MISSING
    return stored[3]


def store(key: str, text: str, data: Any) -> None:
    """Remember `data` as parsed from `text` of `key`; silently skipped when it cannot be."""
    path = _entry(key)
    if path is None:
        return
    try:
        blob = marshal.dumps((_FORMAT, marshal.version, text, data))
    except ValueError:  # e.g. a YAML timestamp (datetime): not plain enough for marshal
        return
    with contextlib.suppress(OSError, FileWriteError):
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, blob, keep_backup=False)


def _entry(key: str) -> Path | None:
    if _folder is None:
        return None
    return _folder / f"{zlib.crc32(key.encode('utf-8', 'surrogatepass')):08x}.marshal"
