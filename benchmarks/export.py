"""Export speed (issue 4). Run from the repository root:

    python benchmarks/export.py [--runs 7] [--many 50] [--batch 200]

1. Whole process: `planner export` of one full proposal, against a process that only imports
   python-docx, creates an empty Document and saves it (same run, interleaved, medians).
   Target: ratio <= 2.
2. In-process: one full proposal exported (median of --many, after a first export).
3. Batch: --batch exports in one process; per-proposal cost against (2). Target: <= 1.2x.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from planner.formats.call_file import load_call  # noqa: E402
from planner.formats.proposal_file import save_proposal  # noqa: E402
from planner.model.call import Call  # noqa: E402
from planner.model.proposal import Applicant, Proposal  # noqa: E402
from planner.resources import builtin_call_path  # noqa: E402

EMPTY_DOCX = "import sys, docx; docx.Document().save(sys.argv[1])"


def full_proposal(call: Call) -> Proposal:
    """Every section filled to ~90 % of its limit with Chinese text from the call itself,
    with paragraphs, a bullet list, a numbered list and bold/italic runs."""
    corpus = "".join(t.background for t in call.topics())
    sections: dict[str, str] = {}
    offset = 0
    for section in call.form:
        size = int((section.limit or 2000) * 0.9)
        text = corpus[offset : offset + size]
        offset = (offset + size) % (len(corpus) - 6000)
        third = len(text) // 3
        sections[section.key] = (
            f"**要点**：{text[:third]}\n\n*说明*：{text[third : 2 * third]}\n\n"
            "- 第一项工作\n- 第二项工作\n- 第三项工作\n\n"
            f"1. 阶段一\n2. 阶段二\n\n{text[2 * third :]}"
        )
    topic = call.topic("1.1")
    return Proposal(
        call=call.id,
        topic=topic.id,
        directions=[1, 3],
        own_directions=["面向医学影像的小样本多模态推理", "多模态大模型的高效评测"],
        title="面向少量样本的多模态大模型视觉推理研究",
        applicant=Applicant(
            "张三", "副教授", "某某大学", "计算机学院", "zhangsan@example.edu.cn", "010-12345678"
        ),
        sections=sections,
    )


def _timed(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one child process. CPU time is what to
    compare on a busy machine: waiting for a core does not count."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--many", type=int, default=50)
    parser.add_argument("--batch", type=int, default=200)
    args = parser.parse_args()

    call = load_call(builtin_call_path())
    proposal = full_proposal(call)
    env = dict(os.environ, PYTHONPATH=str(REPO))
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        source = tmp / "full.proposal.yaml"
        save_proposal(proposal, source)
        export_cmd = [sys.executable, "-m", "planner", "export", str(source), "-o"]
        empty_cmd = [sys.executable, "-c", EMPTY_DOCX, str(tmp / "empty.docx")]
        _timed([*export_cmd, str(tmp / "warm.docx")], env)  # warm the OS file cache
        ours, base = [], []
        for i in range(args.runs):
            ours.append(_timed([*export_cmd, str(tmp / f"p{i}.docx")], env))
            base.append(_timed(empty_cmd, env))
        print(f"whole process, median of {args.runs}:          wall ms    CPU ms")
        for label, runs in (
            ("planner export (full proposal)", ours),
            ("import docx + empty Document save", base),
        ):
            wall = statistics.median(r[0] for r in runs) * 1000
            cpu = statistics.median(r[1] for r in runs) * 1000
            print(f"  {label:34s} {wall:8.1f} {cpu:9.1f}")
        for i, kind in enumerate(("wall", "CPU")):
            ratio = statistics.median(r[i] for r in ours) / statistics.median(r[i] for r in base)
            print(f"  ratio ({kind}): {ratio:.2f}  (target <= 2)")

        from planner.export.docx import export_docx

        start = time.perf_counter()
        export_docx(proposal, call, tmp / "first.docx")
        first = time.perf_counter() - start
        times, cpu_times = [], []
        for i in range(args.many):
            start, cpu = time.perf_counter(), time.process_time()
            export_docx(proposal, call, tmp / f"m{i % 5}.docx")
            times.append(time.perf_counter() - start)
            cpu_times.append(time.process_time() - cpu)
        one = statistics.median(times)
        chars = sum(len(t) for t in proposal.sections.values())
        print(f"in-process export of one full proposal ({chars} characters of sections):")
        print(f"  first in the process: {first * 1000:7.1f} ms (prepares the shared base)")
        print(
            f"  median of {args.many}:         {one * 1000:7.1f} ms wall, "
            f"{statistics.median(cpu_times) * 1000:.1f} ms CPU"
        )

        start = time.perf_counter()
        for i in range(args.batch):
            export_docx(proposal, call, tmp / f"b{i % 5}.docx")
        per = (time.perf_counter() - start) / args.batch
        print(
            f"batch of {args.batch} in one process: {per * 1000:.1f} ms per proposal, "
            f"{per / one:.2f}x one export (target <= 1.2)"
        )


if __name__ == "__main__":
    main()
