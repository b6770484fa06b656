"""Batch export: only the valid proposals, safe names inside OUTDIR, cancel leaves whole files."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx_body import body_paragraphs
from hostile_workspace import GOOD, fake_export, make_workspace, slow_export

import planner.office.batch
from planner.model.proposal import Proposal
from planner.office.batch import ExportJob, Progress, plan_exports, run_exports
from planner.office.workspace import scan_workspace


def _outside(root: Path, outdir: Path) -> set[str]:
    """Every path under `root` that is not in `outdir`."""
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if not p.is_relative_to(outdir)}


@pytest.fixture
def workspace(tmp_path: Path, call):
    return scan_workspace(make_workspace(tmp_path / "ws"), call)


def test_plan_names_every_valid_proposal_safely_inside_outdir(workspace, tmp_path: Path) -> None:
    out = tmp_path / "out"
    jobs = plan_exports(workspace.entries, out)
    assert sorted(j.source for j in jobs) == sorted(GOOD)
    names = {j.source: j.target.name for j in jobs}
    assert names["alice.proposal.yaml"] == "1.1_张三_少样本多模态学习.docx"
    assert names["passwd.proposal.yaml"] == "1.3_赵六_._._etc_passwd.docx"
    assert names["control.proposal.yaml"] == "1.6_周九_标题带[31m控制字符.docx"
    assert len(names["long.proposal.yaml"].encode()) <= 160
    for job in jobs:
        assert job.target.parent == out.resolve()
    assert len({n.casefold() for n in names.values()}) == len(jobs)


@pytest.mark.parametrize(
    ("workers", "start"),
    [(1, None), (2, "fork"), (2, "spawn")],
    ids=["in-process", "fork", "spawn"],
)
def test_batch_exports_exactly_the_good_ones(
    workspace, call, tmp_path: Path, monkeypatch, workers: int, start: str | None
) -> None:
    if start:  # fork from the CLI on Linux; spawn from the app (threads) and on Windows/macOS
        monkeypatch.setattr(planner.office.batch, "_start_method", lambda: start)
    out = tmp_path / "out"
    out.mkdir()
    before = _outside(tmp_path, out)
    jobs = plan_exports(workspace.entries, out)
    events = list(run_exports(jobs, call, workers=workers, export=fake_export))
    assert [e.done for e in events] == list(range(1, len(GOOD) + 1))
    assert all(e.total == len(GOOD) for e in events)
    assert all(e.outcome.ok for e in events), [e.outcome.error for e in events]
    assert sorted(p.name for p in out.iterdir()) == sorted(j.target.name for j in jobs)
    # nothing written anywhere else (the workspace itself included)
    assert _outside(tmp_path, out) == before
    passwd = next(j for j in jobs if j.source == "passwd.proposal.yaml")
    assert passwd.target.read_text(encoding="utf-8").endswith("../../etc/passwd")


def test_a_failing_export_is_reported_and_the_rest_go_on(call, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    jobs = [
        ExportJob(f"p{i}.proposal.yaml", Proposal(topic="1.1", title=t), out / f"p{i}.docx")
        for i, t in enumerate(["ok", "FAIL here", "ok too"])
    ]
    outcomes = [e.outcome for e in run_exports(jobs, call, export=fake_export)]
    assert [o.ok for o in outcomes] == [True, False, True]
    assert outcomes[1].error == "cannot export p1.docx: the template is broken"
    assert sorted(p.name for p in out.iterdir()) == ["p0.docx", "p2.docx"]


def test_cancel_stops_the_pool_and_leaves_only_whole_files(call, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    jobs = [
        ExportJob(f"p{i}", Proposal(topic="1.1", title=f"t{i}"), out / f"p{i}.docx")
        for i in range(40)
    ]
    events = run_exports(jobs, call, workers=2, export=slow_export)
    first: Progress = next(events)
    events.close()  # what the Cancel button and Ctrl-C do
    written = sorted(out.iterdir())
    assert first.outcome.ok
    assert 1 <= len(written) < len(jobs)
    for path in written:  # no temp files, no partial .docx
        assert path.suffix == ".docx"
        assert path.read_text(encoding="utf-8").startswith("fake docx\n1.1\nt")


def test_batch_with_the_real_exporter(workspace, call, tmp_path: Path) -> None:
    """The real export_docx on the hostile workspace: every good one opens and shows its title."""
    import docx

    out = tmp_path / "out"
    out.mkdir()
    jobs = plan_exports(workspace.entries, out)
    outcomes = [e.outcome for e in run_exports(jobs, call, workers=2)]
    assert [o.error for o in outcomes if not o.ok] == []
    assert sorted(p.name for p in out.iterdir()) == sorted(j.target.name for j in jobs)
    alice = next(j for j in jobs if j.source == "alice.proposal.yaml")
    text = "\n".join(p.text for p in body_paragraphs(docx.Document(str(alice.target))))
    assert "少样本多模态学习" in text
    control = next(j for j in jobs if j.source == "control.proposal.yaml")
    text = "\n".join(p.text for p in body_paragraphs(docx.Document(str(control.target))))
    assert "标题带" in text


def test_pool_start_method_is_spawn_off_the_main_thread() -> None:
    """The app runs batches from a QThread: forking there would copy locks held by Qt threads."""
    import threading

    seen: list[str] = []
    thread = threading.Thread(target=lambda: seen.append(planner.office.batch._start_method()))
    thread.start()
    thread.join()
    assert seen == ["spawn"]
