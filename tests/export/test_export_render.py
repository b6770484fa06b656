"""Convert an export with LibreOffice and render page 1: the document opens, lays out on A4,
and its Chinese is set in a CJK face (no tofu)."""

from __future__ import annotations

import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from planner.export.docx import export_docx


def run(cmd: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=180, check=True)


@pytest.mark.slow
def test_libreoffice_renders_page_one(call, filled, tmp_path: Path) -> None:
    soffice, pdftoppm = shutil.which("soffice"), shutil.which("pdftoppm")
    assert soffice and pdftoppm, "LibreOffice and poppler-utils are needed (CI installs them)"
    source = export_docx(filled, call, tmp_path / "proposal.docx").target
    profile = (tmp_path / "lo-profile").as_uri()  # isolated: no user profile, no lock clash
    run(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(source)],
        tmp_path,
    )  # fmt: skip
    pdf = tmp_path / "proposal.pdf"
    assert pdf.stat().st_size > 10_000
    run([pdftoppm, "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", str(pdf), "page"],
        tmp_path)  # fmt: skip
    png = (tmp_path / "page.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    assert abs(width - 496) <= 2 and abs(height - 702) <= 2  # A4 at 60 dpi, portrait
    assert len(png) > 20_000  # a page of text, not a blank sheet

    fonts = run(["pdffonts", str(pdf)], tmp_path).stdout
    assert "CJK" in fonts, f"no CJK font embedded, Chinese would be tofu:\n{fonts}"
    text = run(["pdftotext", "-f", "1", "-l", "1", str(pdf), "-"], tmp_path).stdout
    assert "面向少量样本的多模态大模型视觉推理研究" in text


@pytest.mark.slow
def test_libreoffice_renders_the_rich_export(tmp_path: Path) -> None:
    """Sub-headings, tables, figures, citations and the reference list, laid out by another
    word processor: every page renders, the pictures are there, no markup shows."""
    import golden_docx

    soffice, pdftoppm = shutil.which("soffice"), shutil.which("pdftoppm")
    assert soffice and pdftoppm, "LibreOffice and poppler-utils are needed (CI installs them)"
    (case,) = [c for c in golden_docx.CASES if c.name == "rich"]
    source = tmp_path / "rich.docx"
    source.write_bytes(golden_docx.export_bytes(case))
    profile = (tmp_path / "lo-profile").as_uri()
    run(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(source)],
        tmp_path,
    )  # fmt: skip
    pdf = tmp_path / "rich.pdf"
    pages = int(next(
        line.split()[-1] for line in run(["pdfinfo", str(pdf)], tmp_path).stdout.splitlines()
        if line.startswith("Pages:")
    ))  # fmt: skip
    assert 4 <= pages <= 6
    run([pdftoppm, "-png", "-r", "30", str(pdf), "page"], tmp_path)
    for n in range(1, pages + 1):
        assert (tmp_path / f"page-{n}.png").stat().st_size > 3_000  # drawn, not blank
    images = run(["pdfimages", "-list", str(pdf)], tmp_path).stdout.splitlines()[2:]
    assert len(images) == 2  # 技术路线图 and 系统架构
    assert "CJK" in run(["pdffonts", str(pdf)], tmp_path).stdout
    text = run(["pdftotext", str(pdf), "-"], tmp_path).stdout
    for shown in ("（一）研究现状", "1. 国内研究", "（1）特征设计", "表 1 研究内容与考核指标",
                  "图 1 技术路线图", "图 2 系统架构", "表 2 研究进度安排", "参考文献",
                  "[1]", "统一代价模型", "估计误差"):  # fmt: skip
        assert shown in text, shown
    for markup in ("**", "![", "[@", "|---", "Table:"):
        assert markup not in text, markup
