"""What tells that a file changed on disk since it was read: its (mtime in ns, size)."""

from __future__ import annotations

import os
from pathlib import Path


def file_stamp(path: Path) -> tuple[int, int] | None:
    """(mtime in ns, size) of `path`, None when it is gone. A save is a rename of a new file,
    so even a same-size save within one clock tick gives a new stamp on most file systems
    only by its mtime: callers compare stamps, never trust one alone for content."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_mtime_ns, info.st_size
