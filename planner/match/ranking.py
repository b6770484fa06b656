"""Find the topics closest to a paragraph about one's research ("find topics for my research").

Offline and model-free: TF-IDF and cosine similarity in two channels.
- Chinese: character bi- and trigrams (Chinese has no spaces; n-grams need no dictionary and
  survive words jieba would cut differently).
- English: Snowball stems of the Latin words, and of the CC-CEDICT glosses of every Chinese
  word of the call (`planner.match.glosses`). So "signature" meets 签名 and "database" 数据库
  without a hand-kept list.
A paragraph is scored in each channel it has words in, weighted by how much of it is in that
channel: an English paragraph is matched through the glosses, a Chinese one mostly by n-grams.

Each topic is one document: its title (weighted up, it names the subject), its background and
its directions. A topic's score blends its whole-document similarity with that of its
best-matching direction, so a paragraph that fits one suggested direction closely ranks the
topic high even when the background is broader. The index is built once per call
(`match_index` caches it); matching then takes about a millisecond.
"""

from __future__ import annotations

import dataclasses
import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from planner.errors import PlannerError
from planner.match.glosses import CallGlosses, TopicWords, call_glosses, research_background
from planner.match.lexicon import CJK_RUN, english_words, normalize, stem
from planner.model.call import Call, Direction, Topic

TITLE_WEIGHT = 3.0
BACKGROUND_WEIGHT = 1.0
DIRECTION_WEIGHT = 1.0
# A Chinese word's gloss counts this much, shared among its English words: a word with one
# clear sense ("database") says more than one with ten.
GLOSS_WEIGHT = 1.0
# score = TOPIC_SHARE * similarity(topic) + (1 - TOPIC_SHARE) * similarity(best direction)
TOPIC_SHARE = 0.6
# How much of a paragraph one English word or one Chinese character is worth, to weigh the
# channels (a Chinese word is about two characters).
_CHARS_PER_WORD = 2.0

ZH, EN = 0, 1
# English prefixes written solid or hyphenated alike ("multimodal", "multi-modal")
_SOLID_PREFIXES = ("multi", "pre", "post", "self", "semi", "cross", "auto", "fine", "meta")
Vector = dict[str, float]
Counts = dict[str, float]  # feature -> weighted count


class EmptyQueryError(PlannerError):
    """The paragraph to match has no words."""


@dataclass(frozen=True)
class MatchedTerm:
    """A word of the paragraph that the topic shares, and how the topic writes it."""

    query: str  # as the paragraph has it: "signatures", "侧信道"
    topic: tuple[str, ...]  # the topic's words it met: ("签名",), or itself for Chinese


@dataclass(frozen=True)
class TopicMatch:
    """One ranked topic: `score` and `direction_score` are similarities in 0..1.

    `direction` is the best-matching direction of every topic that has directions (with a
    score of 0 when none shares a word); None only for an open topic."""

    topic: Topic
    score: float
    direction: Direction | None
    direction_score: float
    terms: tuple[MatchedTerm, ...] = ()
    # the share of the paragraph's words (a Chinese word counted as two characters) that the
    # topic has: a one-word overlap with a long paragraph is not a match, however rare the word
    coverage: float = 0.0


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


Glosses = dict[str, tuple[tuple[str, float], ...]]


class _GlossStems:
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


def _part_features(
    text: str, words: Iterable[str], stems: _GlossStems, function_chars: frozenset[str]
) -> tuple[Counts, Counts]:
    zh, en = features(text, function_chars)
    return dict(zh), _combine([(en, 1.0), (stems.features(words), 1.0)])


def _combine(parts: Iterable[tuple[Mapping[str, float], float]]) -> Counts:
    total: Counts = {}
    for counts, weight in parts:
        for feature, count in counts.items():
            total[feature] = total.get(feature, 0.0) + count * weight
    return total


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
    words: TopicWords
    vectors: tuple[Vector, Vector]
    directions: tuple[tuple[Direction, tuple[Vector, Vector]], ...]
    area: tuple[Vector, Vector]  # all topics of its area together: an open topic's scope
    # the directions again, each word weighted by how few of the topic's directions have it:
    # what tells one direction from another (HTAP, in three of four, does not)
    distinct: tuple[tuple[Vector, Vector], ...] = ()


