"""Judging the ranking on labelled paragraphs: top-1 and top-3 accuracy and the misses.

Used by benchmarks/match_quality.py (prints the figures) and by the test that holds the
method to its targets, on tests/data/match_eval.yaml.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from planner.match.ranking import MatchIndex


@dataclass(frozen=True)
class Paragraph:
    id: str
    half: str
    lang: str
    topic: str
    also: str | None
    text: str

    def accepts(self, topic_id: str) -> bool:
        return topic_id in (self.topic, self.also)


@dataclass(frozen=True)
class Outcome:
    paragraph: Paragraph
    ranked: tuple[str, ...]  # topic ids, best first (the first five)

    @property
    def top1(self) -> bool:
        return bool(self.ranked) and self.paragraph.accepts(self.ranked[0])

    @property
    def top3(self) -> bool:
        return any(self.paragraph.accepts(t) for t in self.ranked[:3])


def parse_paragraphs(data: object) -> list[Paragraph]:
    """The `paragraphs` list of the evaluation file's data; ValueError names a bad entry."""
    if not isinstance(data, dict) or not isinstance(data.get("paragraphs"), list):
        raise ValueError("the evaluation file needs a 'paragraphs' list")
    out = []
    for n, item in enumerate(data["paragraphs"], 1):
        if not isinstance(item, dict) or not all(
            isinstance(item.get(k), str) for k in ("id", "half", "lang", "topic", "text")
        ):
            raise ValueError(f"paragraph {n}: needs id, half, lang, topic and text")
        also = item.get("also")
        out.append(
            Paragraph(
                item["id"],
                item["half"],
                item["lang"],
                item["topic"],
                also if isinstance(also, str) else None,
                item["text"],
            )
        )
    return out


def evaluate(index: MatchIndex, paragraphs: Iterable[Paragraph]) -> list[Outcome]:
    return [Outcome(p, tuple(m.topic.id for m in index.match(p.text, top=5))) for p in paragraphs]


def accuracy(outcomes: list[Outcome]) -> tuple[float, float]:
    """(top-1, top-3) as fractions."""
    if not outcomes:
        return 0.0, 0.0
    n = len(outcomes)
    return sum(o.top1 for o in outcomes) / n, sum(o.top3 for o in outcomes) / n
