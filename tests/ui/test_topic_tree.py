"""The topic tree: model and filter are sound; the search filters live, Esc clears."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from planner.ui.panes import topic_tree
from planner.ui.panes.topic_tree import TopicFilterProxy, TopicTreeModel, TopicTreePane


def test_model_and_proxy_pass_qt_model_checks(qtmodeltester, call) -> None:
    model = TopicTreeModel(call)
    qtmodeltester.check(model)
    proxy = TopicFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_query("数据")
    qtmodeltester.check(proxy)


def test_tree_lists_areas_and_topics_in_call_order(qtbot, call) -> None:
    pane = TopicTreePane(call)
    qtbot.addWidget(pane)
    rows = pane.visible_rows()
    assert rows[0] == "1  大模型及其应用研究"
    assert rows[1].strip().startswith("1.1  ")
    assert len(rows) == call.topic_count + len(call.areas)
    assert pane.count_label.text() == "28 topics"


def test_typing_htap_leaves_only_5_1_under_its_area(qtbot, call) -> None:
    pane = TopicTreePane(call)
    qtbot.addWidget(pane)
    with qtbot.waitSignal(pane.searchChanged):
        qtbot.keyClicks(pane.search, "htap")
    assert pane.visible_rows() == ["5  数据库", "  5.1  HTAP 数据库系统"]
    assert pane.count_label.text() == "1 topic of 28 matches"


def test_search_finds_chinese_in_backgrounds_and_esc_clears(qtbot, call) -> None:
    pane = TopicTreePane(call)
    qtbot.addWidget(pane)
    pane.set_query("侧信道")  # set, never typed: keyClicks aborts on non-ASCII
    assert [r.strip().split()[0] for r in pane.visible_rows()] == ["2", "2.1"]
    qtbot.keyClick(pane.search, Qt.Key.Key_Escape)
    assert pane.search.text() == ""
    assert len(pane.visible_rows()) == call.topic_count + len(call.areas)


def test_no_match_hides_every_area(qtbot, call) -> None:
    pane = TopicTreePane(call)
    qtbot.addWidget(pane)
    pane.set_query("nothing-like-this")
    assert pane.visible_rows() == []
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
    monkeypatch.setattr(topic_tree, "_FEW_ROWS", few_rows)
    pane = TopicTreePane(call)
    qtbot.addWidget(pane)
    qtmodeltester.check(pane.proxy)  # Qt's model tester stays attached through the changes
    for query in QUERY_STEPS:
        pane.set_query(query)
        fresh = TopicTreePane(call)
        qtbot.addWidget(fresh)
        fresh.set_query(query)
        assert pane.visible_rows() == fresh.visible_rows(), query
        assert pane.count_label.text() == fresh.count_label.text()
