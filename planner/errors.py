"""Typed errors a user can cause, each naming the file, line and field at fault."""

from __future__ import annotations


class PlannerError(Exception):
    """Base of every error a user can cause; `str()` is a whole message for a dialog or stderr."""


class SourceError(PlannerError):
    """A problem in a file the user gave us, located as precisely as we know."""

    def __init__(
        self,
        source: str,
        message: str,
        *,
        line: int | None = None,
        field: str | None = None,
        code: str = "",
        params: dict[str, object] | None = None,
    ) -> None:
        self.source = source
        self.line = line
        self.field = field
        self.message = message
        # as Problem's: what lets a view word the fault in its own language (`message` is English)
        self.code = code
        self.params = params or {}
        super().__init__(self._format())

    def _format(self) -> str:
        where = self.source
        if self.line is not None:
            where += f", line {self.line}"
        if self.field:
            where += f", field '{self.field}'"
        return f"{where}: {self.message}"


class CallFileError(SourceError):
    """A call file (topics.yaml or an imported call) is broken."""


class ProposalFileError(SourceError):
    """A proposal file cannot be read at all (not YAML, not a mapping, unreadable)."""


class UnknownTopicError(PlannerError):
    """A topic id that the call does not have."""

    def __init__(self, topic_id: str, call_id: str) -> None:
        self.topic_id = topic_id
        super().__init__(f"topic {topic_id} is not in call '{call_id}'")


class FileWriteError(PlannerError):
    """A target file could not be written; the previous file, if any, is untouched."""


class ExportError(PlannerError):
    """A .docx export failed (unwritable target, unusable template, text lost on the way);
    an existing file at the target is untouched."""


class ReferenceFileError(SourceError):
    """A reference file to import (.bib, .ris, CSL-JSON) cannot be read at all."""


class WordFileError(SourceError):
    """A returned Word file cannot be read at all (not a .docx, damaged, hostile, macros)."""
