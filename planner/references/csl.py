"""A reference as a CSL-JSON item: the fields we read, checked the way a hostile file needs.

CSL-JSON is what Zotero, EndNote and pandoc exchange, so the proposal file keeps references in
it as written (plain dicts, typed below) and saves them back unchanged. `check_items` turns
untrusted data (a proposal's `references:`, an imported .json) into items, reporting every
fault with the entry's position, id and field, and dropping only what is at fault.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, TypedDict

# Functional syntax: CSL field names hold hyphens.
CslName = TypedDict(
    "CslName",
    {
        "family": str,
        "given": str,
        "literal": str,
        "suffix": str,
        "non-dropping-particle": str,
        "dropping-particle": str,
    },
    total=False,
)
CslDate = TypedDict(
    "CslDate",
    {"date-parts": list[list[int | str]], "literal": str, "raw": str},
    total=False,
)
CslItem = TypedDict(
    "CslItem",
    {
        "id": str,
        "type": str,
        "language": str,
        "title": str,
        "container-title": str,
        "collection-title": str,
        "publisher": str,
        "publisher-place": str,
        "event-title": str,
        "event-place": str,
        "genre": str,
        "authority": str,
        "medium": str,
        "note": str,
        "URL": str,
        "DOI": str,
        "ISBN": str,
        "ISSN": str,
        "volume": int | str,
        "issue": int | str,
        "page": int | str,
        "edition": int | str,
        "number": int | str,
        "section": int | str,
        "author": list[CslName],
        "editor": list[CslName],
        "translator": list[CslName],
        "issued": CslDate,
        "accessed": CslDate,
    },
    total=False,
)

TEXT_FIELDS: tuple[str, ...] = (
    "type", "language", "title", "container-title", "collection-title", "publisher",
    "publisher-place", "event-title", "event-place", "genre", "authority", "medium", "note",
    "URL", "DOI", "ISBN", "ISSN",
)  # fmt: skip
NUMBER_FIELDS: tuple[str, ...] = ("volume", "issue", "page", "edition", "number", "section")
NAME_FIELDS: tuple[str, ...] = ("author", "editor", "translator")
DATE_FIELDS: tuple[str, ...] = ("issued", "accessed")
FIELDS: tuple[str, ...] = ("id", *TEXT_FIELDS, *NUMBER_FIELDS, *NAME_FIELDS, *DATE_FIELDS)
NAME_PARTS: tuple[str, ...] = (
    "family", "given", "literal", "suffix", "non-dropping-particle", "dropping-particle",
)  # fmt: skip

# The CSL 1.0.2 item types. An unknown type is kept out: the formatter would guess its code.
TYPES: frozenset[str] = frozenset({
    "article", "article-journal", "article-magazine", "article-newspaper", "bill", "book",
    "broadcast", "chapter", "classic", "collection", "dataset", "document", "entry",
    "entry-dictionary", "entry-encyclopedia", "event", "figure", "graphic", "hearing",
    "interview", "legal_case", "legislation", "manuscript", "map", "motion_picture",
    "musical_score", "pamphlet", "paper-conference", "patent", "performance", "periodical",
    "personal_communication", "post", "post-weblog", "regulation", "report", "review",
    "review-book", "software", "song", "speech", "standard", "thesis", "treaty", "webpage",
})  # fmt: skip

# Bounds: a proposal cites dozens of works; these stop a hostile file, not a real one.
MAX_ITEMS = 5000
MAX_TEXT = 10_000  # characters in one field (a title, a URL)
MAX_NAMES = 1000  # authors of one work (physics papers have hundreds)
MAX_ID = 200


@dataclass(frozen=True)
class ItemFault:
    """One fault in the list: `index` is the item's 0-based position, `field` a CSL field
    ("" for the whole item), `code`/`params` let a UI word it in its own language."""

    index: int
    item_id: str
    field: str
    message: str
    code: str
    params: dict[str, object] = dataclasses.field(default_factory=dict)

    def where(self) -> str:
        entry = f"reference {self.index + 1}" + (f" ('{self.item_id}')" if self.item_id else "")
        return f"{entry}, field '{self.field}'" if self.field and self.field != "id" else entry

    def describe(self) -> str:
        """`reference 1 ('a'), field 'title': expected text, found a list`."""
        return f"{self.where()}: {self.message}" if self.index >= 0 else self.message


def kind(value: Any) -> str:
    """How a user names what they wrote (as planner.formats.yaml_lines.describe_type)."""
    if value is None:
        return "nothing"
    kinds = {dict: "a mapping", list: "a list", str: "text", bool: "true/false", int: "a number"}
    return kinds.get(type(value), f"a {type(value).__name__}")


def check_items(data: Any) -> tuple[list[CslItem], list[ItemFault]]:
    """Items from untrusted data (a list of mappings), with every fault found.

    An item that is not a mapping, or has no usable id, or repeats an earlier id, is left out;
    a field with a fault is left out of its item; the rest of the item is kept as written.
    """
    faults: list[ItemFault] = []
    if not isinstance(data, list):
        found = kind(data)
        faults.append(
            ItemFault(-1, "", "", f"expected a list of references, found {found}",
                      "expected_reference_list", {"found": found})
        )  # fmt: skip
        return [], faults
    if len(data) > MAX_ITEMS:
        faults.append(
            ItemFault(MAX_ITEMS, "", "", f"more than {MAX_ITEMS} references; the rest are ignored",
                      "too_many_references", {"limit": MAX_ITEMS})
        )  # fmt: skip
    items: list[CslItem] = []
    seen: dict[str, int] = {}
    for index, raw in enumerate(data[:MAX_ITEMS]):
        item = _check_item(raw, index, faults)
        if item is None:
            continue
        if item["id"] in seen:
            first = seen[item["id"]] + 1
            faults.append(
                ItemFault(index, item["id"], "id",
                          f"id '{item['id']}' is used by reference {first} already",
                          "duplicate_reference_id", {"id": item["id"], "first": first})
            )  # fmt: skip
            continue
        seen[item["id"]] = index
        items.append(item)
    return items, faults


def _check_item(raw: Any, index: int, faults: list[ItemFault]) -> CslItem | None:
    def bad(at: str, message: str, code: str, item_id: str = "", **params: object) -> None:
        faults.append(ItemFault(index, item_id, at, message, code, dict(params)))

    if not isinstance(raw, dict):
        found = kind(raw)
        bad("", f"expected a reference (a mapping with id, type, title, …), found {found}",
            "expected_reference_mapping", found=found)  # fmt: skip
        return None
    item_id = raw.get("id")
    if isinstance(item_id, int) and not isinstance(item_id, bool):
        item_id = str(item_id)  # CSL-JSON allows numbers; citation keys are text
    if not isinstance(item_id, str) or not item_id.strip():
        found = kind(raw.get("id"))
        bad("id", f"a reference needs an id (the key cited as [@id]), found {found}",
            "reference_without_id", found=found)  # fmt: skip
        return None
    if len(item_id) > MAX_ID or any(c.isspace() for c in item_id):
        bad(
            "id",
            f"id '{item_id[:MAX_ID]}' is not a citation key (no spaces, at most "
            f"{MAX_ID} characters)",
            "bad_reference_id",
            item_id[:MAX_ID],
            id=item_id[:MAX_ID],
        )
        return None
    item: dict[str, Any] = {"id": item_id}
    for key, value in raw.items():
        if key == "id":
            continue
        if key not in FIELDS:
            bad(str(key), f"unknown field '{str(key)[:40]}' (known: {', '.join(FIELDS)})",
                "unknown_reference_field", item_id, key=str(key)[:40], id=item_id)  # fmt: skip
            continue
        problem = _field_problem(key, value)
        if problem is not None:
            message, code, params = problem
            bad(key, message, code, item_id, id=item_id, **params)
            continue
        item[key] = _canonical(key, value)
    return item  # type: ignore[return-value]  # built key by key, each one of FIELDS


def _field_problem(key: str, value: Any) -> tuple[str, str, dict[str, object]] | None:
    """What is wrong with one field's value, as (message, code, params), or None."""
    found = kind(value)
    if key in TEXT_FIELDS:
        if not isinstance(value, str):
            return f"expected text, found {found}", "reference_expected_text", {"found": found}
        if len(value) > MAX_TEXT:
            return _too_long()
        if key == "type" and value not in TYPES:
            return (
                f"'{value[:40]}' is not a CSL type (e.g. article-journal, book, chapter, "
                "paper-conference, thesis, report, standard, patent, webpage)",
                "unknown_reference_type",
                {"value": value[:40]},
            )
        return None
    if key in NUMBER_FIELDS:
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            return (
                f"expected a number or text, found {found}",
                "reference_expected_number",
                {"found": found},
            )
        return _too_long() if isinstance(value, str) and len(value) > MAX_TEXT else None
    if key in NAME_FIELDS:
        return _names_problem(value)
    return _date_problem(value)


