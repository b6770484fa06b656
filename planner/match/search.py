"""Find topics by text: the search box's filter and `planner topics --search`, one rule.

A topic is found when it holds every whitespace-separated term of the query, case-insensitive,
in its id, title, background or directions, or (once the call's glosses are loaded, see
`planner.match.glosses`) in the English CC-CEDICT glosses of its Chinese words: 'signature'
finds 后量子签名算法 (签名 = "signature"). A Latin term of five or more letters that no topic
holds matches the words one typo away ('Dilithum' finds Dilithium). When nothing is found, the
closest topics by `planner.match.ranking` can be offered instead (`closest`).

Module import and a plain index are cheap: the window builds one at start-up. The glossed
index is built off the start path (the tree pane does it in a thread).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from planner.model.call import Call, Topic

TYPO_MIN_LETTERS = 5  # shorter words have too many neighbours one letter away
SUGGESTIONS = 5  # closest topics offered when a query finds nothing
_TERM_CACHE = 64  # per-term hit lists kept: typing on and backspacing reuse them
_LATIN_WORD = r"[a-z][a-z0-9]*"  # compiled on first use: not on the window's start path

Rows = list[list[bool]]


def topic_haystack(topic: Topic) -> str:
    """All searchable text of a topic, folded for case-insensitive matching."""
    parts = [topic.id, topic.title, topic.background, *(d.text for d in topic.directions)]
    return "\n".join(parts).casefold()


def query_terms(query: str) -> list[str]:
    """The terms a topic must all contain: the query's words, folded like the haystacks."""
    return query.casefold().split()


class SearchResult:
    """Per area, per topic: shown? `rows` None means every topic (no filter, or all match).

    `suggested` is True when no topic holds the query and `rows` holds the closest topics
    instead; `count` is the number of topics shown. (A plain class, not a dataclass: this
    module is on the window's start path, where generating dataclass methods costs.)"""

    __slots__ = ("count", "rows", "suggested")

    def __init__(self, rows: Rows | None, count: int, suggested: bool = False) -> None:
        self.rows, self.count, self.suggested = rows, count, suggested

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, SearchResult):
            return NotImplemented
        return (self.rows, self.count, self.suggested) == (other.rows, other.count, other.suggested)

    def __repr__(self) -> str:
        return f"SearchResult(count={self.count}, suggested={self.suggested})"


