"""Importing .bib, .ris and CSL-JSON files: types and fields mapped, bad input named."""

# ruff: noqa: E501  (entries and expected references stay whole on their lines)

from __future__ import annotations

import json
import textwrap

import pytest

from planner.errors import ReferenceFileError
from planner.references.gbt7714 import format_reference
from planner.references.merge import merge_references
from planner.references.reading import MAX_BYTES, parse_references, read_references

BIB = textwrap.dedent(
    r"""
    % the standard's examples (GB/T 7714-2015 4.4.2, 4.2.2, 4.6.2, 8.7, 4.1.2) as BibTeX
    @article{yuan2012,
      author  = {袁训来 and 陈哲 and 肖书海 and others},
      title   = {蓝田生物群: 一个认识多细胞生物起源和早期演化的新窗口},
      journal = {科学通报}, year = {2012}, volume = {55}, number = {34}, pages = {3219},
    }
    @incollection{roberson2011,
      author = {Roberson, J. Alan and Burneson, Eric G.},
      title = {Drinking Water Standards, Regulations and Goals},
      editor = {{American Water Works Association}},
      booktitle = {Water quality \& treatment: a handbook on drinking water},
      edition = {6}, address = {New York}, publisher = {McGraw-Hill}, year = {2011},
      pages = {1.1--1.36}, urldate = {2012-12-10}, url = {http://lib.myilibrary.com/Open.aspx?id=291430},
    }
    @misc{bawden2008,
      author = {Bawden, D}, title = {Origins and concepts of digital literacy},
      date = {2008-05-04}, urldate = {2013-03-08},
      url = {http://www.soi.city.ac.uk/~dbawden/digital%20literacy%20chapter.pdf},
    }
    @phdthesis{liu2000, author = {刘乃安}, title = {生物质材料热解失重动力学及其分析方法研究},
      address = {合肥}, school = {中国科学技术大学}, year = {2000}, pages = {17--18}}
    @mastersthesis{m, author = {{张三}}, title = {论文}, school = {某大学}, year = 2019}
    @techreport{r, author = {Calkin, D and Ager, A and Thompson, M}, title = {A framework},
      number = {RMRS-GTR-262}, institution = {USDA}, year = {2011}}
    @inproceedings{jia2011, author = {贾东琴 and 柯平}, title = {面向数字素养的高校图书馆数字服务体系研究},
      editor = {中国图书馆学会}, booktitle = {中国图书馆学会年会论文集}, volume = {2011年卷},
      address = {北京}, publisher = {国家图书馆出版社}, year = {2011}, pages = {45--52}}
    @book{xu2010, author = {徐 光宪 and 王, 祥云}, title = {物质结构}, address = {北京},
      publisher = {科学出版社}, year = {2010}, edition = {2}}
    @misc{note, title = {A note without a url}}
    @article{yuan2012, title = {the same key again}}
    @article{broken, title = {unclosed
    """
)


