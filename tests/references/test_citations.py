"""Citation numbers follow first citation across the whole document; markers collapse ranges."""

from __future__ import annotations

from planner.document.blocks import (
    Citation,
    ListBlock,
    ListItem,
    Paragraph,
    ReferenceEntry,
    Span,
    Table,
)
from planner.references.bibliography import reference_list
from planner.references.citations import document_citation_keys, marker, number_citations


def para(*keys: tuple[str, ...]) -> Paragraph:
    return Paragraph(tuple(x for ks in keys for x in (Span("文"), Citation(ks))))


def test_numbers_follow_first_citation_across_sections_in_form_order() -> None:
    background = (para(("zhang",)), para(("huang", "zhang")))
    approach = (
        Table(header=((Citation(("liu",)),),), rows=(), align=("default",)),
        ListBlock(False, (ListItem((para(("wang",)),)),)),
        para(("huang",)),
    )
    keys = document_citation_keys([background, approach])
    assert keys == ["zhang", "huang", "liu", "wang"]
    assert number_citations(keys, {"zhang", "huang", "liu", "wang"}) == {
        "zhang": 1, "huang": 2, "liu": 3, "wang": 4,
    }  # fmt: skip


def test_a_key_without_a_reference_takes_no_number() -> None:
    numbers = number_citations(["a", "ghost", "b"], {"a", "b"})
    assert numbers == {"a": 1, "b": 2}
    assert marker(["ghost"], numbers) == "[?]"
    assert marker(["ghost", "b"], numbers) == "[2]"


def test_markers_list_numbers_in_order_and_collapse_three_or_more() -> None:
    numbers = {k: i for i, k in enumerate("abcdefgh", start=1)}
    assert marker(["a"], numbers) == "[1]"
    assert marker(["b", "a"], numbers) == "[1,2]"
    assert marker(["a", "b", "c"], numbers) == "[1-3]"
    assert marker(["c", "a", "b", "e"], numbers) == "[1-3,5]"
    assert marker(["a", "c", "e", "f", "g", "h"], numbers) == "[1,3,5-8]"
    assert marker(["a", "a", "b"], numbers) == "[1,2]"


def test_reference_list_prints_cited_entries_in_citation_order_only() -> None:
    refs = [
        {"id": "uncited", "type": "book", "title": "没有被引用", "author": [{"literal": "某"}]},
        {"id": "kanamori", "type": "article-journal", "author": [{"family": "Kanamori",
         "given": "H."}], "title": "Shaking without quaking", "container-title": "Science",
         "issued": {"date-parts": [[1998]]}, "volume": 279, "issue": 5359, "page": 2063},
        {"id": "xu", "type": "book", "author": [{"literal": "徐光宪"}, {"literal": "王祥云"}],
         "title": "物质结构", "publisher-place": "北京", "publisher": "科学出版社",
         "issued": {"date-parts": [[2010]]}},
    ]  # fmt: skip
    listing = reference_list(refs, ["xu", "ghost", "kanamori"])
    assert listing.entries == (
        ReferenceEntry(1, "xu", "徐光宪, 王祥云. 物质结构[M]. 北京: 科学出版社, 2010."),
        ReferenceEntry(
            2, "kanamori", "KANAMORI H. Shaking without quaking[J]. Science, 1998, 279(5359): 2063."
        ),
    )
    assert reference_list(refs, []).entries == ()


def test_text_citation_keys_follow_the_form_not_the_files_order() -> None:
    from planner.references.citations import text_citation_keys

    sections = {"approach": "方法[@c; @a]", "extra": "附[@d]", "background": "背景[@b][@a]"}
    form = ["background", "objectives", "approach"]
    assert text_citation_keys(sections, form) == [
        "b",
        "a",
        "c",
        "d",
    ]  # a section not in the form: last


def test_renaming_a_citation_key_touches_only_its_citations() -> None:
    from planner.references.citations import rename_citation_key

    text = "见[@old]与[@a; @old]，[@older]、[@a;@old]，邮件 me@old 不变。"
    assert rename_citation_key(text, "old", "new") == (
        "见[@new]与[@a; @new]，[@older]、[@a;@new]，邮件 me@old 不变。"
    )
