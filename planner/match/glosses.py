"""A call's Chinese words and their English glosses, computed once and kept on disk.

Segmenting a call with jieba and looking its words up in CC-CEDICT (`planner.match.lexicon`)
takes a second or two (mostly loading the two dictionaries); the result is a few hundred KB of
plain data. It is stored in the user's cache folder under a key made of the call's text and
the resource versions, so a second start, or a second `planner match`, reads it back in
milliseconds without loading either dictionary. An edited call or a new dictionary version is
a different key; a damaged or foreign cache file is simply rebuilt.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from planner.errors import FileWriteError
from planner.model.call import Call, Topic
from planner.storage.atomic_write import write_atomic

_FORMAT = 14  # bump when what lexicon.gloss or segment returns changes
_MAX_CACHE_BYTES = 256 * 1024 * 1024  # a 5,000-topic call needs ~20 MB
_APP = "proposal-planner"
# A gloss word the search box matches: part of a sense itself, not of its context in
# parentheses (lexicon.CONTEXT_WEIGHT), of a word that is not near a function word
SEARCH_MIN_WEIGHT = 0.75


@dataclass(frozen=True)
class TopicWords:
    """The Chinese words of one topic's parts, in order, as jieba cut them."""

    title: tuple[str, ...]
    background: tuple[str, ...]
    directions: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class CallGlosses:
    """Per topic (in call order) its words; per word its English gloss (unstemmed)."""

    topics: tuple[TopicWords, ...]
    glosses: dict[str, tuple[tuple[str, float], ...]]  # word -> (English word, weight 0..1)
    function_chars: frozenset[str] = frozenset()  # lexicon.function_characters()

    def gloss_text(self, index: int) -> str:
        """The distinct English gloss words of topic `index` weighing SEARCH_MIN_WEIGHT or
        more, space-separated (what the search box matches English words in)."""
        words = self.topics[index]
        seen: dict[str, None] = {}
        for part in (words.title, words.background, *words.directions):
            for word in part:
                for english, weight in self.glosses.get(word, ()):
                    if weight >= SEARCH_MIN_WEIGHT:
                        seen[english] = None
        return " ".join(seen)


def research_background(topic: Topic) -> str:
    """The background without the sentences on what the sponsor provides (its `resources`:
    "GPU 资源", "脱敏数据"): they say nothing about the subject, and would pull every paragraph
    that mentions GPUs towards the topics that offer them."""
    background = topic.background
    for sentence in topic.resources:
        background = background.replace(sentence, " ")
    return background


def _parts(topic: Topic) -> list[str]:
    """What matching reads of a topic, in the order TopicWords keeps it."""
    return [topic.title, research_background(topic), *(d.text for d in topic.directions)]


def cache_key(call: Call) -> str:
    """Changes with any text of the call's topics and with the resource versions."""
    from planner.match.lexicon import data_version

    digest = hashlib.sha256(f"{_FORMAT}\0{data_version()}".encode())
    for topic in call.topics():
        for part in (topic.id, *_parts(topic)):
            digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
        digest.update(b"\1")
    return digest.hexdigest()


def default_cache_folder() -> Path | None:
    """The per-user cache folder (XDG on Linux, Library/Caches, %LOCALAPPDATA%); None when
    PLANNER_NO_CACHE is set."""
    if os.environ.get("PLANNER_NO_CACHE"):
        return None
    import platformdirs

    return Path(platformdirs.user_cache_dir(_APP, appauthor=False)) / "match"


def build(call: Call) -> CallGlosses:
    """Segment every topic and gloss every distinct word (slow: loads the dictionaries)."""
    from planner.match.lexicon import function_characters, gloss, segment

    topics = []
    glosses: dict[str, tuple[tuple[str, float], ...]] = {}
    for topic in call.topics():
        title, background, *directions = (tuple(segment(text)) for text in _parts(topic))
        topics.append(TopicWords(title, background, tuple(directions)))
        for part in (title, background, *directions):
            for word in part:
                if word not in glosses:
                    glosses[word] = gloss(word)
    return CallGlosses(tuple(topics), glosses, function_characters())


def _encode(key: str, data: CallGlosses) -> bytes:
    topics = [
        [list(t.title), list(t.background), [list(d) for d in t.directions]] for t in data.topics
    ]
    glosses = {word: list(english) for word, english in data.glosses.items()}  # of tuples
    return marshal.dumps((_FORMAT, key, topics, glosses, sorted(data.function_chars)))


def _strings(value: object) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError("not a list of strings")
    return tuple(value)


def _decode(key: str, blob: bytes, call: Call) -> CallGlosses:
    """The stored data, checked to the last string; ValueError if it is not ours."""
    stored = marshal.loads(blob)
    if not isinstance(stored, tuple) or len(stored) != 5 or stored[:2] != (_FORMAT, key):
        raise ValueError("another format or key")
    _, _, topics, glosses, function_chars = stored
    if not isinstance(topics, list) or not isinstance(glosses, dict):
        raise ValueError("bad shape")
    expected = [len(t.directions) for t in call.topics()]
    if len(topics) != len(expected):
        raise ValueError("another call")
    words = []
    for entry, directions in zip(topics, expected, strict=True):
        if not isinstance(entry, list) or len(entry) != 3 or not isinstance(entry[2], list):
            raise ValueError("bad topic")
        if len(entry[2]) != directions:
            raise ValueError("another call")
        words.append(
            TopicWords(_strings(entry[0]), _strings(entry[1]), tuple(map(_strings, entry[2])))
        )
    checked = {}
    for word, english in glosses.items():
        if not isinstance(word, str) or not isinstance(english, list):
            raise ValueError("bad word")
        pairs = tuple(english)
        if not all(
            isinstance(p, tuple) and len(p) == 2 and isinstance(p[0], str)
            and isinstance(p[1], float) for p in pairs
        ):  # fmt: skip
            raise ValueError("bad gloss")
        checked[word] = pairs
    return CallGlosses(tuple(words), checked, frozenset(_strings(function_chars)))


def load_or_build(call: Call, folder: Path | None = None) -> CallGlosses:
    """The call's glosses from the cache in `folder` (default: the user cache), else built
    and stored there. Never fails because of the cache: an unreadable or unwritable folder
    only means building every time."""
    folder = default_cache_folder() if folder is None else folder
    key = cache_key(call)
    path = folder / f"{key[:40]}.marshal" if folder is not None else None
    if path is not None:
        with contextlib.suppress(OSError, EOFError, ValueError, TypeError):
            with path.open("rb") as file:
                blob = file.read(_MAX_CACHE_BYTES + 1)
            if len(blob) <= _MAX_CACHE_BYTES:
                return _decode(key, blob, call)
    data = build(call)
    if path is not None:
        with contextlib.suppress(OSError, FileWriteError, ValueError):
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(path, _encode(key, data), keep_backup=False)
    return data


@lru_cache(maxsize=4)
def call_glosses(call: Call) -> CallGlosses:
    """The glosses of `call`, once per process (calls are immutable, so never stale)."""
    return load_or_build(call)
