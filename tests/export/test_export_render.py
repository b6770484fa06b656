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
