"""A workspace scan loads each file on its own: every broken file explained, none stops the rest."""

from __future__ import annotations

from pathlib import Path

import pytest
from hostile_workspace import BAD, GOOD, make_workspace

from planner.errors import PlannerError
from planner.formats.proposal_file import load_proposal
from planner.office.workspace import find_proposal_files, scan_workspace, set_status


def test_scan_finds_files_recursively_and_sorted(tmp_path: Path) -> None:
    make_workspace(tmp_path)
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "x.proposal.yaml").write_text("topic: '1.1'\n")
    names = [p.relative_to(tmp_path).as_posix() for p in find_proposal_files(tmp_path)]
    assert names == sorted(GOOD.keys() | BAD.keys())


def test_scan_reports_every_bad_file_by_its_problem(tmp_path: Path, call) -> None:
    ws = scan_workspace(make_workspace(tmp_path), call)
    assert sorted(e.name for e in ws.valid) == sorted(GOOD)
    assert sorted(e.name for e in ws.invalid) == sorted(BAD)
    for entry in ws.invalid:
        text = " | ".join(p.describe(entry.name) for p in entry.problems)
        assert BAD[entry.name][1] in text, text
        assert text.startswith(entry.name)


def test_broken_yaml_names_its_line(tmp_path: Path, call) -> None:
    ws = scan_workspace(make_workspace(tmp_path), call)
    entry = next(e for e in ws.entries if e.name == "syntax.proposal.yaml")
    assert entry.proposal is None
    assert entry.errors[0].line == 5
    assert entry.problems[0].describe(entry.name).startswith("syntax.proposal.yaml:5: error:")


def test_topic_counts_list_every_topic_with_zeros(tmp_path: Path, call) -> None:
    ws = scan_workspace(make_workspace(tmp_path), call)
    counts = ws.topic_counts()
    assert list(counts) == [t.id for t in call.topics()]
    assert len(counts) == 28
    # 1.1: alice + direction-0 + direction-99 + types (readable, topic known)
    assert counts["1.1"] == 4
    assert counts["1.2"] == 2
    assert counts["5.1"] == 0


def test_scan_of_a_file_not_a_folder_is_an_error(tmp_path: Path, call) -> None:
    (tmp_path / "f").write_text("x")
    with pytest.raises(PlannerError, match="not a folder"):
        scan_workspace(tmp_path / "f", call)


def test_set_status_changes_only_the_status_line(tmp_path: Path) -> None:
    path = tmp_path / "a.proposal.yaml"
    text = (
        "# my notes, keep them\nschema: 1\ntopic: '1.1'\ntitle: 标题\n"
        "status: draft   # still writing\nsections:\n  budget: |\n    十万元\n"
    )
    path.write_text(text, encoding="utf-8")
    set_status(path, "review")
    new = path.read_text(encoding="utf-8")
    assert new == text.replace("status: draft   # still writing", "status: review # still writing")
    assert load_proposal(path)[0].status == "review"


def test_set_status_adds_a_missing_status_and_refuses_bad_ones(tmp_path: Path) -> None:
    path = tmp_path / "a.proposal.yaml"
    path.write_text("schema: 1\ntopic: '1.1'", encoding="utf-8")
    set_status(path, "submitted")
    assert path.read_text(encoding="utf-8") == "schema: 1\ntopic: '1.1'\nstatus: submitted\n"
    with pytest.raises(PlannerError, match="not one of draft, review, ready, submitted"):
        set_status(path, "done")
    path.write_text("- a list\n", encoding="utf-8")
    with pytest.raises(PlannerError, match="not a mapping"):
        set_status(path, "ready")
    assert path.read_text(encoding="utf-8") == "- a list\n"


def test_validation_errors_name_the_line_of_their_field(tmp_path: Path, call) -> None:
    ws = scan_workspace(make_workspace(tmp_path), call)
    by_name = {e.name: e for e in ws.entries}
    (error,) = by_name["direction-99.proposal.yaml"].errors
    assert error.describe("direction-99.proposal.yaml") == (
        "direction-99.proposal.yaml:5: error: directions[1]: "
        "direction 99 is out of range: topic 1.1 has directions 1–4"
    )
    (error,) = by_name["unknown-topic.proposal.yaml"].errors
    assert error.line == 3
