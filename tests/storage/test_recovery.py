"""Recovery copies: written, listed, recognised as orphaned only after the writer died."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from planner.model.proposal import Proposal
from planner.storage.recovery import RecoveryStore


def _proposal() -> Proposal:
    p = Proposal(call="call-topics", topic="5.1", directions=[2], title="行列混合引擎")
    p.sections["background"] = "HTAP 系统的查询优化。"
    return p


def test_a_copy_round_trips_and_is_not_orphaned_while_we_run(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path / "recovery")
    source = tmp_path / "x.proposal.yaml"
    entry = store.save(_proposal(), source)
    assert entry.load() == _proposal()
    assert [e.path for e in store.entries()] == [entry.path]
    assert store.entries()[0].source == source.resolve()
    assert store.orphaned() == []


def test_saving_again_overwrites_the_same_copy(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path)
    first = store.save(_proposal(), None, "s1")
    changed = _proposal()
    changed.title = "新题目"
    second = store.save(changed, None, "s1")
    assert first.path == second.path
    assert [e.load().title for e in store.entries()] == ["新题目"]


def test_a_copy_left_by_a_dead_process_is_orphaned(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path)
    entry = store.save(_proposal(), None)
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    meta_path = entry.path.with_name(entry.path.name.replace(".proposal.yaml", ".json"))
    meta = json.loads(meta_path.read_text())
    meta["pid"] = child.pid
    meta_path.write_text(json.dumps(meta))
    orphans = store.orphaned()
    assert len(orphans) == 1 and orphans[0].source is None
    assert orphans[0].load().sections["background"] == "HTAP 系统的查询优化。"
    store.discard(orphans[0])
    assert store.entries() == [] and list(tmp_path.iterdir()) == []


def test_a_missing_folder_has_no_entries(tmp_path: Path) -> None:
    assert RecoveryStore(tmp_path / "nope").entries() == []


def test_a_copy_from_a_process_that_had_our_pid_before_is_orphaned(tmp_path: Path) -> None:
    """Our own pid, but written by an earlier process that had it (before a reboot)."""
    store = RecoveryStore(tmp_path)
    entry = store.save(Proposal(title="重启前"), None)
    meta = entry.path.with_name(entry.path.name.replace(".proposal.yaml", ".json"))
    data = json.loads(meta.read_text())
    assert data["pid"] == os.getpid() and data["token"]
    data["token"] = "old-boot:42"
    meta.write_text(json.dumps(data))
    assert [e.load().title for e in store.orphaned()] == ["重启前"]
