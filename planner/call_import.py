"""Turn a call's topic list, as text or Markdown exported from its PDF or Word file, into a Call.

The shipped resources/topics.yaml is exactly what this makes of tests/data/call-topics.txt.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from planner.call import Area, Call, Direction, Topic
from planner.default_form import DEFAULT_FORM

_CN_NUMERALS = "一二三四五六七八九十"
_AREA = re.compile(rf"^(?:#{{1,3}}\s*)?(?:(\d+)[.．、]|([{_CN_NUMERALS}]+)、)\s*(\S.*)$")
_TOPIC = re.compile(r"^(?:#{1,4}\s*)?(\d+[.．]\d+)[.．]?\s+(\S.*)$")
_DIRECTIONS = re.compile(
    r"^(?:#{1,4}\s*)?(?:\*\*)?(?:建议研究方向|研究方向建议|suggested research directions)"
    r"(?:\*\*)?\s*[:：]?\s*(?:\*\*)?$",
    re.IGNORECASE,
)
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_ITEM = re.compile(
    rf"^(?:[-*+]\s+)?(?:(\d+)\)|(\d+)[.、．](?!\d)|[(（](\d+)[)）]|([{_CIRCLED}]))\s*(\S.*)$"
)
_NOTE = re.compile(r"^[（(](.*(?:不限于|not limited).*)[)）]$", re.IGNORECASE)
_NOISE = re.compile(
    r"^(?:\|.*|\[?返回目录\]?(?:\(.*\))?|\[back to (?:contents|top)\](?:\(.*\))?"
    r"|\d{1,3}|-\s*\d+\s*-|第\s*\d+\s*页)$",
    re.IGNORECASE,
)
_OFFER = re.compile(
    r"(?:课题组|课题团队|项目组).{0,20}(?:提供|支持)|派遣实习生|"
    r"\b(?:the (?:topic )?team|we)\b.{0,20}\b(?:provide|offer|support)s?\b",
    re.IGNORECASE,
)
# A paragraph that does not end like a sentence was cut by a page break.
_SENTENCE_END = tuple("。！？；;.!?：:”」）)")


@dataclass
class ImportReport:
    """What the importer could not place, as (line, message); empty when the call is complete."""

    problems: list[tuple[int, str]] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return not self.problems

    def add(self, line: int, message: str) -> None:
        self.problems.append((line, message))


@dataclass
class _Block:
    line: int
    text: str


@dataclass
class _TopicDraft:
    line: int
    id: str
    title: str
    area_id: str
    background: list[str] = field(default_factory=list)
    directions: list[str] = field(default_factory=list)
    in_directions: bool = False
    item_style: str = ""
    directions_line: int = 0


def join_broken(a: str, b: str) -> str:
    """Join two pieces of one sentence: a space between Latin letters/digits, none for Chinese."""
    if a and b and a[-1].isascii() and a[-1].isalnum() and b[0].isascii() and b[0].isalnum():
        return f"{a} {b}"
    return a + b


def _blocks(text: str) -> list[_Block]:
    """Paragraphs (runs of non-blank lines) with their first line number; noise lines dropped."""
    blocks: list[_Block] = []
    current: _Block | None = None
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or _NOISE.match(line):
            current = None
            continue
        # a heading, an item or a directions intro starts a paragraph of its own
        starts = bool(_TOPIC.match(line) or _ITEM.match(line) or _DIRECTIONS.match(line))
        if current is None or starts or _AREA.match(line):
            current = _Block(number, line)
            blocks.append(current)
        else:
            current.text = join_broken(current.text, line)
    return blocks


def offered_resources(background: str) -> tuple[str, ...]:
    """The sentences of a background in which the topic team offers something."""
    sentences = re.findall(r"[^。！？!?]*[。！？!?]|[^。！？!?]+$", background)
    out: list[str] = []
    for sentence in sentences:
        for part in re.split(r"(?<=[.])\s+(?=[A-Z])", sentence):
            part = part.strip()
            if part and _OFFER.search(part):
                out.append(part)
    return tuple(out)


def import_call_text(text: str, call_id: str, title: str) -> tuple[Call, ImportReport]:
    """Parse a call's topic list; what cannot be placed goes into the report with its line."""
    report = ImportReport()
    note = ""
    areas: list[tuple[str, str, list[_TopicDraft]]] = []
    topic: _TopicDraft | None = None
    for block in _blocks(text):
        line = block.text
        if m := _NOTE.match(line):
            note = m.group(1).strip()
            continue
        if m := _TOPIC.match(line):
            topic_id = m.group(1).replace("．", ".")
            if not areas:
                report.add(block.line, f"topic {topic_id} comes before any area heading")
                areas.append((topic_id.split(".")[0], "", []))
            topic = _TopicDraft(block.line, topic_id, m.group(2).strip(), areas[-1][0])
            areas[-1][2].append(topic)
            continue
        area = _AREA.match(line)
        item = _item(line) if topic is not None and topic.in_directions else None
        if area and not (item and _continues_list(topic, item, line)):
            area_id = area.group(1) or str(_CN_NUMERALS.index(area.group(2)) + 1)
            areas.append((area_id, area.group(3).strip(), []))
            topic = None
            continue
        if topic is None:
            if areas:
                report.add(block.line, f"text outside any topic was skipped: {line[:40]}")
            continue  # before the first area: the call's own title page and headings
        if _DIRECTIONS.match(line):
            topic.in_directions = True
            topic.directions_line = block.line
            continue
        if topic.in_directions:
            if item:
                number, style, item_text = item
                if number != len(topic.directions) + 1:
                    report.add(
                        block.line,
                        f"topic {topic.id}: direction {number} follows "
                        f"direction {len(topic.directions)}",
                    )
                topic.item_style = topic.item_style or style
                topic.directions.append(item_text)
            elif topic.directions and not topic.directions[-1].endswith(_SENTENCE_END):
                topic.directions[-1] = join_broken(topic.directions[-1], line)
            elif not topic.directions:
                topic.directions.append(line)  # an unnumbered paragraph is one direction
            else:
                report.add(
                    block.line,
                    f"topic {topic.id}: text after the directions was not placed: {line[:40]}",
                )
            continue
        if topic.background and not topic.background[-1].endswith(_SENTENCE_END):
            topic.background[-1] = join_broken(topic.background[-1], line)
        else:
            topic.background.append(line)

    built: list[Area] = []
    for area_id, area_title, drafts in areas:
        if not drafts:
            report.add(0, f"area {area_id} {area_title} has no topics")
        topics = []
        for d in drafts:
            background = "\n\n".join(d.background)
            if not background:
                report.add(d.line, f"topic {d.id} has no background text")
            if d.in_directions and not d.directions:
                report.add(d.directions_line, f"topic {d.id}: the directions block is empty")
            topics.append(
                Topic(
                    id=d.id,
                    title=d.title,
                    area_id=area_id,
                    background=background,
                    directions=tuple(Direction(i + 1, t) for i, t in enumerate(d.directions)),
                    resources=offered_resources(background),
                )
            )
        built.append(Area(area_id, area_title, tuple(topics)))
    if not built:
        report.add(0, "no area or topic headings were found")
    return Call(call_id, title, note, tuple(built), DEFAULT_FORM), report


def _item(line: str) -> tuple[int, str, str] | None:
    """(number, numbering style, text) of a numbered list item, or None."""
    m = _ITEM.match(line)
    if not m:
        return None
    for style, group in zip(("paren", "dot", "brackets"), m.groups()[:3], strict=True):
        if group:
            return int(group), style, m.group(5).strip()
    return _CIRCLED.index(m.group(4)) + 1, "circled", m.group(5).strip()


def _continues_list(topic: _TopicDraft | None, item: tuple[int, str, str], line: str) -> bool:
    """Whether a line that reads as both an area heading and a list item is the next item.

    Areas are numbered `1.` like some lists: a Markdown heading is an area, and so is a line
    in another numbering style than the list's, or one whose number does not follow on.
    """
    if topic is None or line.startswith("#"):
        return False
    number, style, _ = item
    return style == (topic.item_style or style) and number == len(topic.directions) + 1
