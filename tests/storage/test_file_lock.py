"""Lock files: a live holder blocks, a crashed holder's lock is taken over, release is ours only."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from planner.storage.file_lock import LockedError, acquire_lock, lock_path, read_lock
from planner.storage.processes import process_token, this_host


def _dead_pid() -> int:
    """The pid of a process that has certainly exited."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def _write_lock(target: Path, pid: int, host: str) -> None:
    lock_path(target).write_text(json.dumps({"pid": pid, "host": host, "time": 1.0}))


def test_lock_sits_beside_the_file_and_names_this_process(tmp_path: Path) -> None:
    target = tmp_path / "mine.proposal.yaml"
    lock = acquire_lock(target)
    assert lock.path == tmp_path / ".~mine.proposal.yaml.lock"
    info = read_lock(target)
    assert info is not None and info.pid == os.getpid() and info.host == this_host()
    lock.release()
    assert not lock.path.exists()


def test_a_live_process_holds_the_lock(tmp_path: Path) -> None:
    target = tmp_path / "a.proposal.yaml"
    with subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"]) as child:
        try:
            _write_lock(target, child.pid, this_host())
            with pytest.raises(LockedError) as caught:
                acquire_lock(target)
            assert f"process {child.pid}" in str(caught.value)
            assert caught.value.holder.pid == child.pid
        finally:
            child.kill()


def test_a_lock_from_another_host_is_never_taken_over(tmp_path: Path) -> None:
    target = tmp_path / "a.proposal.yaml"
    _write_lock(target, _dead_pid(), "some-other-machine")
    with pytest.raises(LockedError):
        acquire_lock(target)


def test_a_stale_lock_from_a_crash_is_taken_over(tmp_path: Path) -> None:
    target = tmp_path / "a.proposal.yaml"
    dead = _dead_pid()
    _write_lock(target, dead, this_host())
    acquire_lock(target)
    assert read_lock(target).pid == os.getpid()  # the dead session's lock is ours now


def test_a_garbled_lock_counts_as_stale_once_it_is_old(tmp_path: Path) -> None:
    target = tmp_path / "a.proposal.yaml"
    lock_path(target).write_text("{not json")
    old = time.time() - 60
    os.utime(lock_path(target), (old, old))
    acquire_lock(target)
    assert read_lock(target).pid == os.getpid()


def test_a_lock_still_being_written_is_held(tmp_path: Path) -> None:
    # another process has created the file but not yet written pid and host into it
    target = tmp_path / "a.proposal.yaml"
    lock_path(target).write_text("")
    with pytest.raises(LockedError, match="already open \\(an unknown process since "):
        acquire_lock(target)
    assert lock_path(target).read_text() == ""


def test_release_leaves_someone_elses_lock_alone(tmp_path: Path) -> None:
    target = tmp_path / "a.proposal.yaml"
    lock = acquire_lock(target)
    _write_lock(target, os.getpid() + 1, "other-host")
    lock.release()
    assert lock_path(target).exists()
    lock_path(target).unlink()


def test_a_second_window_of_this_process_is_blocked_until_release(tmp_path: Path) -> None:
    target = tmp_path / "a.proposal.yaml"
    first = acquire_lock(target)
    with pytest.raises(LockedError):
        acquire_lock(target)
    first.release()
    acquire_lock(target).release()


def test_a_lock_whose_pid_now_belongs_to_another_process_is_stale(tmp_path: Path) -> None:
    """After a reboot a crashed session's pid may be running something else entirely."""
    target = tmp_path / "a.proposal.yaml"
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        data = {"pid": other.pid, "host": this_host(), "time": 1.0, "token": "old-boot:42"}
        lock_path(target).write_text(json.dumps(data))
        lock = acquire_lock(target)
        assert read_lock(target).pid == os.getpid()
        lock.release()
        # the same pid with its own token is a live holder
        data["token"] = process_token(other.pid)
        lock_path(target).write_text(json.dumps(data))
        with pytest.raises(LockedError):
            acquire_lock(target)
    finally:
        other.kill()
        other.wait()
