"""The research office's overview of a workspace: summary.xlsx and summary.csv.

Sheet 1 (and the CSV): one row per proposal file, broken ones included with their problems.
Sheet 2: proposals per topic, every topic of the call listed, zeros included.
Both in the office's language (`language`: planner.model.wording, English or Chinese): headers,
statuses, yes/no and problems (said from their codes, as the app says them).
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from planner.document.clean import strip_not_xml
from planner.formats.yaml_lines import excerpt
from planner.model.call import Call
from planner.model.problem_wording import ProblemWording
from planner.model.validate import section_counts
from planner.model.wording import ENGLISH, fill, say, status_labels
from planner.office.notes import read_notes
from planner.office.safe_names import contained
from planner.office.workspace import Entry, Workspace
from planner.storage.atomic_write import write_atomic

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

XLSX_NAME = "summary.xlsx"
CSV_NAME = "summary.csv"
Cell = str | int | float
Row = list[Cell]

# A CSV cell starting with one of these is run as a formula by Excel ("CSV injection"); OWASP
# lists TAB, CR and LF too: Excel skips them and reads the `=` behind. Such a cell gets a `'`.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def duplicate_applicants(entries: list[Entry]) -> dict[str, list[str]]:
    """For each entry whose applicant (name + institution, or e-mail) also appears in another
    entry: the names of those other entries. Both sides are flagged."""
    groups: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for entry in entries:
        if entry.proposal is None:
            continue
        a = entry.proposal.applicant
        name, institution = a.name.strip().casefold(), a.institution.strip().casefold()
        if name and institution:
            groups[("name", name, institution)].append(entry.name)
        email = a.email.strip().casefold()
        if email:
            groups[("email", email)].append(entry.name)
    others: dict[str, list[str]] = defaultdict(list)
    for names in groups.values():
        for name in names:
            for other in names:
                if other != name and other not in others[name]:
                    others[name].append(other)
    return dict(others)


# Sheet 1's columns, by their English header (the key a script or a test looks for); new
# columns go last, so the columns scripts already read keep their places.
COMPLETENESS = "Completeness"
VALID = "Valid"


def summary_columns(call: Call) -> list[str]:
    """The English headers of sheet 1; `summary_header` says them in a language."""
    return [
        "File",
        "Exported as",
        "Applicant",
        "Institution",
        "E-mail",
        "Topic",
        "Topic title",
        "Directions",
        "Title",
        COMPLETENESS,
        *(fill("{section} (characters)", section=s.title) for s in call.form),
        "Pages",
        "Status",
        VALID,
        "Duplicate applicant",
        "Problems",
        "Academic title",
        "Department",
        "Phone",
        "Own directions",
        "Reviewer note",
        "Source",  # last, so the columns scripts already read keep their places
    ]


def summary_header(call: Call, language: str = ENGLISH) -> list[str]:
    header = [say(language, h) for h in summary_columns(call)[:10]]
    header += [fill(say(language, "{section} (characters)"), section=s.title) for s in call.form]
    header += [say(language, h) for h in summary_columns(call)[10 + len(call.form) :]]
    return header


def summary_rows(
    workspace: Workspace,
    exported: Mapping[str, Path] | None = None,
    pages: Mapping[str, int] | None = None,
    language: str = ENGLISH,
) -> list[Row]:
    """Sheet 1 as plain values; `exported` maps an entry's name to the .docx written for it,
    `pages` to its page count (known when a PDF was made; empty otherwise).
    Completeness is a fraction 0..1; counts are ints."""
    exported = exported or {}
    pages = pages or {}
    call = workspace.call
    dupes = duplicate_applicants(workspace.entries)
    notes = read_notes(workspace.root)
    wording = ProblemWording(call, language)
    statuses = status_labels(language)
    yes, no = say(language, "yes"), say(language, "no")
    columns = summary_columns(call)
    rows: list[Row] = []
    for entry in workspace.entries:
        p = entry.proposal
        target = exported.get(entry.name)
        # a value quoted in a problem (a 4 MB topic id…) is cut: the summary is sent around
        problems = "; ".join(excerpt(wording.describe(problem), 300) for problem in entry.problems)
        dupe = ", ".join(dupes.get(entry.name, []))
        dupe = fill(say(language, "same applicant as {files}"), files=dupe) if dupe else ""
        note = notes.get(entry.name, "")
        source = say(language, source_label(entry))
        if p is None:
            row: Row = [""] * len(columns)
            row[0] = entry.name
            for key, value in ((VALID, no), ("Duplicate applicant", dupe),
                               ("Problems", problems), ("Source", source),
                               ("Reviewer note", note)):  # fmt: skip
                row[columns.index(key)] = value
            rows.append(row)
            continue
        topic_title = call.topic(p.topic).title if call.has_topic(p.topic) else ""
        a = p.applicant
        rows.append(
            [
                entry.name,
                target.name if target else "",
                a.name,
                a.institution,
                a.email,
                p.topic,
                topic_title,
                ", ".join(str(n) for n in p.directions),
                p.title,
                round(entry.completeness, 4),
                *(sc.count for sc in section_counts(p, call)),
                pages.get(entry.name, ""),
                statuses.get(p.status, p.status),
                yes if entry.valid else no,
                dupe,
                problems,
                a.title,
                a.department,
                a.phone,
                "; ".join(t for t in p.own_directions if t.strip()),
                note,
                source,
            ]
        )
    return rows


def source_label(entry: Entry) -> str:
    """Where a row's proposal came from: a proposal file, or a Word file sent back (issue 15)."""
    return "Word (.docx)" if entry.from_word else "proposal file"


