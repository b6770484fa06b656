"""A .ris file (EndNote, CNKI, Web of Science exports) → CSL-JSON items; rispy reads the tags."""

from __future__ import annotations

import re
from typing import Any

from planner.references.csl import CslName
from planner.references.gbt7714 import has_cjk

TYPES: dict[str, str] = {
    "JOUR": "article-journal", "JFULL": "article-journal", "EJOUR": "article-journal",
    "ABST": "article-journal", "INPR": "article-journal", "MGZN": "article-magazine",
    "BOOK": "book", "EBOOK": "book", "EDBOOK": "book", "CHAP": "chapter", "ECHAP": "chapter",
    "CONF": "paper-conference", "CPAPER": "paper-conference", "THES": "thesis",
    "RPRT": "report", "STAND": "standard", "PAT": "patent", "NEWS": "article-newspaper",
    "ELEC": "webpage", "WEB": "webpage", "BLOG": "post-weblog", "ICOMM": "webpage",
    "DATA": "dataset", "DBASE": "dataset", "COMP": "software", "MAP": "map",
    "UNPB": "manuscript", "MANSCPT": "manuscript", "GEN": "document",
}  # fmt: skip
_NUMBERED = frozenset({"report", "patent", "standard"})  # IS is their number, not an issue
_CONTAINED = frozenset({"chapter", "paper-conference"})  # A2 edits the book they are in


def parse_ris(text: str) -> tuple[list[dict[str, Any]], list[str]]:
    """CSL items (unchecked: the caller runs csl.check_items) and warnings."""
    import rispy

    try:
        records = rispy.loads(text)
    except (OSError, ValueError, KeyError, IndexError) as exc:  # rispy's errors for bad tags
        raise ValueError(f"not a RIS file: {exc}") from None
    items: list[dict[str, Any]] = []
    warnings: list[str] = []
    started = len(re.findall(r"^TY  - ", text, flags=re.MULTILINE))
    if started > len(records):  # rispy drops a record that has no end tag
        missing = started - len(records)
        warnings.append(f"{missing} record(s) without an 'ER  - ' line at their end were not read")
    keys: set[str] = set()
    for number, record in enumerate(records, start=1):
        item = _item(record)
        if not item.get("title") and not item.get("author"):
            warnings.append(f"record {number}: no title and no author; ignored")
            continue
        item["id"] = _unique(str(record.get("id") or _key(item)), keys)
        items.append(item)
    return items, warnings


def _first(record: dict[str, Any], *keys: str) -> str:
    for key in keys:
        value = record.get(key)
        if isinstance(value, list):
            value = next((v for v in value if str(v).strip()), "")
        if value is not None and str(value).strip():
            return str(value).strip()
    return ""


def _item(record: dict[str, Any]) -> dict[str, Any]:
    csl_type = TYPES.get(str(record.get("type_of_reference", "")).upper(), "document")
    item: dict[str, Any] = {"type": csl_type}
    title = _first(record, "title", "primary_title", "translated_title")
    journal = _first(record, "journal_name", "alternate_title3", "secondary_title")
    container = journal if csl_type.startswith("article") else _first(record, "secondary_title")
    fields = {
        "title": title, "container-title": container,
        "publisher": _first(record, "publisher"),
        "publisher-place": _first(record, "place_published"),
        "volume": _first(record, "volume"), "edition": _first(record, "edition"),
        "URL": _first(record, "urls"), "DOI": _first(record, "doi"),
        "language": _first(record, "language"), "genre": _first(record, "type_of_work"),
        ("number" if csl_type in _NUMBERED else "issue"): _first(record, "number"),
    }  # fmt: skip
    item.update({k: v for k, v in fields.items() if v})
    start, end = _first(record, "start_page"), _first(record, "end_page")
    if start:
        item["page"] = f"{start}-{end}" if end and end != start else start
    authors = [*record.get("authors", []), *record.get("first_authors", [])]
    if authors:
        item["author"] = [_name(a) for a in authors if str(a).strip()]
    editors = record.get("secondary_authors", []) if csl_type in _CONTAINED else []
    if editors:
        item["editor"] = [_name(a) for a in editors if str(a).strip()]
    if record.get("translated_author"):
        item["translator"] = [_name(str(record["translated_author"]))]
    issued = _date(_first(record, "date")) or _date(_first(record, "year", "publication_year"))
    if issued:
        item["issued"] = issued
    accessed = _date(_first(record, "access_date"))
    if accessed:
        item["accessed"] = accessed
    return item


def _name(text: Any) -> CslName:
    """`Huang, Dong`, `张三`, `张, 三`; a name without a comma is one literal name."""
    text = str(text).strip()
    if "," in text:
        family, given = (p.strip() for p in text.split(",", 1))
        name: CslName = {"family": family}
        if given:
            name["given"] = given
        return name
    return {"literal": text}


def _date(text: str) -> dict[str, Any] | None:
    """RIS dates: `2012`, `2012/05/03/`, `2013-01-12`, `2012///spring`."""
    parts = [p for p in re.split(r"[/-]", text.strip()) if p]
    numbers = []
    for part in parts[:3]:
        if not part.isdigit():
            break
        numbers.append(int(part))
    if not numbers or not 1000 <= numbers[0] <= 9999:
        return {"literal": text.strip()} if text.strip() else None
    return {"date-parts": [numbers]}


def _key(item: dict[str, Any]) -> str:
    """A citation key as pandoc users make them: family name and year (`huang2012`)."""
    names = item.get("author") or [{}]
    first = names[0].get("family") or names[0].get("literal") or "ref"
    word = first if has_cjk(first) else re.sub(r"[^a-z0-9]", "", first.lower()) or "ref"
    year = str(item.get("issued", {}).get("date-parts", [[""]])[0][0])
    return f"{word}{year}"


def _unique(key: str, taken: set[str]) -> str:
    key = re.sub(r"\s+", "", key) or "ref"
    candidate, n = key, 0
    while candidate in taken:
        n += 1
        candidate = f"{key}{chr(ord('a') + n - 1)}" if n <= 26 else f"{key}-{n}"
    taken.add(candidate)
    return candidate
