"""A recovery copy written on another machine (a shared home folder) is judged by that
machine's name, never by whether a process with its pid happens to run here."""

from __future__ import annotations

import json
import os
from pathlib import Path

from planner.model.proposal import Proposal
from planner.storage.recovery import RecoveryStore


def test_a_copy_from_another_host_is_orphaned_even_if_its_pid_lives_here(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path)
    entry = store.save(Proposal(title="另一台电脑"), None)
    meta = entry.path.with_name(entry.path.name.replace(".proposal.yaml", ".json"))
    data = json.loads(meta.read_text())
    assert data["pid"] == os.getpid()  # a pid that is certainly alive on this host
    data["host"] = "someone-elses-laptop"
    meta.write_text(json.dumps(data))
    assert [e.load().title for e in store.orphaned()] == ["另一台电脑"]


def test_our_own_live_copy_is_not_orphaned(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path)
    store.save(Proposal(title="正在编辑"), None)
    assert store.orphaned() == []
