"""The few research terms CC-CEDICT lacks that the built-in call needs, as extra dictionary
entries (Chinese word -> English senses, in CC-CEDICT's style).

Everything else comes from CC-CEDICT (`planner.match.lexicon`). Each entry here was measured
necessary: without it a plain English query misses its topic.
- 意见领袖 (opinion leader, the "L" of KOL): CC-CEDICT has neither the word nor "influencer"
  in any sense, so "finding influencers" ranked the speech topic (找到, "find") above 4.2.
- 模糊测试 (fuzz testing): CC-CEDICT has 模糊 "fuzzy" but not the testing method, and the
  stems of "fuzzy" and "fuzzing" differ, so "fuzzing" alone found nothing.
- 行列 in "行列混合" (row-column hybrid storage): CC-CEDICT knows 行列 only as "formation; ranks",
  so "row-column storage" found the HTAP topic but not its row-column direction (5.1 D1).
An entry's senses are added to CC-CEDICT's own; jieba learns the words too, so that it keeps
them whole.
"""

from __future__ import annotations

SUPPLEMENT: dict[str, tuple[str, ...]] = {
    "意见领袖": ("opinion leader", "key opinion leader; influencer"),
    "模糊测试": ("fuzz testing; fuzzing", "to fuzz"),
    "行列": ("rows and columns; row-column",),
}