class MatchIndex:
    """TF-IDF vectors of one call's topics and directions. Build once, match many times."""

    def __init__(self, call: Call, glosses: CallGlosses | None = None) -> None:
        glosses = call_glosses(call) if glosses is None else glosses
        self._glosses = glosses.glosses
        self._function_chars = fc = glosses.function_chars
        self._stems = stems = _GlossStems(self._glosses)
        self._spellings: dict[str, dict[str, tuple[str, ...]]] = {}  # topic id -> see below
        self._by_id: dict[str, _Entry] = {}
        topics = list(call.topics())
        docs, direction_docs, topic_parts = [], [], []
        for topic, words in zip(topics, glosses.topics, strict=True):
            title = _part_features(topic.title, words.title, stems, fc)
            background = _part_features(research_background(topic), words.background, stems, fc)
            directions = [
                _part_features(d.text, w, stems, fc)
                for d, w in zip(topic.directions, words.directions, strict=True)
            ]
            direction_docs.append(directions)
            topic_parts.append([title, background])
            zh, en = (
                _combine(
                    [
                        (title[c], TITLE_WEIGHT),
                        (background[c], BACKGROUND_WEIGHT),
                        *((d[c], DIRECTION_WEIGHT) for d in directions),
                    ]
                )
                for c in (ZH, EN)
            )
            docs.append((zh, en))
        n = len(docs)
        self._idf: list[dict[str, float]] = []
        for c in (ZH, EN):
            df: Counter[str] = Counter()
            for doc in docs:
                df.update(doc[c].keys())
            # log((n+1)/df): a term in every topic is worth almost nothing, a rare one a lot
            self._idf.append({f: math.log((n + 1) / d) for f, d in df.items()})
        area_docs: dict[str, tuple[Counts, Counts]] = {}
        for topic, doc in zip(topics, docs, strict=True):
            for c, total in enumerate(area_docs.setdefault(topic.area_id, ({}, {}))):
                for f, v in doc[c].items():
                    total[f] = total.get(f, 0.0) + v
        area_vectors = {a: self._vectors(doc) for a, doc in area_docs.items()}
        self._entries = tuple(
            _Entry(
                topic,
                words,
                self._vectors(doc),
                tuple(
                    (d, self._vectors(counts))
                    for d, counts in zip(topic.directions, dirs, strict=True)
                ),
                area_vectors[topic.area_id],
                _distinct(
                    [self._vectors(counts) for counts in dirs],
                    [self._vectors(counts) for counts in parts],
                ),
            )
            for topic, words, doc, dirs, parts in zip(
                topics, glosses.topics, docs, direction_docs, topic_parts, strict=True
            )
        )

        self._by_id = {e.topic.id: e for e in self._entries}

    def _vectors(
        self, doc: tuple[Mapping[str, float], Mapping[str, float]]
    ) -> tuple[Vector, Vector]:
        return _vector(doc[ZH], self._idf[ZH]), _vector(doc[EN], self._idf[EN])

    def match(self, text: str, top: int | None = None) -> list[TopicMatch]:
        """Topics sharing anything with `text`, best first (ties in call order).

        Raises EmptyQueryError when `text` has no words at all."""
        normalized = normalize(text)
        counts = (zh_features(normalized, self._function_chars), self._query_en(normalized))
        if not counts[ZH] and not counts[EN]:
            raise EmptyQueryError(
                "nothing to match: paste a paragraph (Chinese or English) about your research"
            )
        query = self._vectors(counts)
        zh_mass = sum(len(run) for run in CJK_RUN.findall(normalized)) / _CHARS_PER_WORD
        en_mass = float(sum(counts[EN].values()))
        shares = (zh_mass / (zh_mass + en_mass), en_mass / (zh_mass + en_mass))

        def similarity(vectors: tuple[Vector, Vector]) -> float:
            return sum(shares[c] * _cosine(query[c], vectors[c]) for c in (ZH, EN) if shares[c])

        results = []
        for entry in self._entries:
            whole = similarity(entry.vectors)
            best, best_score, best_distinct = None, 0.0, -1.0
            for (direction, vectors), distinct in zip(
                entry.directions, entry.distinct, strict=True
            ):
                d = similarity(distinct)
                if d > best_distinct:
                    best, best_score, best_distinct = direction, similarity(vectors), d
            if best is None:
                # an open topic ("content and directions not limited") takes anything of its
                # area: it fits a paragraph as well as the area as a whole does
                score = max(whole, similarity(entry.area))
                best_score = 0.0
            else:
                score = TOPIC_SHARE * whole + (1 - TOPIC_SHARE) * best_score
            if score > 0:
                results.append(TopicMatch(entry.topic, score, best, best_score))
        results.sort(key=lambda m: -m.score)  # stable: ties stay in call order
        results = results[:top] if top is not None else results
        # the paragraph's distinct English words and their stems, once for all results
        words = [
            (w, self._query_stems(w, self._idf[EN]))
            for w in dict.fromkeys(english_words(normalized))
        ]
        return [self._with_terms(m, normalized, words, query) for m in results]

    def _query_en(self, normalized: str) -> Counter[str]:
        """The paragraph's English stems, with two foldings the stemmer lacks, used only when
        they lead to a word the call has: an acronym's plural ("LLMs", "GPUs") and a prefix
        written solid ("multimodal", "pretraining": "modal", "training")."""
        idf = self._idf[EN]
        counts: Counter[str] = Counter()
        for word in english_words(normalized):
            counts.update(self._query_stems(word, idf))
        return counts

    def _query_stems(self, word: str, idf: dict[str, float]) -> list[str]:
        stemmed = stem(word)
        if stemmed in idf:
            return [stemmed]
        if word.endswith("s") and len(word) > 3 and stem(word[:-1]) in idf:
            return [stem(word[:-1])]
        for prefix in _SOLID_PREFIXES:
            rest = word[len(prefix) :]
            if word.startswith(prefix) and len(rest) >= 4 and stem(rest) in idf:
                return [stem(rest)]  # the prefix alone ("multi", "pre") says little
        return [stemmed]

    def _with_terms(
        self,
        m: TopicMatch,
        normalized: str,
        words: list[tuple[str, list[str]]],
        query: tuple[Vector, Vector],
    ) -> TopicMatch:
        """`m` with the paragraph's words it matched (strongest first) and its coverage."""
        entry = self._by_id[m.topic.id]
        topic_en = entry.vectors[EN]
        terms: list[tuple[float, MatchedTerm]] = []
        seen: set[str] = set()
        covered = 0.0
        common = math.log(2.0)  # idf of a word half the topics have: not worth showing
        for word, stems in words:
            shared = [s for s in stems if s in topic_en]
            if shared and max(self._idf[EN][s] for s in shared) <= common:
                covered += 1
                continue
            if shared:
                covered += 1
                weight = max(query[EN].get(s, 0.0) * topic_en[s] for s in shared)
                topic_words = self._topic_words_for(entry, shared[0])
                terms.append((weight, MatchedTerm(word, topic_words)))
        shared_zh = {f for f in query[ZH] if f in entry.vectors[ZH]}
        chars = 0
        for run in CJK_RUN.findall(normalized):
            chars += sum(1 for ch in run if ch not in self._function_chars)
            for piece in _covered_pieces(run, shared_zh):
                covered += sum(1 for ch in piece if ch not in self._function_chars) / 2
                bigrams = [piece[i : i + 2] for i in range(len(piece) - 1)]
                if max(self._idf[ZH].get(b, 0.0) for b in bigrams) <= common:
                    continue  # 研究, 技术: in most topics
                if piece not in seen:
                    seen.add(piece)
                    weight = max(
                        query[ZH].get(piece[i : i + 2], 0.0) for i in range(len(piece) - 1)
                    )
                    terms.append((weight, MatchedTerm(piece, (piece,))))
        total = len(words) + chars / 2
        terms.sort(key=lambda t: -t[0])
        return dataclasses.replace(
            m,
            terms=tuple(t for _, t in terms),
            coverage=min(1.0, covered / total) if total else 0.0,
        )

    def _topic_words_for(self, entry: _Entry, stemmed: str) -> tuple[str, ...]:
        """How the topic writes an English stem: its Chinese words glossed with it, or the
        Latin word itself when the topic has it in Latin letters."""
        spellings = self._spellings.get(entry.topic.id)
        if spellings is None:  # once per topic: stem -> its words, title and directions first
            found: dict[str, dict[str, None]] = {}
            words = entry.words
            for part in (words.title, *words.directions, words.background):
                for word in part:
                    for s in self._stems.of(word):
                        found.setdefault(s, {})[word] = None
            text = normalize(" ".join([entry.topic.title, entry.topic.background]))
            for word in english_words(text):
                found.setdefault(stem(word), {word: None})
            spellings = self._spellings[entry.topic.id] = {s: tuple(w) for s, w in found.items()}
        return spellings.get(stemmed, (stemmed,))


