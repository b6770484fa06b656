"""Refiltering the topic tree per keystroke with a generated call of 5,000 topics.

Types queries one character at a time (and deletes them again), timing the filter plus the
tree's relayout and paint for each keystroke. Target: median ≤ 16 ms.
Run: PYTHONPATH=. QT_QPA_PLATFORM=offscreen python benchmarks/search.py
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).parent))

from PySide6.QtWidgets import QApplication
from synthetic_call import synthetic_call

import planner.ui  # noqa: F401 - the PySide refcount guard
from planner.ui.panes.topic_tree import TopicTreePane

QUERIES = ("query optimizer", "数据库 索引", "privacy", "stream cache")


def main() -> None:
    app = QApplication([])
    call = synthetic_call(5000)
    started = time.perf_counter()
    pane = TopicTreePane(call)
    built = time.perf_counter() - started
    pane.resize(420, 900)
    pane.show()
    app.processEvents()
    times, cpu = [], []  # CPU time too: less sensitive than wall time to other load
    for query in QUERIES:
        steps = [query[:i] for i in range(1, len(query) + 1)]
        for text in [*steps, *reversed(steps[:-1]), ""]:
            t, c = time.perf_counter(), time.process_time()
            pane.search.setText(text)
            pane.view.viewport().repaint()
            app.processEvents()
            times.append(time.perf_counter() - t)
            cpu.append(time.process_time() - c)
    times.sort()
    print(f"tree of {call.topic_count} topics built in {built * 1000:.0f} ms")
    print(f"refilter per keystroke over {len(times)} keystrokes: median "
          f"{statistics.median(times) * 1000:.1f} ms, 90th percentile "
          f"{times[int(len(times) * 0.9)] * 1000:.1f} ms, max {times[-1] * 1000:.1f} ms "
          f"(target: median ≤ 16 ms)")  # fmt: skip
    print(f"CPU time per keystroke: median {statistics.median(cpu) * 1000:.1f} ms")


if __name__ == "__main__":
    main()
