"""Mail-merge: a sheet of applicants (xlsx or csv) to one pre-filled proposal file per row.

The office hands each applicant their `.proposal.yaml` and `.docx`. A bad row is reported with its
row number (as the spreadsheet shows it) and the column at fault; the other rows are still made.
"""

from __future__ import annotations

import csv
import datetime
import io
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from planner.errors import SourceError
from planner.formats.proposal_file import SUFFIX, save_proposal
from planner.model.call import Call
from planner.model.contact import email_problem
from planner.model.proposal import Applicant, Proposal
from planner.model.validate import validate_proposal
from planner.office.safe_names import NameAllocator, proposal_stem

COLUMNS: tuple[str, ...] = (
    "name", "title", "institution", "department", "email", "phone",
    "topic", "directions", "proposal_title",
)  # fmt: skip
REQUIRED: tuple[str, ...] = ("name", "topic")
# Offices keep their own headers; accept the usual Chinese and English spellings.
ALIASES: dict[str, str] = {
    "姓名": "name", "申请人": "name", "applicant": "name",
    "职称": "title", "job_title": "title",
    "单位": "institution", "工作单位": "institution", "university": "institution",
    "院系": "department", "部门": "department", "学院": "department",
    "邮箱": "email", "电子邮箱": "email", "e_mail": "email", "mail": "email",
    "电话": "phone", "手机": "phone", "telephone": "phone", "mobile": "phone",
    "主题": "topic", "课题": "topic", "topic_id": "topic", "课题编号": "topic",
    "方向": "directions", "研究方向": "directions", "direction": "directions",
    "题目": "proposal_title", "项目名称": "proposal_title", "项目题目": "proposal_title",
}  # fmt: skip
_DIRECTION_SPLIT = re.compile(r"[,，;；、\s]+")
DOCX = ".docx"


class ApplicantsFileError(SourceError):
    """The applicants sheet cannot be read at all (format, encoding, missing columns)."""


@dataclass(frozen=True)
class RowProblem:
    """`message` is English, for the CLI; `code` and `params` let an interface say it in its
    own language (the codes of planner.model.problems.Problem, plus `row_empty`, `row_bad_email`
    and `row_bad_directions`)."""

    row: int  # as the spreadsheet numbers it: the header is row 1
    column: str
    message: str
    code: str = ""
    params: Mapping[str, object] = field(default_factory=dict, hash=False)

    def describe(self, source: str) -> str:
        return f"{source}, row {self.row}, column '{self.column}': {self.message}"


@dataclass(frozen=True)
class MergeItem:
    row: int
    proposal: Proposal
    proposal_path: Path
    docx_path: Path


@dataclass
class MergePlan:
    source: str
    items: list[MergeItem] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    kept: list[MergeItem] = field(default_factory=list)  # already on disk: never overwritten
    notes: list[str] = field(default_factory=list)

    @property
    def bad_rows(self) -> list[int]:
        return sorted({p.row for p in self.problems})


def _column_key(header: object) -> str:
    key = re.sub(r"[\s\-]+", "_", str(header or "").strip().lower())
    return ALIASES.get(key, key)


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # phone numbers and topic ids read back as 13800138000.0
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    return str(value).strip()


def read_sheet(path: Path) -> Iterator[tuple[int, list[object]]]:
    """(row number, cells) of the first sheet of an .xlsx or a .csv, header row included."""
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        yield from _read_xlsx(path)
    elif suffix in (".csv", ".txt"):
        yield from _read_csv(path)
    else:
        raise ApplicantsFileError(str(path), "expected an .xlsx or .csv file")


def _read_xlsx(path: Path) -> Iterator[tuple[int, list[object]]]:
    import zipfile

    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (OSError, zipfile.BadZipFile, InvalidFileException, KeyError, ValueError) as exc:
        raise ApplicantsFileError(str(path), f"cannot read the workbook: {exc}") from None
    try:
        sheet = book.worksheets[0]
        for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield number, list(row)
    finally:
        book.close()


def _read_csv(path: Path) -> Iterator[tuple[int, list[object]]]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ApplicantsFileError(str(path), f"cannot read the file: {exc.strerror}") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:  # Excel on a Chinese Windows saves "CSV" as GBK
            text = data.decode("gb18030")
        except UnicodeDecodeError:
            raise ApplicantsFileError(str(path), "neither UTF-8 nor GBK text") from None
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    try:
        for row in reader:
            yield reader.line_num, list(row)
    except csv.Error as exc:
        raise ApplicantsFileError(str(path), str(exc), line=reader.line_num) from None


