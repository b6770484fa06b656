"""Hostile proposal and call files: each ends in one message naming the line, never a
traceback, a hang or gigabytes (issue 18, must-have 1), and no value changes on the way in
(issue 16: `topic: 1.10` stays "1.10", `phone: 01234567` keeps its zero)."""

from __future__ import annotations

import os
import textwrap

import pytest
from hostile_inputs import PROPOSAL_HEAD, alias_bomb, deep_lists, string_aliases

from planner.cli.main import main
from planner.errors import CallFileError, ProposalFileError
from planner.formats.call_file import parse_call
from planner.formats.proposal_file import load_proposal, parse_proposal
from planner.formats.text_file import YAML_LIMIT


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def proposal_error(text: str) -> str:
    with pytest.raises(ProposalFileError) as info:
        parse_proposal(text, "p.yaml")
    return str(info.value)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (alias_bomb(), "p.yaml, line 4: an anchor (&l0) is not allowed here"),
        (string_aliases(), "p.yaml, line 5: an anchor (&s) is not allowed here"),
        ("title: &a [*a]\n", "p.yaml, line 1: an anchor (&a) is not allowed here"),
        ("title: *nowhere\n", "p.yaml, line 1: an alias (*nowhere) is not allowed here"),
        (deep_lists(500), "p.yaml, line 4: nested deeper than 32 levels"),
        ("title: !!int abc\n", "p.yaml, line 1: a tag (!!int) is not allowed here"),
        ("title: !!float abc\n", "p.yaml, line 1: a tag (!!float) is not allowed here"),
        ("title: !!bool maybe\n", "p.yaml, line 1: a tag (!!bool) is not allowed here"),
        ("title: !!timestamp abc\n", "p.yaml, line 1: a tag (!!timestamp) is not allowed"),
        ("title: !!python/object:os.system x\n", "p.yaml, line 1: a tag (!!python/object"),
        ("x: 1\n---\ny: 2\n", "p.yaml, line 2: more than one YAML document"),
        ("? [a, b]\n: c\n", "p.yaml, line 1: a key must be plain text"),
    ],
)
def test_refused_features_name_the_line(text, message):
    assert proposal_error(text).startswith(message)


def test_a_huge_number_is_a_problem_not_a_traceback():
    _, problems = parse_proposal(PROPOSAL_HEAD.replace("schema: 1", "schema: " + "9" * 5000))
    assert [p.field for p in problems] == ["schema"]
    assert problems[0].message.startswith("schema '99999999999999999999999999999999999999")
    assert len(problems[0].message) < 120  # a short excerpt, not 5,000 digits


def test_every_scalar_stays_the_text_written():
    text = PROPOSAL_HEAD.replace("'1.1'", "1.10") + textwrap.dedent(
        """\
        directions: [1, 3]
        title: no
        applicant:
          phone: 01234567
          name: 0x1F
        sections:
          background: 2026-01-01
        """
    )
    proposal, problems = parse_proposal(text)
    assert problems == []
    assert proposal.topic == "1.10"
    assert proposal.applicant.phone == "01234567"
    assert proposal.applicant.name == "0x1F"
    assert proposal.title == "no"
    assert proposal.sections["background"] == "2026-01-01"
    assert proposal.directions == [1, 3]


@pytest.mark.parametrize(
    ("item", "message"),
    [
        ("true", "expected a direction number, found true/false 'true'"),
        ("1.5", "expected a direction number, found a number '1.5'"),
        ("'2'", None),  # a quoted number is still the number the user meant
        ("9" * 5000, "expected a direction number, found a number '9999999999"),
        ("[1]", "expected a direction number, found a list"),
    ],
)
def test_directions_are_converted_explicitly(item, message):
    proposal, problems = parse_proposal(PROPOSAL_HEAD + f"directions: [{item}]\n")
    if message is None:
        assert problems == [] and proposal.directions == [2]
    else:
        assert [p.message[: len(message)] for p in problems] == [message]
        assert proposal.directions == []


def test_topic_1_10_written_unquoted_is_topic_1_10(call, tmp_path):
    path = tmp_path / "p.proposal.yaml"
    path.write_text(PROPOSAL_HEAD.replace("'1.1'", "1.10"), "utf-8")
    proposal, _ = load_proposal(path)
    assert proposal.topic == "1.10"  # PyYAML's safe_load read it as 1.1, another topic
    assert call.topic("1.10").title != call.topic("1.1").title


