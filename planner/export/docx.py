"""Export a proposal to a .docx an applicant can hand in (issue 4). No Qt here.

    result = export_docx(proposal, call, Path("out.docx"), template=None, base=folder)

`base` is the proposal file's folder: a figure's path in the text is relative to it. The
document is built in memory, checked (every letter, ideograph and digit the applicant
wrote must be in it), then written atomically; the written file is read back and compared
with what was checked. Any failure raises ExportError and leaves an existing target untouched.
Only the checks after the rename can find a file already replaced, and they say so.
A figure whose image cannot be used does not stop the export: its place shows a framed
placeholder and `result.problems` names it (the CLI then exits 1).
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from planner.errors import ExportError, FileWriteError
from planner.model.call import Call
from planner.model.problems import Problem
from planner.model.proposal import Proposal
from planner.model.validate import direction_out_of_range
from planner.storage.atomic_write import write_atomic

__all__ = ["ExportError", "ExportResult", "blank_proposal", "build_docx", "export_docx"]


@dataclass(frozen=True)
class ExportResult:
    target: Path
    characters: int  # letters, ideographs and digits of the applicant's text found in the file
    empty_sections: tuple[str, ...] = ()  # form keys exported as guidance placeholders
    size: int = 0  # bytes written
    problems: tuple[Problem, ...] = ()  # figures written as placeholders, one error each


def blank_proposal(call: Call, topic_id: str, directions: Iterable[int] = ()) -> Proposal:
    """An empty proposal for one topic and some of its suggested directions: exported, it is
    the form pre-filled with the topic, for `planner export --topic ID --direction N`."""
    topic = call.topic(topic_id)  # UnknownTopicError names the call
    numbers = list(dict.fromkeys(directions))
    for number in numbers:
        if why := direction_out_of_range(topic, number):  # the rule `validate` applies
            raise ExportError(why)
    return Proposal(
        call=call.id,
        topic=topic.id,
        directions=numbers,
        sections={s.key: "" for s in call.form},
    )


def build_docx(
    proposal: Proposal, call: Call, *, template: Path | None = None, base: Path | None = None
) -> tuple[bytes, ExportResult]:
    """The .docx bytes, checked against the proposal's text; `target` in the result is empty.
    Reused by batch exports that write elsewhere (a zip, a folder of many)."""
    # python-docx is imported here, not at module import, so `planner` CLI commands that do
    # not export never pay for it
    from planner.export.base import new_base
    from planner.export.builder import ProposalBuilder
    from planner.export.verify import check_characters

    builder = ProposalBuilder(proposal, call, new_base(template), base)
    buffer = io.BytesIO()
    builder.build().save(buffer)
    data = buffer.getvalue()
    checked = check_characters(builder.expected, data, "export", also=builder.writer.own)
    return data, ExportResult(
        Path(), checked, tuple(builder.empty_sections), len(data), tuple(builder.problems)
    )


def export_docx(
    proposal: Proposal,
    call: Call,
    target: Path,
    *,
    template: Path | None = None,
    base: Path | None = None,
) -> ExportResult:
    """Write `proposal` as a .docx at `target` (atomically) and verify the written file."""
    target = Path(target)
    if target.is_dir():
        raise ExportError(f"cannot export to {target}: it is a folder; give a file name")
    data, result = build_docx(proposal, call, template=template, base=base)
    try:
        write_atomic(target, data, keep_backup=False)
    except FileWriteError as exc:
        raise ExportError(f"{exc}{_locked_hint(target)}; the existing file is unchanged") from None
    try:
        written = target.read_bytes()
    except OSError as exc:
        raise ExportError(f"{target} was written but cannot be read back: {exc.strerror}") from None
    if written != data:
        raise ExportError(f"{target} was written but reads back differently: check the disk")
    return ExportResult(
        target, result.characters, result.empty_sections, len(data), result.problems
    )


def _locked_hint(target: Path) -> str:
    return (
        " (if it is open in Word or another program, close it and try again)"
        if (target.is_file())
        else ""
    )
