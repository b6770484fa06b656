"""A generated call of any size, for the benchmarks (mixed Chinese and English text)."""

from __future__ import annotations

import random

from planner.model.call import Area, Call, Direction, Topic
from planner.model.default_form import DEFAULT_FORM

_WORDS = [
    "数据库",
    "查询",
    "优化",
    "事务",
    "分析",
    "存储",
    "索引",
    "模型",
    "学习",
    "推理",
    "安全",
    "隐私",
    "网络",
    "系统",
    "调度",
    "编译",
    "芯片",
    "database",
    "query",
    "optimizer",
    "transaction",
    "storage",
    "index",
    "model",
    "learning",
    "inference",
    "security",
    "privacy",
    "network",
    "scheduling",
    "compiler",
    "kernel",
    "graph",
    "stream",
    "cache",
    "vector",
    "retrieval",
]


def _text(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(words))


def synthetic_call(topic_count: int = 5000, areas: int = 50, seed: int = 1) -> Call:
    rng = random.Random(seed)
    per_area = topic_count // areas
    built = []
    for a in range(1, areas + 1):
        topics = tuple(
            Topic(
                id=f"{a}.{t}",
                title=_text(rng, 6),
                area_id=str(a),
                background=_text(rng, 120),
                directions=tuple(Direction(n, _text(rng, 25)) for n in range(1, 5)),
                resources=(_text(rng, 10),),
            )
            for t in range(1, per_area + 1)
        )
        built.append(Area(str(a), _text(rng, 3), topics))
    return Call("synthetic", "Synthetic call", "", tuple(built), DEFAULT_FORM)
