"""PDF and page preview speed (issue 14). Run from the repository root:

    QT_QPA_PLATFORM=offscreen python benchmarks/pdf.py [--runs 9]

1. PDF in process, of the full sample proposal (benchmarks/export.py's: every section ~90 %
   of its limit) and of a 20-page rich proposal (tests/rich_proposal.py: sub-headings, lists,
   two tables, two figures, citations), against QTextDocument printing the same plain text to
   a PDF (same run, interleaved, medians). Target: ratio <= 2.
2. Re-layout after a keystroke in the 20-page proposal, as the preview does it once typing
   pauses (off the typing path: the keystroke itself only restarts a timer): median of
   --runs, each after one character typed into a section. Target: <= 50 ms. The repaint of
   the page in view is timed apart.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "tests"), str(REPO / "benchmarks")]

from export import full_proposal  # noqa: E402  (benchmarks/export.py)
from PySide6.QtCore import QBuffer, QIODevice  # noqa: E402
from PySide6.QtGui import QPdfWriter, QTextDocument  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from rich_proposal import TWENTY_PAGES, rich_proposal  # noqa: E402

from planner.document.assembly import assemble  # noqa: E402
from planner.formats.call_file import load_call  # noqa: E402
from planner.formats.proposal_file import load_proposal  # noqa: E402
from planner.resources import builtin_call_path  # noqa: E402
from planner.ui.fonts import ensure_cjk_font  # noqa: E402
from planner.ui.pages.paged import LAYOUT_DPI, a4_layout, lay_out  # noqa: E402
from planner.ui.pages.pdf import build_pdf  # noqa: E402


def plain_pdf(text: str) -> int:
    """The baseline: QTextDocument's own printing of plain text to an A4 PDF, in memory."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(LAYOUT_DPI)
    writer.setPageLayout(a4_layout())
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(writer)
    doc.setPlainText(text)
    doc.print_(writer)
    return len(buffer.data())


def median_ms(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def cpu_ms(fn: Callable[[], object]) -> float:
    """This thread's CPU time: what the work costs, whatever else the machine is doing."""
    start = time.thread_time()
    fn()
    return (time.thread_time() - start) * 1000


def pdf_versus_plain(name: str, assembled, runs: int) -> None:
    data, result = build_pdf(assembled)  # warm: fonts, images decoded once per process
    text = lay_out(assembled).document.toPlainText()
    plain_pdf(text)
    ours, theirs = [], []
    for _ in range(runs):  # interleaved, so both see the same machine
        ours.append(median_ms(lambda: build_pdf(assembled), 1))
        theirs.append(median_ms(lambda: plain_pdf(text), 1))
    a, b = statistics.median(ours), statistics.median(theirs)
    print(f"{name}: {result.pages} pages, {len(data) // 1024} KiB; PDF {a:.0f} ms, "
          f"plain-text QTextDocument PDF {b:.0f} ms; ratio {a / b:.2f} (target <= 2)")  # fmt: skip


def keystroke(call, path: Path, runs: int) -> None:
    from planner.storage.recovery import RecoveryStore
    from planner.ui.window.main_window import MainWindow

    with tempfile.TemporaryDirectory() as recovery:
        window = MainWindow(call, recovery=RecoveryStore(Path(recovery)), remember=False)
        window.resize(1600, 1000)
        window.show()
        window.open_proposal(path)
        window.pages.show_preview.setChecked(True)
        QApplication.processEvents()
        edit = window.editor.section_editors["team"].edit
        layouts, cpu, paints = [], [], []
        for i in range(runs):
            edit.insertPlainText("字" if i % 2 else "词")  # the keystroke: only a timer starts
            assert window.pages.timer.isActive()
            layouts.append(median_ms(window.pages.lay_out_now, 1))
            edit.insertPlainText("字")
            cpu.append(cpu_ms(window.pages.lay_out_now))
            paints.append(median_ms(window.pages.preview.canvas.repaint, 1))
        print(f"keystroke in a {window.pages.page_count}-page proposal: re-layout median "
              f"{statistics.median(layouts):.1f} ms wall (target <= 50), min "
              f"{min(layouts):.1f}, max {max(layouts):.1f}; CPU median "
              f"{statistics.median(cpu):.1f} ms; repaint of the page in view "
              f"{statistics.median(paints):.1f} ms")  # fmt: skip
        window.document.modified = False
        window.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    ensure_cjk_font(app)
    call = load_call(builtin_call_path())
    pdf_versus_plain("full sample proposal", assemble(full_proposal(call), call), args.runs)
    with tempfile.TemporaryDirectory() as folder:
        path = rich_proposal(Path(folder), repeat=TWENTY_PAGES)
        proposal, _ = load_proposal(path)
        pdf_versus_plain("20-page rich proposal", assemble(proposal, call, base=path.parent),
                         args.runs)  # fmt: skip
        keystroke(call, path, args.runs)


if __name__ == "__main__":
    main()
