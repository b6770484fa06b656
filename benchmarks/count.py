"""Counting a 5,000-character section with tables, as the editor does on every keystroke.

Types into a section (prose, a list, a schedule and a budget table) one character at a time at
places spread over it, counting after each keystroke: the live count's real cost, with the
parser's chunk cache warm as it is while typing. Also the cost with nothing cached (a section
seen for the first time: opening a file, a batch) and the parse of 0.25 / 0.5 / 1 MB, to show
the parse stays linear. Target (issue 12): median ≤ 5 ms per keystroke.
Run: PYTHONPATH=. python benchmarks/count.py
"""

from __future__ import annotations

import random
import statistics
import time

from planner.document import markdown
from planner.document.count import count_section

PROSE = (
    "面向混合事务与分析处理（HTAP）的数据库系统，需要在同一份数据上同时支撑高并发的在线事务"
    "与实时的分析查询。**现有系统**多采用行列混存的架构[@huang2020; @li2022]，但在资源隔离、"
    "数据新鲜度与查询性能之间难以兼顾，尤其是在云原生部署下，计算与存储分离带来了新的挑战。"
)
SCHEDULE = "\n".join(
    ["Table: 研究进度安排", "| 时间 | 研究内容 | 预期成果 |", "|:--|:--|:--|"]
    + [f"| 2025 年第 {q} 季度 | 完成第 {q} 阶段的算法设计与原型实现 | 论文 1 篇，专利 1 项 |"
       for q in range(1, 9)]
)  # fmt: skip
BUDGET = "\n".join(
    ["Table: 经费预算表", "| 科目 | 金额（万元） | 计算依据 | 说明 |", "|:--|--:|:--|:--|"]
    + [f"| 科目{i} | {i * 1.5:.1f} | 按实际需求测算 | 用于实验平台与测试数据 |"
       for i in range(1, 11)]
)  # fmt: skip
LIST = "\n".join(
    f"{i}. 研究内容{i}：针对*{i}号*问题设计新的索引结构与查询优化方法" for i in range(1, 7)
)


def section(target: int = 5000) -> str:
    parts = ["## 研究背景", PROSE, PROSE, SCHEDULE, "## 研究内容", LIST, PROSE, BUDGET]
    text = "\n".join(parts)
    while len(text) < target:
        text += "\n" + PROSE
    return text[:target]


def main() -> None:
    text = section()
    rng = random.Random(12)
    count_section(text)  # imports the parser and warms the cache, as the first count does
    times: list[float] = []
    cpu: list[float] = []  # CPU time too: less sensitive than wall time to other load
    for _ in range(400):
        pos = rng.randrange(len(text))
        if text[pos] == "\n" or text[pos - 1 : pos] == "\n":
            continue  # typing, not starting lines
        text = text[:pos] + "研" + text[pos:]
        started, started_cpu = time.perf_counter(), time.process_time()
        count_section(text)
        times.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    times.sort()
    cold: list[float] = []
    for _ in range(30):
        markdown._CHUNKS.clear()
        started = time.perf_counter()
        count_section(text)
        cold.append(time.perf_counter() - started)
    print(f"count_section of a {len(text):,}-character section with 2 tables and a list")
    median = statistics.median(times) * 1000
    print(f"  per keystroke ({len(times)} keystrokes): median {median:.2f} ms,"
          f" 90th percentile {times[int(len(times) * 0.9)] * 1000:.2f} ms,"
          f" max {times[-1] * 1000:.2f} ms (target: median ≤ 5 ms)")  # fmt: skip
    print(f"  CPU time per keystroke: median {statistics.median(cpu) * 1000:.2f} ms")
    print(f"  nothing cached: median {statistics.median(cold) * 1000:.1f} ms")
    for size in (250_000, 500_000, 1_000_000):
        big = (section() + "\n\n") * (size // 5002 + 1)
        started = time.perf_counter()
        markdown.parse_whole(big[:size])
        print(f"  parse of {size / 1e6:.2f} MB: {time.perf_counter() - started:.2f} s")


if __name__ == "__main__":
    main()
