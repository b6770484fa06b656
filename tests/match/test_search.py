"""The one search rule behind the tree's filter and `planner topics --search`."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.match.glosses import call_glosses
from planner.match.search import SearchIndex, glossed_index


@pytest.fixture(scope="module")
def full(call):
    return glossed_index(call)


@pytest.fixture(scope="module")
def fresh_index(call, full):
    """A new index like `full`, remembering nothing yet (cheap: the glosses are done)."""
    glosses = call_glosses(call)
    texts = [glosses.gloss_text(i) for i in range(len(glosses.topics))]
    return lambda: SearchIndex(call, texts, full._closest)


def _found(index: SearchIndex, query: str) -> list[str]:
    ids = [t.id for t in index.call.topics()]
    hits = index.matching(query)
    return ids if hits is None else [ids[i] for i in hits]


def test_every_term_must_occur_case_insensitively(call):
    plain = SearchIndex(call)
    assert _found(plain, "HTAP") == ["5.1"]
    assert _found(plain, "htap 评测") == ["5.1"]
    assert _found(plain, "htap 狼人杀") == []
    assert _found(plain, "  ") == [t.id for t in call.topics()]


@pytest.mark.parametrize(
    ("query", "ids"),
    [
        ("signature", ["2.1"]),  # 签名 = "signature" in CC-CEDICT
        ("database", ["2.4", "5.1"]),  # 数据库
        ("protein", ["4.1"]),  # 蛋白质
        ("Dilithum", ["2.1"]),  # one letter missing
        ("Dilitihum", ["2.1"]),  # two letters swapped
        ("sigature", ["2.1"]),  # one letter missing from an English word
    ],
)
def test_english_words_and_one_typo(full, query, ids):
    assert _found(full, query) == ids


def test_short_latin_words_get_no_typo_allowance(full):
    assert _found(full, "htpa") == []  # four letters: too many words are one edit away


def test_nothing_found_offers_the_closest_topics(call, full):
    result = full.search("lattice signatures leakage")
    assert result.suggested and result.count >= 1
    ids = [t.id for t in call.topics()]
    flat = [on for area in result.rows for on in area]
    assert flat[ids.index("2.1")]
    assert not full.search("lattice signatures leakage", suggest=False).suggested
    assert full.search("xylophone").count == 0  # nothing close either: an honest empty tree


PIECES = ["数", "数据", "数据库", "htap", "ht", "sig", "signature", "dilithum", "模型", "x", " "]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(st.sampled_from(PIECES), max_size=4).map("".join), max_size=8))
def test_remembered_terms_never_change_an_answer(full, fresh_index, queries):
    """Typing on, backspacing, any order: the index that remembers per-term answers gives
    what a fresh one gives."""
    for query in queries:
        assert full.search(query) == fresh_index().search(query), query
