"""Finding topics for a paragraph about one's research: the ranking a user sees."""

from __future__ import annotations

import dataclasses

import pytest

from planner.match.ranking import (
    EmptyQueryError,
    MatchIndex,
    match_index,
    match_topics,
    matches_well,
    relevance,
)
from planner.match.vectors import features
from planner.model.call import Call, Topic

HTAP_ZH = (
    "我们研究混合事务/分析处理（HTAP）数据库，关注行列混合存储引擎上的查询优化，"
    "以及在数据新鲜度与系统吞吐之间的权衡。"
)
HTAP_EN = (
    "We study hybrid transactional and analytical processing (HTAP) databases: row-column "
    "storage, freshness vs throughput trade-offs, and query optimization over mixed workloads."
)
HTAP_BENCH_EN = (
    "We design a benchmark for HTAP database systems: mixed transactional and analytical "
    "workloads, measuring throughput and data freshness on different hardware so that results "
    "are accurate and reproducible."
)
HTAP_BENCH_ZH = (
    "我们设计面向 HTAP 系统的评测基准，覆盖事务、分析和混合负载，考虑 CPU、内存和网络等硬件环境，"
    "保证测试结果准确、可重复。"
)
PQC_ZH = (
    "我们的工作是后量子数字签名算法的侧信道分析：采集软件实现的功耗曲线，恢复密钥、伪造签名，"
    "并设计掩码等防御对策。"
)
PQC_EN = (
    "Our group works on side-channel attacks on post-quantum signature schemes such as "
    "lattice-based signatures: we collect power traces from software implementations, recover "
    "secret keys, forge signatures and design masking countermeasures."
)


@pytest.mark.parametrize(
    ("text", "topic_id", "direction"),
    [
        (HTAP_ZH, "5.1", 1),
        (HTAP_EN, "5.1", 1),
        (HTAP_BENCH_EN, "5.1", 2),
        (HTAP_BENCH_ZH, "5.1", 2),
        (PQC_ZH, "2.1", 1),
        (PQC_EN, "2.1", 1),
        (
            "我们研究基于大模型的机器翻译，包括上下文学习、参数高效精调以及特定领域翻译质量的提升。",
            "1.3",
            None,
        ),
        (
            "Our lab works on neural machine translation with large language models: in-context "
            "learning and parameter-efficient fine-tuning such as LoRA for domain translation.",
            "1.3",
            2,
        ),
        (
            "课题组长期从事蛋白质结构预测与设计，以及单细胞多组学数据分析。",
            "4.1",
            None,
        ),
        (
            "We apply deep learning to protein structure prediction and design.",
            "4.1",
            1,
        ),
        (
            "We generate 3D facial expression animation for meshes from 2D face videos and speech.",
            "3.4",
            3,
        ),
        (
            "Fuzzing distributed database systems to find security vulnerabilities.",
            "2.4",
            2,
        ),
        (
            "我们构建医学知识图谱，并训练医疗领域的生成式预训练大模型，用于辅助诊断和用药推荐。",
            "1.13",
            None,
        ),
        (
            "We study LLM-based code generation, code completion and automatic program repair "
            "with instruction tuning.",
            "1.11",
            1,
        ),
    ],
)
def test_paragraph_ranks_its_topic_first(call, text, topic_id, direction):
    results = match_topics(call, text)
    best = results[0]
    assert best.topic.id == topic_id
    # clearly ahead, not a coin toss
    assert best.score > 1.5 * results[1].score
    if direction is not None:
        assert best.direction is not None
        assert best.direction.number == direction
        assert best.direction_score > 0


def test_results_are_sorted_scored_and_limited(call):
    results = match_topics(call, HTAP_EN)
    scores = [m.score for m in results]
    assert scores == sorted(scores, reverse=True)
    assert all(0 < s <= 1 for s in scores)
    assert [m.topic.id for m in match_topics(call, HTAP_EN, top=3)] == [
        m.topic.id for m in results[:3]
    ]


def test_one_keyword_is_enough(call):
    assert [m.topic.id for m in match_topics(call, "Dilithium")] == ["2.1"]
    assert match_topics(call, "ＨＴＡＰ")[0].topic.id == "5.1"  # full-width letters fold


def test_open_topic_fits_any_paragraph_of_its_area(call):
    text = "我们探索大模型的新应用：让大模型作为智能体调用工具、检索网页、撰写调研报告。"
    results = match_topics(call, text, top=3)
    assert "1.14" in [m.topic.id for m in results]
    open_topic = next(m for m in results if m.topic.id == "1.14")
    assert open_topic.direction is None  # it has none to offer


def test_every_topic_with_directions_names_its_best_one(call):
    for m in match_topics(call, "Dilithium side-channel attacks on signatures and HTAP databases"):
        assert (m.direction is None) == (not m.topic.directions), m.topic.id


@pytest.mark.parametrize("text", ["", "   \n\t", "。，！？——", "the and of"])
def test_text_without_words_is_an_error(call, text):
    with pytest.raises(EmptyQueryError, match="paste a paragraph"):
        match_topics(call, text)


def test_unrelated_text_matches_nothing(call):
    assert match_topics(call, "zzzqqq xylophone") == []


def test_features_cut_chinese_into_bi_and_trigrams_and_latin_into_stems():
    zh, en = features("侧信道 Attacks on Databases")
    assert set(zh) == {"侧信", "信道", "侧信道"}
    assert set(en) == {"attack", "databas"}


def test_english_reaches_the_chinese_call_through_the_dictionary(call):
    best = match_topics(call, "side-channel attacks on post-quantum signatures", top=1)[0]
    assert best.topic.id == "2.1"
    met = {t.query: t.topic for t in best.terms}
    assert "签名" in met["signatures"]  # 签名: "signature" in CC-CEDICT
    assert "信道" in met["channel"]


@pytest.mark.parametrize(
    ("text", "topic_id"),
    [
        ("Identifying third-party library versions in stripped binaries", "2.2"),
        ("finding influencers", "4.2"),  # "influencer" only through glossary.SUPPLEMENT
        ("fuzzing", "2.4"),
        ("We study HTAP workloads; our behaviour models optimise freshness", "5.1"),
    ],
)
def test_short_english_queries_find_their_topic(call, text, topic_id):
    assert match_topics(call, text, top=1)[0].topic.id == topic_id


def test_relevance_is_said_in_words_and_weak_matches_are_told(call):
    assert relevance(match_topics(call, PQC_EN, top=1)[0]) == "close"
    poetry = match_topics(call, "我们研究古代汉语诗歌的韵律", top=3)
    assert poetry  # a few characters in common ...
    assert not matches_well(poetry)  # ... but nothing that fits
    assert matches_well(match_topics(call, HTAP_ZH, top=3))


def test_title_weighs_more_than_background(call):
    """A word in one topic's title and another's background: the title wins."""
    a = Topic("9.1", "量子纠缠", "9", "本课题研究通信协议。")
    b = Topic("9.2", "通信协议", "9", "本课题研究通信中的量子纠缠问题。")
    small = dataclasses.replace(call, areas=(dataclasses.replace(call.areas[0], topics=(a, b)),))
    from planner.match.glosses import build

    index = MatchIndex(small, build(small))
    assert [m.topic.id for m in index.match("量子纠缠")][:2] == ["9.1", "9.2"]


def test_index_is_built_once_per_call(call):
    assert match_index(call) is match_index(call)
    other = Call(id="other", title="other")
    assert match_index(other) is not match_index(call)
