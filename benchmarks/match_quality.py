"""How often "Find topics for my research" ranks the right topic first, on labelled paragraphs.

Reads tests/data/match_eval.yaml (research paragraphs in English, Chinese and both, each with
its topic and an acceptable second one) and prints top-1 and top-3 accuracy for each half
(half A was used to choose the method's weights, half B not) and every miss.
Targets: top-1 >= 95%, top-3 100%.
Run: PYTHONPATH=. python benchmarks/match_quality.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

from planner.formats.call_file import load_call
from planner.match.evaluation import accuracy, evaluate, parse_paragraphs
from planner.match.ranking import MatchIndex
from planner.resources import builtin_call_path

EVAL = Path(__file__).resolve().parent.parent / "tests" / "data" / "match_eval.yaml"


def main() -> None:
    call = load_call(builtin_call_path())
    paragraphs = parse_paragraphs(yaml.safe_load(EVAL.read_text(encoding="utf-8")))
    outcomes = evaluate(MatchIndex(call), paragraphs)
    groups = [("half A (tuned on)", "A"), ("half B (not tuned on)", "B"), ("all", None)]
    for label, half in groups:
        chosen = [o for o in outcomes if half is None or o.paragraph.half == half]
        top1, top3 = accuracy(chosen)
        print(f"{label:<22} {len(chosen):3d} paragraphs: top-1 {top1:6.1%}, top-3 {top3:6.1%}")
    for lang in ("en", "zh", "mixed"):
        chosen = [o for o in outcomes if o.paragraph.lang == lang]
        top1, top3 = accuracy(chosen)
        print(f"  {lang:<20} {len(chosen):3d} paragraphs: top-1 {top1:6.1%}, top-3 {top3:6.1%}")
    misses = [o for o in outcomes if not o.top1]
    print("misses (top-1):" if misses else "misses (top-1): none")
    for o in misses:
        p = o.paragraph
        wanted = p.topic + (f" or {p.also}" if p.also else "")
        print(f"  {p.id:<8} wanted {wanted:<12} got {', '.join(o.ranked[:3])}")
    sys.exit(0)


if __name__ == "__main__":
    main()
