"""A .bib file → CSL-JSON items (bibtexparser 2 reads the syntax; the mapping is ours).

Types and fields map as pandoc and Zotero map them, with what GB/T 7714 needs kept apart:
a thesis's school and a report's institution are its publisher; `number` is an article's
issue but a report's, standard's or patent's number. Chinese names are read in Chinese order
(`张三`, `{张三}`, `张 三` and `张, 三` all give 张三), `and others` is kept as 等 / et al.
"""

from __future__ import annotations

import logging
import re
from functools import cache
from typing import Any

from planner.references.csl import CslName
from planner.references.gbt7714 import has_cjk

TYPES: dict[str, str] = {
    "article": "article-journal", "book": "book", "mvbook": "book", "inbook": "chapter",
    "incollection": "chapter", "bookinbook": "chapter", "inproceedings": "paper-conference",
    "conference": "paper-conference", "proceedings": "paper-conference",
    "phdthesis": "thesis", "mastersthesis": "thesis", "thesis": "thesis",
    "techreport": "report", "report": "report", "manual": "book", "booklet": "pamphlet",
    "patent": "patent", "standard": "standard", "newspaper": "article-newspaper",
    "periodical": "periodical", "online": "webpage", "electronic": "webpage", "www": "webpage",
    "dataset": "dataset", "software": "software", "unpublished": "manuscript",
    "archive": "manuscript", "misc": "document",
}  # fmt: skip
_GENRES = {"phdthesis": "博士学位论文", "mastersthesis": "硕士学位论文"}
_TEXT = {
    "title": "title", "publisher": "publisher", "address": "publisher-place",
    "location": "publisher-place", "url": "URL", "doi": "DOI", "isbn": "ISBN", "issn": "ISSN",
    "note": "note", "series": "collection-title", "type": "genre", "edition": "edition",
    "volume": "volume", "pages": "page",
}  # fmt: skip
_MONTHS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
           "sep": 9, "oct": 10, "nov": 11, "dec": 12}  # fmt: skip
_NAMES = ("author", "editor", "translator")
# Not LaTeX: `%` in a URL is not a comment, `~` not a space (as in biblatex's \url{})
_VERBATIM = frozenset({"url", "doi", "urldate", "date", "eprint"})
_LANGUAGES = {"chinese": "zh-CN", "zh": "zh-CN", "zh-cn": "zh-CN", "中文": "zh-CN",
              "english": "en-US", "en": "en-US", "en-us": "en-US"}  # fmt: skip


def parse_bibtex(text: str) -> tuple[list[dict[str, Any]], list[str]]:
    """CSL items (unchecked: the caller runs csl.check_items) and warnings naming lines."""
    from bibtexparser.entrypoint import parse_string

    log = logging.getLogger("bibtexparser")  # its warnings become ours, worded, below
    level = log.level
    log.setLevel(logging.CRITICAL)
    try:
        library = parse_string(text)
    finally:
        log.setLevel(level)
    warnings = [_failed(block) for block in library.failed_blocks]
    items = []
    for entry in library.entries:
        raw = {f.key.lower(): f.value for f in entry.fields if isinstance(f.value, str)}
        fields = {
            k: _clean(v) if k in _VERBATIM else _latex(v) for k, v in raw.items() if k not in _NAMES
        }
        items.append(_item(entry.entry_type.lower(), entry.key, raw, fields))
    return items, warnings


def _failed(block: Any) -> str:
    line = getattr(block, "start_line", 0) + 1
    key = getattr(block, "key", None)
    if type(block).__name__ == "DuplicateBlockKeyBlock" and key:
        return f"line {line}: a second entry '{key}' was ignored (the first one is kept)"
    return (
        f"line {line}: this entry could not be read (unbalanced braces or quotes?) and was ignored"
    )


