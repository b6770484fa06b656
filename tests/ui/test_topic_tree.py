"""The topic tree: model and filter are sound; the search filters live, Esc clears."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from tree_rows import shown_rows

from planner.match.glosses import call_glosses
from planner.match.search import SearchIndex, glossed_index
from planner.ui.panes import topic_tree_model
from planner.ui.panes.topic_tree import TopicTreePane
from planner.ui.panes.topic_tree_model import TopicFilterProxy, TopicTreeModel


def test_model_and_proxy_pass_qt_model_checks(qtmodeltester, call) -> None:
    model = TopicTreeModel(call)
    qtmodeltester.check(model)
    proxy = TopicFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_index(SearchIndex(call))
    proxy.set_query("数据")
    qtmodeltester.check(proxy)


def test_tree_lists_areas_and_topics_in_call_order(qtbot, call) -> None:
    pane = TopicTreePane(call)
    qtbot.addWidget(pane)
    rows = shown_rows(pane)
    assert rows[0] == "1  大模型及其应用研究"
    assert rows[1].strip().startswith("1.1  ")
    assert len(rows) == call.topic_count + len(call.areas)
    assert pane.count_label.text() == "28 topics"


def test_typing_htap_leaves_only_5_1_under_its_area(qtbot, call) -> None:
    pane = TopicTreePane(call)
    qtbot.addWidget(pane)
    with qtbot.waitSignal(pane.searchChanged):
        qtbot.keyClicks(pane.search, "htap")
    assert shown_rows(pane) == ["5  数据库", "  5.1  HTAP 数据库系统"]
    assert pane.count_label.text() == "1 topic of 28 matches"


def test_search_finds_chinese_in_backgrounds_and_esc_clears(qtbot, call) -> None:
    pane = TopicTreePane(call)
    qtbot.addWidget(pane)
    pane.set_query("侧信道")  # set, never typed: keyClicks aborts on non-ASCII
    assert [r.strip().split()[0] for r in shown_rows(pane)] == ["2", "2.1"]
    qtbot.keyClick(pane.search, Qt.Key.Key_Escape)
    assert pane.search.text() == ""
    assert len(shown_rows(pane)) == call.topic_count + len(call.areas)


def test_no_match_hides_every_area(qtbot, call) -> None:
    pane = TopicTreePane(call)
    qtbot.addWidget(pane)
    pane.set_query("nothing-like-this")
    assert shown_rows(pane) == []
    assert pane.count_label.text() == "0 topics of 28 match"


def test_keyboard_down_from_search_selects_and_enter_asks_to_use(qtbot, call) -> None:
    pane = TopicTreePane(call)
    qtbot.addWidget(pane)
    pane.show()
    pane.set_query("htap")
    with qtbot.waitSignal(pane.topicSelected) as selected:
        qtbot.keyClick(pane.search, Qt.Key.Key_Down)
    assert selected.args == ["5.1"]
    with qtbot.waitSignal(pane.useTopicRequested) as used:
        qtbot.keyClick(pane.view, Qt.Key.Key_Return)
    assert used.args == ["5.1"]


def test_the_proposal_topic_is_marked(qtbot, call) -> None:
    pane = TopicTreePane(call)
    qtbot.addWidget(pane)
    pane.set_marked_topic("5.1")
    index = pane.model.index_of("5.1")
    assert index.data().endswith("✔")
    assert index.data(Qt.ItemDataRole.FontRole).bold()
    pane.set_marked_topic("1.1")
    assert not pane.model.index_of("5.1").data().endswith("✔")


QUERY_STEPS = ("d", "da", "数据", "数据 系统", "数据", "htap", "", "侧信道", "侧", "", "x")


@pytest.mark.parametrize("few_rows", [0, 10_000], ids=["full-refilter", "row-by-row"])
def test_typing_and_deleting_shows_what_a_fresh_search_shows(
    qtbot, qtmodeltester, call, monkeypatch, few_rows
) -> None:
    """Refiltering only the rows that change (or all of them) ends where a fresh search does."""
    monkeypatch.setattr(topic_tree_model, "_FEW_ROWS", few_rows)
    pane = TopicTreePane(call)
    qtbot.addWidget(pane)
    qtmodeltester.check(pane.proxy)  # Qt's model tester stays attached through the changes
    for query in QUERY_STEPS:
        pane.set_query(query)
        fresh = TopicTreePane(call)
        qtbot.addWidget(fresh)
        fresh.set_query(query)
        assert shown_rows(pane) == shown_rows(fresh), query
        assert pane.count_label.text() == fresh.count_label.text()


@pytest.fixture(scope="module")
def glossed(call):
    return glossed_index(call)


def _pane(qtbot, call, index) -> TopicTreePane:
    pane = TopicTreePane(call)
    qtbot.addWidget(pane)
    pane.proxy.set_index(index)  # as the pane's worker thread does once it is built
    return pane


def test_first_search_loads_the_glossed_index_in_the_background(qtbot, call) -> None:
    pane = TopicTreePane(call)
    qtbot.addWidget(pane)
    with qtbot.waitSignal(pane.searchIndexReady, timeout=60_000):
        qtbot.keyClicks(pane.search, "signature")
    assert shown_rows(pane) == [
        "2  网络与信息安全",
        "  2.1  后量子签名算法 Dilithium 的侧信道攻击与防御",
    ]


def test_english_words_find_chinese_topics(qtbot, call, glossed) -> None:
    pane = _pane(qtbot, call, glossed)
    qtbot.keyClicks(pane.search, "database")
    assert [r.split()[0] for r in shown_rows(pane)] == ["2", "2.4", "5", "5.1"]
    assert pane.count_label.text() == "2 topics of 28 match"


def test_one_typo_in_a_long_latin_word_is_forgiven(qtbot, call, glossed) -> None:
    pane = _pane(qtbot, call, glossed)
    qtbot.keyClicks(pane.search, "Dilithum")
    assert [r.split()[0] for r in shown_rows(pane)] == ["2", "2.1"]


def test_no_match_offers_the_closest_topics(qtbot, call, glossed) -> None:
    pane = _pane(qtbot, call, glossed)
    qtbot.keyClicks(pane.search, "lattice signatures leakage")  # no topic holds all three
    assert shown_rows(pane) == []  # while typing: nothing (ranking waits for a pause)
    qtbot.waitUntil(pane.proxy.suggested, timeout=5_000)
    rows = shown_rows(pane)
    assert "  2.1  后量子签名算法 Dilithium 的侧信道攻击与防御" in rows
    assert pane.count_label.text().startswith("No topic contains these words;")
    assert pane.proxy.suggested()


# Pieces users type: Chinese words, prefixes of each other, English words and a typo.
PIECES = ["数", "数据", "数据库", "系统", "侧信道", "htap", "ht", "sig", "signature", "dilithum",
          "模型", "x", " "]  # fmt: skip


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(steps=st.lists(st.lists(st.sampled_from(PIECES), max_size=3).map("".join), max_size=6))
def test_typing_and_deleting_any_query_equals_filtering_from_scratch(
    qtbot, call, glossed, steps
) -> None:
    """Each step types on from the last query or backspaces to a prefix of it; whatever the
    path, the tree shows what a fresh search for the same text shows."""
    pane = _pane(qtbot, call, glossed)
    text = ""
    for step in steps:
        # alternate: type the step's text on, then delete back half of what stands
        text += step
        pane.set_query(text)
        _assert_like_fresh(qtbot, call, glossed, pane, text)
        text = text[: len(text) // 2]
        pane.set_query(text)
        _assert_like_fresh(qtbot, call, glossed, pane, text)


def _assert_like_fresh(qtbot, call, glossed, pane, text) -> None:
    glosses = call_glosses(call)
    texts = [glosses.gloss_text(i) for i in range(len(glosses.topics))]
    fresh = _pane(qtbot, call, SearchIndex(call, texts, glossed._closest))  # remembers nothing
    fresh.set_query(text)
    assert shown_rows(pane) == shown_rows(fresh), text
    assert pane.count_label.text() == fresh.count_label.text()


def test_backspacing_database_to_data_shows_what_typing_data_shows(qtbot, call, glossed) -> None:
    pane = _pane(qtbot, call, glossed)
    pane.set_query("数据库")
    assert pane.count_label.text() == "2 topics of 28 match"
    pane.set_query("数据")
    assert pane.count_label.text() == "21 topics of 28 match"
    assert len([r for r in shown_rows(pane) if r.startswith("  ")]) == 21
