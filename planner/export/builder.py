"""The proposal's content in reading order: title block, applicant table, topic, form sections.

Everything the applicant wrote is counted into `expected` as it is written, and everything the
builder adds itself (headings, labels, the call's text) into the writer's `own`, so the export can
check afterwards that all of it reached the file: a character of the applicant's that went
missing cannot hide behind the same character in a heading.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

from docx.document import Document
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_ROW_HEIGHT_RULE
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.text.paragraph import Paragraph

from planner.document.assembly import form_sections, section_guidance, topic_line
from planner.document.blocks import Blocks, ReferenceList, inline_text, iter_inlines
from planner.document.line_fit import balanced_lines, fits_one_line
from planner.document.markdown import parse_section
from planner.document.numerals import to_chinese
from planner.export.base import Base
from planner.export.blocks_writer import BlocksWriter, text_box
from planner.export.clean import clean_text, significant
from planner.export.fields import set_header_text
from planner.export.readback import mark_for_readback
from planner.export.tables import shade, table_borders
from planner.export.writer import Writer
from planner.model.call import Call, Topic
from planner.model.problems import Problem
from planner.model.proposal import APPLICANT_FIELDS, Proposal
from planner.references.bibliography import reference_list
from planner.references.citations import document_citation_keys

APPLICANT_LABELS: dict[str, str] = {
    "name": "姓　　名",
    "title": "职　　称",
    "institution": "所在单位",
    "department": "院系/部门",
    "email": "电子邮箱",
    "phone": "联系电话",
}
# the table fills the text width (15.4 cm); the labels need 4.3 em of 小四 bold
_LABEL_WIDTH, _VALUE_WIDTH = Cm(2.3), Cm(5.4)
_CELL_MARGIN = Cm(0.19)  # Word's default left and right cell margins
_PAIRS: tuple[tuple[str, ...], ...] = tuple(
    zip(APPLICANT_FIELDS[::2], APPLICANT_FIELDS[1::2], strict=True)
)  # (name, title), (institution, department), (email, phone)


class ProposalBuilder:
    def __init__(
        self, proposal: Proposal, call: Call, base: Base, folder: Path | None = None
    ) -> None:
        self.proposal = proposal
        self.folder = folder  # the proposal file's folder: figure paths are relative to it
        self.call = call
        self.base = base
        self.writer = Writer(base.doc)
        self.styles = self.writer.styles
        self.expected: Counter[str] = Counter()
        self.empty_sections: list[str] = []
        self.problems: list[Problem] = []  # figures that could not go in (still exported)
        self.topic: Topic | None = (
            call.topic(proposal.topic) if proposal.topic else None
        )  # raises UnknownTopicError

    def build(self) -> Document:
        self._properties()
        self._header()
        self._title_block()
        self._applicant_table()
        self._topic_part()
        self._sections()
        # issue 15: content controls and custom properties, for reading the file back
        mark_for_readback(self.base.doc, self.proposal, self.call, self.styles, self.empty_sections)
        return self.base.doc

    # ------------------------------------------------------------------------------------
    def _user(self, paragraph: Paragraph, text: str) -> None:
        """Write applicant-written plain text, counted for the verification."""
        self.expected.update(significant(text))
        with self.writer.applicant():
            self.writer.run(paragraph, text)

    def _properties(self) -> None:
        props = self.base.doc.core_properties
        # python-docx refuses core properties over 255 characters (ValueError); a title can be
        # longer (the batch's hostile workspace has a 300-character one): the body keeps it whole
        props.title = clean_text(self.proposal.title)[:255]
        props.author = props.last_modified_by = clean_text(self.proposal.applicant.name)[:255]
        props.subject = clean_text(topic_line(self.proposal, self.call))[:255]
        props.comments = ""
        now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0, tzinfo=None)
        props.created = props.modified = now
        props.revision = 1

    def _header(self) -> None:
        if self.base.own_header:
            set_header_text(self.base.doc.sections[-1], topic_line(self.proposal, self.call))

    def _title_block(self) -> None:
        w = self.writer
        w.text_paragraph(self.call.display_name, self.styles.subtitle)  # the programme's name
        if self.proposal.title.strip():
            # lines balanced by the exporter: Word's own breaks leave a lone last character
            lines = balanced_lines(clean_text(self.proposal.title).strip(), self._text_width(22))
            self._user(w.paragraph(self.styles.title), "\n".join(lines))
        else:
            w.text_paragraph("（项目名称）", self.styles.title, grey=True)

    def _text_width(self, default_pt: float) -> float:
        """The text width in em of the title's size (its style's, else `default_pt`)."""
        width_emu, _ = text_box(self.base.doc.sections[-1])
        return width_emu / Pt(_style_size(self.base.doc, self.styles.title) or default_pt)

    def _applicant_table(self) -> None:
        values = self.proposal.applicant.as_dict()
        # an e-mail address wider than its cell would be cut mid-word: it gets a whole row
        room = (_VALUE_WIDTH - 2 * _CELL_MARGIN) / Pt(12)  # in em of the 小四 values
        rows = list(_PAIRS)
        if not fits_one_line(clean_text(values["email"]).strip(), room):
            rows[-1:] = [("email",), ("phone",)]
        doc = self.base.doc
        table = doc.add_table(rows=len(rows), cols=4)
        table_borders(table._tbl)
        widths = (_LABEL_WIDTH, _VALUE_WIDTH, _LABEL_WIDTH, _VALUE_WIDTH)
        for column, width in zip(table.columns, widths, strict=True):
            column.width = width
        for row, keys in zip(table.rows, rows, strict=True):
            row.height = Cm(0.9)
            row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
            cells = row.cells
            for i, cell in enumerate(cells):
                cell.width = widths[i]
            if len(keys) == 1:  # label, then one value over the other three columns
                cells = [cells[0], cells[1].merge(cells[3])]
            for i, cell in enumerate(cells):
                cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
                paragraph = cell.paragraphs[0]
                key = keys[i // 2]
                if i % 2 == 0:
                    shade(cell._tc, "F2F2F2")
                    self.writer.run(paragraph, APPLICANT_LABELS[key], bold=True)
                else:
                    self._user(paragraph, values[key])
        # keep the first heading from touching the table
        self.writer.paragraph(self.styles.normal)

    def _topic_part(self) -> None:
        w, s = self.writer, self.styles
        w.text_paragraph("一、申报课题与研究方向", s.heading1)
        topic = self.topic
        if topic is None:
            w.placeholder("（尚未选择课题：请在申报主题中选择一个课题。）")
            return
        area = self.call.area_of(topic)
        self._labelled("研究领域：", f"{area.id}　{area.title}")
        self._labelled("申报课题：", f"{topic.id}　{topic.title}")

        w.text_paragraph("所选建议研究方向", s.heading2)
        if not topic.directions:
            w.text_paragraph("本课题未列出建议研究方向。", s.body)
        elif not self.proposal.directions:
            w.placeholder(
                f"（尚未选择：本课题列有 {len(topic.directions)} 个建议研究方向，"
                "请选择，或在下面填写自拟研究方向。）"
            )
        for number in self.proposal.directions:
            direction = topic.direction(number)
            text = direction.text if direction else "（本课题没有这一建议研究方向）"
            self._labelled(f"方向 {number}：", text)

        w.text_paragraph("自拟研究方向", s.heading2)
        own = [t for t in self.proposal.own_directions if t.strip()]
        if own:
            level = w.open_list(ordered=False, depth=1)
            for text in own:
                self._user(w.list_item(level), text)
        else:
            hint = "本课题未列出建议研究方向，请在此填写拟开展的研究方向。"
            if topic.directions:
                hint = "（选填）如有自拟研究方向，请在此填写。"
            w.placeholder(f"{hint}{self.call.note}")

        if topic.resources:
            w.text_paragraph("课题组可提供的资源", s.heading2)
            level = w.open_list(ordered=False, depth=1)
            for text in topic.resources:
                w.run(w.list_item(level), text)

    def _labelled(self, label: str, text: str) -> None:
        paragraph = self.writer.paragraph(self.styles.body)
        self.writer.run(paragraph, label, bold=True)
        self.writer.run(paragraph, text)

    def _sections(self) -> None:
        sections = form_sections(self.proposal, self.call)  # the page preview's order too
        parsed = [(s, parse_section(self.proposal.sections.get(s.key, ""))) for s in sections]
        # citations are numbered in order of first use through the whole document
        references = self._reference_list(document_citation_keys(b for _, b in parsed))
        blocks_writer = BlocksWriter(
            self.writer, {e.key: e.number for e in references.entries}, self.folder
        )
        for number, (section, blocks) in enumerate(parsed, start=2):
            self.writer.text_paragraph(
                f"{to_chinese(number)}、{section.title}", self.styles.heading1
            )
            if blocks:
                self.expected.update(_applicant_characters(blocks))
                blocks_writer.section(section.key, section.title, blocks)
            else:
                self.empty_sections.append(section.key)
                self.writer.placeholder(section_guidance(section))
        for entry in references.entries:
            self.expected.update(significant(entry.text))
        blocks_writer.references(references)
        self.problems = blocks_writer.problems
        self.expected = +self.expected

    def _reference_list(self, cited: list[str]) -> ReferenceList:
        """The cited works in order of first citation, formatted in GB/T 7714-2015."""
        return reference_list(self.proposal.references, cited)


def _style_size(doc: Document, style_id: str | None) -> float | None:
    """The font size in points a paragraph style gives (through its basedOn chain)."""
    styles = doc.styles.element
    seen: set[str] = set()
    while style_id and style_id not in seen:
        seen.add(style_id)
        style = styles.get_by_id(style_id)
        if style is None:
            return None
        size = style.find(f"{qn('w:rPr')}/{qn('w:sz')}")
        if size is not None and (size.get(qn("w:val")) or "").isdigit():
            return int(size.get(qn("w:val"))) / 2
        based = style.find(qn("w:basedOn"))
        style_id = based.get(qn("w:val")) if based is not None else None
    return None


def _applicant_characters(blocks: Blocks) -> Counter[str]:
    """What the verification expects of a section: the visible text of its runs (table cells
    and captions included; markup, figure paths and citation keys are not text)."""
    counts: Counter[str] = Counter()
    for inlines in iter_inlines(blocks):
        counts.update(significant(inline_text(inlines)))
    return counts
