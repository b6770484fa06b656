"""The "Find topics for my research" dialog as a user drives it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from planner.ui.dialogs.match_dialog import (
    DIRECTION_COLUMN,
    ID_COLUMN,
    RELEVANCE_COLUMN,
    TERMS_COLUMN,
    TITLE_COLUMN,
    MatchDialog,
)

# The offscreen platform says so whenever a window's size hints change; harmless there.

HTAP_BENCH = (
    "We design a benchmark for HTAP database systems: mixed transactional and analytical "
    "workloads, measuring throughput and data freshness on different hardware."
)
PQC_ZH = "我们研究后量子数字签名算法的侧信道攻击：采集功耗曲线，伪造签名，并设计防御对策。"


@pytest.fixture
def dialog(qtbot, call):
    d = MatchDialog(call)
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    return d


def _rows(d: MatchDialog) -> list[list[str]]:
    model = d._view.model()
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def test_starts_empty_with_a_hint(dialog):
    assert _rows(dialog) == []
    assert "paragraph" in dialog._status_label.text()
    assert not dialog._go_button.isEnabled()


def test_ranks_as_you_type_after_a_pause(qtbot, dialog):
    dialog.set_text(PQC_ZH)  # set programmatically: keyClicks cannot type Chinese
    assert _rows(dialog) == []  # debounced: nothing yet
    qtbot.waitUntil(lambda: bool(_rows(dialog)), timeout=60_000)  # first: dictionaries load
    first = _rows(dialog)[0]
    assert first[ID_COLUMN] == "2.1"
    assert "Dilithium" in first[TITLE_COLUMN]
    assert first[RELEVANCE_COLUMN] == "close match"  # in words, not "4%"
    assert first[DIRECTION_COLUMN].startswith("1. 针对软件实现的 Dilithium 算法")
    assert f"{len(_rows(dialog))}" in dialog._status_label.text()
    assert dialog._view.currentIndex().row() == 0
    assert dialog._go_button.isEnabled()


def test_typing_in_english_reranks(qtbot, dialog):
    qtbot.keyClicks(dialog._editor, "HTAP benchmark")
    qtbot.waitUntil(lambda: bool(_rows(dialog)), timeout=60_000)
    first = _rows(dialog)[0]
    assert first[ID_COLUMN] == "5.1"
    assert first[DIRECTION_COLUMN].startswith("2. HTAP 评测基准")
    tooltip = dialog._view.model().index(0, DIRECTION_COLUMN).data(Qt.ItemDataRole.ToolTipRole)
    assert tooltip.startswith("Direction 2:\nHTAP 评测基准")


def test_shared_words_are_listed_and_marked_in_the_paragraph(dialog):
    dialog.set_text("Side-channel attacks on lattice signatures: we record power traces.")
    dialog.rerank()
    first = _rows(dialog)[0]
    assert first[ID_COLUMN] == "2.1"
    assert "signatures → 签名" in first[TERMS_COLUMN]
    assert "power → 功耗" in first[TERMS_COLUMN]
    marked = [w.casefold() for w in dialog.highlighted_words()]
    assert "signatures" in marked and "power" in marked and "we" not in marked


def test_every_topic_with_directions_shows_its_best_direction(dialog):
    dialog.set_text(HTAP_BENCH)
    dialog.rerank()
    for m, row in zip(dialog.results(), _rows(dialog), strict=True):
        if m.topic.directions:
            assert row[DIRECTION_COLUMN].startswith(f"{m.direction.number}. "), m.topic.id
        else:
            assert row[DIRECTION_COLUMN] == "(open topic: any direction within its area)"


def test_a_paragraph_nothing_fits_is_told_so(dialog):
    dialog.set_text("我们研究古代汉语诗歌的韵律")
    dialog.rerank()
    assert _rows(dialog)
    assert dialog._status_label.text().startswith("No topic fits your text well")
    assert _rows(dialog)[0][RELEVANCE_COLUMN] == "weak match"


def test_go_to_topic_emits_the_id(qtbot, dialog):
    dialog.set_text(HTAP_BENCH)
    dialog.rerank()
    with qtbot.waitSignal(dialog.topicChosen) as blocker:
        dialog._go_button.click()
    assert blocker.args == ["5.1"]
    assert not dialog.isVisible()


def test_double_click_emits_that_rows_id(qtbot, dialog):
    dialog.set_text(HTAP_BENCH)
    dialog.rerank()
    view = dialog._view
    second = view.model().index(1, TITLE_COLUMN)
    expected = second.data()
    with qtbot.waitSignal(dialog.topicChosen) as blocker:
        view.doubleClicked.emit(second)
    assert dialog.results()[1].topic.title == expected
    assert blocker.args == [dialog.results()[1].topic.id]


def test_clearing_the_text_clears_the_list(qtbot, dialog):
    dialog.set_text(HTAP_BENCH)
    dialog.rerank()
    assert _rows(dialog)
    dialog.set_text("  ，。 ")
    dialog.rerank()
    assert _rows(dialog) == []
    assert "paragraph" in dialog._status_label.text()
    assert not dialog._go_button.isEnabled()


def test_unrelated_text_says_so(dialog):
    dialog.set_text("xylophone zzzqqq")
    dialog.rerank()
    assert _rows(dialog) == []
    assert "No topic" in dialog._status_label.text()


def test_relevance_is_said_in_words(dialog):
    dialog.set_text(PQC_ZH)
    dialog.rerank()
    words = {"close match", "partial match", "weak match"}
    assert all(row[RELEVANCE_COLUMN] in words for row in _rows(dialog))


def test_screenshot_has_chinese_titles(dialog, tmp_path):
    dialog.set_text(PQC_ZH)
    dialog.rerank()
    png = tmp_path / "match.png"
    assert dialog.grab().save(str(png))
    assert png.stat().st_size > 10_000
