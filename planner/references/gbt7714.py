"""One reference in GB/T 7714-2015, numeric (顺序编码制), as the standard's examples write it.

Written here rather than run through a CSL processor: citeproc-py 0.11 with the GB/T 7714 CSL
styles was measured to drop the [J]/[M] type codes and to write Chinese names as "张 三"
(STYLE.md). The layout follows clauses 4.1–4.6 and Appendix A of the standard:

    主要责任者. 题名: 其他题名信息[文献类型标识/文献载体标识]. 其他责任者. 版本项.
    出版地: 出版者, 出版年: 引文页码[引用日期]. 获取和访问路径. DOI.

Titles are written as the user has them (the standard's sentence case for English titles is
the user's choice, not ours to impose on names like "DNA").
"""

from __future__ import annotations

import re

from planner.references.csl import CslDate, CslItem, CslName, date_parts

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]")

# CSL type → the standard's 文献类型标识 (Table B.1).
CODES: dict[str, str] = {
    "book": "M", "chapter": "M", "classic": "M", "entry": "M", "entry-dictionary": "M",
    "entry-encyclopedia": "M", "collection": "G", "paper-conference": "C",
    "article-journal": "J", "article-magazine": "J", "periodical": "J",
    "article-newspaper": "N", "thesis": "D", "report": "R", "standard": "S", "patent": "P",
    "dataset": "DS", "software": "CP", "map": "CM", "manuscript": "A",
    "webpage": "EB", "post": "EB", "post-weblog": "EB", "article": "EB",
}  # fmt: skip
# Parts of a larger work: "题名[M]//编者. 书名" (clause 4.2).
_CONTRIBUTIONS = frozenset({"chapter", "paper-conference", "entry", "entry-dictionary",
                            "entry-encyclopedia"})  # fmt: skip
# Electronic resources without a publisher give "(更新或修改日期)[引用日期]" (clause 4.6).
_DATED_ONLINE = frozenset({"R", "EB", "A", "DS", "CP", "Z"})
# A last author written as one of these means "and others" (BibTeX's `and others`).
OTHERS = frozenset({"others", "et al.", "et al", "等"})
MAX_AUTHORS = 3


def has_cjk(text: str) -> bool:
    return _CJK.search(text) is not None


def is_chinese(item: CslItem) -> bool:
    """A Chinese entry takes 等, 译, 2版, 第1卷; others et al., trans, 2nd ed., vol. 1."""
    language = item.get("language", "").strip().lower()
    if language:
        return language.startswith("zh")
    names = [*item.get("author", []), *item.get("editor", [])]
    texts = [item.get("title", ""), item.get("container-title", "")]
    texts += [" ".join(str(v) for v in n.values()) for n in names]
    return any(has_cjk(t) for t in texts)


def format_name(name: CslName) -> str:
    """张三 (family and given joined), HUANG D (family upper-case, initials without points)."""
    if "literal" in name:
        return name["literal"].strip()
    family = " ".join(
        p for p in (name.get("non-dropping-particle", ""), name.get("family", "")) if p
    ).strip()
    given = name.get("given", "").strip()
    if has_cjk(family) or has_cjk(given):
        return f"{family}{given}"
    family = " ".join(p for p in (name.get("dropping-particle", ""), family) if p).upper()
    initials = " ".join(w[0].upper() for w in re.split(r"[\s.\-]+", given) if w)
    text = " ".join(p for p in (family, initials) if p)
    suffix = name.get("suffix", "").strip()
    return f"{text}, {suffix}" if suffix else text


def format_names(names: list[CslName], chinese: bool) -> str:
    """At most three names, then 等 / et al. (clause 8.1.2)."""
    more = bool(names) and names[-1].get("literal", "").strip().lower() in OTHERS
    if more:
        names = names[:-1]
    if len(names) > MAX_AUTHORS:
        names, more = names[:MAX_AUTHORS], True
    shown = [t for t in (format_name(n) for n in names) if t]
    if more:
        shown.append("等" if chinese else "et al.")
    return ", ".join(shown)


def format_date(date: CslDate | None, *, full: bool) -> str:
    """2012, or 2012-01-16 with `full`; a literal date ("1865（清同治四年）") as written."""
    if not date:
        return ""
    parts = date_parts(date)
    if not parts:
        return date.get("literal", date.get("raw", "")).strip()
    if not full:
        return str(parts[0])
    return "-".join([str(parts[0])] + [f"{p:02d}" for p in parts[1:]])


