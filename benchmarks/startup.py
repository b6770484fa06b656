"""Start-up time and peak memory: `planner` until its window painted, against a bare PySide6
script showing the same three widgets empty. Prints both and their ratios (targets ≤ 1.5).

Run: PYTHONPATH=. QT_QPA_PLATFORM=offscreen python benchmarks/startup.py [RUNS]
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time

BARE = r"""
import resource, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import (
    QApplication, QMainWindow, QPlainTextEdit, QSplitter, QTextBrowser, QTreeView)
app = QApplication([])
window = QMainWindow()
splitter = QSplitter()
for w in (QTreeView(), QTextBrowser(), QPlainTextEdit()):
    splitter.addWidget(w)
window.setCentralWidget(splitter)
window.resize(1400, 860)
class Painted(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            app.removeEventFilter(self)
            QTimer.singleShot(0, self.report)
        return False
    def report(self):
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(f"painted {time.time():.6f} {peak} {time.process_time():.6f}", flush=True)
        app.quit()
p = Painted(); app.installEventFilter(p)
window.show()
app.exec()
"""


def measure(cmd: list[str]) -> tuple[float, int, float]:
    """Seconds from process start to first paint, peak RSS in KiB at that moment, and the CPU
    seconds the process used until then (less sensitive than wall time to a busy machine)."""
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    start = time.time()
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, check=True).stdout
    line = next(line for line in out.splitlines() if line.startswith("painted "))
    _, painted, rss, cpu = line.split()
    return float(painted) - start, int(rss), float(cpu)


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 11
    bare_cmd = [sys.executable, "-c", BARE]
    app_cmd = [sys.executable, "-m", "planner", "--exit-after-paint"]
    bare, app = [], []
    for _ in range(runs):  # interleaved, so both see the same machine load
        bare.append(measure(bare_cmd))
        app.append(measure(app_cmd))
    bt = statistics.median(t for t, _, _ in bare)
    at = statistics.median(t for t, _, _ in app)
    bc = statistics.median(c for _, _, c in bare)
    ac = statistics.median(c for _, _, c in app)
    bm = max(m for _, m, _ in bare) / 1024
    am = max(m for _, m, _ in app) / 1024
    print(f"start-up to first paint (median of {runs}): bare {bt * 1000:.0f} ms, "
          f"planner {at * 1000:.0f} ms, ratio {at / bt:.2f} (target ≤ 1.5)")  # fmt: skip
    print(f"CPU time until first paint (median): bare {bc * 1000:.0f} ms, "
          f"planner {ac * 1000:.0f} ms, ratio {ac / bc:.2f}")  # fmt: skip
    print(f"peak RSS after start-up: bare {bm:.1f} MiB, planner {am:.1f} MiB, "
          f"ratio {am / bm:.2f} (target ≤ 1.5)")  # fmt: skip


if __name__ == "__main__":
    main()
