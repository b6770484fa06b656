"""Locks and saves under real processes: exactly one owner when many take over one stale lock
at once, and a kill at any instant of a save leaves the file and its backup complete (issue 18,
must-have 6). Trials are counted, not timed."""

from __future__ import annotations

import json
import multiprocessing
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from planner.storage import file_lock
from planner.storage.atomic_write import backup_path, write_atomic
from planner.storage.processes import this_host

TRIALS = 1000
RACERS = 4


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def _racer(folder: str, trials: int, barrier, results) -> None:
    for trial in range(trials):
        barrier.wait()
        target = Path(folder) / f"{trial}.proposal.yaml"
        try:
            file_lock.acquire_lock(target)
            won = 1
        except file_lock.LockedError:
            won = 0
        results.put((trial, won))


@pytest.mark.skipif(sys.platform != "linux", reason="fork start method")
def test_exactly_one_process_takes_over_a_stale_lock(tmp_path: Path) -> None:
    stale = json.dumps({"pid": _dead_pid(), "host": this_host(), "time": 1.0})
    for trial in range(TRIALS):
        file_lock.lock_path(tmp_path / f"{trial}.proposal.yaml").write_text(stale, "utf-8")
    context = multiprocessing.get_context("fork")
    barrier = context.Barrier(RACERS)
    results = context.Queue()
    racers = [
        context.Process(target=_racer, args=(str(tmp_path), TRIALS, barrier, results))
        for _ in range(RACERS)
    ]
    for racer in racers:
        racer.start()
    owners = [0] * TRIALS
    for _ in range(TRIALS * RACERS):
        trial, won = results.get(timeout=60)
        owners[trial] += won
    for racer in racers:
        racer.join(timeout=30)
    assert owners == [1] * TRIALS
    # and the lock on disk names one of the racers, complete
    holders = {
        json.loads(file_lock.lock_path(tmp_path / f"{t}.proposal.yaml").read_text())["pid"]
        for t in range(TRIALS)
    }
    assert holders <= {r.pid for r in racers}
    assert not list(tmp_path.glob("*.takeover")) and not list(tmp_path.glob("*.tmp"))


VERSIONS = [(f"version {i}\n" * 4_000).encode() for i in range(3)]  # ~40 kB each


def _save_forever(target: str) -> None:
    i = 0
    while True:
        write_atomic(Path(target), VERSIONS[i % len(VERSIONS)])
        i += 1


@pytest.mark.skipif(sys.platform != "linux", reason="fork start method")
def test_a_kill_during_saves_leaves_file_and_backup_whole(tmp_path: Path) -> None:
    target = tmp_path / "p.proposal.yaml"
    write_atomic(target, VERSIONS[0])
    write_atomic(target, VERSIONS[1])
    rng = random.Random(18)
    leftovers = 0
    for _ in range(200):
        pid = os.fork()
        if pid == 0:  # the saver: saves until killed
            try:
                _save_forever(str(target))
            finally:
                os._exit(1)
        time.sleep(rng.uniform(0.001, 0.01))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        assert target.read_bytes() in VERSIONS
        assert backup_path(target).read_bytes() in VERSIONS
        leftovers += len(list(tmp_path.glob(".*.tmp")))
        write_atomic(target, VERSIONS[2])  # the next save cleans up after the killed one
        assert list(tmp_path.glob(".*.tmp")) == []
    assert leftovers > 0  # some kills did land mid-save, so the cleanup was exercised


def test_new_files_get_the_umask_mode_and_replaced_files_keep_theirs(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        target = tmp_path / "new.proposal.yaml"
        write_atomic(target, b"a")
        assert target.stat().st_mode & 0o777 == 0o644  # mkstemp alone gave 0600
        target.chmod(0o660)
        write_atomic(target, b"b")
        assert target.stat().st_mode & 0o777 == 0o660
        assert backup_path(target).read_bytes() == b"a"
        lock = file_lock.acquire_lock(tmp_path / "other.proposal.yaml")
        assert lock.path.stat().st_mode & 0o777 == 0o644
        lock.release()
        os.umask(0o077)
        private = tmp_path / "private.yaml"
        write_atomic(private, b"x")
        assert private.stat().st_mode & 0o777 == 0o600
    finally:
        os.umask(old)


def test_a_save_fsyncs_the_folder_after_the_rename(tmp_path: Path, monkeypatch) -> None:
    calls: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        calls.append("dir" if os.path.isdir(f"/proc/self/fd/{fd}") else "file")
        real_fsync(fd)

    def replace(a, b) -> None:
        calls.append("rename")
        real_replace(a, b)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    write_atomic(tmp_path / "x.yaml", b"data", keep_backup=False)
    assert calls == ["file", "rename", "dir"]
