"""The importer's regular expressions run in linear time over user text (issue 18, must-have 4).

A 16,000-character line of dots took `import-call` 7 s: a contents-line pattern went quadratic,
so 100,000 characters would take minutes. Each line below is 100,000 characters of one
character class (or short run) the importer's patterns look at. The bound is a hang guard, not
a speed target: linear matching takes milliseconds here, quadratic takes minutes. The figures
for 10,000 against 100,000 characters are printed by benchmarks/hostile_files.py.
"""

from __future__ import annotations

import time

import pytest

from planner.importer.call_import import import_call_text, offered_resources
from planner.importer.call_lines import is_noise, note_text
from planner.office.workspace import _status_line

LENGTH = 100_000
HANG_GUARD_S = 5.0  # quadratic at this length: minutes

RUNS = [
    ".", "．", "…", "·", ". ", " ", "\t", "1", "١", "#", "# ", "-", "- ", "*", "+", "•",
    "(", "（", ")", "）", "[", "]", "](#", "|", "、", "中", "①", "第", "页", "/", "a",
    "1.", "1.1", "1、", "一、", "1)", "(1)", "1 ", "不限于", "not limited ", "we provide ",
    "课题组提供", "返回目录", "back to contents ", "page 1 ", "。", "!", "A. ",
    "建议研究方向", "suggested directions:",
]  # fmt: skip


def _line(run: str) -> str:
    return (run * (LENGTH // len(run) + 1))[:LENGTH]


SHAPES = [
    lambda body: body,  # the run alone
    lambda body: "(" + body + "x",  # a note's start without its end
    lambda body: "1.1 " + body,  # behind a topic heading
    lambda body: "## 1. " + body + " 12",  # a heading, then a page number
    lambda body: body + "1234x",
]


@pytest.mark.parametrize("run", RUNS)
def test_a_long_line_of_one_class_ends(run: str) -> None:
    body = _line(run)
    lines = [shape(body) for shape in SHAPES]
    start = time.perf_counter()
    for line in lines:
        is_noise(line)
        note_text(line)
        _status_line("status:" + line)
    text = "\n\n".join(["1. 区域", "1.1 课题", lines[0], "建议研究方向：", *lines[1:]])
    import_call_text(text, "c", "C")  # text_blocks, every pattern, backgrounds, resources
    offered_resources(body)
    assert time.perf_counter() - start < HANG_GUARD_S


def test_contents_lines_are_still_noise() -> None:
    for line in ("目录 ........ 12", "标题……3", "一、概述 ···· 7", "Intro . . . . 4", "| a | b |"):
        assert is_noise(line), line
    for line in ("1.1 HTAP", "句子。", "........", "页 12 页"):
        assert not is_noise(line), line
    assert note_text("（课题不限于建议研究方向）") == "课题不限于建议研究方向"
    assert note_text("(Topics are Not Limited to these)") == "Topics are Not Limited to these"
    assert note_text("（不限于") is None
