"""The call loader: every kind of broken file gets one message naming file, line and field."""

from __future__ import annotations

import textwrap

import pytest

from planner.errors import CallFileError, UnknownTopicError
from planner.formats.call_file import dump_call, load_call, parse_call

GOOD = textwrap.dedent(
    """\
    id: test-call
    title: Test call
    note: Topics are not limited to the suggested directions.
    form:
      - key: summary
        title: Summary
        guidance: Say it short.
        limit: 10
      - key: budget
        title: Budget
    areas:
      - id: "1"
        title: Databases
        topics:
          - id: "1.1"
            title: HTAP
            background: Mixed workloads.
            directions: [Row-column storage, Benchmarks]
          - id: "1.2"
            title: Open topic
            background: Anything.
    """
)


def error_of(text: str) -> CallFileError:
    with pytest.raises(CallFileError) as info:
        parse_call(text, "my-call.yaml")
    return info.value


def test_good_call_loads_in_order():
    call = parse_call(GOOD, "my-call.yaml")
    assert call.id == "test-call"
    assert [t.id for t in call.topics()] == ["1.1", "1.2"]
    assert call.topic("1.1").direction(2).text == "Benchmarks"
    assert call.topic("1.1").direction(3) is None
    assert call.area_of(call.topic("1.2")).title == "Databases"
    assert [(s.key, s.limit) for s in call.form] == [("summary", 10), ("budget", None)]


def test_unknown_topic_names_topic_and_call():
    call = parse_call(GOOD)
    with pytest.raises(UnknownTopicError, match=r"topic 9\.9 is not in call 'test-call'"):
        call.topic("9.9")


def test_default_form_when_none_given():
    text = GOOD.split("form:")[0] + "areas:" + GOOD.split("areas:")[1]
    keys = [s.key for s in parse_call(text).form]
    assert keys == [
        "background", "objectives", "approach", "innovation", "outcomes",
        "schedule", "team", "resources", "budget",
    ]  # fmt: skip


def test_yaml_syntax_error_names_file_and_line():
    err = error_of(GOOD.replace("title: HTAP", "title: [HTAP"))
    # the unclosed "[" on line 16 is noticed where the next key starts
    assert str(err) == "my-call.yaml, line 17: YAML syntax error: expected ',' or ']', but got ':'"


def test_missing_field_names_line_and_field():
    err = error_of(GOOD.replace("        title: HTAP\n", ""))
    assert str(err) == "my-call.yaml, line 15, field 'areas[0].topics[0]': missing field 'title'"


def test_duplicate_topic_id():
    err = error_of(GOOD.replace('id: "1.2"', 'id: "1.1"'))
    assert err.line == 19
    assert "duplicate topic id '1.1' (first on line 15)" in str(err)


def test_a_field_given_twice():
    err = error_of(
        GOOD.replace(
            "        background: Anything.\n",
            "        background: Anything.\n        title: Again\n",
        )
    )
    assert str(err) == (
        "my-call.yaml, line 22: YAML syntax error: duplicate key 'title' (first on line 20)"
    )


def test_wrong_type():
    err = error_of(GOOD.replace("directions: [Row-column storage, Benchmarks]", "directions: 3"))
    assert str(err) == (
        "my-call.yaml, line 18, field 'areas[0].topics[0].directions': "
        "expected a list, found a number"
    )


def test_empty_title():
    err = error_of(GOOD.replace("title: Open topic", 'title: "  "'))
    assert (
        str(err)
        == "my-call.yaml, line 20, field 'areas[0].topics[1].title': 'title' must not be empty"
    )


def test_bad_limit():
    err = error_of(GOOD.replace("limit: 10", "limit: -5"))
    assert str(err) == (
        "my-call.yaml, line 8, field 'form[0].limit': "
        "a limit must be a positive number of characters"
    )


def test_not_a_mapping():
    assert "expected a mapping, found a list" in str(error_of("- a\n- b\n"))


def test_unreadable_and_binary_files(tmp_path):
    with pytest.raises(CallFileError, match="cannot read the file"):
        load_call(tmp_path / "nope.yaml")
    binary = tmp_path / "x.yaml"
    binary.write_bytes(b"id: x\n\xff\xfe\x00")
    with pytest.raises(CallFileError, match=r"line 2: not UTF-8 text"):
        load_call(binary)


def test_dump_round_trips(call):
    assert parse_call(dump_call(call)) == call
