"""The front of a returned .docx: the proposal's title, the applicant table, and the topic part
(topic, chosen directions, own directions), read into the proposal in place.

The topic and directions come from the document's custom properties when it has them, else
from the topic part's text ("申报课题：5.1", "方向 2：…"); a direction whose text is another
direction's is read as that one. proposal_docx.py reads the rest (sections, figures, references).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from planner.document.blocks import Inlines, Span
from planner.formats.docx_identity import (
    CALL,
    DIRECTIONS,
    OWN_DIRECTIONS_TAG,
    SCHEMA,
    TITLE_TAG,
    TOPIC,
    parse_directions,
)
from planner.importer.docx_blocks import paragraph_lines
from planner.importer.docx_body import BodyReader, TableUnit, Unit
from planner.importer.heading_match import normalize
from planner.model.call import Call
from planner.model.proposal import Applicant, Proposal

APPLICANT_LABELS: dict[str, tuple[str, ...]] = {
    "name": ("姓名", "申请人", "负责人", "name"),
    "title": ("职称", "title"),
    "institution": ("所在单位", "单位", "工作单位", "institution"),
    "department": ("院系/部门", "院系", "部门", "department"),
    "email": ("电子邮箱", "邮箱", "e-mail", "email"),
    "phone": ("联系电话", "电话", "手机", "phone"),
}
_LABEL_OF = {normalize(label): key for key, labels in APPLICANT_LABELS.items() for label in labels}
_TOPIC_LINE = re.compile(r"^\s*申报课题\s*[:：]\s*(\S+)")
_DIRECTION_LINE = re.compile(r"^\s*方向\s*(\d{1,3})\s*[:：]\s*(.*)$", re.S)


class FrontReader:
    """Reads the front parts into `proposal`; `note(message, paragraph, placed)` reports."""

    def __init__(
        self,
        call: Call,
        body_reader: BodyReader,
        proposal: Proposal,
        note: Callable[..., None],
    ) -> None:
        self.call, self.body_reader, self.proposal, self.note = call, body_reader, proposal, note

    def read_front(self, units: list[Unit]) -> None:
        """The title and the applicant table; what else is there is noted, not placed."""
        p = self.proposal
        applicant_read = False
        for unit in units:
            if isinstance(unit, TableUnit):
                if not applicant_read and self._applicant(unit):
                    applicant_read = True
                    continue
                self.note("a table before the first section", unit.number, placed=False)
                continue
            text = unit.text.strip()
            if not text or unit.placeholder:
                continue
            if unit.control == TITLE_TAG or (unit.heading == 0 and not p.title):
                if not unit.grey:
                    # the export breaks a long title into balanced lines without dropping a
                    # character (planner.document.line_fit): its breaks join back to nothing
                    p.title = " ".join(unit.text.replace("\n", "").split())
                continue
            called = {normalize(self.call.title), normalize(self.call.display_name)}
            if normalize(text) in called or unit.grey:
                continue  # the call's title over the proposal's, or an untouched hint
            self.note(f"text before the first section: {_cut(text)}", unit.number, placed=False)

    def _applicant(self, table: TableUnit) -> bool:
        rows = self.body_reader.table_cells(table.element)
        found: dict[str, str] = {}
        for row in rows:
            for i in range(0, len(row) - 1, 2):
                label = normalize(_plain(row[i][0]))
                key = _LABEL_OF.get(label)
                if key is not None:
                    found[key] = _plain(row[i + 1][0]).strip()
        if len(found) < 2:
            return False
        self.proposal.applicant = Applicant(**found)
        return True

    def read_topic(self, units: list[Unit], props: dict[str, str]) -> bool:
        """Topic and directions from the custom properties `props`, else from the topic part's
        text; own directions from the text. True when the properties gave them."""
        p = self.proposal
        from_properties = False
        topic_id = props.get(TOPIC, "").strip()
        directions = parse_directions(props.get(DIRECTIONS, "")) if TOPIC in props else None
        if props.get(CALL) and props[CALL] != self.call.id:
            p.call = props[CALL]
            self.note(f"the document was made for call '{props[CALL]}', not '{self.call.id}'")
        if SCHEMA in props and props[SCHEMA] != str(p.schema):
            self.note(f"the document names proposal schema {props[SCHEMA]}; read as {p.schema}")
        text_topic, text_directions, own = self._topic_text(units)
        if topic_id and directions is not None:
            from_properties = True
            if text_topic and text_topic != topic_id:
                self.note(
                    f"the text names topic {text_topic}; the document's properties say "
                    f"{topic_id}, which was used"
                )
        else:
            topic_id, directions = text_topic, text_directions
        p.topic = topic_id
        p.directions = directions or []
        p.own_directions = own
        return from_properties

    def _topic_text(self, units: list[Unit]) -> tuple[str, list[int], list[str]]:
        topic_id = ""
        directions: list[int] = []
        own: list[str] = []
        part = ""
        for unit in units:
            if isinstance(unit, TableUnit):
                self.note("a table in the topic part", unit.number, placed=False)
                continue
            text = " ".join(unit.text.split())
            if not text or unit.placeholder or unit.grey:
                continue
            if unit.heading is not None and unit.heading >= 1:
                part = normalize(text)
                continue
            if unit.control == OWN_DIRECTIONS_TAG or part == normalize("自拟研究方向"):
                own.extend(" ".join(_plain(line).split()) for line in paragraph_lines(unit))
                continue
            if part == normalize("课题组可提供的资源"):
                continue  # the call's own words
            match = _TOPIC_LINE.match(text)
            if match:
                topic_id = match.group(1)
                continue
            if text.startswith(("研究领域", "本课题未列出建议研究方向")):
                continue
            match = _DIRECTION_LINE.match(text)
            if match:
                directions.append(
                    self._direction(topic_id, int(match.group(1)), match.group(2), unit.number)
                )
                continue
            self.note(f"text in the topic part: {_cut(text)}", unit.number, placed=False)
        return topic_id, directions, own

    def _direction(self, topic_id: str, number: int, text: str, paragraph: int) -> int:
        """The direction's number; when its text is another direction's, that one's."""
        if not self.call.has_topic(topic_id):
            return number
        topic = self.call.topic(topic_id)
        stated = topic.direction(number)
        if stated is not None and normalize(stated.text) == normalize(text):
            return number
        for direction in topic.directions:
            if normalize(direction.text) == normalize(text):
                self.note(
                    f"direction {number}'s text is direction {direction.number}'s; "
                    f"read as {direction.number}",
                    paragraph,
                )
                return direction.number
        return number


def _plain(inlines: Inlines) -> str:
    return "".join(r.text for r in inlines if isinstance(r, Span))


def _cut(text: str, size: int = 40) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"
