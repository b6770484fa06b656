"""`planner export`: proposal file or --topic, exit codes, no Qt (and python-docx only when
exporting) in the command-line process."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import docx
import paths
from docx_body import body_paragraphs

from planner.cli.main import main
from planner.formats.proposal_file import save_proposal

REPO = paths.REPO


def test_export_a_proposal_file(filled, tmp_path: Path, capsys) -> None:
    source = tmp_path / "p.proposal.yaml"
    save_proposal(filled, source)
    out = tmp_path / "p.docx"
    assert main(["export", str(source), "-o", str(out)]) == 0
    assert "characters checked" in capsys.readouterr().out
    assert filled.title in [p.text for p in body_paragraphs(docx.Document(str(out)))]


def test_export_a_blank_form_for_a_topic(call, tmp_path: Path, capsys) -> None:
    out = tmp_path / "blank.docx"
    assert main(["export", "--topic", "1.3", "--direction", "2", "-o", str(out)]) == 0
    assert "9 sections to fill" in capsys.readouterr().out
    text = "\n".join(p.text for p in body_paragraphs(docx.Document(str(out))))
    assert call.topic("1.3").direction(2).text in text


def test_usage_errors(tmp_path: Path, capsys) -> None:
    out = str(tmp_path / "x.docx")
    assert main(["export", "-o", out]) == 2
    assert "either a PROPOSAL file or --topic" in capsys.readouterr().err
    assert main(["export", str(tmp_path / "a.yaml"), "--direction", "1", "-o", out]) == 2
    assert "--direction goes with --topic" in capsys.readouterr().err
    assert not Path(out).exists()


def test_bad_topic_and_direction(tmp_path: Path, capsys) -> None:
    out = str(tmp_path / "x.docx")
    assert main(["export", "--topic", "9.9", "-o", out]) == 1
    assert "topic 9.9 is not in call" in capsys.readouterr().err
    assert main(["export", "--topic", "1.14", "--direction", "1", "-o", out]) == 1
    assert "topic 1.14 has no suggested directions" in capsys.readouterr().err
    assert not Path(out).exists()


def test_unreadable_values_refuse_to_export(tmp_path: Path, capsys) -> None:
    source = tmp_path / "bad.proposal.yaml"
    source.write_text("topic: '1.1'\ntitle: [not, text]\n", encoding="utf-8")
    out = tmp_path / "x.docx"
    assert main(["export", str(source), "-o", str(out)]) == 1
    assert "bad.proposal.yaml:2" in capsys.readouterr().err
    assert not out.exists()


def test_validation_errors_are_noted_but_exported(call, filled, tmp_path: Path, capsys) -> None:
    filled.sections["innovation"] = "创" * 1200  # over the 1000 limit: still the applicant's text
    source = tmp_path / "p.proposal.yaml"
    save_proposal(filled, source)
    assert main(["export", str(source), "-o", str(tmp_path / "p.docx")]) == 0
    assert "note:" in capsys.readouterr().err


def test_unwritable_target_is_exit_1(tmp_path: Path, capsys) -> None:
    assert main(["export", "--topic", "1.1", "-o", str(tmp_path)]) == 1
    assert "it is a folder" in capsys.readouterr().err


def test_cli_imports_no_qt_and_docx_only_to_export(tmp_path: Path) -> None:
    probe = (
        "import sys\n"
        "from planner.cli.main import main\n"
        "main(['topics'])\n"
        "assert 'docx' not in sys.modules, 'topics imported python-docx'\n"
        f"main(['export', '--topic', '1.14', '-o', {str(tmp_path / 'b.docx')!r}])\n"
        "assert 'docx' in sys.modules\n"
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt imported'\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=REPO,
        env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
