"""Problems in the office's language, one wording for every view that shows them.

`Problem.message` is English (for the CLI); here each problem is said again from its `code` and
`params`, and its field is named as the form names it ("Title", the section's title,
"Direction 2") rather than as a path into the file. The summary sheet uses it directly; the
app's problems list, workspace tooltips and mail-merge report through planner.ui.problem_text,
in the UI's language. The Chinese is planner.model.wording_zh: one table for both.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Protocol

from planner.model.call import Call
from planner.model.problems import Problem
from planner.model.wording import ENGLISH, fill, say

if TYPE_CHECKING:  # the problems list is on the app's start path; mail-merge is not
    from planner.office.mail_merge import RowProblem

_INDEXED = re.compile(r"(\w+)\[(\d+)\]$")
_REFERENCE = re.compile(r"references\[(\d+)\](?:\.(.+))?$")  # references[2].title
# a sheet's columns (planner.office.mail_merge.COLUMNS) are the proposal's fields of the same
# meaning
_SHEET_FIELDS = {
    "name": "applicant.name", "title": "applicant.title", "institution": "applicant.institution",
    "department": "applicant.department", "email": "applicant.email", "phone": "applicant.phone",
    "topic": "topic", "directions": "directions", "proposal_title": "title",
}  # fmt: skip


class Coded(Protocol):
    """What can be worded from its code: a Problem, a sheet's RowProblem, an import note."""

    @property
    def code(self) -> str: ...
    @property
    def message(self) -> str: ...
    @property
    def params(self) -> Mapping[str, object]: ...


