"""Mail-merge: each good row of a sheet becomes a proposal file; a bad row names row and column."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from planner.formats.proposal_file import load_proposal
from planner.model.validate import validate_proposal
from planner.office.mail_merge import ApplicantsFileError, plan_mail_merge, write_proposal_files

HEADER = ["name", "title", "institution", "department", "email", "phone", "topic", "directions",
          "proposal title"]  # fmt: skip
ROWS = [
    [
        "张三",
        "教授",
        "清华大学",
        "计算机系",
        "zhang@example.cn",
        13800138000,
        "1.1",
        "1,3",
        "少样本学习",
    ],
    ["李四", "副教授", "北京大学", "", "li@example.cn", "", "2.1", 2, ""],
    ["王五", "讲师", "复旦大学", "", "wang@example.cn", "", "1.1", "1，99", "坏方向"],
    [None] * 9,
    ["", "", "浙江大学", "", "", "", "9.9", "", ""],
    ["赵六", "", "南京大学", "", "not-an-email", "", "1.2", "x", ""],
    ["钱七", "研究员", "../../etc", "", "", "", "1.4", "", "CON"],
]


def _xlsx(path: Path, rows: list[list], header: list[str] | None = None) -> Path:
    book = openpyxl.Workbook()
    book.active.append(HEADER if header is None else header)
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def test_good_rows_become_proposals_and_bad_rows_are_located(tmp_path: Path, call) -> None:
    out = tmp_path / "out"
    plan = plan_mail_merge(_xlsx(tmp_path / "applicants.xlsx", ROWS), call, out)
    assert [i.row for i in plan.items] == [2, 3, 8]
    described = [p.describe("applicants.xlsx") for p in plan.problems]
    assert described == [
        "applicants.xlsx, row 4, column 'directions': "
        "direction 99 is out of range: topic 1.1 has directions 1–4",
        "applicants.xlsx, row 6, column 'name': 'name' is empty",
        "applicants.xlsx, row 6, column 'topic': "
        "unknown topic '9.9': call 'call-topics' has no such topic",
        "applicants.xlsx, row 7, column 'email': 'not-an-email' is not an e-mail address",
        "applicants.xlsx, row 7, column 'directions': "
        "expected direction numbers like 1,3, found 'x'",
    ]
    assert plan.bad_rows == [4, 6, 7]

    write_proposal_files(plan)
    first = plan.items[0]
    assert first.proposal_path.name == "1.1_张三_少样本学习.proposal.yaml"
    assert first.docx_path.name == "1.1_张三_少样本学习.docx"
    proposal, problems = load_proposal(first.proposal_path)
    assert problems == []
    assert proposal.applicant.phone == "13800138000"
    assert (proposal.topic, proposal.directions, proposal.title) == ("1.1", [1, 3], "少样本学习")
    assert set(proposal.sections) == {s.key for s in call.form}
    assert not [p for p in validate_proposal(proposal, call) if p.is_error]
    assert load_proposal(plan.items[1].proposal_path)[0].directions == [2]
    assert sorted(p.name for p in out.iterdir()) == sorted(i.proposal_path.name for i in plan.items)


def test_existing_proposal_files_are_kept_not_overwritten(tmp_path: Path, call) -> None:
    sheet = _xlsx(tmp_path / "a.xlsx", ROWS[:2])
    out = tmp_path / "out"
    write_proposal_files(plan_mail_merge(sheet, call, out))
    edited = out / "1.1_张三_少样本学习.proposal.yaml"
    edited.write_text(edited.read_text(encoding="utf-8") + "# my edits\n", encoding="utf-8")
    again = plan_mail_merge(sheet, call, out)
    assert [i.row for i in again.kept] == [2, 3]
    assert again.items == []
    assert edited.read_text(encoding="utf-8").endswith("# my edits\n")


def test_gbk_csv_with_chinese_headers(tmp_path: Path, call) -> None:
    path = tmp_path / "a.csv"
    path.write_bytes("姓名,单位,主题,方向,题目\n张三,清华大学,1.1,2,题目一\n".encode("gbk"))
    plan = plan_mail_merge(path, call, tmp_path / "out")
    assert plan.problems == []
    (item,) = plan.items
    assert (item.proposal.applicant.name, item.proposal.directions) == ("张三", [2])


def test_a_sheet_without_the_required_columns_is_refused(tmp_path: Path, call) -> None:
    path = tmp_path / "a.csv"
    path.write_text("who,where\nx,y\n", encoding="utf-8")
    with pytest.raises(ApplicantsFileError, match="row 1: no column name, topic"):
        plan_mail_merge(path, call, tmp_path / "out")
    path.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(ApplicantsFileError, match=r"expected an \.xlsx or \.csv"):
        plan_mail_merge(path.rename(tmp_path / "a.ods"), call, tmp_path / "out")


def test_row_problems_carry_codes_for_the_interface(tmp_path: Path, call) -> None:
    plan = plan_mail_merge(_xlsx(tmp_path / "applicants.xlsx", ROWS), call, tmp_path / "out")
    got = [(p.row, p.column, p.code, dict(p.params)) for p in plan.problems]
    assert got == [
        (4, "directions", "direction_out_of_range", {"number": 99, "topic": "1.1", "count": 4}),
        (6, "name", "row_empty", {}),
        (6, "topic", "unknown_topic", {"topic": "9.9", "call": "call-topics"}),
        (7, "email", "row_bad_email", {"value": "not-an-email"}),
        (7, "directions", "row_bad_directions", {"value": "x"}),
    ]


def test_an_offices_own_headers_are_read_and_its_extra_columns_ignored(tmp_path: Path, call):
    """Issue 16: one header the merge did not know ("申报课题") rejected the whole sheet, and an
    .xlsx's problem was placed at "line 1"."""
    rows = [
        [
            "序号",
            "申请人姓名",
            "所在单位",
            "联系电话",
            "申报课题",
            "研究方向编号",
            "申报题目",
            "备注",
        ],
        [1, "张三", "清华大学", "01234567", "1.1", "1,3", "少样本学习", "已电话确认"],
        [2, "李四", "北京大学", "", "1.2", "2", "垂类大模型", ""],
    ]
    plan = plan_mail_merge(_xlsx(tmp_path / "a.xlsx", rows[1:], rows[0]), call, tmp_path / "out")
    assert plan.problems == []
    first = plan.items[0].proposal
    assert (first.applicant.name, first.applicant.institution, first.applicant.phone) == (
        "张三",
        "清华大学",
        "01234567",
    )
    assert (first.topic, first.directions, first.title) == ("1.1", [1, 3], "少样本学习")
    note = f"{tmp_path / 'a.xlsx'}: ignored columns 序号, 备注 (not a proposal field)"
    assert plan.notes == [note]
    refused = _xlsx(tmp_path / "b.xlsx", [["x", "y"]], ["谁", "哪里"])
    with pytest.raises(ApplicantsFileError, match=r"b\.xlsx, row 1: no column name, topic"):
        plan_mail_merge(refused, call, tmp_path / "out")
