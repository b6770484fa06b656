"""The whole proposal document in reading order, as data both writers draw (no Qt, no docx).

    doc = assemble(proposal, call, base=path.parent)
    for part in doc.parts: ...   # TitleBlock, ApplicantTable, PartHeading, Labelled, …

Title block, applicant table, topic with its directions, each form section under its
numbered heading (一、申报课题… then 二、… for the form), and 参考文献 when anything is cited:
the same order and the same wording as the .docx builder (planner/export/builder.py), so
the page preview, the PDF and the Word document show one document. Sub-headings inside a
section are numbered here (（一） / 1. / （1）) and citations numbered in order of first use.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from planner.document.blocks import (
    Blocks,
    Figure,
    Heading,
    ListBlock,
    ListItem,
    Paragraph,
    ReferenceList,
    Span,
    Table,
)
from planner.document.markdown import parse_section
from planner.document.numerals import heading_labels, to_chinese
from planner.model.call import Call, FormSection, Topic
from planner.model.proposal import APPLICANT_FIELDS, Proposal
from planner.references.bibliography import reference_list
from planner.references.citations import document_citation_keys

APPLICANT_LABELS: Mapping[str, str] = {
    "name": "姓　　名",
    "title": "职　　称",
    "institution": "所在单位",
    "department": "院系/部门",
    "email": "电子邮箱",
    "phone": "联系电话",
}
TITLE_PLACEHOLDER = "（项目名称）"
REFERENCES_TITLE = "参考文献"


@dataclass(frozen=True)
class TitleBlock:
    call_title: str
    title: str  # the proposal's; empty: the writer shows TITLE_PLACEHOLDER in grey


@dataclass(frozen=True)
class ApplicantTable:
    cells: tuple[tuple[str, str], ...]  # (label, value) in reading order, two pairs a row


@dataclass(frozen=True)
class PartHeading:
    text: str  # with its number: "二、研究背景与意义"
    level: int  # 1: a part of the document; 2: a heading inside the topic part
    key: str = ""  # the form section's key (empty for the topic part and the references)


@dataclass(frozen=True)
class Labelled:
    label: str  # bold: "研究领域："
    text: str


@dataclass(frozen=True)
class Placeholder:
    text: str  # grey italic guidance for the applicant to replace


@dataclass(frozen=True)
class Content:
    """Blocks of the document model: the applicant's text (`own` False) or ours."""

    blocks: Blocks
    own: bool = False
    key: str = ""  # the form section they belong to


Part = TitleBlock | ApplicantTable | PartHeading | Labelled | Placeholder | Content


@dataclass(frozen=True)
class AssembledProposal:
    title: str  # for the file's metadata
    author: str
    header: str  # the running header: the topic line
    parts: tuple[Part, ...]
    citation_numbers: Mapping[str, int] = field(default_factory=dict)  # key → its [n]
    base: Path | None = None  # figure paths are relative to the proposal file's folder

    def section_keys(self) -> list[str]:
        return [p.key for p in self.parts if isinstance(p, PartHeading) and p.key]


SectionParser = Callable[[str], Blocks]
ReferenceFormatter = Callable[[Proposal, list[str]], ReferenceList]


@lru_cache(maxsize=64)
def parse_cached(text: str) -> Blocks:
    """parse_section, remembered: the page preview assembles the document again after each
    pause in typing, and only the section typed in has changed (blocks are immutable)."""
    return parse_section(text)


def gbt7714_references(proposal: Proposal, cited: list[str]) -> ReferenceList:
    """The cited works in order of first citation, formatted in GB/T 7714-2015."""
    return reference_list(getattr(proposal, "references", None) or [], cited)


def topic_line(proposal: Proposal, call: Call) -> str:
    if proposal.topic and call.has_topic(proposal.topic):
        topic = call.topic(proposal.topic)
        return f"{topic.id}　{topic.title}"
    return call.display_name


def form_sections(proposal: Proposal, call: Call) -> list[FormSection]:
    """The call's form, then text under keys the form lacks (still the applicant's)."""
    sections = list(call.form)
    known = {s.key for s in sections}
    sections += [FormSection(k, k, "", None, False) for k in proposal.sections if k not in known]
    return sections


def section_guidance(section: FormSection) -> str:
    text = section.guidance or f"请在此填写{section.title}。"
    if section.limit:
        text += f"（不超过{section.limit}字）"
    if not section.required:
        text += "（选填）"
    return text


