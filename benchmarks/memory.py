"""Peak RSS after start-up against the bare three-widget script (target: ratio ≤ 1.5).

The measurement is shared with benchmarks/startup.py (one child process each, read at first paint).
Run: PYTHONPATH=. QT_QPA_PLATFORM=offscreen python benchmarks/memory.py [RUNS]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from startup import BARE, measure


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    bare = max(measure([sys.executable, "-c", BARE])[1] for _ in range(runs)) / 1024
    app = max(measure([sys.executable, "-m", "planner", "--exit-after-paint"])[1]
              for _ in range(runs)) / 1024  # fmt: skip
    print(f"peak RSS after start-up: bare {bare:.1f} MiB, planner {app:.1f} MiB, "
          f"ratio {app / bare:.2f} (target ≤ 1.5)")  # fmt: skip


if __name__ == "__main__":
    main()
