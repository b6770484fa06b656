"""Our export re-saved by LibreOffice (which rewrites the XML, renames styles, splits runs and
drops the content controls) still reads back (issue 15). Slow: runs soffice."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from paths import DATA
from returned_docx import export, rich_proposal

from planner.document.blocks import Figure, Table
from planner.document.markdown import parse_section
from planner.importer.proposal_docx import read_proposal_docx

pytestmark = pytest.mark.slow


def resave(source: Path, folder: Path) -> Path:
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.fail("LibreOffice (soffice) is needed: apt-get install libreoffice-writer-nogui")
    out = folder / "resaved"
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{folder / 'lo-profile'}", "--headless",
         "--convert-to", "docx", "--outdir", str(out), str(source)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    return out / source.name


def comparable(blocks):
    """LibreOffice writes an explicit left alignment where a column had none, and renames
    pictures: those aside, the blocks must be the same."""
    out = []
    for b in blocks:
        if isinstance(b, Figure):
            b = Figure("", b.caption, b.width_percent)
        elif isinstance(b, Table):
            align = tuple("default" if a == "left" else a for a in b.align)
            b = Table(b.header, b.rows, align, b.caption, b.ragged)
        out.append(b)
    return tuple(out)


def test_a_libreoffice_resave_reads_back(call, tmp_path: Path) -> None:
    (tmp_path / "figures").mkdir()
    shutil.copy(DATA / "figures" / "photo.jpg", tmp_path / "figures")
    proposal = rich_proposal(call)
    resaved = resave(export(proposal, call, tmp_path), tmp_path)
    result = read_proposal_docx(resaved, call)
    back = result.proposal
    assert back.title == proposal.title
    assert back.applicant == proposal.applicant
    assert (back.topic, back.directions, back.own_directions) == (
        "1.1", [2, 4], proposal.own_directions)  # fmt: skip
    for key, text in proposal.sections.items():
        assert comparable(parse_section(back.sections[key])) == comparable(parse_section(text)), key
    # the guidance of the empty sections is never read as text
    assert all(back.sections[s.key] == "" for s in call.form if s.key not in proposal.sections)
    assert result.complete, result.report_lines()
