"""Memory and time per hostile file (issue 18: every one under ~200 MB and a second).

Each case runs `python -m planner …` in a fresh process; the figures are that process's peak
resident memory (wait4's ru_maxrss) and wall time, next to a good file's for comparison. Then
the importer's patterns over 10,000- and 100,000-character lines of each class: linear
matching grows ~10x, quadratic ~100x.

Run from a checkout:  PYTHONPATH=.:tests python benchmarks/hostile_files.py
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from hostile_inputs import (
    DOCM_MAIN,
    PROPOSAL_HEAD,
    alias_bomb,
    deep_lists,
    document_xml,
    entity_bomb,
    minimal_docx,
    string_aliases,
    styles_xml,
)

MB = 1024 * 1024


def run(args: list[str]) -> tuple[int, float, float, str]:
    """(exit code, seconds, peak MB, last stderr line) of `python -m planner ARGS`."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "planner", *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    err = proc.stderr.read() if proc.stderr else ""
    _pid, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - start
    last = (err.strip().splitlines() or [""])[-1]
    return proc.returncode, seconds, usage.ru_maxrss / 1024, last


def cases(folder: Path) -> list[tuple[str, list[str]]]:
    """The cases and their files, written into `folder`. Run in a process of its own (see
    main): Linux carries a parent's peak memory into the ru_maxrss of the children it starts,
    so the process that measures must never have held the 1 GB bomb."""

    def file(name: str, data: bytes | str) -> str:
        path = folder / name
        path.write_bytes(data.encode() if isinstance(data, str) else data)
        return str(path)

    good = (Path(__file__).resolve().parent.parent / "tests/data/sample.proposal.yaml").read_text()
    fifo = folder / "fifo.proposal.yaml"
    os.mkfifo(fifo)
    out = str(folder / "out.yaml")
    call = "id: c\ntitle: t\nform:\n- key: a\n  title: A\n  limit: true\nareas: []\n"
    self_style = styles_xml(
        '<w:style w:type="paragraph" w:styleId="L"><w:name w:val="L"/><w:basedOn w:val="L"/>'
        "</w:style>"
    )
    text_node = random.Random(1).randbytes(4_900_000).hex()
    bomb = folder / "bomb.docx"
    bomb.write_bytes(minimal_docx(**{"word__media__image1.png": b"\0" * (1024 * MB)}))
    sheet = folder / "bomb.xlsx"
    sheet.write_bytes(_xlsx_with_shared_strings(b"<sst>" + b" " * (1024 * MB) + b"</sst>"))
    ws = folder / "ws"
    ws.mkdir()
    for i in range(3):
        (ws / f"good{i}.proposal.yaml").write_text(good, "utf-8")
    (ws / "bad.proposal.yaml").write_text("schema: 1\ntitle: !!int abc\n", "utf-8")
    (ws / "shadow.proposal.yaml").symlink_to("/etc/shadow")
    return [
        (
            "batch: 3 good, 1 !!int, 1 link out",
            ["batch", str(ws), "-o", str(folder / "o"), "--jobs", "1"],
        ),
        (
            "1 GB shared strings .xlsx",
            ["batch", "--applicants", str(sheet), "-o", str(folder / "o2")],
        ),
        ("good proposal (validate)", ["validate", file("good.proposal.yaml", good)]),
        ("alias bomb, 9 levels (463 B)", ["validate", file("a.proposal.yaml", alias_bomb())]),
        ("string aliases (110 kB)", ["validate", file("s.proposal.yaml", string_aliases())]),
        ("self-referencing anchor", ["validate", file("r.proposal.yaml", "title: &a [*a]\n")]),
        ("500 nested lists", ["validate", file("d.proposal.yaml", deep_lists(500))]),
        ("5,000-digit schema", ["validate", file("n.proposal.yaml", "schema: " + "9" * 5000)]),
        ("!!timestamp abc", ["validate", file("t.proposal.yaml", "title: !!timestamp abc\n")]),
        ("/dev/zero", ["validate", "/dev/zero"]),
        ("a FIFO", ["validate", str(fifo)]),
        (
            "5 MB proposal (over the cap)",
            ["validate", file("b.proposal.yaml", PROPOSAL_HEAD + "x: '" + "x" * 5 * MB + "'\n")],
        ),
        ("call with limit: true", ["topics", "--call", file("c.yaml", call)]),
        ("good .docx call", ["import-call", file("g.docx", minimal_docx()), "-o", out]),
        (
            "entity amplification .docx",
            ["import-call", file("e.docx", minimal_docx(entity_bomb())), "-o", out],
        ),
        ("1 GB media part .docx", ["import-call", str(bomb), "-o", out]),
        (
            "9.8 MB text node .docx",
            ["import-call", file("x.docx", minimal_docx(document_xml([text_node]))), "-o", out],
        ),
        (
            "style based on itself",
            [
                "import-call",
                file(
                    "l.docx",
                    minimal_docx(
                        document_xml(["1. A", "1.1 B", "c"], style="L"), styles=self_style
                    ),
                ),
                "-o",
                out,
            ],
        ),
        (
            ".docm renamed .docx",
            ["import-call", file("m.docx", minimal_docx(main=DOCM_MAIN)), "-o", out],
        ),
        (
            "16,000 dots in a line",
            ["import-call", file("dots.txt", "1. A\n\n1.1 B\n\n" + "." * 16000 + "\n"), "-o", out],
        ),
        (
            "100,000 dots in a line",
            [
                "import-call",
                file("dots2.txt", "1. A\n\n1.1 B\n\n" + "." * 100_000 + "\n"),
                "-o",
                out,
            ],
        ),
    ]


def _xlsx_with_shared_strings(shared: bytes) -> bytes:
    import io
    import zipfile

    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["name", "topic"])
    buffer = io.BytesIO()
    book.save(buffer)
    out = io.BytesIO()
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in src.namelist():
            dst.writestr(name, src.read(name))
        dst.writestr("xl/sharedStrings.xml", shared)
    return out.getvalue()


def regex_scaling() -> None:
    from planner.importer.call_import import import_call_text

    print("\nimporter over one line of a class: 10,000 vs 100,000 characters")
    for run_text in (".", "…", "1", " ", "(不限于", "1.1 ", "# ", "课题组提供", "。"):
        times = []
        for n in (10_000, 100_000):
            line = (run_text * (n // len(run_text) + 1))[:n]
            start = time.perf_counter()
            import_call_text(f"1. A\n\n1.1 B\n\n{line}\n\n{line}x\n", "c", "C")
            times.append(time.perf_counter() - start)
        print(
            f"  {run_text!r:14} {times[0] * 1000:7.1f} ms  {times[1] * 1000:7.1f} ms"
            f"  x{times[1] / max(times[0], 1e-9):.0f}"
        )


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--make":
        for name, args in cases(Path(sys.argv[2])):
            print(name, *args, sep="\t")
        return
    with tempfile.TemporaryDirectory() as folder:
        made = subprocess.run(
            [sys.executable, __file__, "--make", folder], capture_output=True, text=True, check=True
        )
        print(f"{'case':36} {'exit':>4} {'time':>7} {'peak':>8}  message")
        for row in made.stdout.splitlines():
            name, *args = row.split("\t")
            code, seconds, peak, last = run(args)
            print(f"{name:36} {code:>4} {seconds:6.2f}s {peak:6.0f} MB  {last[:90]}")
    regex_scaling()


if __name__ == "__main__":
    main()
