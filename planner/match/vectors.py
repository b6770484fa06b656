"""The feature vectors of matching: what a text is made of, as `planner.match.ranking` counts it.

Two channels: Chinese character bi- and trigrams (no dictionary needed; those that begin or end
with a function character dropped) and English stems, of Latin words and of the CC-CEDICT
glosses of Chinese words. Each weighted by sublinear tf times idf, unit length.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping

from planner.match.lexicon import CJK_RUN, english_words, normalize, stem

# A Chinese word's gloss counts this much, shared among its English words: a word with one
# clear sense ("database") says more than one with ten.
GLOSS_WEIGHT = 1.0
ZH, EN = 0, 1
Vector = dict[str, float]
Counts = dict[str, float]  # feature -> weighted count
Glosses = dict[str, tuple[tuple[str, float], ...]]


def zh_features(text: str, function_chars: frozenset[str] = frozenset()) -> Counter[str]:
    """CJK bi- and trigrams of normalized text (a lone character as itself), leaving out
    those that begin or end with a function character (的新, 型的): they cross words."""
    counts: Counter[str] = Counter()
    for run in CJK_RUN.findall(text):
        if len(run) == 1:
            if run not in function_chars:
                counts[run] += 1
            continue
        for n in (2, 3):
            for i in range(len(run) - n + 1):
                if run[i] not in function_chars and run[i + n - 1] not in function_chars:
                    counts[run[i : i + n]] += 1
    return counts


def en_features(text: str) -> Counter[str]:
    """Stems of the Latin content words of normalized text."""
    return Counter(stem(w) for w in english_words(text))


def features(
    text: str, function_chars: frozenset[str] = frozenset()
) -> tuple[Counter[str], Counter[str]]:
    """The Chinese and English features of a paragraph."""
    text = normalize(text)
    return zh_features(text, function_chars), en_features(text)


class GlossStems:
    """Per Chinese word, the stems of its gloss and their weights, worked out once."""

    def __init__(self, glosses: Glosses) -> None:
        self._glosses = glosses
        self._stems: dict[str, dict[str, float]] = {}

    def of(self, word: str) -> dict[str, float]:
        found = self._stems.get(word)
        if found is None:
            stems: dict[str, float] = {}
            for english, weight in self._glosses.get(word, ()):
                s = stem(english)
                stems[s] = max(stems.get(s, 0.0), weight)
            # a word's gloss counts GLOSS_WEIGHT, shared among its English words
            share = GLOSS_WEIGHT / math.sqrt(len(stems)) if stems else 0.0
            found = self._stems[word] = {s: w * share for s, w in stems.items()}
        return found

    def features(self, words: Iterable[str]) -> Counts:
        counts: Counts = {}
        for word, n in Counter(words).items():
            for s, w in self.of(word).items():
                counts[s] = counts.get(s, 0.0) + w * n
        return counts


def part_features(
    text: str, words: Iterable[str], stems: GlossStems, function_chars: frozenset[str]
) -> tuple[Counts, Counts]:
    zh, en = features(text, function_chars)
    return dict(zh), combine([(en, 1.0), (stems.features(words), 1.0)])


def combine(parts: Iterable[tuple[Mapping[str, float], float]]) -> Counts:
    total: Counts = {}
    for counts, weight in parts:
        for feature, count in counts.items():
            total[feature] = total.get(feature, 0.0) + count * weight
    return total


def vector(counts: Mapping[str, float], idf: dict[str, float]) -> Vector:
    """Sublinear tf times idf, unit length; features the call never uses are dropped."""
    vec = {f: math.log1p(c) * idf[f] for f, c in counts.items() if f in idf}
    norm = math.sqrt(sum(w * w for w in vec.values()))
    return {f: w / norm for f, w in vec.items()} if norm else {}


def cosine(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(f, 0.0) for f, w in a.items())


def distinct(
    directions: list[tuple[Vector, Vector]], others: list[tuple[Vector, Vector]]
) -> tuple[tuple[Vector, Vector], ...]:
    """Direction vectors reweighted by log((n+1)/df) over the topic's n parts (its title,
    background and directions): a word the background already has ("hybrid transactional
    processing" of HTAP) tells no direction from another."""
    parts = directions + others
    n = len(parts)
    out = []
    for vectors in directions:
        pair = []
        for c in (ZH, EN):
            df = Counter(f for other in parts for f in other[c])
            vec = {f: w * math.log((n + 1) / df[f]) for f, w in vectors[c].items()}
            norm = math.sqrt(sum(w * w for w in vec.values()))
            pair.append({f: w / norm for f, w in vec.items()} if norm else {})
        out.append((pair[0], pair[1]))
    return tuple(out)


def covered_pieces(run: str, shared: set[str]) -> list[str]:
    """The longest stretches of a Chinese run covered by shared bigrams (at least two
    characters): the words of the paragraph the topic also has."""
    covered = [False] * len(run)
    for i in range(len(run) - 1):
        if run[i : i + 2] in shared:
            covered[i] = covered[i + 1] = True
    pieces, start = [], None
    for i, on in enumerate([*covered, False]):
        if on and start is None:
            start = i
        elif not on and start is not None:
            if i - start >= 2:
                pieces.append(run[start:i])
            start = None
    return pieces
