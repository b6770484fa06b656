"""The *.proposal.yaml format: exact round-trips, readable Chinese, atomic saves with a backup."""

from __future__ import annotations

import textwrap

import pytest
from paths import DATA

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


def top_keys(text: str) -> list[str]:
    return [line.split(":")[0] for line in text.splitlines() if line and not line[0].isspace()
            and not line.startswith("-")]  # fmt: skip


def test_file_has_exactly_the_documented_keys_and_readable_chinese(tmp_path):
    text = dump_proposal(sample())
    # `references` is optional: a proposal without any is written as before it existed
    assert top_keys(text) == [k for k in KEYS if k != "references"]
    with_refs = sample()
    with_refs.references = [{"id": "a", "title": "题名"}]
    assert top_keys(dump_proposal(with_refs)) == list(KEYS)
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
                       "own_directions, title, applicant, sections, status, references)"),
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


def test_an_existing_file_saves_byte_for_byte_when_nothing_changed(tmp_path):
    target = tmp_path / "sample.proposal.yaml"
    original = (DATA / "sample.proposal.yaml").read_bytes()
    target.write_bytes(original)
    proposal, problems = load_proposal(target)
    assert problems == [] and proposal.references == []
    save_proposal(proposal, target)
    assert target.read_bytes() == original


REFERENCES = [
    {"id": "kanamori1998", "type": "article-journal", "title": "Shaking without quaking",
     "author": [{"family": "Kanamori", "given": "H."}], "container-title": "Science",
     "issued": {"date-parts": [[1998]]}, "volume": "279", "issue": "5359", "page": "2063"},
    {"id": "张三2020", "type": "book", "title": "行列混合存储: 原理与实践",
     "author": [{"family": "张", "given": "三"}, {"literal": "李四"}],
     "publisher-place": "北京", "publisher": "科学出版社", "issued": {"date-parts": [[2020, 5]]},
     "URL": "https://example.org/book?id=1&x=2", "accessed": {"date-parts": [[2021, 3, 9]]}},
]  # fmt: skip


def test_references_round_trip_byte_for_byte(tmp_path):
    p = sample()
    p.references = [dict(r) for r in REFERENCES]  # type: ignore[misc]
    target = tmp_path / "r.proposal.yaml"
    save_proposal(p, target)
    first = target.read_bytes()
    loaded, problems = load_proposal(target)
    assert problems == []
    assert loaded.references == REFERENCES
    save_proposal(loaded, target)
    assert target.read_bytes() == first
    text = first.decode("utf-8")
    assert "status: review\nreferences:\n- id: kanamori1998\n  type: article-journal\n" in text
    assert "行列混合存储: 原理与实践" in text  # readable, not \u escapes


def test_bad_references_are_reported_with_their_lines_and_the_rest_kept():
    text = textwrap.dedent(
        """\
        schema: 1
        status: draft
        references:
        - id: good
          title: 好
        - id: bad
          title: [not, text]
          volume: [1, 2]
          colour: red
        - just text
        """
    )
    proposal, problems = parse_proposal(text, "p.proposal.yaml")
    assert [(p.line, p.field, p.message, p.code) for p in problems] == [
        (7, "references[2].title", "expected text, found a list", "reference_expected_text"),
        (8, "references[2].volume", "expected a number or text, found a list",
         "reference_expected_number"),
        (9, "references[2].colour", problems[2].message, "unknown_reference_field"),
        (10, "references[3]", "expected a reference (a mapping with id, type, title, …), found "
         "text", "expected_reference_mapping"),
    ]  # fmt: skip
    assert problems[2].message.startswith("unknown field 'colour' (known: id, type,")
    assert problems[0].params == {"index": 2, "id": "bad", "found": "a list"}
    assert proposal.references == [{"id": "good", "title": "好"}, {"id": "bad"}]
    assert parse_proposal("references:\n", "p")[1] == []  # an empty key is no references
    _p, problems = parse_proposal("references: {id: a}\n", "p")
    assert [(p.field, p.message) for p in problems] == [
        ("references", "expected a list of references, found a mapping")
    ]
