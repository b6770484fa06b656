"""Is a process still running? Lock files and recovery copies use it to tell a live owner
from one that crashed."""

from __future__ import annotations

import os
import sys


def this_host() -> str:
    import socket  # lazy: only locks and recovery copies ask, not the window's start

    return socket.gethostname()


def process_token(pid: int) -> str:
    """Who `pid` is, beyond its number: on Linux the boot and the process's start time, so a
    number reused by a later process (after a reboot, or much later) is told apart. Empty
    where the system does not tell (then the number alone is compared)."""
    try:
        with open("/proc/sys/kernel/random/boot_id", encoding="ascii") as handle:
            boot = handle.read().strip()
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as handle:
            stat = handle.read()
    except OSError:
        return ""
    # the command name (field 2) is in parentheses and may hold spaces: count after it
    fields = stat[stat.rfind(")") + 2 :].split()
    return f"{boot}:{fields[19]}" if len(fields) > 19 else ""


def owner_alive(pid: int, token: str) -> bool:
    """True if the process that wrote `token` for `pid` still runs (see process_token)."""
    if not pid_alive(pid):
        return False
    return not token or process_token(pid) in ("", token)


def pid_alive(pid: int) -> bool:
    """True if a process with `pid` runs on this machine (or we cannot tell)."""
    if pid <= 0:
        return False
    if sys.platform == "win32":  # os.kill would terminate the process there
        return _pid_alive_windows(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # it exists, owned by someone else
        return True
    except OSError:
        return True
    return True


def _pid_alive_windows(pid: int) -> bool:  # pragma: no cover - exercised on Windows only
    import ctypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]  # exists on Windows only
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return False
    try:
        code = ctypes.c_ulong()
        kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        return code.value == 259  # STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)