def test_bibtex_types_fields_and_chinese_names() -> None:
    got = parse_references(BIB, ".bib")
    by_id = {item["id"]: item for item in got.items}
    assert [i["id"] for i in got.items] == [
        "yuan2012", "roberson2011", "bawden2008", "liu2000", "m", "r", "jia2011", "xu2010", "note",
    ]  # fmt: skip
    types = {k: v["type"] for k, v in by_id.items()}
    assert types == {
        "yuan2012": "article-journal", "roberson2011": "chapter", "bawden2008": "webpage",
        "liu2000": "thesis", "m": "thesis", "r": "report", "jia2011": "paper-conference",
        "xu2010": "book", "note": "document",
    }  # fmt: skip
    text = {k: format_reference(v) for k, v in by_id.items()}
    assert text["yuan2012"] == (
        "袁训来, 陈哲, 肖书海, 等. 蓝田生物群: 一个认识多细胞生物起源和早期演化的新窗口[J]. 科学通报, "
        "2012, 55(34): 3219."
    )
    assert text["roberson2011"] == (  # GB/T 7714-2015 4.2.2 [7]
        "ROBERSON J A, BURNESON E G. Drinking Water Standards, Regulations and Goals[M/OL]//"
        "American Water Works Association. Water quality & treatment: a handbook on drinking "
        "water. 6th ed. New York: McGraw-Hill, 2011: 1.1-1.36[2012-12-10]. "
        "http://lib.myilibrary.com/Open.aspx?id=291430."
    )
    assert text["bawden2008"] == (  # a URL is not LaTeX: its % and ~ stay
        "BAWDEN D. Origins and concepts of digital literacy[EB/OL]. (2008-05-04)[2013-03-08]. "
        "http://www.soi.city.ac.uk/~dbawden/digital%20literacy%20chapter.pdf."
    )
    assert text["liu2000"] == (
        "刘乃安. 生物质材料热解失重动力学及其分析方法研究[D]. 合肥: 中国科学技术大学, 2000: 17-18."
    )
    assert text["m"] == "张三. 论文[D]. 某大学, 2019."
    assert text["r"] == "CALKIN D, AGER A, THOMPSON M. A framework: RMRS-GTR-262[R]. USDA, 2011."
    assert text["jia2011"] == (
        "贾东琴, 柯平. 面向数字素养的高校图书馆数字服务体系研究[C]//中国图书馆学会. "
        "中国图书馆学会年会论文集: 2011年卷. 北京: 国家图书馆出版社, 2011: 45-52."
    )
    assert text["xu2010"] == "徐光宪, 王祥云. 物质结构[M]. 2版. 北京: 科学出版社, 2010."
    assert got.warnings == [
        "line 32: a second entry 'yuan2012' was ignored (the first one is kept)",
        "line 33: this entry could not be read (unbalanced braces or quotes?) and was ignored",
    ]


RIS = textwrap.dedent(
    """\
    TY  - JOUR
    AU  - Kanamori, H.
    TI  - Shaking without quaking
    JO  - Science
    PY  - 1998
    VL  - 279
    IS  - 5359
    SP  - 2063
    ER  -

    TY  - CHAP
    AU  - 程根伟
    TI  - 1998年长江洪水的成因与减灾对策
    A2  - 许厚泽
    A2  - 赵其国
    T2  - 长江流域洪涝灾害与科技对策
    CY  - 北京
    PB  - 科学出版社
    PY  - 1999
    SP  - 32
    EP  - 36
    ER  -

    TY  - PAT
    AU  - 邓一刚
    TI  - 全智能节电器
    IS  - 200610171314.3
    DA  - 2006/12/13
    ER  -

    TY  - JOUR
    AU  - Kanamori, H.
    TI  - Another paper
    PY  - 1998
    ER  -
    """
).replace("ER  -\n", "ER  - \n")  # the tag as EndNote writes it, with its space


def test_ris_records_become_items_with_keys() -> None:
    got = parse_references(RIS, ".ris")
    assert [i["id"] for i in got.items] == [
        "kanamori1998",
        "程根伟1999",
        "邓一刚2006",
        "kanamori1998a",
    ]
    assert [format_reference(i) for i in got.items[:3]] == [
        "KANAMORI H. Shaking without quaking[J]. Science, 1998, 279(5359): 2063.",
        "程根伟. 1998年长江洪水的成因与减灾对策[M]//许厚泽, 赵其国. 长江流域洪涝灾害与科技对策. "
        "北京: 科学出版社, 1999: 32-36.",
        "邓一刚. 全智能节电器: 200610171314.3[P]. 2006-12-13.",
    ]
    assert got.warnings == []


