"""A batch over a folder that faculty filled: hostile files are their own rows, links out of the
folder are not read, Ctrl-C ends every phase in one line, summaries neutralise formulas and the
terminal never obeys control characters in file content (issue 18)."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import pytest
from hostile_inputs import alias_bomb
from hostile_workspace import GOOD, fake_export

import planner.cli.batch
import planner.office.batch
from planner.cli.main import main
from planner.formats.proposal_file import dump_proposal
from planner.model.proposal import Applicant, Proposal

THREE = dict(list(GOOD.items())[:3])


@pytest.fixture(autouse=True)
def _fake_exporter(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(planner.office.batch, "default_export", fake_export)


def _folder(root: Path, extra: dict[str, bytes]) -> Path:
    for name, text in THREE.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    for name, data in extra.items():
        (root / name).write_bytes(data)
    return root


def _summary(out: Path) -> list[dict[str, str]]:
    text = (out / "summary.csv").read_bytes().decode("utf-8-sig")  # CR in cells kept
    return list(csv.DictReader(io.StringIO(text, newline="")))


@pytest.mark.parametrize(
    "hostile",
    [
        b"schema: 1\ntitle: !!int abc\n",
        alias_bomb().encode(),
        b"title: &a [*a]\n",
        b"title: " + b"[" * 5000 + b"]" * 5000 + b"\n",
        b"schema: " + b"9" * 5000 + b"\n",
    ],
)
def test_one_hostile_file_among_good_ones(tmp_path: Path, capsys, hostile: bytes) -> None:
    ws = _folder(tmp_path / "ws", {"hostile.proposal.yaml": hostile})
    out = tmp_path / "out"
    assert main(["batch", str(ws), "-o", str(out), "--jobs", "1"]) == 1
    report = capsys.readouterr().out
    assert report.startswith(f"4 proposals: 3 valid, 1 invalid; exported 3 to {out}\n")
    assert len(list(out.glob("*.docx"))) == 3
    row = next(r for r in _summary(out) if r["File"] == "hostile.proposal.yaml")
    assert row["Valid"] == "no" and row["Problems"]


def test_a_crash_reading_one_file_is_that_files_row(tmp_path: Path, capsys, monkeypatch) -> None:
    ws = _folder(tmp_path / "ws", {"odd.proposal.yaml": b"title: odd\n"})
    from planner.office import workspace

    real = workspace.parse_proposal

    def crash_on_odd(text: str, source: str):
        if "odd" in text:
            raise RecursionError("maximum recursion depth exceeded")
        return real(text, source)

    monkeypatch.setattr(workspace, "parse_proposal", crash_on_odd)
    out = tmp_path / "out"
    assert main(["batch", str(ws), "-o", str(out), "--jobs", "1"]) == 1
    assert len(list(out.glob("*.docx"))) == 3
    assert "could not be read (RecursionError)" in capsys.readouterr().out


def test_a_link_out_of_the_folder_is_not_read(tmp_path: Path, capsys) -> None:
    secret = tmp_path / "shadow"
    secret.write_text("root:$6$SECRETHASH:19000:0:99999:7:::\n", "utf-8")
    ws = _folder(tmp_path / "ws", {})
    (ws / "x.proposal.yaml").symlink_to(secret)
    (ws / "inside.proposal.yaml").symlink_to(ws / next(iter(THREE)))  # inside: read
    out = tmp_path / "out"
    assert main(["batch", str(ws), "-o", str(out), "--jobs", "1"]) == 1
    report = capsys.readouterr().out
    assert "SECRETHASH" not in report
    assert "SECRETHASH" not in (out / "summary.csv").read_text("utf-8-sig")
    with zipfile.ZipFile(out / "summary.xlsx") as z:
        assert not any(b"SECRETHASH" in z.read(n) for n in z.namelist())
    rows = {r["File"]: r for r in _summary(out)}
    assert "skipped: a link to a file outside the folder" in rows["x.proposal.yaml"]["Problems"]
    assert rows["inside.proposal.yaml"]["Valid"] == "yes"


@pytest.mark.parametrize("phase", ["load_workspace", "run_exports", "write_summaries"])
def test_ctrl_c_in_each_phase_is_one_line_and_exit_130(
    tmp_path: Path, capsys, monkeypatch, phase: str
) -> None:
    ws = _folder(tmp_path / "ws", {})
    out = tmp_path / "out"

    def interrupted(*_args, **_kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(planner.cli.batch, phase, interrupted)
    assert main(["batch", str(ws), "-o", str(out), "--jobs", "1"]) == 130
    err = capsys.readouterr().err
    assert err == "planner: interrupted; the files already written are complete\n"
    assert not list(out.glob(".*"))  # no temp file left


def test_ctrl_c_while_a_summary_is_written_leaves_no_half_file(
    tmp_path: Path, capsys, monkeypatch
) -> None:
    ws = _folder(tmp_path / "ws", {})
    out = tmp_path / "out"
    import os

    real_replace = os.replace

    def replace(src, dst):
        if str(dst).endswith("summary.csv"):
            raise KeyboardInterrupt  # the temp is written and fsynced, the rename not done
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    assert main(["batch", str(ws), "-o", str(out), "--jobs", "1"]) == 130
    assert capsys.readouterr().err.count("\n") == 1
    assert not (out / "summary.csv").exists()
    assert not list(out.glob(".*"))


def test_ctrl_c_in_mail_merge_writing(tmp_path: Path, capsys, monkeypatch) -> None:
    sheet = tmp_path / "a.csv"
    sheet.write_text("name,topic\n张三,1.1\n李四,1.2\n", "utf-8")

    def interrupted(*_args, **_kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(planner.cli.batch, "write_proposal_files", interrupted)
    out = tmp_path / "out"
    assert main(["batch", "--applicants", str(sheet), "-o", str(out)]) == 130
    assert capsys.readouterr().err.count("\n") == 1


FORMULAS = ["=1+1", "+1", "-1", "@SUM(A1)", "\t=cmd|' /C calc'!A0", "\r=x", "\n=x"]


def test_formula_cells_are_neutralised_in_csv_and_xlsx(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    ws.mkdir()
    for i, title in enumerate(FORMULAS):
        p = Proposal(
            call="call-topics", topic="1.1", directions=[1], title=title,
            applicant=Applicant(name=f"n{i}", institution=title),
            sections={"background": "x"},
        )  # fmt: skip
        (ws / f"{i}.proposal.yaml").write_text(dump_proposal(p), "utf-8")
    out = tmp_path / "out"
    main(["batch", str(ws), "-o", str(out), "--jobs", "1"])
    titles = sorted(r["Title"] for r in _summary(out))
    assert titles == sorted("'" + t for t in FORMULAS)
    with zipfile.ZipFile(out / "summary.xlsx") as z:
        sheets = [n for n in z.namelist() if n.startswith("xl/worksheets/")]
        assert not any(b"<f>" in z.read(n) or b"<f " in z.read(n) for n in sheets)


ESCAPES = "\x1b[1A\x1b[2K\x1b[1A\x1b[2KALL GOOD\x07\r"


def test_terminal_escapes_in_keys_are_shown_not_obeyed(tmp_path: Path, capsys) -> None:
    path = tmp_path / "p.proposal.yaml"
    path.write_text(
        f'schema: 1\ntopic: "1.1"\n"{ESCAPES.encode("unicode_escape").decode()}": 1\n', "utf-8"
    )
    code = main(["validate", str(path)])
    out, err = capsys.readouterr()
    assert code == 1
    assert not any(ch in out + err for ch in "\x1b\x07\r")
    assert "\\x1b[1A\\x1b[2K" in out
    ws = _folder(tmp_path / "ws", {"evil.proposal.yaml": path.read_bytes()})
    main(["batch", str(ws), "-o", str(tmp_path / "out"), "--jobs", "1"])
    out, err = capsys.readouterr()
    assert not any(ch in out + err for ch in "\x1b\x07\r")
    assert "INVALID evil.proposal.yaml" in out


def test_an_unexpected_error_is_one_sentence(tmp_path: Path, capsys, monkeypatch) -> None:
    import planner.cli.proposals

    def broken(*_args, **_kwargs):
        raise AttributeError("'NoneType' object has no attribute 'x'")

    monkeypatch.setattr(planner.cli.proposals, "load_proposal", broken)
    monkeypatch.delenv("PLANNER_DEBUG", raising=False)
    path = tmp_path / "p.proposal.yaml"
    path.write_text("title: x\n", "utf-8")
    assert main(["validate", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("planner: unexpected error in 'validate' (AttributeError: ")
    assert err.count("\n") == 1


@pytest.mark.parametrize(
    "data",
    [
        b',"' * 500_000,  # the Sniffer's patterns are quadratic in what they are given
        b"name,topic\n" + b"x" * 200_000 + b",1.1\n",  # a field over csv's limit
        b"name,topic\n\xff\xfe\x00",  # neither UTF-8 nor GBK
    ],
    ids=["sniffer", "huge-field", "encoding"],
)
def test_hostile_csv_sheets_end_in_one_message(tmp_path: Path, capsys, data: bytes) -> None:
    sheet = tmp_path / "a.csv"
    sheet.write_bytes(data)
    code = main(["batch", "--applicants", str(sheet), "-o", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert code in (1, 2)
    assert err.count("\n") <= 1 and "Traceback" not in err