CALL = textwrap.dedent(
    """\
    id: c
    title: A call
    form:
      - key: summary
        title: Summary
        limit: LIMIT
    areas:
      - id: 1
        title: Area
        topics:
          - id: 1.10
            title: Topic
            directions: [a]
    """
)


def call_error(text: str) -> str:
    with pytest.raises(CallFileError) as info:
        parse_call(text, "c.yaml")
    return str(info.value)


def test_call_ids_stay_as_written_and_limits_are_whole_numbers():
    call = parse_call(CALL.replace("LIMIT", "800"))
    assert [t.id for t in call.topics()] == ["1.10"]
    assert call.form[0].limit == 800
    assert parse_call(CALL.replace("LIMIT", "null")).form[0].limit is None


@pytest.mark.parametrize(
    ("limit", "message"),
    [
        ("true", "line 6, field 'form[0].limit': expected a whole number, found true/false"),
        ("1.5", "line 6, field 'form[0].limit': expected a whole number, found '1.5'"),
        ("9" * 5000, "line 6, field 'form[0].limit': expected a whole number, found '99999"),
        ("!!int abc", "line 6: a tag (!!int) is not allowed here"),
    ],
)
def test_call_limits_are_checked(limit, message):
    assert call_error(CALL.replace("LIMIT", limit)).startswith(f"c.yaml, {message}")


def test_huge_call_schema_is_one_message(capsys, tmp_path):
    path = tmp_path / "c.yaml"
    path.write_text("schema: " + "7" * 5000 + "\n" + CALL.replace("LIMIT", "5"), "utf-8")
    code, out, err = run(capsys, "topics", "--call", str(path))
    assert (code, out) == (2, "")
    assert err.startswith(f"planner: {path}, line 1, field 'schema': expected a whole number")
    assert err.count("\n") == 1 and len(err) < 300


@pytest.mark.parametrize(
    "text",
    [alias_bomb(), "&a [*a]\n", deep_lists(5000), "x: !!timestamp abc\n", "x: !!bool maybe\n"],
)
def test_hostile_call_files_are_one_line(capsys, tmp_path, text):
    path = tmp_path / "c.yaml"
    path.write_text(text, "utf-8")
    code, out, err = run(capsys, "topics", "--call", str(path))
    assert (code, out) == (2, "")
    assert err.startswith(f"planner: {path}, line ") and err.count("\n") == 1


@pytest.mark.parametrize(
    "text", [alias_bomb(), string_aliases(), "title: &a [*a]\n", deep_lists(), "x: !!int abc\n"]
)
def test_validate_reports_hostile_proposals_in_one_line(capsys, tmp_path, text):
    path = tmp_path / "p.proposal.yaml"
    path.write_text(text, "utf-8")
    code, out, err = run(capsys, "validate", str(path))
    assert (code, out) == (1, "")
    assert err.startswith(f"planner: {path}, line ") and err.count("\n") == 1


def test_devices_fifos_and_folders_are_not_read(capsys, tmp_path):
    fifo = tmp_path / "fifo.proposal.yaml"
    os.mkfifo(fifo)  # opening it for reading would wait for a writer forever
    for path, kind in (
        ("/dev/zero", "a device, pipe or socket"),
        (fifo, "a device"),
        (tmp_path, "a folder"),
    ):
        code, _, err = run(capsys, "validate", str(path))
        assert code == 1
        assert err.startswith(f"planner: {path}: not a regular file ({kind}")
        code, _, err = run(capsys, "topics", "--call", str(path))
        assert code == 2 and "not a regular file" in err
    code, _, err = run(capsys, "match", "--file", "/dev/zero")
    assert code == 2 and "not a regular file" in err


def test_a_file_over_the_cap_is_refused_with_the_limit(capsys, tmp_path):
    path = tmp_path / "big.proposal.yaml"
    path.write_bytes(PROPOSAL_HEAD.encode() + b"title: '" + b"x" * YAML_LIMIT + b"'\n")
    code, _, err = run(capsys, "validate", str(path))
    assert code == 1
    assert err == f"planner: {path}: the file is too large (4.0 MB; at most 4 MB is read)\n"