def _item(kind: str, key: str, raw: dict[str, str], fields: dict[str, str]) -> dict[str, Any]:
    csl_type = TYPES.get(kind, "document")
    if csl_type == "document" and fields.get("url"):
        csl_type = "webpage"  # @misc with a url: a web page ([EB/OL])
    item: dict[str, Any] = {"id": key, "type": csl_type}
    for bib, csl in _TEXT.items():
        if fields.get(bib, "").strip():
            item[csl] = _clean(fields[bib])
    if "page" in item:
        item["page"] = re.sub(r"\s*[–—-]+\s*", "-", item["page"])
    container = fields.get("journal") or fields.get("journaltitle") or fields.get("booktitle")
    if container:
        item["container-title"] = _clean(container)
    if csl_type in ("thesis", "report"):
        publisher = fields.get("school") or fields.get("institution")
        if publisher and "publisher" not in item:
            item["publisher"] = _clean(publisher)
    if kind in _GENRES and "genre" not in item:
        item["genre"] = _GENRES[kind]
    if fields.get("number"):
        item["issue" if csl_type in ("article-journal", "periodical") else "number"] = _clean(
            fields["number"]
        )
    for names in _NAMES:
        if raw.get(names, "").strip():
            item[names] = parse_names(raw[names])
    issued = _date(fields.get("date", ""), fields.get("year", ""), fields.get("month", ""))
    if issued:
        item["issued"] = issued
    accessed = _date(fields.get("urldate", ""), "", "")
    if accessed:
        item["accessed"] = accessed
    language = (fields.get("langid") or fields.get("language") or "").strip()
    if language:
        item["language"] = _LANGUAGES.get(language.lower(), language)
    return item


def _clean(text: str) -> str:
    """Braces that protected case are not part of the text."""
    return re.sub(r"\s+", " ", text.replace("{", "").replace("}", "")).strip()


def _date(date: str, year: str, month: str) -> dict[str, Any] | None:
    date, year = date.strip(), _clean(year)
    if date:
        pieces = date.split("/")[0].split("-")  # biblatex: 2013-01-12, or a range 2012/2013
        if all(p.isdigit() for p in pieces) and 1 <= len(pieces) <= 3 and len(pieces[0]) == 4:
            return {"date-parts": [[int(p) for p in pieces]]}
        return {"literal": _clean(date)}
    if not year:
        return None
    if not (year.isdigit() and len(year) <= 4):
        return {"literal": year}  # 1865（清同治四年）, c1971
    parts: list[int] = [int(year)]
    m = month.strip().lower()[:3]
    number = _MONTHS.get(m) or (int(m) if m.isdigit() and 1 <= int(m) <= 12 else None)
    if number:
        parts.append(number)
    return {"date-parts": [parts]}


def parse_names(text: str) -> list[CslName]:
    """BibTeX's `A and B and others` as CSL names."""
    from bibtexparser.middlewares.names import (
        parse_single_name_into_parts,
        split_multiple_persons_names,
    )

    names: list[CslName] = []
    for raw in split_multiple_persons_names(text):
        raw = raw.strip()
        if not raw:
            continue
        if raw.lower() == "others":
            names.append({"literal": "others"})
        elif _wrapped(raw):
            names.append({"literal": _latex(raw[1:-1])})  # {American Water Works Association}
        elif has_cjk(raw) and "," not in raw:
            words = _latex(raw).split()  # Chinese order: 张三, 张 三
            if len(words) == 1:
                names.append({"literal": words[0]})
            else:
                names.append({"family": words[0], "given": "".join(words[1:])})
        else:
            parts = parse_single_name_into_parts(raw, strict=False)
            name: CslName = {}
            if parts.last:
                name["family"] = _latex(" ".join(parts.last))
            if parts.first:
                name["given"] = _latex(" ".join(parts.first))
            if parts.von:
                name["non-dropping-particle"] = _latex(" ".join(parts.von))
            if parts.jr:
                name["suffix"] = _latex(" ".join(parts.jr))
            names.append(name or {"literal": _latex(raw)})
    return names


def _wrapped(text: str) -> bool:
    """`{…}` as one group from the first brace to the last."""
    if not (text.startswith("{") and text.endswith("}")):
        return False
    depth = 0
    for i, char in enumerate(text):
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth == 0 and i < len(text) - 1:
            return False
    return True


@cache
def _decoder() -> Any:
    from pylatexenc.latex2text import LatexNodes2Text  # what bibtexparser's own decoder uses

    return LatexNodes2Text()


def _latex(text: str) -> str:
    """`Water quality \\& treatment`, `{\\"U}nal`, `--` → `&`, `Ü`, `–`."""
    if not _LATEX.search(text):
        return _clean(text)  # plain text (most fields, all Chinese ones): ~50× faster
    try:
        return _clean(_decoder().latex_to_text(text))
    except RecursionError:  # braces nested thousands deep: the text as written
        return _clean(text)


_LATEX = re.compile(r"[\\{}$%~&^_#]|--|``|''")
