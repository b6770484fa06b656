"""A call's page limit: read from the call file, checked when a page count is known."""

from __future__ import annotations

import dataclasses
import textwrap

import pytest

from planner.errors import CallFileError
from planner.formats.call_file import dump_call, parse_call
from planner.model.proposal import Proposal
from planner.model.validate import validate_proposal

CALL = textwrap.dedent(
    """\
    id: c
    title: C
    {limit}
    areas:
      - id: "1"
        title: A
        topics:
          - {{id: "1.1", title: T, background: B}}
    """
)


def test_page_limit_is_optional_and_round_trips() -> None:
    assert parse_call(CALL.format(limit="")).page_limit is None
    call = parse_call(CALL.format(limit="page_limit: 12"))
    assert call.page_limit == 12
    assert "page_limit: 12" in dump_call(call)
    assert "page_limit" not in dump_call(
        parse_call(CALL.format(limit=""))
    )  # files stay as they were


@pytest.mark.parametrize("value", ["0", "-3", "ten", "1.5", "true"])
def test_a_bad_page_limit_names_the_field_and_line(value: str) -> None:
    with pytest.raises(CallFileError) as info:
        parse_call(CALL.format(limit=f"page_limit: {value}"), "c.yaml")
    message = str(info.value)
    assert "page_limit" in message and "c.yaml, line 3" in message


def test_over_the_limit_is_a_warning_with_the_count(call) -> None:
    limited = dataclasses.replace(call, page_limit=8)
    proposal = Proposal(call=call.id, topic="5.1")
    over = [p for p in validate_proposal(proposal, limited, pages=9) if p.code == "over_page_limit"]
    assert len(over) == 1 and not over[0].is_error
    assert over[0].params == {"pages": 9, "limit": 8}
    assert over[0].message == "9 pages, over the call's limit of 8"
    assert not [p for p in validate_proposal(proposal, limited, pages=8) if p.field == "pages"]
    assert not [p for p in validate_proposal(proposal, limited) if p.field == "pages"]
    assert not [p for p in validate_proposal(proposal, call, pages=99) if p.field == "pages"]