def test_csl_json_is_checked_like_the_proposal_file() -> None:
    data = [
        {"id": "a", "type": "book", "title": "书", "volume": True},
        {"id": "b", "type": "webpage", "title": "页", "abstract": "long text"},
    ]
    got = parse_references(json.dumps(data, ensure_ascii=False), ".json")
    assert got.items == [
        {"id": "a", "type": "book", "title": "书"},
        {"id": "b", "type": "webpage", "title": "页"},
    ]
    assert got.warnings[0] == (
        "reference 1 ('a'), field 'volume': expected a number or text, found true/false"
    )
    assert got.warnings[1].startswith(
        "reference 2 ('b'), field 'abstract': unknown field 'abstract' (known: id, type,"
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"id": "a"}', "expected a list of references, found a mapping"),
        ('[{"id": "a",}]', "not JSON: Expecting property name enclosed in double quotes"),
        ("[" * 100_000 + "]" * 100_000, "not CSL-JSON: nested too deeply"),
        ('[{"id": "a", "volume": NaN}]', "not CSL-JSON: NaN is not a number CSL-JSON allows"),
    ],
)
def test_bad_json_files_are_named(text: str, message: str) -> None:
    with pytest.raises(ReferenceFileError, match="^refs.json.*: " + message.replace("(", r"\(")):
        parse_references(text, ".json", "refs.json")


def test_files_are_bounded_and_typed(tmp_path) -> None:
    big = tmp_path / "big.json"
    with big.open("wb") as f:
        f.truncate(MAX_BYTES + 1)
    with pytest.raises(ReferenceFileError, match="at most 4 MB is read"):
        read_references(big)
    with pytest.raises(ReferenceFileError, match=r"expected \.bib, \.ris, \.json"):
        read_references(tmp_path / "refs.docx")
    with pytest.raises(ReferenceFileError, match="cannot read the file"):
        read_references(tmp_path / "missing.bib")
    binary = tmp_path / "refs.bib"
    binary.write_bytes(b"@article{a,\xff\xfe}")
    with pytest.raises(ReferenceFileError, match="not UTF-8"):
        read_references(binary)


def test_merge_never_drops_an_existing_entry_silently() -> None:
    existing = [{"id": "a", "title": "A"}, {"id": "b", "title": "B"}]
    incoming = [
        {"id": "b", "title": "B changed"},
        {"id": "a", "title": "A"},
        {"id": "c", "title": "C"},
    ]
    kept = merge_references(existing, incoming)
    assert kept.items == [
        {"id": "a", "title": "A"},
        {"id": "b", "title": "B"},
        {"id": "c", "title": "C"},
    ]
    assert (kept.added, kept.unchanged, kept.conflicts, kept.replaced) == (["c"], ["a"], ["b"], [])
    assert kept.summary() == "1 added, 1 already there, 1 conflicting (kept as they were): b"
    replaced = merge_references(existing, incoming, replace=True)
    assert replaced.items[1] == {"id": "b", "title": "B changed"}
    assert replaced.replaced == ["b"]
    assert replaced.summary() == "1 added, 1 already there, 1 conflicting (replaced): b"
    assert existing == [
        {"id": "a", "title": "A"},
        {"id": "b", "title": "B"},
    ]  # not changed in place


def test_hostile_bibtex_and_ris_are_read_or_refused_without_a_traceback() -> None:
    deep = "@article{deep, title={" + "{" * 20_000 + "x" + "}" * 20_000 + "}}"
    got = parse_references(deep, ".bib")
    assert [i["id"] for i in got.items] == ["deep"]
    macro = "@article{m, title={\\textbf{" + "\\emph{" * 3000 + "x" + "}" * 3001 + "}}"
    assert parse_references(macro, ".bib").items[0]["id"] == "m"
    many = "@article{a, author={" + " and ".join(["X, Y"] * 1500) + "}}"
    assert parse_references(many, ".bib").warnings == [
        "reference 1 ('a'), field 'author': more than 1000 names"
    ]
    for text, suffix in (("garbage only", ".bib"), ("no tags at all", ".ris"), ("[]", ".json")):
        with pytest.raises(ReferenceFileError, match="no references found: is it a"):
            parse_references(text, suffix, "f")
    unended = parse_references(RIS + "TY  - JOUR\nTI  - cut off\n", ".ris")
    assert len(unended.items) == 4
    assert unended.warnings == ["1 record(s) without an 'ER  - ' line at their end were not read"]
