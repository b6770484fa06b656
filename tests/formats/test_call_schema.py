"""A call file written by a newer program is refused by name, not half-read."""

from __future__ import annotations

import pytest
from test_call_file import GOOD

from planner.errors import CallFileError
from planner.formats.call_file import parse_call


def test_the_current_schema_loads() -> None:
    assert parse_call("schema: 1\n" + GOOD, "my-call.yaml").id == "test-call"


def test_a_newer_schema_is_refused_naming_both_versions() -> None:
    with pytest.raises(CallFileError) as info:
        parse_call("schema: 2\n" + GOOD, "my-call.yaml")
    message = str(info.value)
    assert "my-call.yaml" in message
    assert "schema 2 is newer than this program reads (1)" in message