def _too_long() -> tuple[str, str, dict[str, object]]:
    return f"longer than {MAX_TEXT} characters", "reference_too_long", {"limit": MAX_TEXT}


def _names_problem(value: Any) -> tuple[str, str, dict[str, object]] | None:
    if not isinstance(value, list):
        return (
            f"expected a list of names ({{family, given}} or {{literal}}), found {kind(value)}",
            "reference_expected_names",
            {"found": kind(value)},
        )
    if len(value) > MAX_NAMES:
        return f"more than {MAX_NAMES} names", "reference_too_many_names", {"limit": MAX_NAMES}
    for i, name in enumerate(value, start=1):
        if not isinstance(name, dict) or not name:
            found = kind(name)
            return (
                f"name {i}: expected {{family, given}} or {{literal}}, found {found}",
                "reference_bad_name",
                {"index": i, "found": found},
            )
        for part, text in name.items():
            if part not in NAME_PARTS:
                return (
                    f"name {i}: unknown part '{part}' (known: {', '.join(NAME_PARTS)})",
                    "reference_bad_name_part",
                    {"index": i, "part": str(part)},
                )
            if not isinstance(text, str) or len(text) > MAX_TEXT:
                found = kind(text)
                return (
                    f"name {i}, {part}: expected text, found {found}",
                    "reference_bad_name",
                    {"index": i, "found": found},
                )
    return None


