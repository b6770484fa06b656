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
from planner.formats.text_file import TEXT_LIMIT, read_bytes
from planner.formats.zip_guard import read_office_file, refuse_macro_name
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
    # what offices' own sheets were seen to call them
    "申请人姓名": "name", "负责人": "name", "项目负责人": "name", "申报人": "name",
    "所在单位": "institution", "依托单位": "institution", "申报单位": "institution",
    "所在院系": "department", "联系电话": "phone", "手机号": "phone", "手机号码": "phone",
    "邮件": "email", "电子邮件": "email", "email地址": "email",
    "申报课题": "topic", "课题号": "topic", "课题序号": "topic", "申报课题编号": "topic",
    "研究方向编号": "directions", "方向编号": "directions", "申报方向": "directions",
    "研究方向序号": "directions", "directions_no": "directions",
    "申报题目": "proposal_title", "项目标题": "proposal_title", "申报书题目": "proposal_title",
}  # fmt: skip
_DIRECTION_SPLIT = re.compile(r"[,，;；、\s]+")
DOCX = ".docx"


class ApplicantsFileError(SourceError):
    """The applicants sheet cannot be read at all (format, encoding, missing columns).

    Located by row, as a spreadsheet numbers them (a CSV's rows are its lines, header 1)."""

    def _format(self) -> str:
        where = self.source
        if self.line is not None:
            where += f", row {self.line}"
        if self.field:
            where += f", column '{self.field}'"
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class RowProblem:
    """`message` is English, for the CLI; `code` and `params` let an interface say it in its
    own language (the codes of planner.model.problems.Problem, plus `row_empty`, `row_bad_email`,
    `row_bad_directions` and `row_ambiguous_topic`)."""

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
    if suffix == ".xlsx":
        yield from _read_xlsx(path)
    elif suffix in (".csv", ".txt"):
        yield from _read_csv(path)
    else:
        refuse_macro_name(path, ApplicantsFileError)  # .xlsm: by name, before it is opened
        raise ApplicantsFileError(str(path), "expected an .xlsx or .csv file")


def _read_xlsx(path: Path) -> Iterator[tuple[int, list[object]]]:
    """Rows of the first sheet. Sizes are checked before openpyxl parses (zip_guard); broken
    parts (shared strings, relationships, cells) end in one message, from loading or reading."""
    data = read_office_file(path, ApplicantsFileError, "workbook")
    from openpyxl import load_workbook

    try:
        book = load_workbook(data, read_only=True, data_only=True)
    except Exception as exc:  # a hostile workbook: zipfile, XML, KeyError, IndexError, …
        raise ApplicantsFileError(str(path), _workbook_problem(exc)) from None
    try:
        sheet = book.worksheets[0]
        rows = sheet.iter_rows()
        number = 0
        while True:
            try:
                row = next(rows, None)
            except Exception as exc:
                raise ApplicantsFileError(
                    str(path), _workbook_problem(exc), line=number + 1
                ) from None
            if row is None:
                return
            number += 1
            if number > MAX_ROWS:
                raise ApplicantsFileError(str(path), f"more than {MAX_ROWS:,} rows")
            yield number, [_xlsx_value(cell) for cell in row[:MAX_COLUMNS]]
    finally:
        book.close()


SNIFF_CHARS = 1024
# an office's sheet has hundreds of rows; a sheet claiming a million cells is not one
MAX_ROWS = 20_000
MAX_COLUMNS = 100


def _workbook_problem(exc: Exception) -> str:
    text = str(exc)
    text = text if len(text) <= 80 else text[:80] + "…"
    return f"cannot read the workbook: a broken part ({type(exc).__name__}: {text})"


def _xlsx_value(cell: object) -> object:
    """The cell's value; a number shown with leading zeros (format `00000000`, how Excel keeps
    a phone or id number) is the text shown, zeros included."""
    value = getattr(cell, "value", None)
    number_format = getattr(cell, "number_format", "") or ""
    if (
        isinstance(value, int)
        and not isinstance(value, bool)
        and 1 < len(number_format) <= 30
        and set(number_format) == {"0"}
    ):
        return str(value).zfill(len(number_format))
    return value


def _read_csv(path: Path) -> Iterator[tuple[int, list[object]]]:
    data = read_bytes(path, ApplicantsFileError, TEXT_LIMIT)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:  # Excel on a Chinese Windows saves "CSV" as GBK
            text = data.decode("gb18030")
        except UnicodeDecodeError:
            raise ApplicantsFileError(str(path), "neither UTF-8 nor GBK text") from None
    try:
        # the Sniffer's patterns are quadratic: 4,096 characters of `,",` took it 0.5 s; the
        # header row and a line or two fit in 1,024 (~30 ms at worst)
        dialect = csv.Sniffer().sniff(text[:SNIFF_CHARS], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    try:
        for row in reader:
            yield reader.line_num, list(row)
    except csv.Error as exc:
        raise ApplicantsFileError(str(path), str(exc), line=reader.line_num) from None


_DECIMAL_ID = re.compile(r"\d{1,9}(?:\.\d{1,9})?")


def _same_number(topic_id: str, value: float) -> bool:
    """Whether the topic id, read as a number the way Excel reads a typed cell, is `value`."""
    return bool(_DECIMAL_ID.fullmatch(topic_id)) and float(topic_id) == value


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
    topic_cell = cells.get("topic")
    if isinstance(topic_cell, (int, float)) and not isinstance(topic_cell, bool):
        # Excel keeps "1.10" typed into a cell as the number 1.1: find which topic it was
        candidates = [t.id for t in call.topics() if _same_number(t.id, topic_cell)]
        if len(candidates) > 1:
            both = " / ".join(candidates)  # a value the Chinese wording can show as well
            message = (
                f"the cell holds the number {topic_cell:g}, which could be topic {both}; "
                f"type the topic as text (with a leading ' in Excel)"
            )
            problems.append(
                RowProblem(number, "topic", message, "row_ambiguous_topic", {"topics": both})
            )
        elif candidates:
            text["topic"] = candidates[0]
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
    if unknown:  # an office's sheet has columns of its own (序号, 备注): never a reason to stop
        plan.notes.append(f"{source}: ignored columns {', '.join(unknown)} (not a proposal field)")
    seen: set[str] = set()
    for header, key in zip(header_row[1], keys, strict=True):
        if key in COLUMNS and key in seen:
            plan.notes.append(f"{source}: column “{header}” repeats {key}; the first is used")
        seen.add(key)
    keys = [k if k in COLUMNS and keys.index(k) == i else "" for i, k in enumerate(keys)]
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
