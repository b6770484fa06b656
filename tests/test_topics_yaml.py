"""The shipped call is the seed call, faithfully: counts, words, page-break joins, resources."""

from __future__ import annotations

import dataclasses
import re

import pytest

from planner.formats.call_file import dump_call
from planner.importer.call_import import import_call_text
from planner.resources import builtin_call_path

TOPIC_IDS = (
    [f"1.{i}" for i in range(1, 15)]
    + [f"2.{i}" for i in range(1, 5)]
    + [f"3.{i}" for i in range(1, 6)]
    + [f"4.{i}" for i in range(1, 5)]
    + ["5.1"]
)


def squash(text: str) -> str:
    """Whitespace aside: the seed wraps and pads lines; topics.yaml joins them."""
    return re.sub(r"\s+", "", text)


def test_counts(call):
    assert [a.id for a in call.areas] == ["1", "2", "3", "4", "5"]
    assert [t.id for t in call.topics()] == TOPIC_IDS
    assert sum(len(t.directions) for t in call.topics()) == 91
    assert call.topic("1.14").directions == ()
    assert len(call.topic("3.1").directions) == 1
    assert [len(t.directions) for t in call.topics()][:5] == [4, 3, 3, 5, 3]


def test_every_text_stands_in_the_source(call, seed_text):
    source = squash(seed_text)
    for area in call.areas:
        assert squash(area.title) in source
    for topic in call.topics():
        assert squash(f"{topic.id} {topic.title}") in source, topic.id
        assert topic.background.strip(), topic.id
        assert squash(topic.background) in source, topic.id
        for d in topic.directions:
            # numbered items stand as "N) text" in the call; 3.1's one paragraph stands alone
            assert squash(d.text) in source, (topic.id, d.number)
        for sentence in topic.resources:
            assert sentence in topic.background, (topic.id, sentence)


def test_page_break_splits_are_joined(call):
    assert "对大模型进行 SFT" in call.topic("1.11").directions[1].text
    assert "可应用的实际场景包括：1. 标注提效" in call.topic("1.2").background
    # a whole direction is one item, never cut at the break
    assert call.topic("1.11").directions[1].text.endswith("精准度；")


def test_the_call_note_is_kept(call):
    assert call.note == "各主题均不限于给定的建议研究方向, 申请人可自行拓展决定。"


@pytest.mark.parametrize(
    ("topic_id", "phrase"),
    [
        ("1.1", "大规模预训练平台和脱敏数据"),
        ("1.3", "10B 模型"),
        ("1.5", "GPU 训练集群资源"),
        ("1.6", "腾讯 GPU 资源"),
        ("2.1", "数字人民币"),
        ("2.2", "BinaryAI"),
        ("3.3", "文案素材"),
        ("4.2", "脱敏数据和计算资源"),
    ],
)
def test_resources_offered(call, topic_id, phrase):
    assert any(phrase in r for r in call.topic(topic_id).resources)


def test_topics_without_offers_have_none(call):
    offering = {t.id for t in call.topics() if t.resources}
    assert offering == {"1.1", "1.3", "1.5", "1.6", "2.1", "2.2", "3.3", "4.2"}


def test_directions_keep_the_calls_words(call):
    assert call.topic("5.1").directions[1].text.startswith("HTAP 评测基准的设计和实现:")
    assert (
        call.topic("3.1").directions[0].text.startswith("基于腾讯给出的上亿级别的多模态内容域数据")
    )


def test_shipped_file_is_what_import_call_makes_of_the_seed(seed_text):
    imported, report = import_call_text(seed_text, "call-topics", "申报主题")
    assert report.complete, report.problems
    imported = dataclasses.replace(imported, display_title="项目申报书")  # --display-title
    shipped = builtin_call_path().read_text(encoding="utf-8")
    header = "\n".join(line[2:] for line in shipped.splitlines() if line.startswith("# "))
    assert dump_call(imported, header) == shipped
