"""A folder where no lock can be written: the file opens read-only rather than unlocked, so two
windows never both edit it (issue 18, must-have 6)."""

from __future__ import annotations

import errno

from planner.formats.proposal_file import save_proposal
from planner.model.proposal import Proposal
from planner.storage import file_lock


def test_no_lock_means_read_only(window, make_window, tmp_path, monkeypatch) -> None:
    target = tmp_path / "shared.proposal.yaml"
    save_proposal(Proposal(call="call-topics", topic="1.1", title="共享"), target)

    def read_only_folder(_target):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(file_lock, "_create", read_only_folder)
    second = make_window()
    for w in (window, second):
        assert w.open_proposal(target)
        assert w.document.read_only and "(read-only)" in w.windowTitle()
        assert w.editor.title_edit.isReadOnly()
