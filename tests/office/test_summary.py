"""summary.xlsx and summary.csv: the rows an office opens in Excel, read back."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl
import pytest
from hostile_workspace import BAD, GOOD, make_workspace

from planner.office.summary import summary_header, write_summaries
from planner.office.workspace import scan_workspace


@pytest.fixture
def written(tmp_path: Path, call):
    ws = scan_workspace(make_workspace(tmp_path / "ws"), call)
    out = tmp_path / "out"
    exported = {"alice.proposal.yaml": out / "1.1_张三_少样本多模态学习.docx"}
    xlsx, csv_path = write_summaries(ws, out, exported)
    return ws, xlsx, csv_path


def _csv_rows(path: Path) -> list[list[str]]:
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf"), "Excel needs the BOM to read Chinese"
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_sheet_one_has_a_row_per_file_and_matches_the_csv(written, call) -> None:
    _ws, xlsx, csv_path = written
    book = openpyxl.load_workbook(xlsx)
    assert book.sheetnames == ["Proposals", "Topics"]
    sheet = [list(r) for r in book["Proposals"].iter_rows(values_only=True)]
    header = summary_header(call)
    assert sheet[0] == header
    rows = {r[0]: dict(zip(header, r, strict=True)) for r in sheet[1:]}
    assert sorted(rows) == sorted(GOOD.keys() | BAD.keys())

    alice = rows["alice.proposal.yaml"]
    assert alice["Exported as"] == "1.1_张三_少样本多模态学习.docx"
    assert (alice["Applicant"], alice["Institution"]) == ("张三", "清华大学")
    assert (alice["Topic"], alice["Directions"], alice["Title"]) == (
        "1.1",
        "1, 3",
        "少样本多模态学习",
    )
    assert alice["Topic title"] == call.topic("1.1").title
    assert alice["研究背景与意义 (characters)"] == 5
    assert alice["Status"] == "Draft" and alice["Valid"] == "yes"
    assert 0 < alice["Completeness"] < 1

    syntax = rows["syntax.proposal.yaml"]
    assert syntax["Valid"] == "no"
    assert "line 5" in syntax["Problems"] and "YAML syntax error" in syntax["Problems"]
    assert "direction 99 is out of range" in rows["direction-99.proposal.yaml"]["Problems"]
    # control characters are dropped: Excel would refuse the file otherwise
    assert rows["control.proposal.yaml"]["Title"] == "标题带\x1b[31m控制字符".replace("\x1b", "")

    csv_rows = _csv_rows(csv_path)
    assert csv_rows[0] == header
    assert len(csv_rows) == len(sheet)
    for xrow, crow in zip(sheet[1:], csv_rows[1:], strict=True):
        expected = [
            f"{round(v * 100)}%"
            if col == "Completeness" and isinstance(v, float)
            else ("" if v is None else str(v))
            for v, col in zip(xrow, header, strict=True)
        ]
        assert crow == expected


def test_duplicate_applicants_are_flagged_in_both_rows(written) -> None:
    _ws, _xlsx, csv_path = written
    rows = {r[0]: r for r in _csv_rows(csv_path)}
    col = rows["File"].index("Duplicate applicant")
    assert rows["alice.proposal.yaml"][col] == "same applicant as carol.proposal.yaml"
    assert rows["carol.proposal.yaml"][col] == "same applicant as alice.proposal.yaml"
    # e-mail matches case-insensitively
    assert rows["dave.proposal.yaml"][col] == "same applicant as group/nested/bob.proposal.yaml"
    assert rows["group/nested/bob.proposal.yaml"][col] == "same applicant as dave.proposal.yaml"
    assert rows["passwd.proposal.yaml"][col] == ""


def test_sheet_two_lists_all_28_topics_with_zeros(written, call) -> None:
    _ws, xlsx, _csv = written
    rows = list(openpyxl.load_workbook(xlsx)["Topics"].iter_rows(values_only=True))
    assert rows[0] == ("Topic", "Area", "Topic title", "Proposals", "Valid proposals")
    assert [r[0] for r in rows[1:]] == [t.id for t in call.topics()]
    by_id = {r[0]: r for r in rows[1:]}
    assert by_id["1.1"][3:] == (4, 1)
    assert by_id["1.2"][3:] == (2, 2)
    assert by_id["5.1"][3:] == (0, 0)


def test_text_that_looks_like_a_formula_is_not_run(tmp_path: Path, call) -> None:
    from planner.formats.proposal_file import save_proposal
    from planner.model.proposal import Applicant, Proposal

    ws_dir = tmp_path / "ws"
    ws_dir.mkdir()
    save_proposal(
        Proposal(topic="1.1", title='=HYPERLINK("http://x","y")', applicant=Applicant("@name")),
        ws_dir / "f.proposal.yaml",
    )
    xlsx, csv_path = write_summaries(scan_workspace(ws_dir, call), tmp_path / "out")
    cell = openpyxl.load_workbook(xlsx)["Proposals"]["I2"]
    assert (cell.value, cell.data_type) == ('=HYPERLINK("http://x","y")', "s")
    row = _csv_rows(csv_path)[1]
    assert row[8] == '\'=HYPERLINK("http://x","y")'
    assert row[2] == "'@name"


def test_a_chinese_summary_reads_chinese_with_codes_kept(tmp_path: Path, call) -> None:
    """Issue 16: summary.xlsx was English (headers, statuses, yes/no, problems) from the
    Chinese app; contact fields, own directions and the reviewer note were missing."""
    from planner.office.notes import set_note
    from planner.office.status import set_status_locked

    root = make_workspace(tmp_path / "ws")
    set_status_locked(root / "alice.proposal.yaml", "review", root)
    set_note(root, "alice.proposal.yaml", "预算偏高，请核实")
    ws = scan_workspace(root, call)
    xlsx, csv_path = write_summaries(ws, tmp_path / "out", {}, language="zh")
    book = openpyxl.load_workbook(xlsx)
    assert book.sheetnames == ["申报书", "课题统计"]
    sheet = book["申报书"]
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    header = rows[0]
    for name in ("文件", "申请人", "单位", "电子邮箱", "课题", "标题", "完成度", "状态", "有效",
                 "问题", "职称", "院系", "电话", "自拟研究方向", "审阅备注"):  # fmt: skip
        assert name in header
    assert "研究背景与意义（字数）" in header
    by_file = {r[0]: dict(zip(header, r, strict=True)) for r in rows[1:]}
    alice = by_file["alice.proposal.yaml"]
    assert (alice["状态"], alice["有效"], alice["审阅备注"]) == ("审阅中", "是", "预算偏高，请核实")
    assert alice["重复申请人"] == "与 carol.proposal.yaml 为同一申请人"
    bad = by_file["direction-99.proposal.yaml"]
    assert bad["有效"] == "否"
    assert "研究方向 99 超出范围：课题 1.1 只有第 1–4 个方向" in bad["问题"]
    assert "out of range" not in bad["问题"]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == sheet.dimensions
    csv_header = _csv_rows(csv_path)[0]
    assert csv_header == header
    assert book["课题统计"]["A1"].value == "课题"


def test_section_counts_are_count_section(tmp_path: Path, call) -> None:
    """One rule for the office's figures, the editor's and validation's: count_section."""
    from planner.document.count import count_section
    from planner.office.summary import summary_rows

    ws = scan_workspace(make_workspace(tmp_path / "ws"), call)
    entry = next(e for e in ws.entries if e.proposal is not None)
    entry.proposal.sections["background"] = "**加粗**[@k]\n| 表 | 格 |\n|---|---|\n| 一 | 二 |"
    header = summary_header(call)
    row = dict(zip(header, summary_rows(ws)[ws.entries.index(entry)], strict=True))
    for section in call.form:
        text = entry.proposal.sections.get(section.key, "")
        assert row[f"{section.title} (characters)"] == count_section(text)
    assert row["研究背景与意义 (characters)"] == 2 + 1 + 4  # 加粗, [1], 表 格 一 二


def test_files_that_cannot_be_read_are_worded_in_chinese_too(tmp_path: Path, call) -> None:
    """The workspace's tooltips mixed English into Chinese: a problem without a code falls back
    to its English message, so every fault of a whole file now has one."""
    ws = scan_workspace(make_workspace(tmp_path / "ws"), call)
    xlsx, _csv = write_summaries(ws, tmp_path / "out", {}, language="zh")
    rows = list(openpyxl.load_workbook(xlsx).active.values)
    col = rows[0].index("问题")
    by_file = {r[0]: r[col] for r in rows[1:]}
    assert by_file["binary.proposal.yaml"].startswith("错误 · 文件：不是 UTF-8 文本")
    assert by_file["empty.proposal.yaml"] == "错误 · 文件：文件为空，不是申报书"
    assert by_file["list.proposal.yaml"].startswith("错误 · 文件：不是申报书")
    assert by_file["syntax.proposal.yaml"].startswith("错误 · 文件：YAML 语法错误：")
