"""`planner batch`: exit codes, the final report, mail-merge, the progress bar, no Qt."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import paths
import pytest
from hostile_workspace import BAD, GOOD, fake_export, make_workspace

import planner.office.batch
from planner.cli.batch import _progress_bar
from planner.cli.main import main
from planner.office.batch import ExportOutcome, Progress

REPO = paths.REPO


@pytest.fixture(autouse=True)
def _fake_exporter(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(planner.office.batch, "default_export", fake_export)


def test_hostile_workspace_exits_1_exports_the_good_and_explains_the_bad(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = make_workspace(tmp_path / "ws")
    out = tmp_path / "out"
    assert main(["batch", str(ws), "-o", str(out), "--jobs", "1"]) == 1
    report = capsys.readouterr().out
    assert report.startswith(f"16 proposals: 8 valid, 8 invalid; exported 8 to {out}\n")
    for name, (_data, message) in BAD.items():
        assert f"INVALID {name}\n" in report
        line = next(ln for ln in report.splitlines() if ln.startswith(f"  {name}"))
        assert message in line, line
    docx = sorted(p for p in out.iterdir() if p.suffix == ".docx")
    assert len(docx) == len(GOOD)
    assert sorted(p.name for p in out.iterdir() if p.suffix != ".docx") == [
        "summary.csv",
        "summary.xlsx",
    ]


def test_all_valid_exits_0_with_parallel_jobs(tmp_path: Path, capsys) -> None:
    ws = tmp_path / "ws"
    make_workspace(ws)
    for name in BAD:
        (ws / name).unlink()
    out = tmp_path / "out"
    assert main(["batch", str(ws), "-o", str(out), "--jobs", "2"]) == 0
    assert "8 proposals: 8 valid, 0 invalid; exported 8" in capsys.readouterr().out
    assert len(list(out.glob("*.docx"))) == 8


def test_template_reaches_every_export(tmp_path: Path, capsys) -> None:
    ws = tmp_path / "ws"
    make_workspace(ws)
    template = tmp_path / "office.docx"
    template.write_bytes(b"a template")
    out = tmp_path / "out"
    main(["batch", str(ws), "-o", str(out), "--jobs", "2", "--template", str(template)])
    docx = list(out.glob("*.docx"))
    assert len(docx) == len(GOOD)
    assert all(p.read_text(encoding="utf-8").endswith("\ntemplate: office.docx") for p in docx)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        ([], "give either DIR or --applicants FILE"),
        (["WS", "--applicants", "WS/a.csv"], "give either DIR or --applicants FILE"),
        (["missing"], "missing is not a folder"),
        (["WS", "--jobs", "0"], "--jobs must be 1 or more"),
        (["WS", "--template", "nope.docx"], "template nope.docx is not a file"),
        (["WS", "--call", "WS/empty.proposal.yaml"], "empty.proposal.yaml"),
        (["EMPTY"], "no *.proposal.yaml or returned .docx files under"),
    ],
)
def test_usage_errors_exit_2(
    tmp_path: Path, capsys, monkeypatch, argv: list[str], message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    make_workspace(tmp_path / "WS")
    (tmp_path / "EMPTY").mkdir()
    assert main(["batch", *argv, "-o", "out"]) == 2
    assert message in capsys.readouterr().err


def test_mail_merge_exits_1_for_a_bad_row_and_makes_the_others(tmp_path: Path, capsys) -> None:
    sheet = tmp_path / "applicants.csv"
    sheet.write_text(
        "name,institution,topic,directions,proposal_title\n"
        '张三,清华大学,1.1,"1,3",题目一\n'
        "李四,北京大学,1.1,7,题目二\n"
        "王五,复旦大学,2.1,,\n",
        encoding="utf-8-sig",
    )
    out = tmp_path / "out"
    assert main(["batch", "--applicants", str(sheet), "-o", str(out), "--jobs", "1"]) == 1
    report = capsys.readouterr().out
    assert "2 proposal files and 2 .docx written" in report
    assert (
        f"BAD ROW {sheet}, row 3, column 'directions': direction 7 is out of range: "
        "topic 1.1 has directions 1–4"
    ) in report
    assert sorted(p.name for p in out.iterdir()) == [
        "1.1_张三_题目一.docx",
        "1.1_张三_题目一.proposal.yaml",
        "2.1_王五.docx",
        "2.1_王五.proposal.yaml",
    ]


def test_progress_bar_draws_on_the_stream_and_passes_events_through() -> None:
    events = [Progress(i, 4, ExportOutcome(f"p{i}", Path(f"p{i}.docx"))) for i in range(1, 5)]
    out = io.StringIO()
    assert list(_progress_bar(iter(events), out, width=8)) == events
    frames = out.getvalue().split("\r")[1:]
    assert frames[0].startswith("[##......] 1/4")
    assert frames[-1].startswith("[########] 4/4") and frames[-1].endswith("\n")


def test_the_batch_command_never_imports_qt(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    ws.mkdir()
    (ws / "x.proposal.yaml").write_text("- a list\n", encoding="utf-8")
    code = (
        "import sys\nfrom planner.cli.main import main\n"
        f"rc = main(['batch', {str(ws)!r}, '-o', {str(tmp_path / 'out')!r}])\n"
        "assert rc == 1, rc\n"
        "assert not [m for m in sys.modules if m.startswith('PySide6')]\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=REPO, check=True, capture_output=True)