class SearchIndex:
    """The folded text of every topic of a call, with per-term results kept for reuse."""

    def __init__(
        self,
        call: Call,
        gloss_texts: Sequence[str] | None = None,
        closest: Callable[[str], list[str]] | None = None,
    ) -> None:
        """`gloss_texts`: per topic in call order, English words to search too;
        `closest`: query -> topic ids to suggest when nothing is found."""
        self.call = call
        self._sizes = [len(a.topics) for a in call.areas]
        self._ids = [t.id for t in call.topics()]
        self.haystacks = [topic_haystack(t) for t in call.topics()]
        if gloss_texts is not None:
            self.haystacks = [
                f"{hay}\n{gloss}" for hay, gloss in zip(self.haystacks, gloss_texts, strict=True)
            ]
        self.has_suggestions = closest is not None
        self._closest = closest
        self._exact: dict[str, list[int]] = {}
        self._neighbours: dict[str, list[str]] | None = None  # deletion -> vocabulary words

    # -- one term
    def _exact_hits(self, term: str) -> list[int]:
        """Topics whose text holds `term`. A cached shorter term inside it narrows the
        search: every topic holding 'signature' also holds 'signat'."""
        hits = self._exact.get(term)
        if hits is not None:
            return hits
        base = max((t for t in self._exact if t in term), key=len, default=None)
        hays = self.haystacks
        if base is None:
            hits = [i for i, hay in enumerate(hays) if term in hay]
        else:
            hits = [i for i in self._exact[base] if term in hays[i]]
        if len(self._exact) >= _TERM_CACHE:
            del self._exact[next(iter(self._exact))]  # the oldest
        self._exact[term] = hits
        return hits

    def _term_hits(self, term: str) -> list[int]:
        hits = self._exact_hits(term)
        if hits or not _typo_candidate(term):
            return hits
        found: set[int] = set()
        for word in self.near_words(term):
            found.update(self._exact_hits(word))
        return sorted(found)

    def warm(self) -> SearchIndex:
        """Build now what the first typo would build (off the UI thread, where it is used)."""
        if self._neighbours is None:
            self._neighbours = _deletion_index(self.haystacks)
        return self

    def near_words(self, term: str) -> list[str]:
        """Words of the call one typo away from `term` (a letter missing, extra, wrong or
        two swapped), for a term no topic holds."""
        if self._neighbours is None:
            self._neighbours = _deletion_index(self.haystacks)
        candidates: set[str] = set(self._neighbours.get(term, ()))
        for variant in _deletions(term):
            candidates.update(self._neighbours.get(variant, ()))
        return sorted(w for w in candidates if w != term and _one_edit(term, w))

    # -- the query
    def matching(self, query: str) -> list[int] | None:
        """Indexes (call order) of the topics holding every term; None when no term."""
        terms = query_terms(query)
        if not terms:
            return None
        hits: list[int] | None = None
        for term in sorted(set(terms), key=len, reverse=True):  # the longest narrows most
            found = self._term_hits(term)
            hits = found if hits is None else sorted(set(hits).intersection(found))
            if not hits:
                return []
        return hits

    def search(self, query: str, suggest: bool = True) -> SearchResult:
        """What the tree shows for `query`: the matching topics or, with `suggest`, the
        closest ones when none matches (ranking them takes tens of milliseconds on a call of
        thousands of topics: the pane asks once the user pauses)."""
        hits = self.matching(query)
        if hits is None or len(hits) == len(self._ids):
            return SearchResult(None, len(self._ids))
        suggested = False
        if not hits and suggest and self._closest is not None:
            wanted = set(self._closest(query)[:SUGGESTIONS])
            hits = [i for i, topic_id in enumerate(self._ids) if topic_id in wanted]
            suggested = bool(hits)
        return SearchResult(self._rows(hits), len(hits), suggested)

    def _rows(self, hits: list[int]) -> Rows:
        flat = [False] * len(self._ids)
        for i in hits:
            flat[i] = True
        rows, start = [], 0
        for size in self._sizes:
            rows.append(flat[start : start + size])
            start += size
        return rows


def glossed_index(call: Call, suggestions: bool = True) -> SearchIndex:
    """The full index: glosses and, with `suggestions`, the closest topics when nothing is
    found (that needs the ranking's index: on a call of thousands of topics it takes many
    seconds to build, so the tree pane asks for it second). Slow the first time: see above."""
    from planner.match.glosses import call_glosses

    glosses = call_glosses(call)
    texts = [glosses.gloss_text(i) for i in range(len(glosses.topics))]
    closest = None
    if suggestions:
        from planner.match.ranking import EmptyQueryError, match_index

        ranking = match_index(call)

        def closest(query: str) -> list[str]:
            try:
                return [m.topic.id for m in ranking.match(query, SUGGESTIONS)]
            except EmptyQueryError:
                return []

    return SearchIndex(call, texts, closest).warm()


def _typo_candidate(term: str) -> bool:
    return len(term) >= TYPO_MIN_LETTERS and term.isascii() and term.isalpha()


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _deletion_index(haystacks: list[str]) -> dict[str, list[str]]:
    """Every Latin word of the call (4+ letters) and its one-letter deletions -> the words."""
    vocabulary: set[str] = set()
    for hay in haystacks:
        vocabulary.update(w for w in re.findall(_LATIN_WORD, hay) if len(w) >= TYPO_MIN_LETTERS - 1)
    index: dict[str, list[str]] = {}
    for word in vocabulary:
        for key in (word, *_deletions(word)):
            index.setdefault(key, []).append(word)
    return index


def _one_edit(a: str, b: str) -> bool:
    """Damerau distance exactly 1 (insertion, deletion, substitution or adjacent swap)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) < len(b):
        return a[i:] == b[i + 1 :]
    if a[i + 1 :] == b[i + 1 :]:
        return True
    return i + 1 < len(a) and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2 :] == b[i + 2 :]
