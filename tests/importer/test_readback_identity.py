"""Export → import is the identity for generated proposals (issue 15), checked by hypothesis
over the document model: what a section's Markdown means survives the round trip through Word."""

from __future__ import annotations

import itertools
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.document.blocks import (
    Heading,
    ListBlock,
    ListItem,
    Paragraph,
    Span,
    Table,
)
from planner.document.markdown import parse_section, to_markdown
from planner.export.docx import export_docx
from planner.importer.proposal_docx import read_proposal_docx
from planner.model.proposal import Applicant, Proposal

_WORD = st.text(alphabet="研究方法数据模型系统实验分析abcXYZ0123456789", min_size=1, max_size=6)
_TEXT = st.lists(_WORD, min_size=1, max_size=4).map(" ".join)
_SPAN = st.builds(
    Span,
    _TEXT,
    bold=st.booleans(),
    italic=st.booleans(),
    superscript=st.just(False),
    subscript=st.just(False),
) | st.builds(Span, _WORD, superscript=st.booleans())
_INLINES = st.lists(_SPAN, min_size=1, max_size=3).map(tuple)
_PARAGRAPH = st.builds(Paragraph, _INLINES)
_HEADING = st.builds(Heading, st.integers(1, 3), st.builds(lambda t: (Span(t),), _TEXT))
_ITEM = st.builds(lambda p: ListItem((p,)), _PARAGRAPH)
_LIST = st.builds(ListBlock, st.booleans(), st.lists(_ITEM, min_size=1, max_size=3).map(tuple))
_CELL = st.builds(lambda t: (Span(t),), _TEXT)


@st.composite
def _tables(draw) -> Table:
    width = draw(st.integers(1, 3))
    header = tuple(draw(_CELL) for _ in range(width))
    rows = tuple(tuple(draw(_CELL) for _ in range(width)) for _ in range(draw(st.integers(1, 3))))
    align = tuple(draw(st.sampled_from(("default", "left", "center", "right")))
                  for _ in range(width))  # fmt: skip
    caption = draw(st.one_of(st.just(()), _CELL))
    return Table(header, rows, align, caption)


def _word_can_tell(blocks: list) -> bool:
    """Two bullet lists in a row are one list in Word (the same bullets, nothing between):
    no reader can tell them apart, so they are not generated."""
    return not any(
        isinstance(a, ListBlock) and isinstance(b, ListBlock) and not (a.ordered and b.ordered)
        for a, b in itertools.pairwise(blocks)
    )


_BLOCKS = st.lists(
    st.one_of(_PARAGRAPH, _HEADING, _LIST, _tables()), min_size=1, max_size=5
).filter(_word_can_tell)
_SECTIONS = st.dictionaries(
    st.sampled_from(("background", "objectives", "approach", "budget")), _BLOCKS, max_size=3
)


@settings(
    max_examples=20,
    deadline=None,
    database=None,  # nothing written into the checkout
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(sections=_SECTIONS, title=_TEXT, own=st.lists(_TEXT, max_size=2))
def test_export_then_import_is_the_identity(call, tmp_path: Path, sections, title, own) -> None:
    texts = {key: to_markdown(tuple(blocks)) for key, blocks in sections.items()}
    proposal = Proposal(
        call=call.id,
        topic="2.1",
        directions=[1],
        own_directions=own,
        title=title,
        applicant=Applicant("王五", "讲师", "某大学", "", "w@example.cn", ""),
        sections=texts,
    )
    target = tmp_path / "round.docx"
    export_docx(proposal, call, target, base=tmp_path)
    back = read_proposal_docx(target, call).proposal
    assert (back.title, back.own_directions, back.applicant) == (
        title,
        own,
        proposal.applicant,
    )
    assert (back.topic, back.directions) == ("2.1", [1])
    for section in call.form:
        assert parse_section(back.sections[section.key]) == parse_section(
            texts.get(section.key, "")
        ), section.key
