"""Export speed of a rich proposal (issue 12). Run from the repository root:

    python benchmarks/export_rich.py [--runs 9]

A proposal with 5 figures (1 MB PNG each, generated), 4 tables (12 rows × 4 columns), 30
references and ~60 paragraphs, exported in process with `export_docx` (parse, write, verify,
atomic write), against a script making the same document with bare python-docx calls
(`add_picture` ×5, `add_table` ×4, the same paragraphs and reference lines) and saving it.
Both run in this process, interleaved, after one warm-up each; medians and their ratio are
printed. Target: ratio <= 1.5.
"""

from __future__ import annotations

import argparse
import os
import statistics
import struct
import sys
import tempfile
import time
import zlib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from planner.formats.call_file import load_call  # noqa: E402
from planner.model.proposal import Applicant, Proposal  # noqa: E402
from planner.resources import builtin_call_path  # noqa: E402

FIGURES, TABLES, ROWS, REFERENCES = 5, 4, 12, 30


def noisy_png(path: Path, side: int = 590) -> None:
    """side×side RGB noise: incompressible, so the file is ~1 MB as the issue asks."""
    rng = os.urandom
    raw = b"".join(b"\x00" + rng(side * 3) for _ in range(side))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", side, side, 8, 2, 0, 0, 0)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 1))
        + chunk(b"IEND", b"")
    )


def table_rows(t: int) -> list[list[str]]:
    header = ["阶段", "时间", "主要工作", "经费（万元）"]
    return [header] + [
        [
            f"第{r + 1}阶段",
            f"2026.{r % 12 + 1:02d}",
            f"表{t + 1}的第{r + 1}项研究内容与考核指标",
            str(r + 3),
        ]
        for r in range(ROWS)
    ]


def paragraphs(corpus: str, count: int, offset: int) -> list[str]:
    return [corpus[offset + i * 90 : offset + i * 90 + 90] for i in range(count)]


def references() -> list[dict]:
    out = []
    for i in range(REFERENCES):
        if i % 2:
            out.append({
                "id": f"ref{i}", "type": "article-journal", "title": f"学习型查询优化研究第{i}篇",
                "author": [{"family": "李", "given": "国良"}, {"family": "周", "given": "煊赫"}],
                "container-title": "计算机学报", "issued": {"date-parts": [[2020 + i % 5]]},
                "volume": str(40 + i), "issue": "5", "page": f"{i}-{i + 20}",
            })  # fmt: skip
        else:
            out.append({
                "id": f"ref{i}", "type": "paper-conference", "title": f"Learned optimizer {i}",
                "author": [{"family": "Marcus", "given": "Ryan"}, {"family": "Negi", "given": "P"}],
                "container-title": "Proceedings of SIGMOD", "publisher": "ACM",
                "publisher-place": "New York", "issued": {"date-parts": [[2019]]},
                "page": f"{i}-{i + 9}",
            })  # fmt: skip
    return out


def build(call) -> tuple[Proposal, dict]:
    """The proposal, and what the bare script writes: the same paragraphs, tables, pictures."""
    corpus = "".join(t.background for t in call.topics())
    keys = [s.key for s in call.form]
    sections: dict[str, str] = {}
    plain: dict[str, list] = {}
    offset, cited = 0, 0
    for n, key in enumerate(keys):
        lines, bare = [], []
        for text in paragraphs(corpus, 7, offset):
            cite = f"[@ref{cited % REFERENCES}]"
            cited += 1
            lines.append(text + cite)
            bare.append(("p", text + f"[{cited % REFERENCES + 1}]"))
        offset += 7 * 90
        if n < TABLES:
            rows = table_rows(n)
            lines.append(f"Table: 表{n + 1}")
            lines.append("| " + " | ".join(rows[0]) + " |")
            lines.append("|---|:---:|---|---:|")
            lines += ["| " + " | ".join(r) + " |" for r in rows[1:]]
            lines.append("")
            bare.append(("table", rows))
        if n < FIGURES:
            lines.append(f"![图{n + 1}](figures/f{n}.png)")
            bare.append(("figure", f"figures/f{n}.png"))
        sections[key] = "\n".join(lines)
        plain[key] = bare
    proposal = Proposal(
        call=call.id,
        topic="5.1",
        directions=[1],
        title="基于学习型代价模型的 HTAP 行列混合查询优化",
        applicant=Applicant("王芳", "副教授", "示范大学", "计算机学院", "w@example.edu.cn", "021"),
        sections=sections,
        references=references(),
    )
    return proposal, plain


