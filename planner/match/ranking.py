"""Find the topics closest to a paragraph about one's research ("find topics for my research").

Offline and model-free: TF-IDF and cosine similarity in two channels (`planner.match.vectors`).
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
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from planner.errors import PlannerError
from planner.match.glosses import CallGlosses, TopicWords, call_glosses, research_background
from planner.match.lexicon import CJK_RUN, english_words, normalize, stem
from planner.match.vectors import (
    EN,
    ZH,
    Counts,
    GlossStems,
    Vector,
    combine,
    cosine,
    covered_pieces,
    distinct,
    part_features,
    vector,
    zh_features,
)
from planner.model.call import Call, Direction, Topic

TITLE_WEIGHT = 3.0
BACKGROUND_WEIGHT = 1.0
DIRECTION_WEIGHT = 1.0
# score = TOPIC_SHARE * similarity(topic) + (1 - TOPIC_SHARE) * similarity(best direction)
TOPIC_SHARE = 0.6
# How much of a paragraph one English word or one Chinese character is worth, to weigh the
# channels (a Chinese word is about two characters).
_CHARS_PER_WORD = 2.0

# English prefixes written solid or hyphenated alike ("multimodal", "multi-modal")
_SOLID_PREFIXES = ("multi", "pre", "post", "self", "semi", "cross", "auto", "fine", "meta")


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
        self._stems = stems = GlossStems(self._glosses)
        self._spellings: dict[str, dict[str, tuple[str, ...]]] = {}  # topic id -> see below
        self._by_id: dict[str, _Entry] = {}
        topics = list(call.topics())
        docs, direction_docs, topic_parts = [], [], []
        for topic, words in zip(topics, glosses.topics, strict=True):
            title = part_features(topic.title, words.title, stems, fc)
            background = part_features(research_background(topic), words.background, stems, fc)
            directions = [
                part_features(d.text, w, stems, fc)
                for d, w in zip(topic.directions, words.directions, strict=True)
            ]
            direction_docs.append(directions)
            topic_parts.append([title, background])
            zh, en = (
                combine(
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
                distinct(
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
        return vector(doc[ZH], self._idf[ZH]), vector(doc[EN], self._idf[EN])

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
            return sum(shares[c] * cosine(query[c], vectors[c]) for c in (ZH, EN) if shares[c])

        results = []
        for entry in self._entries:
            whole = similarity(entry.vectors)
            best, best_score, best_distinct = None, 0.0, -1.0
            for (direction, vectors), telling in zip(entry.directions, entry.distinct, strict=True):
                d = similarity(telling)
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
            for piece in covered_pieces(run, shared_zh):
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
