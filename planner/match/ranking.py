"""Find the topics closest to a paragraph about one's research ("find topics for my research").

Offline and model-free: TF-IDF over character n-grams, cosine similarity. Chinese has no spaces,
so CJK text is cut into overlapping bi- and trigrams (the usual way to index Chinese without a
dictionary); Latin text is cut into words (lower-cased, a plural "s" dropped). An English
paragraph is first expanded with the Chinese equivalents of the research terms it contains
(`planner.match.glossary`), so it can match a call written in Chinese.

Each topic is one document: its title (weighted up, it names the subject), its background and
its directions. A topic's score blends its whole-document similarity with that of its
best-matching direction, so a paragraph that fits one suggested direction closely ranks the
topic high even when the rest of the background is about something broader.
The index is built once per call (`match_index` caches it) and matching takes about a millisecond.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from planner.errors import PlannerError
from planner.match.glossary import GLOSSARY
from planner.model.call import Call, Direction, Topic

TITLE_WEIGHT = 3.0
BACKGROUND_WEIGHT = 1.0
DIRECTION_WEIGHT = 1.0
# score = TOPIC_SHARE * similarity(topic) + (1 - TOPIC_SHARE) * similarity(best direction)
TOPIC_SHARE = 0.6

_CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]+")
_LATIN_WORD = re.compile(r"[a-z0-9]+")
# Function words and the generic verbs of every research paragraph; they only add noise.
_STOPWORD_TEXT = """
a an and are as at be been but by can for from has have how in into is it its of on or our over
such that the their them these this those to under use used using via was we what when which
while with within without work works study studies studying propose proposed approach method
methods new novel paper research based also both more most e g i etc
"""
_STOPWORDS = frozenset(_STOPWORD_TEXT.split())


class EmptyQueryError(PlannerError):
    """The paragraph to match has no words."""


@dataclass(frozen=True)
class TopicMatch:
    """One ranked topic: `score` and `direction_score` are cosine similarities in 0..1."""

    topic: Topic
    score: float
    direction: Direction | None
    direction_score: float


def normalize(text: str) -> str:
    """Full-width to half-width, case-folded: 'ＨＴＡＰ' and 'htap' are the same word."""
    return unicodedata.normalize("NFKC", text).casefold()


def _stem(word: str) -> str:
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def features(text: str) -> Counter[str]:
    """The n-grams of a text: CJK bi- and trigrams (a lone character as itself), Latin words."""
    text = normalize(text)
    counts: Counter[str] = Counter()
    for run in _CJK_RUN.findall(text):
        if len(run) == 1:
            counts[run] += 1
            continue
        for n in (2, 3):
            for i in range(len(run) - n + 1):
                counts[run[i : i + n]] += 1
    for word in _LATIN_WORD.findall(text):
        if word not in _STOPWORDS and not (word.isdigit() and len(word) < 3):
            counts[_stem(word)] += 1
    return counts


def glossary_terms(text: str) -> list[str]:
    """Chinese equivalents of the English research terms in `text` (see match_glossary)."""
    padded = " " + " ".join(_LATIN_WORD.findall(normalize(text))) + " "
    if padded.isspace():
        return []
    found = []
    for phrase, chinese in GLOSSARY.items():
        if f" {phrase} " in padded or f" {phrase}s " in padded:
            found.append(chinese)
    return found


def query_features(text: str) -> Counter[str]:
    counts = features(text)
    for chinese in glossary_terms(text):
        counts.update(features(chinese))
    return counts


def _combine(parts: Iterable[tuple[Counter[str], float]]) -> dict[str, float]:
    total: dict[str, float] = {}
    for counts, weight in parts:
        for feature, count in counts.items():
            total[feature] = total.get(feature, 0.0) + count * weight
    return total


Vector = dict[str, float]


def _vector(counts: Mapping[str, float], idf: dict[str, float]) -> Vector:
    """Sublinear tf times idf, unit length; features the call never uses are dropped."""
    vec = {f: math.log1p(c) * idf[f] for f, c in counts.items() if f in idf}
    norm = math.sqrt(sum(w * w for w in vec.values()))
    return {f: w / norm for f, w in vec.items()} if norm else {}


def _cosine(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(f, 0.0) for f, w in a.items())


@dataclass(frozen=True)
class _Entry:
    topic: Topic
    vector: Vector
    directions: tuple[tuple[Direction, Vector], ...]


class MatchIndex:
    """TF-IDF vectors of one call's topics and directions. Build once, match many times."""

    def __init__(self, call: Call) -> None:
        topics = list(call.topics())
        direction_counts = [[features(d.text) for d in t.directions] for t in topics]
        docs = [
            _combine(
                [
                    (features(t.title), TITLE_WEIGHT),
                    (features(t.background), BACKGROUND_WEIGHT),
                    *((counts, DIRECTION_WEIGHT) for counts in dir_counts),
                ]
            )
            for t, dir_counts in zip(topics, direction_counts, strict=True)
        ]
        df: Counter[str] = Counter()
        for doc in docs:
            df.update(doc.keys())
        n = len(docs)
        # log((n+1)/df): a term in every topic is worth almost nothing, a rare one a lot
        self._idf = {f: math.log((n + 1) / d) for f, d in df.items()}
        self._entries = tuple(
            _Entry(
                t,
                _vector(doc, self._idf),
                tuple(
                    (d, _vector(counts, self._idf))
                    for d, counts in zip(t.directions, dir_counts, strict=True)
                ),
            )
            for t, doc, dir_counts in zip(topics, docs, direction_counts, strict=True)
        )

    def match(self, text: str, top: int | None = None) -> list[TopicMatch]:
        """Topics sharing anything with `text`, best first (ties in call order).

        Raises EmptyQueryError when `text` has no words at all."""
        counts = query_features(text)
        if not counts:
            raise EmptyQueryError(
                "nothing to match: paste a paragraph (Chinese or English) about your research"
            )
        query = _vector(counts, self._idf)
        results = []
        for entry in self._entries:
            similarity = _cosine(query, entry.vector)
            best, best_score = None, 0.0
            for direction, vector in entry.directions:
                s = _cosine(query, vector)
                if s > best_score:
                    best, best_score = direction, s
            if best is None:  # an open topic: the whole topic stands in for its directions
                score = similarity
            else:
                score = TOPIC_SHARE * similarity + (1 - TOPIC_SHARE) * best_score
            if score > 0:
                results.append(TopicMatch(entry.topic, score, best, best_score))
        results.sort(key=lambda m: -m.score)  # stable: ties stay in call order
        return results[:top] if top is not None else results


@lru_cache(maxsize=4)
def match_index(call: Call) -> MatchIndex:
    """The index of `call`, built on first use (calls are immutable, so it never goes stale)."""
    return MatchIndex(call)


def match_topics(call: Call, text: str, top: int | None = None) -> list[TopicMatch]:
    return match_index(call).match(text, top)
