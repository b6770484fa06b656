"""The proposal form a call gets when its file does not define one."""

from __future__ import annotations

from planner.model.call import FormSection

DEFAULT_FORM: tuple[FormSection, ...] = (
    FormSection(
        "background",
        "研究背景与意义",
        "说明研究问题的来源、国内外研究现状与不足，以及本研究的科学意义和应用价值。",
        3000,
    ),
    FormSection(
        "objectives",
        "研究目标与研究内容",
        "列出拟达到的研究目标，以及围绕所选研究方向开展的主要研究内容。",
        3000,
    ),
    FormSection(
        "approach",
        "研究方案与技术路线",
        "描述拟采用的研究方法、技术路线、关键技术难点及解决思路，以及可行性分析。",
        5000,
    ),
    FormSection("innovation", "创新点", "概括本研究在理论、方法或应用上的创新之处。", 1000),
    FormSection(
        "outcomes",
        "预期成果与考核指标",
        "列出可考核的成果：论文、专利、软件、数据集、原型系统及其指标。",
        1500,
    ),
    FormSection("schedule", "研究计划与进度安排", "按季度或阶段列出工作内容与里程碑。", 1000),
    FormSection(
        "team",
        "研究基础与团队",
        "介绍负责人和团队成员的相关研究基础、已有成果与分工。",
        2000,
    ),
    FormSection(
        "resources",
        "所需资源与合作方式",
        "说明需要课题组提供的数据、算力、平台等资源，以及人员交流、实习等合作方式。",
        1000,
    ),
    FormSection("budget", "经费预算", "按科目列出经费预算及其依据。", None),
)