def topic_rows(workspace: Workspace) -> list[Row]:
    """Sheet 2: topic id, area, topic title, proposals, valid proposals — every topic listed."""
    call = workspace.call
    valid: dict[str, int] = defaultdict(int)
    for entry in workspace.valid:
        assert entry.proposal is not None
        valid[entry.proposal.topic] += 1
    counts = workspace.topic_counts()
    return [
        [t.id, call.area_of(t).title, t.title, counts[t.id], valid[t.id]] for t in call.topics()
    ]


TOPIC_HEADER = ["Topic", "Area", "Topic title", "Proposals", "Valid proposals"]


def topic_header(language: str = ENGLISH) -> list[str]:
    return [say(language, h) for h in TOPIC_HEADER]


def clean_cell(value: Cell) -> Cell:
    """What openpyxl (and XML) refuses is dropped: applicants paste all sorts into titles."""
    return strip_not_xml(value) if isinstance(value, str) else value


def csv_cell(value: Cell, column: str) -> str:
    """`column`: the English header (summary_columns)."""
    if column == COMPLETENESS and isinstance(value, float):
        return f"{round(value * 100)}%"
    text = str(clean_cell(value))
    return "'" + text if text.startswith(_FORMULA_START) else text


def summary_csv_bytes(
    workspace: Workspace, rows: list[Row] | None = None, language: str = ENGLISH
) -> bytes:
    """Sheet 1 as CSV, UTF-8 with a BOM: without it Excel shows Chinese as mojibake.
    `rows`: summary_rows(), when the caller already has them (counting is the slow part)."""
    columns = summary_columns(workspace.call)
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(summary_header(workspace.call, language))
    for row in summary_rows(workspace, language=language) if rows is None else rows:
        writer.writerow([csv_cell(v, col) for v, col in zip(row, columns, strict=True)])
    return out.getvalue().encode("utf-8-sig")


def summary_xlsx_bytes(
    workspace: Workspace, rows: list[Row] | None = None, language: str = ENGLISH
) -> bytes:
    from openpyxl import Workbook  # only when a summary is written: it is slow to import
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.worksheet import Worksheet

    columns = summary_columns(workspace.call)
    book = Workbook()
    sheet = book.active
    assert isinstance(sheet, Worksheet)  # a new workbook's one sheet
    sheet.title = say(language, "Proposals")
    rows = summary_rows(workspace, language=language) if rows is None else rows
    _fill_sheet(sheet, summary_header(workspace.call, language), rows)
    percent = columns.index(COMPLETENESS)
    invalid_fill = PatternFill("solid", fgColor="FCE4E4")
    valid_col = columns.index(VALID)
    no = say(language, "no")
    for row in sheet.iter_rows(min_row=2):
        row[percent].number_format = "0%"
        if row[valid_col].value == no:
            for cell in row:
                cell.fill = invalid_fill
    topics = book.create_sheet(say(language, "Topics"))
    _fill_sheet(topics, topic_header(language), topic_rows(workspace))
    for ws in (sheet, topics):
        for cell in ws[1]:
            cell.font = Font(bold=True)
        ws.freeze_panes = "A2"  # the header row stays put
        ws.auto_filter.ref = ws.dimensions  # and each column can be filtered
        for i, col in enumerate(ws.iter_cols(values_only=True), start=1):
            width = max((_display_width(v) for v in col), default=8)
            ws.column_dimensions[get_column_letter(i)].width = min(max(width + 2, 8), 60)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _fill_sheet(sheet: Worksheet, header: list[str], rows: list[Row]) -> None:
    sheet.append(header)
    for row in rows:
        sheet.append([clean_cell(v) for v in row])
    for cells in sheet.iter_rows(min_row=2):
        for cell in cells:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # text that looks like a formula stays text


def _display_width(value: Cell | None) -> int:
    text = "" if value is None else str(value)
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def write_summaries(
    workspace: Workspace,
    outdir: Path,
    exported: Mapping[str, Path] | None = None,
    pages: Mapping[str, int] | None = None,
    language: str = ENGLISH,
) -> tuple[Path, Path]:
    """Write summary.xlsx and summary.csv into `outdir` (atomically); return their paths."""
    outdir.mkdir(parents=True, exist_ok=True)
    xlsx, csv_path = contained(outdir, XLSX_NAME), contained(outdir, CSV_NAME)
    rows = summary_rows(workspace, exported, pages, language)
    write_atomic(xlsx, summary_xlsx_bytes(workspace, rows, language), keep_backup=False)
    write_atomic(csv_path, summary_csv_bytes(workspace, rows, language), keep_backup=False)
    return xlsx, csv_path
