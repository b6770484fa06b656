"""Fixtures for the .docx export tests: a filled proposal, and export-then-read-back."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from docx.document import Document

from planner.export.docx import ExportResult, export_docx
from planner.model.proposal import Applicant, Proposal

Exported = Callable[..., tuple[ExportResult, Document]]


@pytest.fixture
def filled(call) -> Proposal:
    """Topic 1.1 with directions 2 and 4 chosen, some sections written with markup."""
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
            "background": "大模型在视觉任务上表现出 **显著** 的泛化能力，但在 *少量样本* 场景下"
            "仍有不足。\n\n本研究关注：\n\n- 视觉感知与理解\n- 多模态链式推理",
            "objectives": "1. 构建小样本多模态基准\n2. 提出链式推理方法\n3. 在 10B 模型上验证",
            "budget": "设备费 20 万元，差旅费 5 万元。",
        },
    )


@pytest.fixture
def exported(call, tmp_path: Path) -> Exported:
    """export(proposal, **options) -> (result, the written file opened with python-docx)."""

    def run(proposal: Proposal, name: str = "out.docx", **options) -> tuple[ExportResult, Document]:
        result = export_docx(proposal, call, tmp_path / name, **options)
        return result, docx.Document(str(result.target))

    return run
