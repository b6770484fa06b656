"""A rich proposal on disk, as an applicant would hand in: every section written, sub-headings,
lists, a 进度表 and a 经费预算表 with captions, a 技术路线图 and a photo, citations and a
GB/T 7714 reference list. `repeat` grows the text (20 pages at repeat≈7) for the page tests
and the benchmarks."""

from __future__ import annotations

import shutil
from pathlib import Path

import paths
import pictures

from planner.formats.proposal_file import save_proposal
from planner.model.proposal import Applicant, Proposal

PARAGRAPH = (
    "行列混合存储引擎在同一份数据上同时服务事务与分析负载，其访问路径的选择直接决定了查询的"
    "响应时间与系统吞吐。现有优化器依赖人工规则与静态统计信息，难以刻画数据分区、压缩方式"
    "与缓存状态之间的交互，在负载快速变化时常常选错执行计划（HTAP workload drift）。"
)
REFERENCES = [
    {"id": "huang2020", "type": "article-journal", "title": "TiDB: a Raft-based HTAP database",
     "author": [{"family": "Huang", "given": "Dongxu"}, {"family": "Liu", "given": "Qi"}],
     "container-title": "Proceedings of the VLDB Endowment", "issued": {"date-parts": [[2020]]},
     "volume": "13", "issue": "12", "page": "3072-3084"},
    {"id": "wang2021", "type": "article-journal", "title": "学习型查询优化综述",
     "author": [{"family": "王", "given": "芳"}, {"family": "李", "given": "明"}],
     "container-title": "软件学报", "issued": {"date-parts": [[2021]]}, "volume": "32",
     "issue": "3", "page": "1-20"},
    {"id": "marcus2019", "type": "article-journal", "title": "Neo: a learned query optimizer",
     "author": [{"family": "Marcus", "given": "Ryan"}, {"family": "Negi", "given": "Parimarjan"},
                {"family": "Mao", "given": "Hongzi"}, {"family": "Zhang", "given": "Chi"}],
     "container-title": "Proceedings of the VLDB Endowment", "issued": {"date-parts": [[2019]]},
     "volume": "12", "issue": "11", "page": "1705-1718"},
]  # fmt: skip


def _background(repeat: int) -> str:
    lines = [
        "# 研究背景",
        f"{PARAGRAPH}已有工作表明学习型代价模型可显著降低误差[@huang2020; @wang2021]。",
    ]
    lines += [PARAGRAPH] * repeat
    lines += ["## 国内外研究现状", f"{PARAGRAPH}[@marcus2019]", *[PARAGRAPH] * repeat]
    lines += [
        "### 存在的不足",
        "- **代价估计**误差大；",
        "- 负载变化时计划退化；",
        "- 缺少统一模型。",
    ]
    return "\n".join(lines)


def _approach(repeat: int) -> str:
    return "\n".join([
        "# 技术路线",
        PARAGRAPH,
        "![技术路线图](figures/route.png){width=80%}",
        *[PARAGRAPH] * repeat,
        "![原型系统照片](figures/photo.jpg)",
        "# 关键技术",
        "1. 统一代价模型；",
        "2. 在线微调；",
        "3. 原型实现。",
        *[PARAGRAPH] * repeat,
    ])  # fmt: skip


SCHEDULE = """Table: 研究进度安排

| 阶段 | 时间 | 工作内容 |
|------|------|----------|
| 一 | 2025.01–2025.06 | 调研与代价模型设计 |
| 二 | 2025.07–2025.12 | 学习型访问路径选择 |
| 三 | 2026.01–2026.06 | 原型实现与评测 |"""

BUDGET = """Table: 经费预算（万元）

| 科目 | 金额 | 依据 |
|:-----|-----:|------|
| 设备费 | 10 | 服务器 2 台 |
| 劳务费 | 12 | 研究生 3 名 |
| 差旅费 | 3 | 学术会议 |
| 合计 | 25 | |"""


TWENTY_PAGES = 14  # the `repeat` that makes the rich proposal 20 pages long


def rich_proposal(folder: Path, repeat: int = 2, name: str = "rich.proposal.yaml") -> Path:
    """Write the proposal and its figures into `folder`; return the proposal file's path."""
    figures = folder / "figures"
    figures.mkdir(parents=True, exist_ok=True)
    (figures / "route.png").write_bytes(pictures.png(800, 450, (40, 90, 160), dpi=150))
    shutil.copy(paths.DATA / "figures" / "photo.jpg", figures / "photo.jpg")
    body = "\n".join([PARAGRAPH] * max(repeat, 1))
    proposal = Proposal(
        call="call-topics",
        topic="5.1",
        directions=[1, 4],
        own_directions=["面向云原生部署的行列混合存储自适应布局"],
        title="基于学习型代价模型的 HTAP 行列混合查询优化",
        applicant=Applicant(
            "王芳",
            "副教授",
            "华东理工示范大学",
            "计算机科学与技术学院",
            "wangfang@example.edu.cn",
            "021-5555-0100",
        ),
        sections={
            "background": _background(repeat),
            "objectives": "1. 建立统一的代价模型；\n2. 设计访问路径选择方法；\n3. 实现原型。\n"
            + body,
            "approach": _approach(repeat),
            "innovation": f"首次将负载感知的学习型代价模型用于行列混合引擎[@huang2020]。\n{body}",
            "outcomes": f"- 论文 3 篇；\n- 专利 1 项；\n- 原型系统 1 套。\n{body}",
            "schedule": SCHEDULE,
            "team": body,
            "resources": body,
            "budget": BUDGET,
        },
        references=[dict(r) for r in REFERENCES],  # type: ignore[misc]
    )
    path = folder / name
    save_proposal(proposal, path)
    return path