def assemble(
    proposal: Proposal,
    call: Call,
    *,
    base: Path | None = None,
    parse: SectionParser = parse_cached,
    references: ReferenceFormatter = gbt7714_references,
) -> AssembledProposal:
    """The document for `proposal`. Raises UnknownTopicError for a topic the call lacks, as
    the .docx export does."""
    topic = call.topic(proposal.topic) if proposal.topic else None
    parts: list[Part] = [TitleBlock(call.display_name, proposal.title)]  # the programme first
    values = proposal.applicant.as_dict()
    parts.append(ApplicantTable(tuple((APPLICANT_LABELS[k], values[k]) for k in APPLICANT_FIELDS)))
    parts += _topic_part(proposal, call, topic)
    written: list[Blocks] = []
    for number, section in enumerate(form_sections(proposal, call), start=2):
        parts.append(PartHeading(f"{to_chinese(number)}、{section.title}", 1, section.key))
        blocks = number_sub_headings(parse(proposal.sections.get(section.key, "")))
        if blocks:
            written.append(blocks)
            parts.append(Content(blocks, own=True, key=section.key))
        else:
            parts.append(Placeholder(section_guidance(section)))
    # citations are numbered in order of first use through the whole document; a key with
    # no reference gets no number (its marker shows [?], validation names it)
    listed = references(proposal, document_citation_keys(written))
    if listed.entries:
        parts.append(PartHeading(REFERENCES_TITLE, 1))
        parts.append(Content((listed,)))
    return AssembledProposal(
        title=proposal.title,
        author=proposal.applicant.name,
        header=topic_line(proposal, call),
        parts=tuple(parts),
        citation_numbers={e.key: e.number for e in listed.entries},
        base=base,
    )


def _topic_part(proposal: Proposal, call: Call, topic: Topic | None) -> list[Part]:
    parts: list[Part] = [PartHeading("一、申报课题与研究方向", 1)]
    if topic is None:
        return [*parts, Placeholder("（尚未选择课题：请在申报主题中选择一个课题。）")]
    area = call.area_of(topic)
    parts.append(Labelled("研究领域：", f"{area.id}　{area.title}"))
    parts.append(Labelled("申报课题：", f"{topic.id}　{topic.title}"))
    parts.append(PartHeading("所选建议研究方向", 2))
    if not topic.directions:
        parts.append(Content((Paragraph((Span("本课题未列出建议研究方向。"),)),)))
    elif not proposal.directions:
        parts.append(
            Placeholder(
                f"（尚未选择：本课题列有 {len(topic.directions)} 个建议研究方向，"
                "请选择，或在下面填写自拟研究方向。）"
            )
        )
    for number in proposal.directions:
        direction = topic.direction(number)
        parts.append(
            Labelled(
                f"方向 {number}：",
                direction.text if direction else "（本课题没有这一建议研究方向）",
            )
        )
    parts.append(PartHeading("自拟研究方向", 2))
    own = [t for t in proposal.own_directions if t.strip()]
    if own:
        parts.append(Content((_bullets(own),), own=True))
    else:
        hint = "本课题未列出建议研究方向，请在此填写拟开展的研究方向。"
        if topic.directions:
            hint = "（选填）如有自拟研究方向，请在此填写。"
        parts.append(Placeholder(f"{hint}{call.note}"))
    if topic.resources:
        parts.append(PartHeading("课题组可提供的资源", 2))
        parts.append(Content((_bullets(list(topic.resources)),)))
    return parts


def _bullets(texts: list[str]) -> ListBlock:
    return ListBlock(False, tuple(ListItem((Paragraph((Span(t),)),)) for t in texts))


def number_sub_headings(blocks: Blocks) -> Blocks:
    """Each Heading's runs prefixed with its number (heading_labels)."""
    labels = iter(heading_labels([b.level for b in blocks if isinstance(b, Heading)]))
    out = []
    for block in blocks:
        if isinstance(block, Heading):
            label = next(labels)
            gap = "" if label.endswith("）") else " "
            block = Heading(block.level, (Span(label + gap), *block.inlines))
        out.append(block)
    return tuple(out)


def caption_counts(blocks: Blocks) -> tuple[int, int]:
    """The tables and figures of a section (list items included): how far its 表 N / 图 N
    move the numbers of the sections after it."""
    tables = figures = 0
    for block in blocks:
        if isinstance(block, Table):
            tables += 1
        elif isinstance(block, Figure):
            figures += 1
        elif isinstance(block, ListBlock):
            for item in block.items:
                t, f = caption_counts(item.blocks)
                tables, figures = tables + t, figures + f
    return tables, figures


def caption_starts(sections: Sequence[Blocks]) -> list[tuple[int, int]]:
    """For each section in document order, the tables and figures before it: tables and
    figures are numbered through the whole document (表 1, 表 2… across sections)."""
    starts = []
    tables = figures = 0
    for blocks in sections:
        starts.append((tables, figures))
        t, f = caption_counts(blocks)
        tables, figures = tables + t, figures + f
    return starts