def _text(item: CslItem, key: str) -> str:
    return str(item.get(key, "")).strip()


def _pages(item: CslItem) -> str:
    return re.sub(r"\s*(--|–|—)\s*", "-", _text(item, "page"))


def _edition(item: CslItem, chinese: bool) -> str:
    edition = _text(item, "edition")
    if not edition.isdigit():
        return edition  # 修订本, 刻本, Rev. ed.: as written
    n = int(edition)
    if n <= 1:
        return ""  # a first edition is not given (clause 8.3)
    if chinese:
        return f"{n}版"
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix} ed."


def _volume_title(title: str, volume: str, chinese: bool) -> str:
    if not volume:
        return title
    if volume.isdigit():
        volume = f"第{volume}卷" if chinese else f"vol. {volume}"
    return f"{title}: {volume}" if title else volume


def type_code(item: CslItem) -> str:
    """[J], [M], … with /OL when the work is read online (it has a URL)."""
    code = CODES.get(item.get("type", ""), "Z")
    online = code == "EB" or bool(_text(item, "URL"))
    return f"{code}/OL" if online else code


def format_reference(item: CslItem) -> str:
    """The entry's text without its `[n]`, ending with a full stop."""
    chinese = is_chinese(item)
    kind = item.get("type", "")
    code = type_code(item)
    base = code.split("/")[0]
    online = code.endswith("/OL")
    contribution = kind in _CONTRIBUTIONS and bool(_text(item, "container-title"))
    authors = item.get("author", [])
    editors = item.get("editor", [])
    primary = authors or ([] if contribution else editors)

    title = _text(item, "title")
    if base in ("S", "P", "R") and _text(item, "number"):
        title = f"{title}: {_text(item, 'number')}"
    if base in ("M", "G") and not contribution:
        title = _volume_title(title, _text(item, "volume"), chinese)
    head = f"{title}[{code}]"
    if contribution:
        container = _volume_title(_text(item, "container-title"), _text(item, "volume"), chinese)
        host = format_names(editors, chinese)
        head += "//" + (f"{host}. {container}" if host else container)

    parts = [format_names(primary, chinese), head]
    translators = item.get("translator", [])
    if translators:
        parts.append(format_names(translators, chinese) + (", 译" if chinese else ", trans"))
    parts.append(_edition(item, chinese))
    accessed = f"[{format_date(item.get('accessed'), full=True)}]" if online else ""
    if accessed == "[]":
        accessed = ""
    parts.append(_publication(item, base, online) + accessed)
    parts.append(_text(item, "URL") if online else "")
    doi = _text(item, "DOI")
    parts.append(f"DOI:{doi}" if doi else "")
    return _join(parts)


def _publication(item: CslItem, base: str, online: bool) -> str:
    """出版项 and page: the part that differs most between types."""
    year = format_date(item.get("issued"), full=False)
    full_date = format_date(item.get("issued"), full=True)
    pages = _pages(item)
    if base == "J" and _text(item, "container-title"):
        text = ", ".join(p for p in (_text(item, "container-title"), year) if p)
        volume, issue = _text(item, "volume"), _text(item, "issue")
        text += f", {volume}" if volume else ""
        text += f"({issue})" if issue else ""
        return text + (f": {pages}" if pages else "")
    if base == "N":
        text = ", ".join(p for p in (_text(item, "container-title"), full_date) if p)
        return text + (f"({pages})" if pages else "")
    if base == "P":
        return full_date
    place, publisher = _text(item, "publisher-place"), _text(item, "publisher")
    where = ": ".join(p for p in (place, publisher) if p)
    if not where and online and base in _DATED_ONLINE:
        return f"({full_date})" if full_date else ""
    text = ", ".join(p for p in (where, year) if p)
    return text + (f": {pages}" if pages else "")


def _join(parts: list[str]) -> str:
    """Parts joined by ". " (none doubled after an abbreviation's point), ending with "."."""
    out = ""
    for part in (p.strip() for p in parts):
        if not part:
            continue
        if out:
            out += " " if out.endswith((".", "?", "!", "。", "？", "！")) else ". "
        out += part
    if out and not out.endswith((".", "?", "!", "。", "？", "！")):
        out += "."
    return out
