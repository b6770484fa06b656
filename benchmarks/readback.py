"""Reading returned Word files (issue 15).

Targets:
- reading a 20-page returned .docx into a proposal (`read_proposal_docx`, Markdown included)
  against python-docx opening it and walking its paragraphs and tables, one run: ≤ 1.5;
- `planner batch` over 500 returned .docx files, `--jobs 2` against `--jobs 1`: ≥ 1.7 on
  2 cores. The machine is shared, so the ceiling (what two busy loops get) is printed beside it.

Run from a checkout:  PYTHONPATH=. python benchmarks/readback.py [--count 500] [--repeat 3]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from batch import machine_parallelism, make_proposal  # the sibling benchmark

from planner.cli.main import main as planner_main
from planner.export.docx import export_docx
from planner.formats.call_file import load_call
from planner.importer.proposal_docx import read_proposal_docx
from planner.model.call import Call
from planner.model.proposal import Applicant, Proposal
from planner.office.batch import ExportJob, run_exports
from planner.resources import builtin_call_path

SENTENCE = (
    "本研究围绕课题提出的关键问题，结合**大规模预训练模型**与领域数据，设计可验证的技术路线，"
    "并在真实业务场景中评估其效果与成本。"
)


def twenty_pages(call: Call) -> Proposal:
    """~20 A4 pages as LibreOffice lays them out: 17,000 characters in one-line paragraphs,
    sub-headings, lists and four 12-row tables."""
    sections: dict[str, str] = {}
    for n, section in enumerate(call.form):
        lines = [f"# 第{n + 1}部分概述", *(SENTENCE * 2 for _ in range(11))]
        lines += ["## 要点", *(f"- 要点{i}：{SENTENCE}" for i in range(4))]
        if n % 2 == 0:
            lines += [
                "",
                "Table: 进度与经费",
                "",
                "| 阶段 | 内容 | 经费（万元） |",
                "| --- | --- | --: |",
            ]
            lines += [f"| 2025 Q{i % 4 + 1} | 调研与实验{i} | {i * 3} |" for i in range(12)]
            lines += [""]
        sections[section.key] = "\n".join(lines)
    return Proposal(
        call=call.id,
        topic="1.1",
        directions=[1, 2],
        title="面向少量样本的多模态大模型视觉推理研究",
        applicant=Applicant("张三", "教授", "某某大学", "计算机学院", "z@example.cn", "010-1"),
        sections=sections,
    )


def python_docx_walk(path: Path) -> int:
    """python-docx opening the file and reading every paragraph and table cell, content
    controls included (its `Document.paragraphs` would skip what sits inside them)."""
    import docx
    from docx.oxml.ns import qn
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(str(path))
    body = document.element.body
    chars = 0
    for p in body.iter(qn("w:p")):
        chars += len(Paragraph(p, document._body).text)
    for tbl in body.iter(qn("w:tbl")):
        for row in Table(tbl, document._body).rows:
            for cell in row.cells:
                chars += len(cell.text)
    return chars


def one_file(call: Call, folder: Path, runs: int) -> None:
    path = folder / "twenty.docx"
    export_docx(twenty_pages(call), call, path)
    result = read_proposal_docx(path, call)
    chars = sum(len(t) for t in result.proposal.sections.values())
    print(f"20-page file: {path.stat().st_size / 1024:.0f} KiB, {chars} characters of Markdown")
    python_docx_walk(path)  # both warm: imports, caches
    ours, theirs = [], []
    for _ in range(runs):  # interleaved, so both see the same load
        start = time.perf_counter()
        read_proposal_docx(path, call)
        ours.append(time.perf_counter() - start)
        start = time.perf_counter()
        python_docx_walk(path)
        theirs.append(time.perf_counter() - start)
    a, b = statistics.median(ours), statistics.median(theirs)
    print(f"{'read into a proposal (median of ' + str(runs) + ')':<46} {a * 1000:8.1f} ms")
    print(f"{'python-docx: open, walk paragraphs and tables':<46} {b * 1000:8.1f} ms")
    print(f"{'ratio (target ≤ 1.5)':<46} {a / b:8.2f}")


def make_returned(call: Call, folder: Path, count: int) -> None:
    rng = random.Random(15)
    jobs = [
        ExportJob(f"p{i}", make_proposal(rng, call, i), folder / f"p{i:04}.docx")
        for i in range(count)
    ]
    for event in run_exports(jobs, call, workers=os.cpu_count() or 1):
        assert event.outcome.ok, event.outcome.error


def _cpu() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


def batch_round(folder: Path, out: Path, jobs: int) -> tuple[float, float, float]:
    """Wall seconds, and the CPU seconds of this process and of its workers."""
    cpu_before = _cpu()
    start = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()):
        code = planner_main(["batch", str(folder), "-o", str(out), "--jobs", str(jobs)])
    seconds = time.perf_counter() - start
    cpu_after = _cpu()
    assert code == 0, code
    return seconds, cpu_after[0] - cpu_before[0], cpu_after[1] - cpu_before[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3, help="rounds of both batches")
    parser.add_argument("--runs", type=int, default=21, help="reads of the 20-page file")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    call = load_call(builtin_call_path())
    print(f"CPUs: {os.cpu_count()}, Python {sys.version.split()[0]}")
    with tempfile.TemporaryDirectory(prefix="planner-readback-") as tmp:
        root = Path(tmp)
        one_file(call, root, args.runs)
        if args.count <= 0:
            return 0
        ws = root / "returned"
        ws.mkdir()
        make_returned(call, ws, args.count)
        size = sum(p.stat().st_size for p in ws.iterdir()) / args.count
        print(f"{args.count} returned .docx files, {size / 1024:.0f} KiB each")
        ones, alls, ceilings = [], [], []
        for r in range(args.repeat):  # alternated; the best of each (the machine is shared)
            ones.append(batch_round(ws, root / f"o1-{r}", 1))
            ceilings.append(machine_parallelism(args.jobs))
            alls.append(batch_round(ws, root / f"oN-{r}", args.jobs))
            ceilings.append(machine_parallelism(args.jobs))
        one, one_self, _ = min(ones)
        many, many_self, many_workers = min(alls)
        print(f"{'batch --jobs 1 (best of ' + str(args.repeat) + ')':<46} {one:8.2f} s")
        print(f"{f'batch --jobs {args.jobs} (best of {args.repeat})':<46} {many:8.2f} s")
        print(f"{'per file, --jobs 1':<46} {one / args.count * 1000:8.1f} ms")
        print(f"{'speed-up (target ≥ 1.7 on 2 cores)':<46} {one / many:8.2f}")
        print(f"{'ceiling: two busy loops on this machine now':<46} {max(ceilings):8.2f}")
        # on a shared machine the wall clock says how busy it is; the CPU seconds say what the
        # batch itself allows: the parent's share is the part that does not run in parallel
        bound = (many_self + many_workers) / (many_self + many_workers / args.jobs)
        print(f"{'CPU s, --jobs 1 (all in this process)':<46} {one_self:8.2f}")
        print(
            f"{f'CPU s, --jobs {args.jobs}: this process / workers':<46} "
            f"{many_self:8.2f} / {many_workers:.2f}"
        )
        print(f"{'speed-up the work allows on idle cores':<46} {bound:8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
