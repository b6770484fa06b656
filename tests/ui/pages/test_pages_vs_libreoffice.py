"""Pagination close to the Word document's: LibreOffice renders our own .docx of the same
proposal, and the Qt layout's page count stays within ±15 % (and ±1 page) of it."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import paths
import pytest
from rich_proposal import TWENTY_PAGES, rich_proposal

from planner.document.assembly import assemble
from planner.export.docx import export_docx
from planner.formats.proposal_file import load_proposal
from planner.ui.pages.paged import lay_out

pytestmark = pytest.mark.slow


def libreoffice_pages(docx: Path, tmp_path: Path) -> int:
    soffice = shutil.which("soffice")
    assert soffice, "LibreOffice is needed (CI installs libreoffice-writer-nogui)"
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to",
                    "pdf", "--outdir", str(tmp_path), str(docx)],
                   capture_output=True, timeout=240, check=True)  # fmt: skip
    info = subprocess.run(["pdfinfo", str(docx.with_suffix(".pdf"))], capture_output=True,
                          text=True, check=True).stdout  # fmt: skip
    return int(re.search(r"Pages:\s+(\d+)", info)[1])


def assert_close(ours: int, theirs: int) -> None:
    assert abs(ours - theirs) <= max(1, round(0.15 * theirs)), (ours, theirs)
    assert abs(ours - theirs) <= 1 or abs(ours - theirs) <= 0.15 * theirs


@pytest.mark.parametrize("case", ["sample", "data-rich", "rich", "rich-20"])
def test_page_count_is_close_to_libreoffices(qapp, call, tmp_path: Path, case: str) -> None:
    if case in ("sample", "data-rich"):  # tests/data's own, its figures beside it
        name = "sample.proposal.yaml" if case == "sample" else "rich.proposal.yaml"
        path = tmp_path / name
        shutil.copy(paths.DATA / name, path)
        shutil.copytree(paths.DATA / "figures", tmp_path / "figures")
    else:
        path = rich_proposal(tmp_path, repeat=2 if case == "rich" else TWENTY_PAGES)
    proposal, problems = load_proposal(path)
    assert problems == []
    docx = export_docx(proposal, call, tmp_path / "out.docx", base=tmp_path).target
    theirs = libreoffice_pages(docx, tmp_path)
    ours = lay_out(assemble(proposal, call, base=tmp_path)).count
    print(f"{case}: Qt {ours} pages, LibreOffice {theirs} pages")
    assert_close(ours, theirs)
