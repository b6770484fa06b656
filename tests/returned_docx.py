"""What a returned .docx looks like: our export, then edited the way Word saves a user's typing.

The edits work on the XML as Word writes it: typing over a content control's placeholder
drops `w:showingPlcHdr` and the Placeholder Text style and leaves body text; a paragraph added
below a control lands outside it; a deleted paragraph is gone; an inserted table is a `w:tbl`."""

from __future__ import annotations

import copy
from pathlib import Path

import docx
from docx.document import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from planner.export.docx import export_docx
from planner.model.call import Call
from planner.model.proposal import Applicant, Proposal

RICH_BACKGROUND = """\
大模型在视觉任务上表现出 **显著** 的泛化能力，但在 *少量样本* 场景下仍有不足，H~2~O 与 x^2^ 为例。
本研究关注两个问题。
# 国内外研究现状
- 视觉感知与理解
- 多模态链式推理
    1. 思维链提示
    2. 推理校验
## 小结
现有方法依赖大量标注。

Table: 研究进度

| 阶段 | 内容 | 经费（万元） |
| --- | :-: | --: |
| 2025 | 调研 | 5 |
| 2026 | **实现** | 20 |

![技术路线图](figures/photo.jpg){width=60%}
"""


def rich_proposal(call: Call) -> Proposal:
    return Proposal(
        call=call.id,
        topic="1.1",
        directions=[2, 4],
        own_directions=["面向医学影像的小样本多模态推理"],
        title="面向少量样本的多模态大模型视觉推理研究",
        applicant=Applicant(
            "张三", "副教授", "某某大学", "计算机学院", "zhangsan@example.edu.cn", "010-12345678"
        ),
        sections={
            "background": RICH_BACKGROUND,
            "objectives": "1. 构建小样本多模态基准\n2. 提出链式推理方法\n3. 在 10B 模型上验证",
            "budget": "设备费 20 万元，差旅费 5 万元。",
        },
    )


def export(proposal: Proposal, call: Call, folder: Path, name: str = "returned.docx") -> Path:
    target = folder / name
    export_docx(proposal, call, target, base=folder)
    return target


def control(doc: Document, tag: str):
    """The block content control tagged `tag`."""
    for sdt in doc.element.body.iter(qn("w:sdt")):
        found = sdt.find(f"{qn('w:sdtPr')}/{qn('w:tag')}")
        if found is not None and found.get(qn("w:val")) == tag:
            return sdt
    raise AssertionError(f"no content control {tag}")


def text_paragraph(sdt):
    """The control's first paragraph with text (the first one is the exporter's hidden,
    empty anchor paragraph)."""
    return next(p for p in sdt.iter(qn("w:p")) if p.find(f"{qn('w:r')}/{qn('w:t')}") is not None)


def type_into(doc: Document, tag: str, *paragraphs: str) -> None:
    """What Word saves after the user clicks an empty section and types lines."""
    sdt = control(doc, tag)
    props = sdt.find(qn("w:sdtPr"))
    shows = props.find(qn("w:showingPlcHdr"))
    assert shows is not None, "the empty section shows its placeholder"
    props.remove(shows)
    content = sdt.find(qn("w:sdtContent"))
    template = text_paragraph(sdt)  # the placeholder's paragraph: its style is kept
    for child in list(content):
        content.remove(child)
    for text in paragraphs:
        p = copy.deepcopy(template)
        for r in p.findall(qn("w:r")):
            p.remove(r)
        r = OxmlElement("w:r")
        t = OxmlElement("w:t")
        t.text = text
        r.append(t)
        p.append(r)
        content.append(p)


def paragraph_after(element, text: str, style: str | None = "BodyText"):
    """A paragraph typed right after `element` (outside a control when it is one)."""
    p = OxmlElement("w:p")
    if style:
        ppr = OxmlElement("w:pPr")
        ps = OxmlElement("w:pStyle")
        ps.set(qn("w:val"), style)
        ppr.append(ps)
        p.append(ppr)
    r = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = text
    r.append(t)
    p.append(r)
    element.addnext(p)
    return p


def table_after(doc: Document, element, rows: list[list[str]]):
    """A table inserted with Word's Insert → Table after `element`, filled in."""
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    for row, texts in zip(table.rows, rows, strict=True):
        for cell, text in zip(row.cells, texts, strict=True):
            cell.paragraphs[0].add_run(text)
    element.addnext(table._tbl)
    return table._tbl


def reopen(path: Path) -> Document:
    return docx.Document(str(path))