def bare_docx(plain: dict, folder: Path, target: Path) -> None:
    import docx
    from docx.shared import Cm

    doc = docx.Document()
    for key, items in plain.items():
        doc.add_heading(key, level=1)
        for kind, value in items:
            if kind == "p":
                doc.add_paragraph(value)
            elif kind == "table":
                table = doc.add_table(rows=len(value), cols=len(value[0]))
                for row, texts in zip(table.rows, value, strict=True):
                    for cell, text in zip(row.cells, texts, strict=True):
                        cell.text = text
            else:
                doc.add_picture(str(folder / value), width=Cm(15.4))
    doc.add_heading("参考文献", level=1)
    for i in range(REFERENCES):
        doc.add_paragraph(
            f"[{i + 1}] 李国良, 周煊赫. 学习型查询优化研究第{i}篇[J]. 计算机学报, 2021."
        )
    doc.save(str(target))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    call = load_call(builtin_call_path())
    proposal, plain = build(call)

    from planner.export.docx import export_docx

    with tempfile.TemporaryDirectory() as tmp_name:
        folder = Path(tmp_name)
        (folder / "figures").mkdir()
        for n in range(FIGURES):
            noisy_png(folder / "figures" / f"f{n}.png")
        sizes = [p.stat().st_size for p in (folder / "figures").iterdir()]

        def ours() -> None:
            result = export_docx(proposal, call, folder / "ours.docx", base=folder)
            assert not result.problems, result.problems

        def bare() -> None:
            bare_docx(plain, folder, folder / "bare.docx")

        ours()
        bare()  # warm-up: imports, the shared base, python-docx's template
        times: dict[str, list[float]] = {"ours": [], "bare": []}
        cpu: dict[str, list[float]] = {"ours": [], "bare": []}
        for _ in range(args.runs):
            for name, run in (("ours", ours), ("bare", bare)):
                start, start_cpu = time.perf_counter(), time.process_time()
                run()
                times[name].append(time.perf_counter() - start)
                cpu[name].append(time.process_time() - start_cpu)
        chars = sum(len(t) for t in proposal.sections.values())
        print(
            f"rich proposal: {FIGURES} figures ({min(sizes) / 1e6:.2f}–{max(sizes) / 1e6:.2f} MB "
            f"PNG), {TABLES} tables of {ROWS + 1}×4, {REFERENCES} references, "
            f"{chars} characters of sections; median of {args.runs}"
        )
        print(f"  {'':42s} {'wall ms':>8s} {'CPU ms':>8s}")
        for name, label in (
            ("ours", "export_docx (parse, write, verify, save)"),
            ("bare", "bare python-docx, same content"),
        ):
            wall, used = statistics.median(times[name]), statistics.median(cpu[name])
            print(f"  {label:42s} {wall * 1000:8.1f} {used * 1000:8.1f}")
        for kind, runs in (("wall", times), ("CPU", cpu)):
            ratio = statistics.median(runs["ours"]) / statistics.median(runs["bare"])
            print(f"  ratio ({kind}): {ratio:.2f}  (target <= 1.5)")
        print(
            f"  files: {(folder / 'ours.docx').stat().st_size / 1e6:.2f} MB ours, "
            f"{(folder / 'bare.docx').stat().st_size / 1e6:.2f} MB bare"
        )


if __name__ == "__main__":
    main()
