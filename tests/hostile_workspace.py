"""A workspace of good and hostile proposal files, shared by the batch, summary, CLI and UI tests.

Also a fake exporter: a module-level function, so worker processes can import it by name.
"""

from __future__ import annotations

from pathlib import Path

from planner.errors import PlannerError
from planner.formats.proposal_file import dump_proposal
from planner.model.proposal import Applicant, Proposal
from planner.storage.atomic_write import write_atomic


def _proposal(
    topic: str,
    directions: list[int],
    title: str,
    name: str,
    institution: str,
    email: str = "",
    **sections: str,
) -> str:
    p = Proposal(
        call="call-topics",
        topic=topic,
        directions=directions,
        title=title,
        applicant=Applicant(name=name, institution=institution, email=email),
        sections={"background": "研究背景。", **sections},
    )
    return dump_proposal(p)


# name → text of a valid proposal (some with hostile titles that must become safe file names)
GOOD: dict[str, str] = {
    "alice.proposal.yaml": _proposal(
        "1.1", [1, 3], "少样本多模态学习", "张三", "清华大学", "zhang@example.cn"
    ),
    "group/nested/bob.proposal.yaml": _proposal(
        "1.2", [2], "垂类大模型", "李四", "北京大学", "li@example.cn"
    ),
    # same name + institution as alice: a duplicate applicant
    "carol.proposal.yaml": _proposal("2.1", [1], "侧信道分析", "张三", "清华大学", "z3@example.cn"),
    # same e-mail as bob: a duplicate applicant
    "dave.proposal.yaml": _proposal("1.2", [1], "另一个题目", "王五", "复旦大学", "LI@example.cn"),
    "passwd.proposal.yaml": _proposal("1.3", [1], "../../etc/passwd", "赵六", "浙江大学"),
    "con.proposal.yaml": _proposal("1.4", [2], "CON", "钱七", "南京大学"),
    "long.proposal.yaml": _proposal("1.5", [1], "长" * 300, "孙八", "武汉大学"),
    "control.proposal.yaml": _proposal(
        "1.6", [1], "标题\x07带\x1b[31m控制\x00字符", "周九", "中山大学"
    ),
}

# name → (bytes of the file, what the report must say about it)
BAD: dict[str, tuple[bytes, str]] = {
    "syntax.proposal.yaml": (
        b"schema: 1\ncall: call-topics\ntopic: '1.1'\ntitle: [unclosed\nstatus: draft\n",
        "YAML syntax error",
    ),
    "unknown-topic.proposal.yaml": (
        _proposal("9.9", [1], "未知主题", "吴十", "厦门大学").encode(),
        "unknown topic '9.9'",
    ),
    "direction-0.proposal.yaml": (
        _proposal("1.1", [0], "方向零", "郑一", "四川大学").encode(),
        "direction 0 is out of range",
    ),
    "direction-99.proposal.yaml": (
        _proposal("1.1", [99], "方向九十九", "冯二", "山东大学").encode(),
        "direction 99 is out of range",
    ),
    "empty.proposal.yaml": (b"", "the file is empty"),
    "binary.proposal.yaml": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe\x00\x01", "not UTF-8"),
    "list.proposal.yaml": (b"- topic: '1.1'\n- title: x\n", "must be a mapping"),
    "types.proposal.yaml": (
        b"schema: 1\ncall: call-topics\ntopic: '1.1'\ndirections: one\ntitle: t\n",
        "expected a list of direction numbers",
    ),
}


def make_workspace(root: Path) -> Path:
    for name, text in GOOD.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    for name, (data, _message) in BAD.items():
        (root / name).write_bytes(data)
    (root / "notes.txt").write_text("not a proposal", encoding="utf-8")
    return root


def fake_export(
    proposal: Proposal,
    call,
    target: Path,
    *,
    template: Path | None = None,
    base: Path | None = None,
) -> None:
    """Stands in for export_docx: a small file naming the proposal, written atomically."""
    if "FAIL" in proposal.title:
        raise PlannerError(f"cannot export {target.name}: the template is broken")
    text = f"fake docx\n{proposal.topic}\n{proposal.title}"
    if template is not None:
        text += f"\ntemplate: {template.name}"
    write_atomic(target, text.encode(), keep_backup=False)


def slow_export(
    proposal: Proposal,
    call,
    target: Path,
    *,
    template: Path | None = None,
    base: Path | None = None,
) -> None:
    """A fake exporter slow enough for a test to cancel in the middle of a batch."""
    import time

    time.sleep(0.05)
    fake_export(proposal, call, target, template=template)