def _distinct(
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


def _covered_pieces(run: str, shared: set[str]) -> list[str]:
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


# How sure a match is, for people: similarity alone overrates a short query that shares one
# word with a topic, coverage alone a long topic that shares many common words.
_FULL_SCORE = (
    0.3  # a paragraph about the topic's subject scores 0.3-0.45 (benchmarks/match_quality)
)
_FULL_COVERAGE = 0.6  # and shares well over half of its words with it
CLOSE, PARTIAL = 0.5, 0.2  # strength thresholds of the words below


def strength(m: TopicMatch) -> float:
    """0..1: how well the topic fits the paragraph (drawn as the dialog's bar)."""
    return min(1.0, m.score / _FULL_SCORE) * min(1.0, m.coverage / _FULL_COVERAGE)


def relevance(m: TopicMatch) -> str:
    """'close', 'partial' or 'weak': the match in words, for the dialog and the CLI."""
    value = strength(m)
    return "close" if value >= CLOSE else "partial" if value >= PARTIAL else "weak"


def matches_well(results: list[TopicMatch]) -> bool:
    """False when even the best topic is only a weak match: the user should be told."""
    return bool(results) and relevance(results[0]) != "weak"


@lru_cache(maxsize=4)
def match_index(call: Call) -> MatchIndex:
    """The index of `call`, built on first use (calls are immutable, so it never goes stale)."""
    return MatchIndex(call)


def match_topics(call: Call, text: str, top: int | None = None) -> list[TopicMatch]:
    """The one ranking function: the CLI's `planner match` and the app's dialog call it."""
    return match_index(call).match(text, top)
