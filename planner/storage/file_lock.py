"""Lock files beside an open proposal, so a second window or a second copy of the app does not
silently overwrite it. The lock is `.~<name>.lock` beside the file and holds pid, host and time;
a lock whose process is gone on this host is stale (a crash) and is taken over."""

from __future__ import annotations

import contextlib
import json
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from planner.errors import PlannerError
from planner.storage.atomic_write import fsync_folder, new_file_mode
from planner.storage.processes import owner_alive, process_token, this_host


def lock_path(target: Path | str) -> Path:
    target = Path(target)
    return target.with_name(f".~{target.name}.lock")


@dataclass(frozen=True)
class LockInfo:
    """Who holds a lock: process id, host name, and when (seconds since the epoch)."""

    pid: int
    host: str
    time: float
    token: str = ""  # processes.process_token: tells a reused pid from its first owner

    def is_stale(self) -> bool:
        """Only a lock from this host can be proven stale: its process is gone."""
        return self.host == this_host() and not owner_alive(self.pid, self.token)

    def is_ours(self) -> bool:
        return (
            self.host == this_host()
            and self.pid == os.getpid()
            and self.token in ("", process_token(self.pid))
        )

    def describe(self) -> str:
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(self.time))
        if self.pid <= 0:  # a lock file we could not read
            return f"an unknown process since {when}"
        return f"process {self.pid} on {self.host} since {when}"


# Targets this process holds: a second window of the same app is blocked like another copy.
_HELD: set[Path] = set()


class LockedError(PlannerError):
    """The file is open in another window or another copy of the app."""

    def __init__(self, target: Path, holder: LockInfo) -> None:
        self.target = target
        self.holder = holder
        super().__init__(f"{target} is already open ({holder.describe()})")


# An unreadable lock this young may be one another process is still writing.
WRITING_GRACE_S = 5.0


def read_lock(target: Path | str) -> LockInfo | None:
    """The lock on `target`, or None.

    An unreadable lock file is being written by someone (held) while it is young, else left
    half-written by a crash or foreign (stale: a dead process on this host)."""
    path = lock_path(target)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        pid, host, when = int(data["pid"]), str(data["host"]), float(data["time"])
        return LockInfo(pid, host, when, str(data.get("token", "")))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError):
        try:
            written = path.stat().st_mtime
        except OSError:
            return None
        if time.time() - written < WRITING_GRACE_S:
            return LockInfo(0, "", written)  # no host: never proven stale
        return LockInfo(0, this_host(), 0.0)


@dataclass
class FileLock:
    """A lock we hold on `target`; `release()` removes it if it is still ours."""

    target: Path

    @property
    def path(self) -> Path:
        return lock_path(self.target)

    def release(self) -> None:
        _HELD.discard(self.target.resolve())
        info = read_lock(self.target)
        if info is not None and info.is_ours():
            with contextlib.suppress(OSError):
                self.path.unlink()


def acquire_lock(target: Path | str) -> FileLock:
    """Lock `target` for this process. Raises LockedError if a live process holds it.

    A stale lock (its process died on this host) is replaced.
    A lock this process holds for another window also raises; one it left behind is reused.
    OSError when no lock can be written there (a read-only folder): the caller opens the file
    read-only rather than edit it unlocked.
    """
    target = Path(target)
    key = target.resolve()
    for _ in range(3):  # a racing process may create or remove the lock between our steps
        if _create(target):
            _HELD.add(key)
            return FileLock(target)
        info = read_lock(target)
        if info is None:
            continue
        if info.is_ours():
            if key in _HELD:
                raise LockedError(target, info)
            _HELD.add(key)
            return FileLock(target)
        if not info.is_stale():
            raise LockedError(target, info)
        if _take_over(target):  # stale: its process is gone
            _HELD.add(key)
            return FileLock(target)
    info = read_lock(target)
    raise LockedError(target, info or LockInfo(0, "?", 0.0))


def _take_over(target: Path) -> bool:
    """Replace a stale lock, atomically among processes: whether we now hold the lock (False
    when another process took it first).

    Reading "stale", removing and creating are three steps; two processes doing them at once
    could each remove the other's fresh lock and both believe they own the file (2 of 100
    trials). So the steps run under an exclusive `flock` on a guard file beside the lock: the
    kernel releases it when its holder dies, so the guard itself never goes stale."""
    with _takeover_guard(target):
        info = read_lock(target)  # again: the holder of the guard before us may have taken it
        if info is None:
            return _create(target)
        if not info.is_stale():
            return False
        with contextlib.suppress(FileNotFoundError):
            lock_path(target).unlink()
        return _create(target)


@contextlib.contextmanager
def _takeover_guard(target: Path) -> Iterator[None]:
    try:
        import fcntl
    except ImportError:  # Windows: no flock; the three steps run unguarded, as before
        yield
        return
    guard = lock_path(target).with_name(lock_path(target).name + ".takeover")
    while True:
        fd = os.open(guard, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            # the guard may have been removed by its previous holder while we waited: then
            # we hold a lock on a file nobody else sees, and must take the new one instead
            if os.path.samestat(os.fstat(fd), os.stat(guard)):
                break
        except FileNotFoundError:
            pass
        except BaseException:
            os.close(fd)
            raise
        os.close(fd)
    try:
        yield
    finally:
        with contextlib.suppress(OSError):
            os.unlink(guard)  # still under our flock: nobody else holds this file
        os.close(fd)


def _create(target: Path) -> bool:
    """Create the lock file, complete, if none exists; False if it exists. OSError if the
    folder is read-only.

    The lock is written under a temp name and hard-linked into place (link refuses to replace
    an existing file), so no reader ever sees it half-written; where links are unsupported it
    is created exclusively and then written."""
    pid = os.getpid()
    data = json.dumps(
        {"pid": pid, "host": this_host(), "time": time.time(), "token": process_token(pid)}
    )
    path = lock_path(target)
    staged = path.with_name(f"{path.name}.{pid}.{os.urandom(4).hex()}.tmp")
    try:
        fd = os.open(staged, os.O_WRONLY | os.O_CREAT | os.O_EXCL, new_file_mode())
    except OSError:
        return _create_in_place(path, data)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(data)
        try:
            os.link(staged, path)
        except FileExistsError:
            return False
        except OSError:  # no hard links on this file system
            return _create_in_place(path, data)
        fsync_folder(path.parent)
        return True
    finally:
        with contextlib.suppress(OSError):
            os.unlink(staged)


def _create_in_place(path: Path, data: str) -> bool:
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, new_file_mode())
    except FileExistsError:
        return False
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(data)
    return True
