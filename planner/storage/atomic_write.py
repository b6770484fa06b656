"""Write files so that a crash or a full disk never leaves a half-written file behind."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from planner.errors import FileWriteError

BACKUP_SUFFIX = ".bak"


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + BACKUP_SUFFIX)


def write_atomic(path: Path | str, data: bytes, *, keep_backup: bool = True) -> None:
    """Write `data` to a temp file beside `path`, fsync it, then rename it over `path`.

    With `keep_backup`, the previous content of `path` is kept as `path.bak`.
    On any failure the previous file is untouched and FileWriteError says why.
    """
    path = Path(path)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise FileWriteError(f"cannot write {path}: {exc.strerror or exc}") from None
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            if path.is_dir():
                raise IsADirectoryError(21, "Is a directory")
            if keep_backup:
                # a hard link keeps the old bytes without copying; fall back to a copy
                bak = backup_path(path)
                with contextlib.suppress(FileNotFoundError):
                    bak.unlink()
                try:
                    os.link(path, bak)
                except OSError:
                    bak.write_bytes(path.read_bytes())
            with contextlib.suppress(OSError):
                os.chmod(tmp, path.stat().st_mode & 0o777)
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise FileWriteError(f"cannot write {path}: {exc.strerror or exc}") from None
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
