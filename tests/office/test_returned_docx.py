"""A research office's folder of returned Word files and proposal files (issue 15)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from returned_docx import export, rich_proposal

from planner.cli.main import main
from planner.formats.proposal_file import save_proposal
from planner.model.proposal import Applicant, Proposal
from planner.office.returned import SIDECAR, read_statuses
from planner.office.summary import summary_header
from planner.office.workspace import scan_workspace, set_status


def mixed_workspace(call, root: Path) -> Path:
    """Two returned .docx (one by the same applicant as a proposal file), a proposal file, a
    broken .docx, Word's lock file, and a batch's earlier output inside the folder."""
    root.mkdir()
    word = rich_proposal(call)
    export(word, call, root, "zhang.docx")
    other = rich_proposal(call)
    other.applicant = Applicant("李四", "教授", "另一大学", "", "lisi@example.edu.cn", "")
    other.sections["background"] = "只有一段。"
    export(other, call, root, "li.docx")
    save_proposal(
        Proposal(call=call.id, topic="5.1", directions=[1], title="行列混合",
                 applicant=Applicant("张三", "副教授", "某某大学")),
        root / "zhang-again.proposal.yaml",
    )  # fmt: skip
    (root / "broken.docx").write_bytes(b"not a zip at all")
    (root / "~$zhang.docx").write_bytes(b"Word's owner file")
    (root / "out").mkdir()
    export(word, call, root / "out", "exported-earlier.docx")
    return root


def test_a_workspace_reads_word_files_beside_proposal_files(call, tmp_path: Path) -> None:
    root = mixed_workspace(call, tmp_path / "ws")
    ws = scan_workspace(root, call, exclude=root / "out")
    names = [e.name for e in ws.entries]
    assert names == ["broken.docx", "li.docx", "zhang-again.proposal.yaml", "zhang.docx"]
    zhang = ws.entry(root / "zhang.docx")
    assert zhang is not None and zhang.from_word and zhang.valid
    assert zhang.proposal.applicant.name == "张三"
    assert zhang.proposal.title == rich_proposal(call).title
    broken = ws.entry(root / "broken.docx")
    assert broken is not None and broken.proposal is None and not broken.valid
    assert "not a Word .docx file" in broken.problems[0].message


def test_status_of_a_word_file_is_kept_beside_it(call, tmp_path: Path) -> None:
    root = mixed_workspace(call, tmp_path / "ws")
    before = (root / "zhang.docx").read_bytes()
    set_status(root / "zhang.docx", "review")
    assert (root / "zhang.docx").read_bytes() == before  # the applicant's file is untouched
    assert read_statuses(root) == {"zhang.docx": "review"}
    assert (root / SIDECAR).exists()
    ws = scan_workspace(root, call, exclude=root / "out")
    assert ws.entry(root / "zhang.docx").proposal.status == "review"
    assert ws.entry(root / "li.docx").proposal.status == "draft"


def test_batch_summarises_word_files_and_never_reads_its_outdir(call, tmp_path, capsys) -> None:
    root = mixed_workspace(call, tmp_path / "ws")
    out = root / "out"
    assert main(["batch", str(root), "-o", str(out), "--jobs", "2"]) == 1  # broken.docx
    printed = capsys.readouterr().out
    assert "4 proposals: 3 valid, 1 invalid; exported 1" in printed
    assert "3 of them returned Word files: checked and summarised, not exported again" in printed
    text = (out / "summary.csv").read_bytes().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == summary_header(call) and rows[0][-1] == "Source"
    by_file = {r[0]: dict(zip(rows[0], r, strict=True)) for r in rows[1:]}
    assert set(by_file) == {"broken.docx", "li.docx", "zhang-again.proposal.yaml", "zhang.docx"}
    assert by_file["zhang.docx"]["Source"] == "Word (.docx)"
    assert by_file["zhang-again.proposal.yaml"]["Source"] == "proposal file"
    assert by_file["zhang.docx"]["Exported as"] == ""
    # the same applicant in a Word file and a proposal file is flagged in both rows
    assert "zhang-again.proposal.yaml" in by_file["zhang.docx"]["Duplicate applicant"]
    assert "zhang.docx" in by_file["zhang-again.proposal.yaml"]["Duplicate applicant"]
    assert by_file["li.docx"]["研究背景与意义 (characters)"] == "5"
    assert by_file["broken.docx"]["Valid"] == "no"


def test_validate_takes_a_word_file(call, tmp_path: Path, capsys) -> None:
    root = mixed_workspace(call, tmp_path / "ws")
    assert main(["validate", str(root / "li.docx")]) == 0
    out = capsys.readouterr().out
    assert f"{root / 'li.docx'} (from Word): valid" in out
    assert "background: 5 / 3000 characters" in out
    assert main(["validate", str(root / "broken.docx")]) == 1
    assert "not a Word .docx file (it is not a zip package)" in capsys.readouterr().err
