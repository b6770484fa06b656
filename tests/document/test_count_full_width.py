"""Full-width forms (typed with a Chinese input method) count one each, as Word's 字数 does:
ＡＢＣ is three characters, not one word; full-width punctuation is one character each."""

from __future__ import annotations

import pytest

from planner.document.count import count_chars


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("ＡＢＣ", 3),
        ("１２３", 3),
        ("数据（ＨＴＡＰ）", 8),
        ("ABC", 1),
        ("你好！", 3),
    ],
)
def test_full_width_forms_count_one_each(text: str, count: int) -> None:
    assert count_chars(text) == count
