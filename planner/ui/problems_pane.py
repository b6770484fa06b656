"""The problems list, like an IDE's: every validation problem of the open proposal.

The core's `Problem.message` is English (for the CLI); here each problem is said again from
its `code` and `params` through `self.tr`, and its field is named as the form names it
("Title", the section's title, "Direction 2") rather than as a path into the file.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from planner.call import Call
from planner.problems import Problem
from planner.ui.icons import ui_icon

FIELD_ROLE = Qt.ItemDataRole.UserRole
_INDEXED = re.compile(r"(\w+)\[(\d+)\]$")


def fill(template: str, params: dict[str, object]) -> str:
    """`{name}` placeholders replaced by their values (values may hold braces themselves)."""
    return re.sub(
        r"\{(\w+)\}",
        lambda m: str(params[m.group(1)]) if m.group(1) in params else m.group(0),
        template,
    )


class ProblemsPane(QTreeWidget):
    problemActivated = Signal(str)  # the problem's field, e.g. "sections.budget"

    def __init__(self, call: Call, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.call = call
        self._problems: list[Problem] = []
        self._error_icon = ui_icon("error", "dialog-error")
        self._warning_icon = ui_icon("warning", "dialog-warning")
        self.setColumnCount(3)
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.itemActivated.connect(self._on_activated)
        self.retranslate()

    def retranslate(self) -> None:
        self.setHeaderLabels([self.tr("Severity"), self.tr("Field"), self.tr("Problem")])
        self._show()

    def set_call(self, call: Call) -> None:
        """Section titles come from the call's form."""
        self.call = call
        self._show()

    def set_problems(self, problems: list[Problem]) -> None:
        # each edit revalidates: rebuilding an unchanged list (and sizing its columns) is waste
        if problems == self._problems and self.topLevelItemCount() == len(problems):
            return
        self._problems = list(problems)
        self._show()

    def _show(self) -> None:
        self.clear()
        icons = {True: self._error_icon, False: self._warning_icon}
        # errors first: they make the proposal invalid
        for problem in sorted(self._problems, key=lambda p: not p.is_error):
            severity = self.tr("Error") if problem.is_error else self.tr("Warning")
            message = self.message(problem)
            item = QTreeWidgetItem(self, [severity, self.field_label(problem), message])
            item.setIcon(0, icons[problem.is_error])
            item.setData(0, FIELD_ROLE, problem.field)
            where = problem.field
            if problem.line is not None:
                where += "  " + self.tr("(line %1 of the file)").replace("%1", str(problem.line))
            item.setToolTip(1, where)
            item.setToolTip(2, message)
        gap = self.fontMetrics().height()  # else the longest label touches the next column
        for column in (0, 1):
            self.resizeColumnToContents(column)
            self.setColumnWidth(column, self.columnWidth(column) + gap)

    def rows(self) -> list[tuple[str, str, str]]:
        """What the list shows: severity, field label, message."""
        return [
            tuple(self.topLevelItem(i).text(c) for c in range(3))  # type: ignore[misc]
            for i in range(self.topLevelItemCount())
        ]

    def fields(self) -> list[str]:
        """The field path of each row, in row order."""
        return [
            str(self.topLevelItem(i).data(0, FIELD_ROLE)) for i in range(self.topLevelItemCount())
        ]

    # -- wording
    def field_label(self, problem: Problem) -> str:
        field = problem.field
        fixed = {
            "title": self.tr("Title"),
            "topic": self.tr("Topic"),
            "call": self.tr("Call"),
            "directions": self.tr("Directions"),
            "own_directions": self.tr("Own directions"),
            "schema": self.tr("File format"),
            "status": self.tr("Status"),
            "applicant": self.tr("Applicant"),
            "sections": self.tr("Proposal form"),
            "applicant.name": self.tr("Applicant name"),
            "applicant.title": self.tr("Academic title"),
            "applicant.institution": self.tr("Institution"),
            "applicant.department": self.tr("Department"),
            "applicant.email": self.tr("Email"),
            "applicant.phone": self.tr("Phone"),
        }
        if field in fixed:
            return fixed[field]
        if field.startswith("sections."):
            key = field.split(".", 1)[1]
            section = self.call.section(key)
            return section.title if section is not None else key
        if m := _INDEXED.match(field):
            name, index = m.group(1), m.group(2)
            if name == "directions":
                number = problem.params.get("number")
                if number is not None:
                    return self.tr("Direction %1").replace("%1", str(number))
                return self.tr("Directions, item %1").replace("%1", index)
            if name == "own_directions":
                return self.tr("Own direction %1").replace("%1", index)
        return field

    def message(self, problem: Problem) -> str:
        code = problem.code
        if code == "direction_out_of_range" and not problem.params.get("count"):
            code = "direction_out_of_range_none"
        template = self._templates().get(code)
        if template is None:  # a problem from somewhere that gives no code: its own words
            return problem.message
        params = dict(problem.params)
        if "found" in params:
            params["found"] = self._kind(str(params["found"]))
        return fill(template, params)

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
            "unknown_section": self.tr("unknown section “{key}” (the form has: {known})"),
            # the Field column names the section already
            "section_over_limit": self.tr("{count} characters, over the limit of {limit}"),
            "section_empty": self.tr("this required section is empty"),
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
        }

    def _on_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        self.problemActivated.emit(str(item.data(0, FIELD_ROLE)))
