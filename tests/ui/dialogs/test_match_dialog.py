"""The "Find topics for my research" dialog as a user drives it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from planner.ui.dialogs.match_dialog import (
    DEBOUNCE_MS,
    DIRECTION_COLUMN,
    ID_COLUMN,
    SCORE_COLUMN,
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
    qtbot.waitUntil(lambda: bool(_rows(dialog)), timeout=DEBOUNCE_MS * 8)
    first = _rows(dialog)[0]
    assert first[ID_COLUMN] == "2.1"
    assert "Dilithium" in first[TITLE_COLUMN]
    assert first[SCORE_COLUMN].endswith("%")
    assert first[DIRECTION_COLUMN].startswith("1. 针对软件实现的 Dilithium 算法")
    assert f"{len(_rows(dialog))}" in dialog._status_label.text()
    assert dialog._view.currentIndex().row() == 0
    assert dialog._go_button.isEnabled()


def test_typing_in_english_reranks(qtbot, dialog):
    qtbot.keyClicks(dialog._editor, "HTAP benchmark")
    qtbot.waitUntil(lambda: bool(_rows(dialog)), timeout=DEBOUNCE_MS * 8)
    first = _rows(dialog)[0]
    assert first[ID_COLUMN] == "5.1"
    assert first[DIRECTION_COLUMN].startswith("2. HTAP 评测基准")
    tooltip = dialog._view.model().index(0, DIRECTION_COLUMN).data(Qt.ItemDataRole.ToolTipRole)
    assert tooltip.startswith("Direction 2 (similarity ")


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


def test_no_zero_percent_rows(dialog):
    dialog.set_text(PQC_ZH)
    dialog.rerank()
    assert all(row[SCORE_COLUMN] != "0%" for row in _rows(dialog))


def test_screenshot_has_chinese_titles(dialog, tmp_path):
    dialog.set_text(PQC_ZH)
    dialog.rerank()
    png = tmp_path / "match.png"
    assert dialog.grab().save(str(png))
    assert png.stat().st_size > 10_000
