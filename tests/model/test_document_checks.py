"""Figures that cannot go into the .docx and ragged tables, as validation reports them."""

from __future__ import annotations

import pictures

from planner.document.blocks import Figure, ListBlock, ListItem, Paragraph, Span, Table
from planner.model.document_checks import block_problems


def test_each_unusable_figure_is_an_error_naming_file_and_section(tmp_path) -> None:
    (tmp_path / "figures").mkdir()
    (tmp_path / "figures" / "ok.png").write_bytes(pictures.png(10, 10))
    (tmp_path / "figures" / "bomb.png").write_bytes(pictures.bomb_png())
    in_list = ListBlock(False, (ListItem((Paragraph((Span("项"),)), Figure("gone.png"))),))
    blocks = (Figure("figures/ok.png"), Figure("figures/bomb.png"), in_list)
    problems = block_problems("approach", "研究方案与技术路线", blocks, tmp_path)
    got = [(p.severity, p.field, p.code, p.params["path"], p.params["reason"]) for p in problems]
    assert got == [
        ("error", "sections.approach", "figure_unreadable", "figures/bomb.png", "too_large"),
        ("error", "sections.approach", "figure_unreadable", "gone.png", "missing"),
    ]
    assert problems[0].message == (
        "研究方案与技术路线: figure figures/bomb.png cannot be read: "
        "60000×60000 pixels, more than a page can show"
    )


def test_a_figure_fixed_on_disk_is_seen_at_once(tmp_path) -> None:
    figure = (Figure("a.png"),)
    assert block_problems("k", "T", figure, tmp_path)[0].params["reason"] == "missing"
    (tmp_path / "a.png").write_bytes(pictures.png(3, 3))
    assert block_problems("k", "T", figure, tmp_path) == []


def test_a_ragged_table_is_a_warning() -> None:
    cell = (Span("x"),)
    ragged = Table((cell, cell), ((cell, ()),), ("default", "default"), ragged=True)
    even = Table((cell,), ((cell,),), ("default",))
    (problem,) = block_problems("budget", "经费预算", (even, ragged), None)
    assert (problem.severity, problem.code, problem.params) == (
        "warning",
        "table_ragged",
        {"title": "经费预算", "number": 2},
    )
