"""Which section of the call's form a heading in a returned document is.

Applicants renumber headings (二、 → 2.), add or drop spaces and punctuation, and sometimes
rename a heading (研究背景与意义 → 研究背景及意义). The number is ignored, spacing and
punctuation are ignored, and a renamed heading is taken when it is clearly closer to one unused
section than to anything else; every such tolerance is reported by the caller.
"""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher

_NUMBER = re.compile(
    r"^\s*(?:第[一二三四五六七八九十百\d]+[章节部分][、.．:：\s]*"
    r"|[（(]?[一二三四五六七八九十百]+[）)]?[、.．:：\s]*"
    r"|[（(]?\d+(?:\.\d+)*[）)]?[、.．:：\s]*"
    r"|[IVXLC]+[.、]\s*)"
)
_NOISE = re.compile(r"[\s\u3000、，,。.．:：;；!！?？()（）\[\]【】《》<>\"'“”‘’·•\-–—_/／]+")
RENAMED_RATIO = 0.6


def strip_number(text: str) -> str:
    return _NUMBER.sub("", text, count=1).strip()


def normalize(text: str) -> str:
    """The heading as compared: no number, no spaces or punctuation, full-width folded."""
    folded = unicodedata.normalize("NFKC", strip_number(text))
    return _NOISE.sub("", folded).casefold()


def exact(heading: str, title: str) -> bool:
    return bool(normalize(heading)) and normalize(heading) == normalize(title)


def similarity(heading: str, title: str) -> float:
    a, b = normalize(heading), normalize(title)
    if not a or not b:
        return 0.0
    if a in b or b in a:
        return max(len(a), len(b)) and min(len(a), len(b)) / max(len(a), len(b)) + 0.3
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def best_renamed(heading: str, titles: dict[str, str]) -> str | None:
    """The key of the unused section `heading` is a renaming of, if one clearly is."""
    scored = sorted(((similarity(heading, t), k) for k, t in titles.items()), reverse=True)
    if not scored or scored[0][0] < RENAMED_RATIO:
        return None
    if len(scored) > 1 and scored[1][0] > scored[0][0] - 0.1:
        return None  # two sections fit about as well: guessing would misplace text
    return scored[0][1]
