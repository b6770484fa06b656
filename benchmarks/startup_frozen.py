"""Start-up time of the frozen app against an installed one, plus the bundle's size.

    python benchmarks/startup_frozen.py FROZEN_EXE INSTALLED_EXE [--runs 5]

FROZEN_EXE: `<unpacked release>/planner/planner`; INSTALLED_EXE: a `planner` console script
(e.g. `.venv/bin/planner`). Each command runs in an empty environment (PATH, HOME,
QT_QPA_PLATFORM=offscreen) like the frozen test; the first run of each is reported apart
(files not yet in the page cache after unpacking), then the median of the rest.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

COMMANDS = (
    ("--version",),
    ("topics",),
    ("--screenshot", "shot.png", "--topic", "5.1"),
)


def timed(exe: Path, args: tuple[str, ...], cwd: Path) -> float:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(cwd), "QT_QPA_PLATFORM": "offscreen"}
    started = time.perf_counter()
    subprocess.run([str(exe), *args], env=env, cwd=cwd, check=True, capture_output=True)
    return time.perf_counter() - started


def tree_mib(path: Path) -> float:
    return sum(p.lstat().st_size for p in path.rglob("*")) / 1024 / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("frozen", type=Path)
    parser.add_argument("installed", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    args.frozen, args.installed = args.frozen.absolute(), args.installed.absolute()
    print(f"bundle {args.frozen.parent}: {tree_mib(args.frozen.parent):.1f} MiB unpacked")
    with tempfile.TemporaryDirectory() as tmp:
        cwd = Path(tmp)
        for command in COMMANDS:
            for label, exe in (("frozen", args.frozen), ("installed", args.installed)):
                times = [timed(exe, command, cwd) for _ in range(args.runs)]
                rest = statistics.median(times[1:]) if len(times) > 1 else times[0]
                print(
                    f"{' '.join(command[:1]):13} {label:9} first {times[0]:.2f} s, "
                    f"median {rest:.2f} s"
                )


if __name__ == "__main__":
    main()
