"""Read a reference file to import: .bib, .ris or CSL-JSON (.json), checked as CSL items.

The parsers load on first use (bibtexparser, rispy), so no other command pays for them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from planner.errors import ReferenceFileError
from planner.formats.text_file import read_text
from planner.references.csl import CslItem, check_items

# ~6,000 BibTeX entries, read in ~2 s; a proposal cites dozens. It also bounds the time
# bibtexparser takes on a hostile file (~10 s for 4 MB of nothing but braces).
MAX_BYTES = 4 * 1024 * 1024
SUFFIXES: tuple[str, ...] = (".bib", ".ris", ".json")
_FORMATS = {".bib": "BibTeX", ".ris": "RIS", ".json": "CSL-JSON"}


@dataclass
class ImportedReferences:
    items: list[CslItem]
    warnings: list[str] = field(default_factory=list)  # each names the line or the entry


def read_references(path: Path | str) -> ImportedReferences:
    """The file's references; raises ReferenceFileError when it cannot be read at all."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ReferenceFileError(
            str(path),
            f"not a reference file: expected {', '.join(SUFFIXES)} (BibTeX, RIS, CSL-JSON)",
        )
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ReferenceFileError(
            str(path), f"cannot read the file: {exc.strerror or exc}"
        ) from None
    if size > MAX_BYTES:
        raise ReferenceFileError(
            str(path),
            f"the file is {size >> 20} MB; at most {MAX_BYTES >> 20} MB is read",
        )
    return parse_references(read_text(path, ReferenceFileError), suffix, str(path))


def parse_references(text: str, suffix: str, source: str = "<references>") -> ImportedReferences:
    warnings: list[str] = []
    if suffix == ".bib":
        from planner.references.bibtex import parse_bibtex

        try:
            data, warnings = parse_bibtex(text)
        except RecursionError:  # a nesting deeper than the parser copes with
            raise ReferenceFileError(source, "nested too deeply to be read") from None
    elif suffix == ".ris":
        from planner.references.ris import parse_ris

        try:
            data, warnings = parse_ris(text)
        except ValueError as exc:
            raise ReferenceFileError(source, str(exc)) from None
    else:
        data = _parse_json(text, source)
    items, faults = check_items(data)
    if faults and faults[0].index == -1:  # not a list at all
        raise ReferenceFileError(source, faults[0].message)
    if not items and not faults and not warnings:
        raise ReferenceFileError(
            source, f"no references found: is it a {_FORMATS.get(suffix, suffix)} file?"
        )
    warnings += [f.describe() for f in faults]
    return ImportedReferences(items, warnings)


def _parse_json(text: str, source: str) -> Any:
    def refuse(name: str) -> Any:
        raise ValueError(f"{name} is not a number CSL-JSON allows")

    try:
        return json.loads(text, parse_constant=refuse)
    except json.JSONDecodeError as exc:
        raise ReferenceFileError(source, f"not JSON: {exc.msg}", line=exc.lineno) from None
    except (ValueError, RecursionError) as exc:
        reason = "nested too deeply" if isinstance(exc, RecursionError) else str(exc)
        raise ReferenceFileError(source, f"not CSL-JSON: {reason}") from None
