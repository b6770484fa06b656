"""The ranking on the repo's labelled research paragraphs meets its targets (issue 17)."""

from __future__ import annotations

import yaml
from paths import DATA

from planner.match.evaluation import accuracy, evaluate, parse_paragraphs
from planner.match.ranking import match_index


def _outcomes(call):
    data = yaml.safe_load((DATA / "match_eval.yaml").read_text(encoding="utf-8"))
    return evaluate(match_index(call), parse_paragraphs(data))


def test_the_set_covers_every_topic_in_both_languages(call):
    outcomes = _outcomes(call)
    paragraphs = [o.paragraph for o in outcomes]
    assert len(paragraphs) >= 40
    assert {p.topic for p in paragraphs} == {t.id for t in call.topics()}
    langs = [p.lang for p in paragraphs]
    assert langs.count("en") >= 20 and langs.count("zh") >= 20 and langs.count("mixed") >= 2
    assert {p.half for p in paragraphs} == {"A", "B"}


def test_top3_is_perfect_and_top1_at_least_95_percent(call):
    outcomes = _outcomes(call)
    top1, top3 = accuracy(outcomes)
    misses = [(o.paragraph.id, o.ranked[:3]) for o in outcomes if not o.top3]
    assert top3 == 1.0, misses
    assert top1 >= 0.95, [(o.paragraph.id, o.ranked[:3]) for o in outcomes if not o.top1]
