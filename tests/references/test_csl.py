"""Untrusted CSL-JSON: every fault named by entry and field, only the faulty part left out."""

from __future__ import annotations

from planner.references.csl import MAX_ITEMS, MAX_TEXT, check_items


def test_good_items_are_kept_as_written_in_one_spelling() -> None:
    data = [
        {"id": "zhang2020", "type": "article-journal", "title": "题名", "volume": 3,
         "issue": "2", "author": [{"family": "张", "given": "三"}, {"literal": "某研究所"}],
         "issued": {"date-parts": [[2020, 5]]}, "accessed": {"date-parts": [["2021", "1", "2"]]}},
        {"id": 12, "title": "numeric id"},
    ]  # fmt: skip
    items, faults = check_items(data)
    assert faults == []
    # a work's numbers as text, dates as numbers: the YAML file reads back the same
    assert items[0] == {**data[0], "volume": "3", "accessed": {"date-parts": [[2021, 1, 2]]}}
    assert items[1] == {"id": "12", "title": "numeric id"}  # cited as [@12]: text


def test_each_fault_names_the_entry_and_the_field() -> None:
    data = [
        {"id": "a", "title": ["not", "text"], "volume": True, "type": "journal",
         "author": [{"family": "Huang", "nickname": "D"}], "issued": {"date-parts": [[2020.5]]},
         "colour": "blue"},
        "just text",
        {"title": "no id"},
        {"id": "has space"},
        {"id": "a", "title": "again"},
    ]  # fmt: skip
    items, faults = check_items(data)
    assert [(f.index, f.item_id, f.field, f.code) for f in faults] == [
        (0, "a", "title", "reference_expected_text"),
        (0, "a", "volume", "reference_expected_number"),  # a boolean is not a number
        (0, "a", "type", "unknown_reference_type"),
        (0, "a", "author", "reference_bad_name_part"),
        (0, "a", "issued", "reference_bad_date"),
        (0, "a", "colour", "unknown_reference_field"),
        (1, "", "", "expected_reference_mapping"),
        (2, "", "id", "reference_without_id"),
        (3, "has space", "id", "bad_reference_id"),
        (4, "a", "id", "duplicate_reference_id"),
    ]
    assert faults[0].describe() == "reference 1 ('a'), field 'title': expected text, found a list"
    assert faults[1].message == "expected a number or text, found true/false"
    assert faults[5].message.startswith("unknown field 'colour' (known: id, type, language,")
    assert faults[9].describe() == "reference 5 ('a'): id 'a' is used by reference 1 already"
    assert items == [{"id": "a"}]  # the faulty fields left out, the entry kept


def test_sizes_are_bounded() -> None:
    items, faults = check_items([{"id": f"k{i}"} for i in range(MAX_ITEMS + 3)])
    assert len(items) == MAX_ITEMS
    assert [f.code for f in faults] == ["too_many_references"]
    items, faults = check_items([{"id": "a", "title": "x" * (MAX_TEXT + 1)}])
    assert [f.code for f in faults] == ["reference_too_long"]
    items, faults = check_items({"id": "a"})
    assert [f.message for f in faults] == ["expected a list of references, found a mapping"]