def _parse_directions(value: object) -> list[int] | None:
    """`1,3` / `1，3` / `1;3` / a number cell → [1, 3]; None when it is no such list."""
    if value is None or value == "":
        return []
    if isinstance(value, bool):
        return None
    if isinstance(value, int) or (isinstance(value, float) and value.is_integer()):
        return [int(value)]
    numbers = []
    for part in _DIRECTION_SPLIT.split(str(value).strip()):
        if not part:
            continue
        if not part.isdigit():
            return None
        numbers.append(int(part))
    return numbers


def row_proposal(
    number: int, cells: dict[str, object], call: Call
) -> tuple[Proposal | None, list[RowProblem]]:
    """One sheet row → a proposal, or the problems naming the row and column at fault."""
    problems: list[RowProblem] = []
    text = {key: _cell_text(cells.get(key)) for key in COLUMNS}
    for key in REQUIRED:
        if not text[key]:
            problems.append(RowProblem(number, key, f"'{key}' is empty", "row_empty"))
    if message := email_problem(text["email"]):  # validate's rule: "a@b" is no address either
        problems.append(
            RowProblem(number, "email", message, "row_bad_email", {"value": text["email"]})
        )
    directions = _parse_directions(cells.get("directions"))
    if directions is None:
        value = cells.get("directions")
        shown = repr(value) if isinstance(value, bool) else repr(str(value))
        message = f"expected direction numbers like 1,3, found {shown}"
        problems.append(
            RowProblem(number, "directions", message, "row_bad_directions", {"value": value})
        )
        directions = []
    proposal = Proposal(
        call=call.id,
        topic=text["topic"],
        directions=directions,
        title=text["proposal_title"],
        applicant=Applicant(**{k: text[k] for k in COLUMNS[:6]}),
        sections={s.key: "" for s in call.form},
    )
    # the same rules as every proposal file: one place decides what a valid topic/direction is
    for problem in validate_proposal(proposal, call):
        if problem.is_error:
            column = "directions" if problem.field.startswith("directions") else problem.field
            problems.append(
                RowProblem(number, column, problem.message, problem.code, problem.params)
            )
    return (None if problems else proposal), problems


def plan_mail_merge(path: Path, call: Call, outdir: Path) -> MergePlan:
    """Read the sheet and decide every output name; writes nothing."""
    source = str(path)
    plan = MergePlan(source)
    rows = read_sheet(path)
    header_row = next(rows, None)
    if header_row is None:
        raise ApplicantsFileError(source, "the sheet is empty")
    keys = [_column_key(h) for h in header_row[1]]
    missing = [k for k in REQUIRED if k not in keys]
    if missing:
        raise ApplicantsFileError(
            source,
            f"no column {', '.join(missing)} in the header row (columns: {', '.join(COLUMNS)})",
            line=header_row[0],
        )
    unknown = [str(h) for h, k in zip(header_row[1], keys, strict=True) if h and k not in COLUMNS]
    if unknown:
        plan.notes.append(f"{source}: ignored columns {', '.join(unknown)}")
    names = NameAllocator(outdir, (SUFFIX, DOCX))
    for number, row in rows:
        if all(_cell_text(v) == "" for v in row):
            continue  # blank rows between blocks of applicants
        cells = {k: v for k, v in zip(keys, row, strict=False) if k in COLUMNS}
        proposal, problems = row_proposal(number, cells, call)
        plan.problems.extend(problems)
        if proposal is None:
            continue
        stem = names.allocate(
            proposal_stem(proposal.topic, proposal.applicant.name, proposal.title)
        )
        item = MergeItem(number, proposal, names.path(stem, SUFFIX), names.path(stem, DOCX))
        (plan.kept if item.proposal_path.exists() else plan.items).append(item)
    return plan


def write_proposal_files(plan: MergePlan) -> None:
    """Write each new proposal file (atomically); existing ones were set aside as `kept`."""
    for item in plan.items:
        item.proposal_path.parent.mkdir(parents=True, exist_ok=True)
        save_proposal(item.proposal, item.proposal_path)
