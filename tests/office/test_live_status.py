"""Issue 16, item 1: the workspace reads what is on disk, and a status change never races a save."""

from __future__ import annotations

from pathlib import Path

import pytest
from hostile_workspace import make_workspace

from planner.formats.proposal_file import load_proposal
from planner.office.live import refresh_workspace
from planner.office.status import BACKUP_FOLDER, set_status_locked
from planner.office.workspace import scan_workspace
from planner.storage.file_lock import LockedError, acquire_lock


def test_a_status_change_takes_the_planners_lock(tmp_path: Path) -> None:
    path = tmp_path / "a.proposal.yaml"
    path.write_text("schema: 1\ntopic: '1.1'\nstatus: draft\n", encoding="utf-8")
    lock = acquire_lock(path)  # a planner window has it open
    try:
        with pytest.raises(LockedError):
            set_status_locked(path, "review", tmp_path)
        assert load_proposal(path)[0].status == "draft"
    finally:
        lock.release()
    set_status_locked(path, "review", tmp_path)
    assert load_proposal(path)[0].status == "review"
    acquire_lock(path).release()  # and the status change let go of its lock


def test_status_backups_go_to_one_folder_not_beside_every_file(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    paths = [tmp_path / "a.proposal.yaml", tmp_path / "sub" / "a.proposal.yaml"]
    for i, path in enumerate(paths):
        path.write_text(f"schema: 1\ntitle: t{i}\nstatus: draft\n", encoding="utf-8")
        set_status_locked(path, "ready", tmp_path)
    assert sorted(p.name for p in tmp_path.rglob("*.bak")) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == [BACKUP_FOLDER, "a.proposal.yaml", "sub"]
    backups = tmp_path / BACKUP_FOLDER
    assert (backups / "a.proposal.yaml").read_text(encoding="utf-8").endswith("status: draft\n")
    assert "title: t1" in (backups / "sub" / "a.proposal.yaml").read_text(encoding="utf-8")


def test_the_status_is_set_in_the_newest_save(tmp_path: Path) -> None:
    path = tmp_path / "a.proposal.yaml"
    path.write_text("schema: 1\ntitle: old\nstatus: draft\n", encoding="utf-8")
    path.write_text("schema: 1\ntitle: newer\nstatus: draft\n", encoding="utf-8")  # saved since
    set_status_locked(path, "submitted", tmp_path)
    assert path.read_text(encoding="utf-8") == "schema: 1\ntitle: newer\nstatus: submitted\n"


def test_refresh_sees_added_changed_and_removed_files(tmp_path: Path, call) -> None:
    root = make_workspace(tmp_path / "ws")
    ws = scan_workspace(root, call)
    assert not refresh_workspace(ws)  # nothing changed: nothing reloaded
    alice = root / "alice.proposal.yaml"
    text = alice.read_text(encoding="utf-8")
    alice.write_text(text.replace("少样本多模态学习", "新题目"), encoding="utf-8")
    (root / "carol.proposal.yaml").unlink()
    (root / "new.proposal.yaml").write_text("schema: 1\ntitle: 新的\n", encoding="utf-8")
    result = refresh_workspace(ws)
    assert result.changed == ["alice.proposal.yaml"]
    assert result.added == ["new.proposal.yaml"]
    assert result.removed == ["carol.proposal.yaml"]
    titles = {e.name: e.proposal.title for e in ws.entries if e.proposal}
    assert titles["alice.proposal.yaml"] == "新题目"
    assert "carol.proposal.yaml" not in titles
    assert [e.path for e in ws.entries] == sorted(e.path for e in ws.entries)
