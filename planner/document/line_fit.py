"""Where a line of text will break, estimated from character widths (in em).

Word and LibreOffice break a line where it is full, which leaves one character of a long
title alone on its last line, and cuts an e-mail address that is wider than its table cell
anywhere, mid-word. The exporter decides instead: it balances a title's lines (breaking only
between Chinese characters or at a space) and gives an address the room it needs. The widths
are those of Times New Roman / Arial (the faces every reader's Word has), rounded up a little;
Chinese, Japanese and full-width forms are 1 em; a margin absorbs the rest of the error.
"""

from __future__ import annotations

import math
import unicodedata

# advance widths in em of Times New Roman (the body's Latin face), from its metrics; Arial's
# are close enough for an estimate that keeps a margin
_NARROW = {
    **dict.fromkeys("ijlt.,:;!|'", 0.28),
    **dict.fromkeys("frI()[]-/ ", 0.34),
    "s": 0.39,
    **dict.fromkeys("aceJz?", 0.45),
    **dict.fromkeys("bdghknopquvxy0123456789_$#*+<=>~^", 0.5),
    **dict.fromkeys("FPS", 0.56),
    **dict.fromkeys("ELTZ", 0.61),
    **dict.fromkeys("BCR", 0.67),
    **dict.fromkeys("ADGHKNOQUVXYw", 0.72),
    **dict.fromkeys("m%&", 0.78),
    **dict.fromkeys("MW", 0.89),
    "@": 0.92,
}
# a line may break after these only with the next character (Chinese typesetting's 避头尾)
_NO_LINE_START = set("，。、；：？！）》」』”’】…—·%,.;:?!)]}")
_NO_LINE_END = set("（《「『“‘【([{")
LATIN_MARGIN = 1.04  # Latin widths rounded up: faces differ, a break must not slip
SLACK = 0.3  # em kept free on every line (justification, rounding); Chinese is exactly 1 em
# a title reads best broken after 的 or before 与/及/和 (whole phrases); preferred when near
_AFTER, _BEFORE, _PHRASE_BONUS = set("的"), set("与及和或并暨"), 1.5


def char_width(ch: str) -> float:
    if unicodedata.east_asian_width(ch) in ("W", "F"):
        return 1.0
    return (_NARROW.get(ch) or (0.72 if ch.isupper() else 0.5)) * LATIN_MARGIN


def text_width(text: str) -> float:
    """The estimated width of `text` on one line, in em of its font size."""
    return sum(char_width(ch) for ch in text)


def fits_one_line(text: str, width_em: float, slack: float = 0.0) -> bool:
    return text_width(text) <= width_em - slack


def _break_points(text: str) -> list[int]:
    """Indexes where a line may start: after a space, or between two characters of which at
    least one is Chinese (never inside a Latin word), minding the punctuation rules."""
    points = []
    for i in range(1, len(text)):
        before, after = text[i - 1], text[i]
        if after in _NO_LINE_START or before in _NO_LINE_END:
            continue
        wide = unicodedata.east_asian_width(before) in ("W", "F") or unicodedata.east_asian_width(
            after
        ) in ("W", "F")
        if before == " " or (wide and after != " "):
            points.append(i)
    return points


def balanced_lines(text: str, width_em: float) -> list[str]:
    """`text` in as few lines as it needs, each about as long as the others (so no line holds
    a lone character); one line when it fits, or when it has no place to break."""
    if fits_one_line(text, width_em, SLACK):
        return [text]
    points = _break_points(text)
    capacity = width_em - SLACK
    lines_needed = math.ceil(text_width(text) / capacity)
    while lines_needed <= len(points) + 1:
        chosen = _choose(text, points, lines_needed, capacity)
        if chosen is not None:
            return chosen
        lines_needed += 1
    return [text]


def _choose(text: str, points: list[int], count: int, capacity: float) -> list[str] | None:
    """`count` lines that each fit, the breaks nearest to equal shares; None if impossible."""
    widths = [0.0]  # widths[i]: the width of text[:i]
    for ch in text:
        widths.append(widths[-1] + char_width(ch))
    share = widths[-1] / count
    starts = [0]
    for k in range(1, count):
        candidates = [p for p in points if p > starts[-1]]
        if not candidates:
            return None

        def cost(p: int, target: float = share * k) -> float:
            phrase = text[p - 1] in _AFTER or text[p] in _BEFORE
            return abs(widths[p] - target) - (_PHRASE_BONUS if phrase else 0.0)

        starts.append(min(candidates, key=cost))
    ends = [*starts[1:], len(text)]
    # the space a line breaks at stays at its end (invisible before the break), so the lines
    # join back to the title exactly: the .docx reader rejoins them by dropping the breaks
    lines = [text[a:b] for a, b in zip(starts, ends, strict=True)]
    shown = [line.strip() for line in lines]
    if not all(shown) or any(text_width(line) > capacity for line in shown):
        return None
    return lines
