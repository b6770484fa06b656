"""The assembly's numbering rules, shared by the export and the editor."""

from __future__ import annotations


def test_caption_starts_number_tables_and_figures_through_the_document() -> None:
    from planner.document.assembly import caption_starts
    from planner.document.markdown import parse_section

    sections = [
        parse_section("| a |\n|---|\n| 1 |\n\n![图](a.png)"),
        parse_section("- 列表\n\n  | b |\n  |---|\n  | 2 |"),  # a table inside a list item
        parse_section("正文"),
    ]
    assert caption_starts(sections) == [(0, 0), (1, 1), (2, 1)]
