"""Turn a call's topic list (text or Markdown exported from its PDF or Word file) into a Call.

The shipped resources/topics.yaml is exactly what this makes of tests/data/call-topics.txt.
planner/importer/call_lines.py cuts the text into blocks and drops the noise; this module places the
blocks as areas, topics, backgrounds and directions, and reports what it cannot place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from planner.document.numerals import from_chinese
from planner.errors import CallFileError
from planner.formats.text_file import TEXT_LIMIT, read_text
from planner.importer.call_lines import (
    AREA,
    BULLET,
    DIRECTIONS,
    SENTENCE_END,
    TOPIC,
    Block,
    join_broken,
    looks_like_heading,
    note_text,
    numbered_item,
    text_blocks,
)
from planner.importer.call_report import ImportNote, ImportReport
from planner.model.call import Area, Call, Direction, Topic
from planner.model.default_form import DEFAULT_FORM

__all__ = [
    "ImportNote",
    "ImportReport",
    "import_call_file",
    "import_call_text",
    "join_broken",
    "offered_resources",
]

_OFFER = re.compile(
    r"(?:课题组|课题团队|项目组).{0,20}(?:提供|支持)|派遣实习生|"
    r"\b(?:the (?:topic |project |research )?team|the group|we)\b.{0,20}"
    r"\b(?:provide|offer|support)s?\b",
    re.IGNORECASE,
)


@dataclass
class _TopicDraft:
    line: int
    id: str
    title: str
    background: list[str] = field(default_factory=list)
    directions: list[str] = field(default_factory=list)
    in_directions: bool = False
    item_style: str = ""
    directions_line: int = 0

    @property
    def empty(self) -> bool:
        return not (self.background or self.directions or self.in_directions)


@dataclass
class _AreaDraft:
    line: int
    id: str
    title: str
    topics: list[_TopicDraft] = field(default_factory=list)
    stray: list[Block] = field(default_factory=list)  # text under the area, outside its topics
    implicit: bool = False  # made for topics that came before any area heading

    @property
    def empty(self) -> bool:
        return not self.stray and all(t.empty for t in self.topics)


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


def import_call_text(
    text: str, call_id: str, title: str, *, report: ImportReport | None = None
) -> tuple[Call, ImportReport]:
    """Parse a call's topic list; what cannot be placed goes into the report with its line."""
    return _Placer(text_blocks(text), report or ImportReport()).call(call_id, title)


def import_call_file(path: Path, call_id: str = "", title: str = "") -> tuple[Call, ImportReport]:
    """Import a .txt/.md/.docx topic list. The title defaults to the document's own title (its
    first line before the first area), the id to one made from that title: renaming the file
    changes neither, so its proposals still belong to it. The file name only when the document
    has no title at all.

    Raises CallFileError when the file cannot be read.
    """
    from planner.formats.zip_guard import refuse_macro_name

    refuse_macro_name(path, CallFileError)
    report = ImportReport()
    if path.suffix.lower() == ".docx":
        from planner.importer.call_docx import docx_call_parts

        report = ImportReport(unit="paragraph", lines_per_unit=2)
        text, tables = docx_call_parts(path)
        for line, rows, first in tables:
            what = (
                f"a table of {rows} rows was not read (tables are not topics; put its text in "
                f"paragraphs): “{first}”"
            )
            report.note(line, what, "call_table_dropped", rows=rows, text=first)
    else:
        text = read_text(path, CallFileError, TEXT_LIMIT, legacy_chinese=True)
    call, report = import_call_text(text, "-", "-", report=report)
    stem = path.name.split(".")[0]
    title = title or report.title or stem
    return replace(call, id=call_id or call_id_for(title), title=title), report


def import_header(source_name: str, call_id: str, title: str, display_title: str = "") -> str:
    """The comment at the top of a call file made by an import (CLI and app alike)."""
    display = f" --display-title {display_title}" if display_title else ""
    return (
        f"Made by: planner import-call {source_name} --id {call_id} --title {title}{display}\n"
        "Nothing below is edited by hand."
    )


def call_id_for(title: str) -> str:
    """A call id from its title: ASCII words as a slug, else `call-` and a short digest of the
    title (stable: the same document gives the same id on every machine, every start)."""
    words = re.findall(r"[a-z0-9]+", title.lower())
    if words and title.isascii():
        return "-".join(words)[:60]
    import hashlib

    return "call-" + hashlib.sha1(title.encode("utf-8")).hexdigest()[:8]


