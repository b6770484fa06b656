"""The *.proposal.yaml format: exact round-trips, readable Chinese, atomic saves with a backup."""

from __future__ import annotations

import textwrap

import pytest

from planner.errors import FileWriteError, ProposalFileError
from planner.formats.proposal_file import (
    KEYS,
    dump_proposal,
    load_proposal,
    parse_proposal,
    save_proposal,
)
from planner.model.proposal import Applicant, Proposal


def sample() -> Proposal:
    return Proposal(
        call="call-topics",
        topic="5.1",
        directions=[1, 3],
        own_directions=["面向云原生的 HTAP 资源隔离"],
        title="行列混合引擎的查询优化",
        applicant=Applicant(
            "张三", "教授", "某某大学", "计算机学院", "zhang@example.edu", "010-1234"
        ),
        sections={"background": "第一段。\n\n第二段：**重点**\n- 一\n- 二\n", "budget": "10 万元"},
        status="review",
    )


def test_round_trip_is_exact(tmp_path):
    path = tmp_path / "a.proposal.yaml"
    save_proposal(sample(), path)
    loaded, problems = load_proposal(path)
    assert problems == []
    assert loaded == sample()
    save_proposal(loaded, path)
    assert path.read_text(encoding="utf-8") == dump_proposal(sample())


def test_file_has_exactly_the_documented_keys_and_readable_chinese(tmp_path):
    text = dump_proposal(sample())
    assert [line.split(":")[0] for line in text.splitlines() if line and not line[0].isspace()
            and not line.startswith("-")] == list(KEYS)  # fmt: skip
    assert "行列混合引擎的查询优化" in text
    assert "\\u" not in text
    assert "background: |" in text  # multi-line text stays a readable block


def test_tricky_text_round_trips():
    p = sample()
    p.sections["approach"] = "trailing space \nline\twith tab\n\n  indented\n"
    p.title = "yes"  # would be a bool if written unquoted
    p.own_directions = ["1.5", "- dash", "#hash", ""]
    again, problems = parse_proposal(dump_proposal(p))
    assert problems == []
    assert again == p


def test_save_keeps_the_previous_version_as_backup(tmp_path):
    path = tmp_path / "a.proposal.yaml"
    first = sample()
    save_proposal(first, path)
    second = sample()
    second.title = "新标题"
    save_proposal(second, path)
    assert load_proposal(path)[0].title == "新标题"
    assert load_proposal(tmp_path / "a.proposal.yaml.bak")[0].title == first.title
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_failed_save_leaves_the_old_file_untouched(tmp_path):
    target = tmp_path / "a.proposal.yaml"
    save_proposal(sample(), target)
    before = target.read_bytes()
    with pytest.raises(FileWriteError, match=r"cannot write .*missing"):
        save_proposal(sample(), tmp_path / "missing" / "b.proposal.yaml")
    with pytest.raises(FileWriteError, match="Not a directory"):
        save_proposal(sample(), target / "c.proposal.yaml")  # the parent is a file
    directory = tmp_path / "dir.proposal.yaml"
    directory.mkdir()
    with pytest.raises(FileWriteError, match="Is a directory"):
        save_proposal(sample(), directory)
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.proposal.yaml", "dir.proposal.yaml"]


def test_every_type_problem_is_reported_at_once_with_lines():
    text = textwrap.dedent(
        """\
        schema: 1
        call: call-topics
        topic: "5.1"
        directions: [1, "two", 3]
        own_directions: "not a list"
        title: [a, b]
        applicant:
          name: 张三
          nickname: 小张
        sections:
          background: {x: 1}
        status: finished
        colour: blue
        """
    )
    proposal, problems = parse_proposal(text, "p.proposal.yaml")
    found = [(p.line, p.field, p.message) for p in problems]
    assert found == [
        (13, "colour", "unknown key 'colour' (a proposal has: schema, call, topic, directions, "
                       "own_directions, title, applicant, sections, status)"),
        (6, "title", "expected text, found a list"),
        (4, "directions[2]", "expected a direction number, found text 'two'"),
        (5, "own_directions", "expected a list of text, found text"),
        (9, "applicant.nickname", "unknown applicant field 'nickname' (known: name, title, "
                                  "institution, department, email, phone)"),
        (11, "sections.background", "expected text, found a mapping"),
        (12, "status", "status 'finished' is not one of draft, review, ready, submitted"),
    ]  # fmt: skip
    # what could be read is kept, so nothing the user wrote is lost from view
    assert proposal.directions == [1, 3]
    assert proposal.applicant.name == "张三"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "p.yaml: the file is empty, not a proposal"),
        ("- a\n- b\n", "p.yaml, line 1: not a proposal: the file must be a mapping"),
        ("title: [oops\n", "p.yaml, line 2: YAML syntax error"),
        # PyYAML alone keeps the second and drops the first text without a word
        (
            "sections:\n  background: 第一段\n  budget: x\n  background: 第二\n",
            "p.yaml, line 4: YAML syntax error: duplicate key 'background' (first on line 2)",
        ),
    ],
)
def test_unreadable_proposals(text, message):
    with pytest.raises(ProposalFileError) as info:
        parse_proposal(text, "p.yaml")
    assert str(info.value).startswith(message)


def test_binary_file(tmp_path):
    path = tmp_path / "b.proposal.yaml"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\xff")
    with pytest.raises(ProposalFileError, match="not UTF-8 text"):
        load_proposal(path)
