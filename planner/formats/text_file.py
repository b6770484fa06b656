"""Read a user's text file (a call, a proposal, a paragraph to match) as UTF-8, with errors
that name the file and, for bad encoding, the line."""

from __future__ import annotations

from pathlib import Path

from planner.errors import SourceError


def read_text(path: Path, error: type[SourceError]) -> str:
    """The file's text (a UTF-8 BOM dropped); OS and encoding failures raise `error`."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise error(str(path), f"cannot read the file: {exc.strerror or exc}") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise error(str(path), "not UTF-8 text (is it a binary file?)", line=line) from None
