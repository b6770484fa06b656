"""`planner export … -o OUT.pdf` and `planner batch --format`: from a terminal with no display
and no LibreOffice, Qt loaded only on this path."""

from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
import sys
from pathlib import Path

import paths
import pytest
from rich_proposal import rich_proposal

from planner.cli.main import main

REPO = paths.REPO
SAMPLE = paths.DATA / "sample.proposal.yaml"


def bare_env(home: Path) -> dict[str, str]:
    """No DISPLAY, no WAYLAND_DISPLAY, no QT_QPA_PLATFORM: a server or an SSH session."""
    return {"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin", "HOME": str(home)}


def test_export_pdf_without_a_display_chooses_offscreen(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    probe = (
        "import os, sys\n"
        "from planner.cli.main import main\n"
        f"code = main(['export', {str(SAMPLE)!r}, '-o', {str(tmp_path / 'a.pdf')!r}])\n"
        "assert code == 0, code\n"
        "assert os.environ['QT_QPA_PLATFORM'] == 'offscreen'\n"
        "assert 'PySide6.QtWidgets' not in sys.modules, 'the PDF needs QtGui only'\n"
        "assert 'docx' not in sys.modules, 'a PDF of text needs no python-docx'\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, env=bare_env(home),
                          capture_output=True, text=True, timeout=120)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"wrote {tmp_path / 'a.pdf'} (2 pages)"
    assert (tmp_path / "a.pdf").read_bytes().startswith(b"%PDF-1.4")


def test_other_commands_import_no_qt(tmp_path: Path) -> None:
    probe = (
        "import sys\n"
        "from planner.cli.main import main\n"
        "main(['topics'])\n"
        f"main(['validate', {str(SAMPLE)!r}])\n"
        f"main(['export', {str(SAMPLE)!r}, '-o', {str(tmp_path / 'a.docx')!r}])\n"
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt imported'\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], cwd=REPO, env=bare_env(tmp_path),
                          capture_output=True, text=True, timeout=120)  # fmt: skip
    assert done.returncode == 0, done.stderr


def test_format_option_and_extension(qapp, tmp_path: Path, capsys) -> None:
    assert main(["export", str(SAMPLE), "-o", str(tmp_path / "x.out"), "--format", "pdf"]) == 0
    assert (tmp_path / "x.out").read_bytes().startswith(b"%PDF")
    assert main(["export", "--topic", "5.1", "-o", str(tmp_path / "blank.PDF")]) == 0
    assert (tmp_path / "blank.PDF").read_bytes().startswith(b"%PDF")
    assert main(["export", str(SAMPLE), "-o", str(tmp_path / "y.docx")]) == 0
    assert (tmp_path / "y.docx").read_bytes().startswith(b"PK")
    capsys.readouterr()
    template = tmp_path / "y.docx"
    code = main(["export", str(SAMPLE), "-o", str(tmp_path / "z.pdf"), "--template", str(template)])
    assert code == 2
    assert "applies to .docx exports only" in capsys.readouterr().err


def test_a_missing_figure_writes_the_pdf_and_exits_1(qapp, tmp_path: Path, capsys) -> None:
    path = rich_proposal(tmp_path, repeat=1)
    (tmp_path / "figures" / "route.png").unlink()
    assert main(["export", str(path), "-o", str(tmp_path / "r.pdf")]) == 1
    err = capsys.readouterr().err
    assert "figures/route.png: no such file" in err
    assert (tmp_path / "r.pdf").is_file()


def test_page_limit_is_noted(qapp, tmp_path: Path, capsys) -> None:
    from planner.formats.call_file import load_call
    from planner.resources import builtin_call_path

    text = builtin_call_path().read_text(encoding="utf-8")
    call = tmp_path / "limited.yaml"
    call.write_text(text.replace("\nform:", "\npage_limit: 1\nform:", 1), encoding="utf-8")
    assert load_call(call).page_limit == 1
    out = tmp_path / "a.pdf"
    assert main(["export", str(SAMPLE), "--call", str(call), "-o", str(out)]) == 0
    assert "2 pages, over the call's limit of 1" in capsys.readouterr().err


@pytest.mark.parametrize("fmt", ["pdf", "both"])
def test_batch_formats_and_the_pages_column(qapp, tmp_path: Path, capsys, fmt: str) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SAMPLE, folder / "a.proposal.yaml")
    rich_proposal(folder, repeat=1, name="b.proposal.yaml")
    out = tmp_path / "out"
    assert main(["batch", str(folder), "-o", str(out), "--format", fmt, "--jobs", "2"]) == 0
    pdfs = sorted(p.name for p in out.glob("*.pdf"))
    docx = sorted(p.name for p in out.glob("*.docx"))
    assert len(pdfs) == 2
    assert len(docx) == (2 if fmt == "both" else 0)
    rows = list(csv.DictReader(io.StringIO((out / "summary.csv").read_text("utf-8-sig"))))
    pages = {row["File"]: row["Pages"] for row in rows}
    assert pages["a.proposal.yaml"] == "2"
    assert int(pages["b.proposal.yaml"]) >= 3


def test_batch_refuses_a_template_for_pdf_only(tmp_path: Path, capsys) -> None:
    template = tmp_path / "t.docx"
    template.write_bytes(b"PK")
    folder = tmp_path / "in"
    folder.mkdir()
    code = main(["batch", str(folder), "-o", str(tmp_path / "o"), "--format", "pdf",
                 "--template", str(template)])  # fmt: skip
    assert code == 2
    assert re.search(r"--template is a Word template", capsys.readouterr().err)
