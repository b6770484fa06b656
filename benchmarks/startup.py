"""Start-up time and peak memory: `planner` until its window painted, against a bare PySide6
script showing the same three widgets empty. Prints both and their ratios (targets ≤ 1.5).

Run: PYTHONPATH=. QT_QPA_PLATFORM=offscreen python benchmarks/startup.py [RUNS] [--source]
     [--instructions]

Both run from byte-compiled modules, as an installed app does (pip compiles a wheel's modules
on install, the frozen bundle ships .pyc, a checkout writes __pycache__ on its first run): when
PYTHONDONTWRITEBYTECODE is set, as on some CI and sandbox machines, Python would otherwise
compile the app's ~40 modules from source on every start. So the bytecode goes to a temporary
PYTHONPYCACHEPREFIX, written by one warm-up run of each script that is not measured.
--source measures as the environment stands instead (with that variable set: compiling too).

Both notice their first paint the same way, with an event filter on the window alone (see
planner.ui.app._exit_after_paint), and end the process right there.

--instructions also counts, once each under valgrind, the instructions both processes execute
until their first paint: unlike wall time on a shared machine, which varies by 20% from run to
run, the count repeats to 0.1%, so it shows what a change of a few milliseconds is worth. It
leaves out what instructions do not see (page faults, cache misses, waiting on the disk).
"""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

BARE = r"""
import os, resource, time
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
            window.removeEventFilter(self)
            QTimer.singleShot(0, self.report)
        return False
    def report(self):
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(f"painted {time.time():.6f} {peak} {time.process_time():.6f}", flush=True)
        os._exit(0)
window.show()
p = Painted(); window.installEventFilter(p)
app.exec()
"""
COMMANDS = ([sys.executable, "-c", BARE], [sys.executable, "-m", "planner", "--exit-after-paint"])


def _env(extra_env: dict[str, str] | None) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    if extra_env is not None:  # bytecode mode (see the module docstring)
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env.update(extra_env)
    return env


def measure(cmd: list[str], extra_env: dict[str, str] | None = None) -> tuple[float, int, float]:
    """Seconds from process start to first paint, peak RSS in KiB at that moment, and the CPU
    seconds the process used until then."""
    env = _env(extra_env)
    start = time.time()
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, check=True).stdout
    line = next(line for line in out.splitlines() if line.startswith("painted "))
    _, painted, rss, cpu = line.split()
    return float(painted) - start, int(rss), float(cpu)


def instructions(cmd: list[str], extra_env: dict[str, str] | None) -> int:
    """Instructions the process executes until its first paint, counted by valgrind."""
    valgrind = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"]
    done = subprocess.run([*valgrind, *cmd], capture_output=True, text=True,
                          env=_env(extra_env), check=True)  # fmt: skip
    return int(re.search(r"I\s+refs:\s+([\d,]+)", done.stderr)[1].replace(",", ""))


def main() -> None:
    flags = {"--source", "--instructions"}
    args = [a for a in sys.argv[1:] if a not in flags]
    source = "--source" in sys.argv[1:]
    count = "--instructions" in sys.argv[1:]
    if count and shutil.which("valgrind") is None:
        sys.exit("--instructions needs valgrind (apt-get install valgrind)")
    runs = int(args[0]) if args else 11
    with tempfile.TemporaryDirectory(prefix="planner-pyc-") as pyc:
        extra = None if source else {"PYTHONPYCACHEPREFIX": pyc}
        bare, app = run(runs, extra)
        counts = [instructions(cmd, extra) for cmd in COMMANDS] if count else []
    mode = "as the environment stands" if source else "from bytecode, as installed"
    print(f"({mode}; PYTHONDONTWRITEBYTECODE={os.environ.get('PYTHONDONTWRITEBYTECODE', '')!r})")
    report(runs, bare, app)
    if counts:
        b, a = counts
        print(f"instructions until first paint: bare {b / 1e6:.0f} M, planner {a / 1e6:.0f} M, "
              f"ratio {a / b:.2f}")  # fmt: skip


def run(runs: int, extra: dict[str, str] | None) -> tuple[list, list]:
    bare_cmd, app_cmd = COMMANDS
    if extra is not None:  # not measured: writes the bytecode (and warms the file cache)
        measure(bare_cmd, extra)
        measure(app_cmd, extra)
    bare, app = [], []
    for _ in range(runs):  # interleaved, so both see the same machine load
        bare.append(measure(bare_cmd, extra))
        app.append(measure(app_cmd, extra))
    return bare, app


def report(runs: int, bare: list, app: list) -> None:
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
