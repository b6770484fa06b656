"""How fast `planner match` ranks the built-in call: glosses and index once, then per paragraph.

The glosses (jieba + CC-CEDICT over the call) are built once per call and dictionary version
and then read from the user cache; this prints both, the index build on top, and a match.
Target: matching well under 50 ms per paragraph (the match dialog re-ranks as the user types).
Run: PYTHONPATH=. python benchmarks/match_speed.py
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from planner.formats.call_file import load_call
from planner.match.glosses import load_or_build
from planner.match.ranking import MatchIndex
from planner.resources import builtin_call_path

PARAGRAPHS = [
    "我们研究混合事务/分析处理（HTAP）数据库，关注行列混合存储引擎上的查询优化，"
    "以及在数据新鲜度与系统吞吐之间的权衡。" * 3,
    "Our group works on side-channel attacks on post-quantum signature schemes such as "
    "lattice-based signatures: we collect power traces from software implementations, recover "
    "secret keys, forge signatures and design masking countermeasures." * 3,
]
RUNS = 200


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"


def main() -> None:
    call = load_call(builtin_call_path())
    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        glosses = load_or_build(call, Path(folder))  # loads jieba and CC-CEDICT
        cold = time.perf_counter() - start
        reads = []
        for _ in range(10):
            start = time.perf_counter()
            load_or_build(call, Path(folder))
            reads.append(time.perf_counter() - start)
    builds = []
    for _ in range(10):
        start = time.perf_counter()
        index = MatchIndex(call, glosses)
        builds.append(time.perf_counter() - start)
    print(f"call: {call.topic_count} topics")
    print(f"glosses: first build {cold:.2f} s (dictionaries loaded), then from the cache "
          f"median {_ms(statistics.median(reads))}")  # fmt: skip
    print(f"index build: median {_ms(statistics.median(builds))}")
    for text in PARAGRAPHS:
        times = []
        for _ in range(RUNS):
            start = time.perf_counter()
            index.match(text)
            times.append(time.perf_counter() - start)
        times.sort()
        print(
            f"match {len(text)} chars: median {_ms(statistics.median(times))}, "
            f"p95 {_ms(times[int(RUNS * 0.95)])}, max {_ms(times[-1])}"
        )


if __name__ == "__main__":
    main()
