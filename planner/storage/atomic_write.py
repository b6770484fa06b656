"""Write files so that a crash, a kill or a full disk never leaves a half-written file behind.

A save writes a temp file beside the target, fsyncs it, renames it over the target and fsyncs
the folder (so the rename itself survives a power cut). The previous version becomes
`<name>.bak` by an atomic rename too, so a kill at any instant leaves both the file and its
backup complete. Temp files of saves that were killed are removed by the next save of the same
file. A new file gets the mode the umask gives (0644 under 022: colleagues on a shared folder
can read it, where `mkstemp`'s 0600 shut them out); a replaced file keeps its mode.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from pathlib import Path

from planner.errors import FileWriteError
from planner.storage.processes import pid_alive

BACKUP_SUFFIX = ".bak"
_TEMP_SUFFIX = ".tmp"
# temp files this process is writing now: never cleaned up under a running save
_WRITING: set[str] = set()


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + BACKUP_SUFFIX)


def write_atomic(path: Path | str, data: bytes, *, keep_backup: bool = True) -> None:
    """Write `data` to a temp file beside `path`, fsync it, then rename it over `path`.

    With `keep_backup`, the previous content of `path` is kept as `path.bak`.
    On any failure the previous file is untouched and FileWriteError says why.
    """
    path = Path(path)
    _remove_stale_temps(path)
    tmp = _write_temp(path, data)
    try:
        try:
            mode = os.stat(path).st_mode
        except FileNotFoundError:
            mode = None
        if mode is not None and os.path.isdir(path):
            raise IsADirectoryError(21, "Is a directory")
        os.chmod(tmp, (mode & 0o777) if mode is not None else new_file_mode())
        if keep_backup and mode is not None:
            _keep_backup(path)
        os.replace(tmp, path)
        fsync_folder(path.parent)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise FileWriteError(f"cannot write {path}: {exc.strerror or exc}") from None
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    finally:
        _WRITING.discard(str(tmp))


def _temp_prefix(path: Path) -> str:
    # the writer's pid in the name: the next save can tell a killed save's temp from a live one
    return f".{path.name}.{os.getpid()}."


def _write_temp(path: Path, data: bytes, prefix: str | None = None) -> Path:
    try:
        fd, name = tempfile.mkstemp(
            prefix=prefix or _temp_prefix(path), suffix=_TEMP_SUFFIX, dir=path.parent
        )
    except OSError as exc:
        raise FileWriteError(f"cannot write {path}: {exc.strerror or exc}") from None
    _WRITING.add(name)
    tmp = Path(name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as exc:
        _WRITING.discard(name)
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise FileWriteError(f"cannot write {path}: {exc.strerror or exc}") from None
    except BaseException:
        _WRITING.discard(name)
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return tmp


def _keep_backup(path: Path) -> None:
    """Make the current `path` the new `path.bak` in one rename: a hard link to it (no copy)
    under a temp name, renamed over the old backup; a copy where links are not supported."""
    bak = backup_path(path)
    # a fresh name: os.link refuses to overwrite, so a clash fails rather than clobbers
    staged = path.with_name(f"{_temp_prefix(path)}bak.{os.urandom(4).hex()}{_TEMP_SUFFIX}")
    _WRITING.add(str(staged))
    try:
        try:
            os.link(path, staged)
        except OSError:
            shutil.copy2(path, staged)  # FAT, some SMB shares: no hard links
        os.replace(staged, bak)
    finally:
        # also on success: when the backup already is this file (a save killed after the
        # last backup), rename() of one link over another of the same file does nothing
        with contextlib.suppress(OSError):
            staged.unlink()
        _WRITING.discard(str(staged))


def _remove_stale_temps(path: Path) -> None:
    """Remove temp files of earlier saves of `path` whose process is gone (killed mid-save)."""
    prefix = f".{path.name}."
    try:
        names = os.listdir(path.parent)
    except OSError:
        return
    for name in names:
        if not (name.startswith(prefix) and name.endswith(_TEMP_SUFFIX)):
            continue
        pid_text = name[len(prefix) :].split(".", 1)[0]
        if not pid_text.isdigit():
            continue
        full = str(path.parent / name)
        pid = int(pid_text)
        if full in _WRITING or (pid != os.getpid() and pid_alive(pid)):
            continue
        with contextlib.suppress(OSError):
            os.unlink(full)


def new_file_mode() -> int:
    """The mode `open()` would give a new file: 0666 less the umask."""
    return 0o666 & ~current_umask()


def current_umask() -> int:
    try:  # Linux tells it without changing it (os.umask would, briefly, for every thread)
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def fsync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable. Not possible (nor needed) on Windows."""
    if os.name == "nt":
        return
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):  # some network file systems refuse it: not fatal
            os.fsync(fd)
    finally:
        os.close(fd)
