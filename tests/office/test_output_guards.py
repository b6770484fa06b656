"""The guards on what an office sends around: output names that stay in OUTDIR, cells Excel
would run as formulas, invalid rows tinted so they stand out."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from hostile_workspace import make_workspace

from planner.office.safe_names import UnsafeTargetError, contained
from planner.office.summary import csv_cell, summary_header, write_summaries
from planner.office.workspace import scan_workspace


def test_contained_follows_a_symlink_in_outdir_and_refuses_it(tmp_path: Path) -> None:
    outdir, elsewhere = tmp_path / "out", tmp_path / "elsewhere"
    outdir.mkdir()
    elsewhere.mkdir()
    (outdir / "report.docx").symlink_to(elsewhere / "report.docx")
    with pytest.raises(UnsafeTargetError, match="outside"):
        contained(outdir, "report.docx")
    assert contained(outdir, "plain.docx") == outdir.resolve() / "plain.docx"


@pytest.mark.parametrize("text", ["=1+1", "+86 10 1234", "-2", "@SUM(A1)"])
def test_every_formula_start_is_neutralised_in_the_csv(text: str) -> None:
    assert csv_cell(text, "Title") == "'" + text


def test_plain_text_is_left_alone_in_the_csv() -> None:
    assert csv_cell("行列混合 - 引擎", "Title") == "行列混合 - 引擎"


def test_invalid_rows_are_tinted_and_valid_rows_are_not(tmp_path: Path, call) -> None:
    ws = scan_workspace(make_workspace(tmp_path / "ws"), call)
    xlsx, _csv = write_summaries(ws, tmp_path / "out", {})
    sheet = openpyxl.load_workbook(xlsx)["Proposals"]
    valid = summary_header(call).index("Valid")
    tints = {}
    for row in sheet.iter_rows(min_row=2):
        tints.setdefault(row[valid].value, set()).update(c.fill.fgColor.rgb for c in row)
    assert tints["no"] == {"00FCE4E4"}
    assert "00FCE4E4" not in tints["yes"]
