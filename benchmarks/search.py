"""Refiltering the topic tree per keystroke with a generated call of 5,000 topics.

Types queries one character at a time (and deletes them again), timing the filter plus the
tree's relayout and paint for each keystroke, with the glossed index the pane loads on the
first search (English words through CC-CEDICT, one typo, closest topics when nothing is
found). Target: median ≤ 16 ms.
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
from planner.ui.panes.topic_tree import SUGGEST_AFTER_MS, TopicTreePane

# Latin and Chinese words of the call, English words only its glosses hold ("database" for
# 数据库, "safety" for 安全), a typo ("optimiser") and a query nothing holds.
QUERIES = ("query optimizer", "数据库 索引", "privacy", "stream cache", "database safety",
           "optimiser", "xylophone")  # fmt: skip


def main() -> None:
    app = QApplication([])
    call = synthetic_call(5000)
    started = time.perf_counter()
    pane = TopicTreePane(call)
    built = time.perf_counter() - started
    pane.resize(420, 900)
    pane.show()
    app.processEvents()
    # the first search loads the glossed index in the pane's thread; measure once it is in use
    # (while it builds, keystrokes share the interpreter with it)
    ready = []
    pane.searchIndexReady.connect(lambda: ready.append(time.perf_counter()))
    started = time.perf_counter()
    pane.search.setText("x")
    while not ready:
        app.processEvents()
        time.sleep(0.01)
    glossed = ready[0] - started
    pane.search.setText("")
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
    suggest = []  # what the pane does once typing pauses on a query that finds nothing
    for text in ("xylophone", "database xylophone", "privacy zzz"):
        pane.search.setText(text)
        app.processEvents()
        t = time.perf_counter()
        pane._suggest()
        pane.view.viewport().repaint()
        app.processEvents()
        suggest.append(time.perf_counter() - t)
    times.sort()
    print(f"tree of {call.topic_count} topics built in {built * 1000:.0f} ms; glossed index "
          f"(in the background, once) {glossed:.1f} s")  # fmt: skip
    print(f"refilter per keystroke over {len(times)} keystrokes: median "
          f"{statistics.median(times) * 1000:.1f} ms, 90th percentile "
          f"{times[int(len(times) * 0.9)] * 1000:.1f} ms, max {times[-1] * 1000:.1f} ms "
          f"(target: median ≤ 16 ms)")  # fmt: skip
    print(f"CPU time per keystroke: median {statistics.median(cpu) * 1000:.1f} ms")
    print(f"closest topics for a query that finds nothing (after a {SUGGEST_AFTER_MS} ms pause): "
          f"median {statistics.median(suggest) * 1000:.0f} ms")  # fmt: skip


if __name__ == "__main__":
    main()
