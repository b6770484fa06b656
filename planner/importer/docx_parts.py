"""A returned .docx's body split into its parts: front matter (title, applicant table), the
topic part, one run of units per section of the call's form, and the 参考文献 list (issue 15).

A unit inside a content control tagged with a section key belongs to that section wherever it
stands; the others belong to the part whose heading they follow. Headings are matched to the
form's titles with the number, spacing and punctuation ignored, then a renamed heading is taken
when it is clearly one unused section's or stands exactly where one section is missing; every
tolerance becomes a note for the report.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from planner.document.numerals import to_chinese
from planner.importer.docx_body import Para, Unit
from planner.importer.heading_match import best_renamed, exact, normalize
from planner.model.call import Call

TOPIC_HEADING = "申报课题与研究方向"
REFERENCE_HEADINGS = ("参考文献", "references", "bibliography")


@dataclass
class Parts:
    front: list[Unit] = field(default_factory=list)
    topic: list[Unit] = field(default_factory=list)
    sections: dict[str, list[Unit]] = field(default_factory=dict)
    references: list[Unit] = field(default_factory=list)


class Splitter:
    """Units → parts. A unit inside a content control tagged with a section key belongs to it
    wherever it is; the others belong to the part whose heading they follow."""

    def __init__(self, call: Call, note: Callable[..., None]) -> None:
        self.call = call
        self.note = note
        self.keys = {s.key for s in call.form}
        self.titles = {s.key: s.title for s in call.form}
        # as the exporter writes them: 一、 is the topic part, the sections follow from 二、
        self.written = {
            s.key: f"{to_chinese(n)}、{s.title}" for n, s in enumerate(call.form, start=2)
        }

    def split(self, units: list[Unit]) -> Parts:
        parts = Parts()
        marks = self._headings(units)
        current: list[Unit] = parts.front
        for i, unit in enumerate(units):
            if i in marks:
                mark = marks[i]
                if mark == "topic":
                    current = parts.topic
                elif mark == "references":
                    current = parts.references
                else:
                    current = parts.sections.setdefault(mark, [])
                continue
            if unit.control in self.keys:
                parts.sections.setdefault(unit.control, []).append(unit)
                continue
            current.append(unit)
        return parts

    def _headings(self, units: list[Unit]) -> dict[int, str]:
        """Unit index → 'topic', 'references' or the section key its heading starts."""
        marks: dict[int, str] = {}
        used: set[str] = set()
        candidates: list[int] = []
        for i, unit in enumerate(units):
            if not isinstance(unit, Para) or unit.control in self.keys:
                continue
            text = " ".join(unit.text.split())
            if not text or len(text) > 60:
                continue
            top = unit.heading == 1
            if normalize(text) == normalize(TOPIC_HEADING) and (top or unit.heading is None):
                marks[i] = "topic"
                continue
            if normalize(text) in REFERENCE_HEADINGS and (top or unit.heading is None):
                marks[i] = "references"
                continue
            key = next(
                (k for k, t in self.titles.items() if exact(text, t) and k not in used), None
            )
            if key is not None and (top or unit.heading is None):
                marks[i] = key
                used.add(key)
                if text != self.written[key]:  # renumbered, spaced, punctuated otherwise
                    self.note(f"heading '{text}' read as section {self.titles[key]}", unit.number)
            elif top:
                candidates.append(i)
        for i in candidates:
            unit = units[i]
            assert isinstance(unit, Para)
            free = {k: t for k, t in self.titles.items() if k not in used}
            key = best_renamed(unit.text, free) or self._by_position(i, marks, free)
            if key is None:
                continue  # a heading of the applicant's own: kept as a sub-heading
            marks[i] = key
            used.add(key)
            self.note(
                f"heading '{' '.join(unit.text.split())}' read as section "
                f"{self.titles[key]} (renamed)",
                unit.number,
            )
        return marks

    def _by_position(self, index: int, marks: dict[int, str], free: dict[str, str]) -> str | None:
        """A renamed heading standing exactly where one missing section would be."""
        order = [s.key for s in self.call.form]
        before = [marks[j] for j in sorted(marks) if j < index and marks[j] in order]
        after = [marks[j] for j in sorted(marks) if j > index and marks[j] in order]
        low = order.index(before[-1]) + 1 if before else 0
        high = order.index(after[0]) if after else len(order)
        gap = [k for k in order[low:high] if k in free]
        return gap[0] if len(gap) == 1 else None
