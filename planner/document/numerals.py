"""Chinese numerals up to 99, both ways: the importer reads area headings like 十二、, the
exporter numbers its section headings 一、二、… ; and a section's sub-heading numbers
（一） / 1. / （1）, which the export and the editor both show."""

from __future__ import annotations

from collections.abc import Sequence

_DIGITS = "零一二三四五六七八九"


def to_chinese(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十 (section numbers)."""
    if n < 10:
        return _DIGITS[n]
    tens, ones = divmod(n, 10)
    return (_DIGITS[tens] if tens > 1 else "") + "十" + (_DIGITS[ones] if ones else "")


def from_chinese(numeral: str) -> int | None:
    """一 → 1, 十二 → 12, 二十 → 20; None for what is not a numeral from 1 to 99."""
    tens, sep, ones = numeral.partition("十")
    digits = _DIGITS[1:]
    try:
        if not sep:
            return digits.index(numeral) + 1 if len(numeral) == 1 else None
        high = digits.index(tens) + 1 if tens else 1
        low = digits.index(ones) + 1 if ones else 0
    except ValueError:
        return None
    return high * 10 + low if len(tens) <= 1 and len(ones) <= 1 else None


def sub_heading_label(level: int, number: int) -> str:
    """（一） for level 1, 1. for level 2, （1） for level 3: the Chinese convention."""
    if level <= 1:
        return f"（{to_chinese(number)}）"
    if level == 2:
        return f"{number}."
    return f"（{number}）"


def heading_labels(levels: Sequence[int]) -> list[str]:
    """The number of each sub-heading of a section, given their levels in order: counters
    restart in every section and below each shallower heading. The editor shows these too."""
    counters = [0, 0, 0]
    labels = []
    for level in levels:
        level = min(max(level, 1), 3)
        counters[level - 1] += 1
        for deeper in range(level, 3):
            counters[deeper] = 0
        labels.append(sub_heading_label(level, counters[level - 1]))
    return labels