def _date_problem(value: Any) -> tuple[str, str, dict[str, object]] | None:
    bad: tuple[str, str, dict[str, object]] = (
        f"expected a date ({{date-parts: [[2015, 12, 1]]}} or {{literal: …}}), found {kind(value)}",
        "reference_bad_date",
        {"found": kind(value)},
    )
    if not isinstance(value, dict) or not value:
        return bad
    for part, inner in value.items():
        if part in ("literal", "raw"):
            if not isinstance(inner, str) or len(inner) > MAX_TEXT:
                return bad
        elif part == "date-parts":
            # one date, or two for a range; each year[, month[, day]] as numbers or digits
            if not isinstance(inner, list) or not 1 <= len(inner) <= 2:
                return bad
            for date in inner:
                if not isinstance(date, list) or not 1 <= len(date) <= 3:
                    return bad
                for number in date:
                    if isinstance(number, bool) or not isinstance(number, (int, str)):
                        return bad
                    if isinstance(number, str) and not (number.isdigit() and len(number) <= 4):
                        return bad
                    if isinstance(number, int) and not -9999 <= number <= 9999:
                        return bad
        else:
            return bad
    return None


def _canonical(key: str, value: Any) -> Any:
    """One spelling per value, so a saved file reads back the same whichever way a YAML
    loader types scalars: numbers of a work (volume 55, page 12) as text, dates as numbers."""
    if key in NUMBER_FIELDS:
        return str(value)
    if key in DATE_FIELDS and "date-parts" in value:
        parts = [[int(p) for p in date] for date in value["date-parts"]]
        return {**value, "date-parts": parts}
    return value


def date_parts(date: CslDate | None) -> list[int]:
    """The first date of a CSL date as [year, month, day] (as far as given), or []."""
    if not date:
        return []
    parts = date.get("date-parts")
    if parts and parts[0]:
        return [int(p) for p in parts[0]]
    raw = date.get("raw", "")
    pieces = raw.split("-")
    if pieces and all(p.isdigit() for p in pieces) and 1 <= len(pieces) <= 3:
        return [int(p) for p in pieces]
    return []
