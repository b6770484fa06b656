"""The 参考文献 list of a returned .docx back to reference entries, and `[n]` markers back to
citations of their keys.

The exporter keeps the proposal's CSL-JSON entries in a custom XML part of the document
(`planner.formats.docx_identity.REFERENCES_NS`). Each printed entry is matched against those
entries formatted again in GB/T 7714: the same text is the same work; a text edited a little in
Word is still matched (and reported); a work typed in by hand matches nothing and is reported
with its paragraph, its markers left as printed text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from difflib import SequenceMatcher
from typing import Any

from planner.document.blocks import (
    Block,
    Figure,
    Heading,
    Inline,
    Inlines,
    ListBlock,
    ListItem,
    Paragraph,
    Table,
    join_spans,
)
from planner.errors import WordFileError
from planner.formats.docx_identity import REFERENCES_NS, REFERENCES_REL
from planner.formats.docx_package import DocxPackage
from planner.importer.docx_body import TableUnit, Unit
from planner.importer.docx_inlines import Marker, citation_of

Note = Callable[..., None]  # note(message, paragraph=None, placed=True)
_ENTRY = re.compile(r"^\s*[\[［]\s*(\d{1,4})\s*[\]］]\s*(.*)$", re.S)
_SPACE = re.compile(r"[\s\u3000]+")
EDITED_RATIO = 0.85


def embedded_references(package: DocxPackage) -> list[dict[str, Any]]:
    """The CSL-JSON entries the exporter stored in the document, or [] when there are none
    (or another program dropped them)."""
    for rel_type, target in package.rels(package.main).values():
        if rel_type != REFERENCES_REL or not package.has(target):
            continue
        try:
            root = package.xml(target)
        except WordFileError:
            return []
        if root.tag != f"{{{REFERENCES_NS}}}references":
            continue
        try:
            data = json.loads(root.text or "[]")
        except ValueError:
            return []
        if isinstance(data, list):
            return [
                item for item in data if isinstance(item, dict) and isinstance(item.get("id"), str)
            ]
    return []


def _format(item: dict[str, Any]) -> str:
    try:
        from planner.references.gbt7714 import format_reference
    except ImportError:  # before branch `references` is merged: match on the title alone
        return str(item.get("title", ""))
    try:
        return format_reference(item)  # type: ignore[arg-type]
    except Exception:  # a stored entry the formatter cannot take is simply not matched
        return ""


def _norm(text: str) -> str:
    return _SPACE.sub("", text).casefold()


def read_reference_list(
    units: list[Unit], package: DocxPackage, note: Note
) -> tuple[dict[int, str], list[dict[str, Any]]]:
    """number → key for every printed entry that matches a stored one, and the stored entries
    that matched (in the order of the printed list)."""
    printed: list[tuple[int, str, int]] = []  # (number, text, paragraph)
    for unit in units:
        if isinstance(unit, TableUnit):
            note("a table in the reference list", unit.number, placed=False)
            continue
        text = " ".join(unit.text.split())
        if not text:
            continue
        match = _ENTRY.match(text)
        if match:
            printed.append((int(match.group(1)), match.group(2).strip(), unit.number))
        elif unit.list is not None:
            printed.append((len(printed) + 1, text, unit.number))
        else:
            note(f"text in the reference list: {text[:40]}", unit.number, placed=False)
    if not printed:
        return {}, []
    stored = embedded_references(package)
    formatted = [(item, _norm(_format(item))) for item in stored]
    keys: dict[int, str] = {}
    matched: list[dict[str, Any]] = []
    for number, text, paragraph in printed:
        wanted = _norm(text)
        item = next((i for i, f in formatted if f and f == wanted), None)
        if item is None and formatted:
            ratio, best = max(
                (
                    (SequenceMatcher(None, wanted, f, autojunk=False).ratio(), n)
                    for n, (_, f) in enumerate(formatted)
                    if f
                ),
                default=(0.0, -1),
            )
            if ratio >= EDITED_RATIO:
                item = formatted[best][0]
                note(
                    f"reference [{number}] was edited in Word; read as '{item['id']}' "
                    "with its stored details",
                    paragraph,
                )
        if item is None:
            note(
                f"reference [{number}] matches no stored entry: {text[:60]}",
                paragraph,
                placed=False,
            )
            continue
        keys[number] = item["id"]
        if item not in matched:
            matched.append(item)
    return keys, matched


def resolve_citations(
    sections: dict[str, tuple[Block, ...]], keys: dict[int, str], note: Note
) -> dict[str, tuple[Block, ...]]:
    """Every Marker as a Citation of its keys, or as its printed text when a number is
    unknown (reported once per number)."""
    unknown: set[int] = set()

    def inlines(runs: Inlines) -> Inlines:
        out: list[Inline] = []
        for run in runs:
            if isinstance(run, Marker):
                missing = [n for n in run.numbers if n not in keys]
                unknown.update(missing)
                out.append(citation_of(run, keys))
            else:
                out.append(run)
        return _join_spans(out)

    def block(b: Block) -> Block:
        if isinstance(b, Paragraph):
            return Paragraph(inlines(b.inlines))
        if isinstance(b, Heading):
            return Heading(b.level, inlines(b.inlines))
        if isinstance(b, ListBlock):
            return ListBlock(
                b.ordered,
                tuple(ListItem(tuple(block(x) for x in item.blocks)) for item in b.items),
                b.start,
            )
        if isinstance(b, Table):
            return Table(
                tuple(inlines(c) for c in b.header),
                tuple(tuple(inlines(c) for c in row) for row in b.rows),
                b.align,
                inlines(b.caption),
                b.ragged,
            )
        if isinstance(b, Figure):
            return Figure(b.path, inlines(b.caption), b.width_percent)
        return b

    out = {key: tuple(block(b) for b in blocks) for key, blocks in sections.items()}
    for number in sorted(unknown):
        note(f"citation [{number}] has no entry in the reference list; kept as text", placed=False)
    return out


def _join_spans(runs: list[Inline]) -> Inlines:
    return tuple(join_spans(runs))