class ProblemWording:
    """Says a Problem (or a RowProblem of a sheet) in `language` (planner.model.wording)."""

    def __init__(self, call: Call, language: str = ENGLISH) -> None:
        self.call = call  # section titles come from the call's form
        self.language = language

    def tr(self, english: str) -> str:
        return say(self.language, english)

    def severity(self, problem: Problem) -> str:
        return self.tr("Error") if problem.is_error else self.tr("Warning")

    def describe(self, problem: Problem) -> str:
        """One line: severity, field and message (and the file's line, when known)."""
        text = fill(
            self.tr("{severity} · {field}: {message}"),
            severity=self.severity(problem),
            field=self.field_label(problem),
            message=self.message(problem),
        )
        if problem.line is not None:
            text += "  " + self.where(problem)
        return text

    def where(self, problem: Problem) -> str:
        return fill(self.tr("(line {line} of the file)"), line=problem.line)

    def describe_row(self, problem: RowProblem, sheet: str) -> str:
        """A bad row of an applicants sheet, located as the spreadsheet shows it."""
        column = self._labels().get(_SHEET_FIELDS.get(problem.column, ""), problem.column)
        return fill(
            self.tr("{sheet}, row {row}, column “{column}”: {message}"),
            sheet=sheet,
            row=problem.row,
            column=column,
            message=self.message(problem),
        )

    def _labels(self) -> dict[str, str]:
        """The fields every proposal has, named as the form names them."""
        return {
            "title": self.tr("Title"),
            "topic": self.tr("Topic"),
            "call": self.tr("Call"),
            "directions": self.tr("Directions"),
            "own_directions": self.tr("Own directions"),
            "schema": self.tr("File format"),
            "file": self.tr("File"),
            "status": self.tr("Status"),
            "applicant": self.tr("Applicant"),
            "sections": self.tr("Proposal form"),
            "pages": self.tr("Pages"),
            "references": self.tr("References"),
            "applicant.name": self.tr("Applicant name"),
            "applicant.title": self.tr("Academic title"),
            "applicant.institution": self.tr("Institution"),
            "applicant.department": self.tr("Department"),
            "applicant.email": self.tr("Email"),
            "applicant.phone": self.tr("Phone"),
        }

    def field_label(self, problem: Problem) -> str:
        field = problem.field
        fixed = self._labels()
        if field in fixed:
            return fixed[field]
        if field.startswith("sections."):
            key = field.split(".", 1)[1]
            section = self.call.section(key)
            return section.title if section is not None else key
        if m := _REFERENCE.match(field):
            ident = str(problem.params.get("id") or m.group(1))
            label = fill(self.tr("Reference {id}"), id=ident)
            return f"{label} · {m.group(2)}" if m.group(2) else label
        if m := _INDEXED.match(field):
            name, index = m.group(1), m.group(2)
            if name == "directions":
                number = problem.params.get("number")
                if number is not None:
                    return fill(self.tr("Direction {number}"), number=number)
                return fill(self.tr("Directions, item {index}"), index=index)
            if name == "own_directions":
                return fill(self.tr("Own direction {index}"), index=index)
        return field

    def message(self, problem: Coded) -> str:
        code = problem.code
        if code == "direction_out_of_range" and not problem.params.get("count"):
            code = "direction_out_of_range_none"
        template = self._templates().get(code)
        if template is None:  # a problem from somewhere that gives no code: its own words
            return problem.message
        params = dict(problem.params)
        if "found" in params:
            params["found"] = self._kind(str(params["found"]))
        if code == "figure_unreadable":
            params["reason"] = self._image_reason(str(params.get("reason", "")))
        return fill(template, **{str(k): v for k, v in params.items()})

    def _image_reason(self, reason: str) -> str:
        """planner.document.images' reasons."""
        reasons = {
            "missing": self.tr("there is no such file"),
            "unreadable": self.tr("the file cannot be opened"),
            "not_image": self.tr("it is not a PNG, JPEG, GIF or BMP image"),
            "corrupt": self.tr("the file is damaged"),
            "too_large": self.tr("the picture is too large"),
        }
        return reasons.get(reason, reason)

    def _kind(self, english: str) -> str:
        """The YAML kinds `describe_type` names."""
        kinds = {
            "nothing": self.tr("nothing"),
            "a mapping": self.tr("a mapping"),
            "a list": self.tr("a list"),
            "text": self.tr("text"),
            "true/false": self.tr("true/false"),
            "a number": self.tr("a number"),
            "a float": self.tr("a decimal number"),
        }
        return kinds.get(english, english)

    def _templates(self) -> dict[str, str]:
        return {
            # validate.py
            "call_mismatch": self.tr(
                "written for the call “{proposal_call}”, but the loaded call is “{call}”"
            ),
            "no_topic": self.tr("no topic chosen"),
            "unknown_topic": self.tr("unknown topic {topic}: the call “{call}” has no such topic"),
            "direction_twice": self.tr("direction {number} is listed twice"),
            "direction_out_of_range": self.tr(
                "direction {number} is out of range: topic {topic} has directions 1–{count}"
            ),
            "direction_out_of_range_none": self.tr(
                "direction {number} is out of range: topic {topic} has no suggested directions"
            ),
            "own_direction_empty": self.tr("this own direction is empty"),
            "no_direction": self.tr("no direction chosen: tick a suggested one or add your own"),
            "no_title": self.tr("the proposal has no title"),
            "no_applicant_name": self.tr("the applicant's name is empty"),
            "no_institution": self.tr("the applicant's institution is empty"),
            "bad_email": self.tr("“{value}” is not an e-mail address (name@example.cn)"),
            "bad_phone": self.tr("“{value}” is not a phone number (13800138000, 010-12345678)"),
            "unknown_section": self.tr("unknown section “{key}” (the form has: {known})"),
            # the Field column names the section already
            "section_over_limit": self.tr("{count} characters, over the limit of {limit}"),
            "section_empty": self.tr("this required section is empty"),
            "over_page_limit": self.tr("{pages} pages, over the call's limit of {limit}"),
            # office/returned.py: a returned Word file in a workspace
            "word_unreadable": self.tr("the Word file cannot be read: {reason}"),
            "word_unplaced": self.tr("not read from the Word file: {note}"),
            "word_tracked_changes": self.tr(
                "{count} tracked changes in the Word file were read as if accepted"
            ),
            # document_checks.py
            "figure_unreadable": self.tr("the picture {path} cannot be used: {reason}"),
            "table_ragged": self.tr(
                "table {number} of this section has rows of different lengths; "
                "they are padded with empty cells"
            ),
            "unknown_citation": self.tr("[@{key}] cites “{key}”, which is not in the references"),
            "reference_not_cited": self.tr("this reference is never cited (cite it as [@{id}])"),
            # proposal_file.py
            "unknown_key": self.tr("unknown key “{key}” (a proposal has: {known})"),
            "bad_schema": self.tr(
                "file format version {schema} is not {expected}, the version this program reads"
            ),
            "bad_status": self.tr("status “{status}” is not one of {known}"),
            "expected_text": self.tr("expected text, found {found}"),
            "expected_text_list": self.tr("expected a list of text, found {found}"),
            "expected_direction_list": self.tr(
                "expected a list of direction numbers, found {found}"
            ),
            "expected_direction_number": self.tr(
                "expected a direction number, found {found} {value}"
            ),
            "expected_applicant_mapping": self.tr(
                "expected the applicant's fields ({known}), found {found}"
            ),
            "unknown_applicant_field": self.tr("unknown applicant field “{key}” (known: {known})"),
            "expected_sections_mapping": self.tr(
                "expected the form's sections with their text, found {found}"
            ),
            # planner/references/csl.py: the references of a proposal file
            "expected_reference_list": self.tr("expected a list of references, found {found}"),
            "too_many_references": self.tr("more than {limit} references; the rest are ignored"),
            "expected_reference_mapping": self.tr(
                "expected a reference (id, type, title, …), found {found}"
            ),
            "reference_without_id": self.tr(
                "a reference needs an id (the key cited as [@id]), found {found}"
            ),
            "bad_reference_id": self.tr(
                "“{id}” is not a citation key (no spaces, at most 200 characters)"
            ),
            "duplicate_reference_id": self.tr("the id “{id}” is used by reference {first} already"),
            "unknown_reference_field": self.tr("unknown field “{key}”"),
            "reference_expected_text": self.tr("expected text, found {found}"),
            "unknown_reference_type": self.tr(
                "“{value}” is not a CSL type (article-journal, book, chapter, thesis, …)"
            ),
            "reference_expected_number": self.tr("expected a number or text, found {found}"),
            "reference_too_long": self.tr("longer than {limit} characters"),
            "reference_expected_names": self.tr(
                "expected a list of names ({family, given} or {literal}), found {found}"
            ),
            "reference_too_many_names": self.tr("more than {limit} names"),
            "reference_bad_name": self.tr("name {index}: expected {family, given} or {literal}"),
            "reference_bad_name_part": self.tr("name {index}: unknown part “{part}”"),
            "reference_bad_date": self.tr(
                "expected a date ({date-parts: [[2015, 12, 1]]} or {literal: …}), found {found}"
            ),
            # mail_merge.py: a row of an applicants sheet
            "row_empty": self.tr("this cell is empty"),
            "row_bad_email": self.tr("“{value}” is not an e-mail address"),
            "row_bad_directions": self.tr("expected direction numbers like 1,3, found “{value}”"),
            "row_ambiguous_topic": self.tr(
                "the cell holds a number that could be topic {topics}; type the topic as text "
                "(with a leading ' in Excel)"
            ),
            # text_file.py and proposal_file.py: a file that cannot be read at all
            "file_unreadable": self.tr("cannot read the file: {reason}"),
            "not_regular_file": self.tr("not a regular file"),
            "file_too_large": self.tr(
                "the file is too large ({size} MB; at most {limit} MB is read)"
            ),
            "not_utf8": self.tr("not UTF-8 text (is it a binary file?)"),
            "yaml_syntax": self.tr("YAML syntax error: {detail}"),  # detail: the parser's words
            "file_empty": self.tr("the file is empty, not a proposal"),
            "not_a_mapping": self.tr(
                "not a proposal: the file must be a mapping of keys (schema, call, topic, …)"
            ),
            # call_import.py: what an imported call left out (ImportNote)
            "call_title_block": self.tr(
                "the title block “{text}”: not a topic (it names the call)"
            ),
            "call_text_before_areas": self.tr(
                "text before the first area, not part of any topic: “{text}”"
            ),
            "call_table_dropped": self.tr(
                "a table of {rows} rows was not read (tables are not topics; put its text in "
                "paragraphs): “{text}”"
            ),
            "call_topic_no_directions": self.tr("topic {topic} has no suggested directions"),
            # workspace.py: a link that leaves the folder is never read
            "outside_link": self.tr("skipped: a link to a file outside the folder (not read)"),
        }