class _Placer:
    """Walks the blocks once, keeping the area and topic being read."""

    def __init__(self, blocks: list[Block], report: ImportReport) -> None:
        self.blocks = blocks
        self.report = report
        self.note = ""
        self.areas: list[_AreaDraft] = []
        self.topic: _TopicDraft | None = None
        self.front: list[Block] = []  # before the first area: the title block, an introduction

    def call(self, call_id: str, title: str) -> tuple[Call, ImportReport]:
        for index, block in enumerate(self.blocks):
            self._place(index, block)
        areas = self._built_areas()
        for i, block in enumerate(self.front):  # sorted in with the topics' notes below
            snippet = _snippet(block.text)
            if i == 0:
                self.report.title = block.text.lstrip("#").strip()
                what = f"the title block “{snippet}”: not a topic (it names the call)"
                self.report.note(block.line, what, "call_title_block", text=snippet)
            else:
                what = f"text before the first area, not part of any topic: “{snippet}”"
                self.report.note(block.line, what, "call_text_before_areas", text=snippet)
        self.report.notes.sort(key=lambda n: n[0])
        return Call(call_id, title, self.note, areas, DEFAULT_FORM), self.report

    def _place(self, index: int, block: Block) -> None:
        line = block.text
        if (note := note_text(line)) is not None:
            self.note = note.strip()
        elif m := DIRECTIONS.match(line):
            self._directions_intro(block, m.group(1) or "")
        elif (m := TOPIC.match(line)) and looks_like_heading(m.group(2)):
            self._topic_heading(block, m.group(1).replace("．", "."), m.group(2).strip())
        elif area := self._area_heading(index, line):
            self._start_area(block, *area)
        elif self.topic is None:
            if self.areas:  # before the first area: the call's own title page and contents
                self.areas[-1].stray.append(block)
            else:
                self.front.append(block)
        elif self.topic.in_directions:
            self._direction(block)
        elif self.topic.background and not self.topic.background[-1].endswith(SENTENCE_END):
            self.topic.background[-1] = join_broken(self.topic.background[-1], line)
        else:
            self.topic.background.append(line)

    # -- areas and topics ------------------------------------------------------------------

    def _area_heading(self, index: int, line: str) -> tuple[str, str] | None:
        """(id, title) when the block is an area heading, not a list item or a sentence.

        Areas are numbered `1.` like some lists, so a plain `N. …` line is an area only where
        the next topic heading is numbered `N.x`; a Markdown heading always is one.
        """
        m = AREA.match(line)
        if not m:
            return None
        number = int(m.group(1)) if m.group(1) else from_chinese(m.group(2))
        title = m.group(3).strip()
        if number is None or not looks_like_heading(title):
            return None
        area_id = str(number)
        if not line.startswith("#"):
            earlier = next((a for a in self.areas if a.id == area_id), None)
            if earlier is not None and not (earlier.empty or earlier.implicit):
                return None  # `1. …` inside area 1: a list in a background
            if self._continues_list(line) and not self._next_is_topic_of(index, area_id, 1):
                return None
            if not self._next_is_topic_of(index, area_id, len(self.blocks)):
                return None
        return area_id, title

    def _next_is_topic_of(self, index: int, area_id: str, within: int) -> bool:
        """Whether the first topic heading among the next `within` blocks belongs to area_id."""
        for block in self.blocks[index + 1 : index + 1 + within]:
            m = TOPIC.match(block.text)
            if m and looks_like_heading(m.group(2)):
                return re.split(r"[.．]", m.group(1))[0] == area_id
        return False

    def _continues_list(self, line: str) -> bool:
        """Whether an `N. …` line inside a directions block reads as the list's next item."""
        topic = self.topic
        item = numbered_item(line)
        if topic is None or not topic.in_directions or item is None:
            return False
        number, style, _ = item
        return style == (topic.item_style or style) and number == len(topic.directions) + 1

    def _start_area(self, block: Block, area_id: str, title: str) -> None:
        self.topic = None
        first = next((i for i, a in enumerate(self.areas) if a.id == area_id), None)
        if first is not None and self.areas[first].implicit and self.areas[first].topics:
            # its topics came first (a heading moved by the export): the heading names them
            earlier = self.areas.pop(first)
            earlier.title, earlier.implicit = title, False
            self.areas.append(earlier)
            return
        if first is not None:
            if all(a.empty for a in self.areas[first:]):
                del self.areas[first:]  # a table of contents: headings with nothing under them
            else:
                where = self.report.where(self.areas[first].line)
                self.report.add(block.line, f"area {area_id} appears twice (first on {where})")
                self.areas.append(self.areas.pop(first))  # its topics continue there
                return
        self.areas.append(_AreaDraft(block.line, area_id, title))

    def _topic_heading(self, block: Block, topic_id: str, title: str) -> None:
        major = topic_id.split(".")[0]
        if not self.areas:
            self.areas.append(_AreaDraft(block.line, major, major, implicit=True))
        area = self.areas[-1]
        if major != area.id:
            self.report.add(
                block.line,
                f"topic {topic_id} stands under area {area.id} {area.title} "
                f"(no heading for area {major} was found)",
            )
        self.topic = _TopicDraft(block.line, topic_id, title)
        for other in self.areas:
            earlier = next((t for t in other.topics if t.id == topic_id), None)
            if earlier is None:
                continue
            if earlier.empty:
                other.topics.remove(earlier)  # a contents entry
                continue
            self.report.add(
                block.line,
                f"topic {topic_id} appears twice (first on {self.report.where(earlier.line)}); "
                "the second was skipped",
            )
            return  # self.topic collects the text but belongs to no area
        area.topics.append(self.topic)

    # -- directions --------------------------------------------------------------------------

    def _directions_intro(self, block: Block, rest: str) -> None:
        topic = self.topic
        if topic is None:
            if self.areas:
                self.areas[-1].stray.append(block)
            return
        topic.in_directions = True
        topic.directions_line = block.line
        if rest.strip():
            self._direction(Block(block.line, rest.strip()))

    def _direction(self, block: Block) -> None:
        topic = self.topic
        assert topic is not None
        line = block.text
        if item := numbered_item(line):
            number, style, text = item
            if number != len(topic.directions) + 1:
                self.report.add(
                    block.line,
                    f"topic {topic.id}: direction {number} follows "
                    f"direction {len(topic.directions)}",
                )
            topic.item_style = topic.item_style or style
            topic.directions.append(text)
        elif m := BULLET.match(line):
            topic.item_style = topic.item_style or "bullet"
            topic.directions.append(m.group(1).strip())
        elif topic.directions and not topic.directions[-1].endswith(SENTENCE_END):
            topic.directions[-1] = join_broken(topic.directions[-1], line)  # a page break
        elif topic.item_style in ("", "paragraph"):
            topic.item_style = "paragraph"  # an unnumbered paragraph is one direction
            topic.directions.append(line)
        else:
            self.report.add(
                block.line,
                f"topic {topic.id}: text after the directions was not placed: {_snippet(line)}",
            )

    # -- the result --------------------------------------------------------------------------

    def _built_areas(self) -> tuple[Area, ...]:
        built: list[Area] = []
        for draft in self.areas:
            if draft.implicit:
                if not draft.topics:
                    continue  # only a table of contents stood before the first area
                first = draft.topics[0]
                self.report.add(first.line, f"topic {first.id} comes before any area heading")
            for block in draft.stray:
                self.report.add(
                    block.line, f"text outside any topic was skipped: {_snippet(block.text)}"
                )
            if not draft.topics:
                self.report.add(draft.line, f"area {draft.id} {draft.title} has no topics")
            built.append(
                Area(
                    draft.id,
                    draft.title,
                    tuple(self._built_topic(draft.id, t) for t in draft.topics),
                )
            )
        if not built:
            self.report.add(0, "no area or topic headings were found")
        self.report.problems.sort(key=lambda p: p[0])
        return tuple(built)

    def _built_topic(self, area_id: str, d: _TopicDraft) -> Topic:
        background = "\n\n".join(d.background)
        if not background:
            self.report.add(d.line, f"topic {d.id} has no background text")
        if d.in_directions and not d.directions:
            self.report.add(d.directions_line, f"topic {d.id}: the directions block is empty")
        elif not d.directions:  # a call may leave a topic open: said, not an error
            message = f"topic {d.id} has no suggested directions"
            self.report.note(d.line, message, "call_topic_no_directions", topic=d.id)
        return Topic(
            id=d.id,
            title=d.title,
            area_id=area_id,
            background=background,
            directions=tuple(Direction(i + 1, t) for i, t in enumerate(d.directions)),
            resources=offered_resources(background),
        )


def _snippet(text: str) -> str:
    """The start of a paragraph, enough for the user to find it."""
    return text if len(text) <= 40 else text[:40] + "…"
