"""What a returned .docx's styles and numbering say about its paragraphs and runs.

Word files from Word, WPS and LibreOffice name the same things differently: a heading is a
style called `heading 1` (or `标题 1`), or any style or paragraph with an outline level; a list
item is numbered directly, through its style, or through the style it is based on. This module
answers those questions once per document from styles.xml and numbering.xml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@cache  # called in every loop of the reader: the f-string each time cost a tenth of it
def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


_VAL = w("val")
_FALSE = ("0", "false", "off", "none")
_HEADING_NAME = re.compile(r"^(?:heading|标题)\s*(\d)$", re.IGNORECASE)
_LIST_NAME = re.compile(r"^list (bullet|number)(?: (\d))?$", re.IGNORECASE)
_MAX_BASED_ON = 20  # a style chain longer than this is a loop or a hostile file


@dataclass(frozen=True)
class StyleInfo:
    style_id: str
    name: str  # lower case
    based_on: str | None
    outline: int | None  # 0-based outline level from the style's pPr
    num: tuple[int, int] | None  # (numId, ilvl) from the style's pPr
    bold: bool | None
    italic: bool | None
    grey: bool


@dataclass(frozen=True)
class ListInfo:
    ordered: bool
    depth: int  # 1 for a top-level item
    num_id: int
    start: int
    restarts: bool = False  # its numbering has a start override: a list of its own begins
    abstract: int = -1  # nums sharing a definition continue one another's numbering


def flag(rpr: etree._Element | None, tag: str) -> bool | None:
    """A toggle property (`w:b`, `w:i`) of a run or style: True, False, or None when unset."""
    if rpr is None:
        return None
    element = rpr.find(w(tag))
    if element is None:
        return None
    return element.get(_VAL, "1").lower() not in _FALSE


def is_grey(rpr: etree._Element | None) -> bool:
    if rpr is None:
        return False
    color = rpr.find(w("color"))
    return color is not None and color.get(_VAL, "").upper() in ("808080", "7F7F7F", "A6A6A6")


class WordStyles:
    def __init__(self, styles: etree._Element | None, numbering: etree._Element | None) -> None:
        self.by_id: dict[str, StyleInfo] = {}
        self.default_paragraph: str | None = None
        if styles is not None:
            for element in styles.iterchildren(w("style")):
                info = _style_info(element)
                self.by_id[info.style_id] = info
                if element.get(w("type")) == "paragraph" and element.get(w("default")) in (
                    "1",
                    "true",
                ):
                    self.default_paragraph = info.style_id
        self._abstract_of: dict[int, int] = {}
        self._starts: dict[tuple[int, int], int] = {}
        self._formats: dict[tuple[int, int], str] = {}
        self._override_start: dict[tuple[int, int], int] = {}
        if numbering is not None:
            self._read_numbering(numbering)

    # styles ----------------------------------------------------------------------------
    def chain(self, style_id: str | None) -> list[StyleInfo]:
        out: list[StyleInfo] = []
        seen: set[str] = set()
        current = style_id if style_id is not None else self.default_paragraph
        while current and current not in seen and len(out) < _MAX_BASED_ON:
            seen.add(current)
            info = self.by_id.get(current)
            if info is None:
                break
            out.append(info)
            current = info.based_on
        return out

    def name(self, style_id: str | None) -> str:
        info = self.by_id.get(style_id or "")
        return info.name if info else (style_id or "").lower()

    def heading_level(self, ppr: etree._Element | None, style_id: str | None) -> int | None:
        """1 for a top-level heading (Word's `heading 1`), None for body text; a title is 0."""
        if ppr is not None:
            outline = ppr.find(w("outlineLvl"))
            if outline is not None and outline.get(_VAL, "").isdigit():
                level = int(outline.get(_VAL, "9"))
                return level + 1 if level < 9 else None
        for info in self.chain(style_id):
            if info.name in ("title", "标题"):
                return 0
            match = _HEADING_NAME.match(info.name)
            if match:
                return int(match.group(1))
            if info.outline is not None:
                return info.outline + 1 if info.outline < 9 else None
        return None

    def run_flags(self, style_id: str | None) -> tuple[bool, bool, bool]:
        """bold, italic, placeholder-grey that a character style gives its runs."""
        bold = italic = None
        grey = False
        for info in self.chain(style_id) if style_id else []:
            bold = info.bold if bold is None else bold
            italic = info.italic if italic is None else italic
            grey = grey or info.grey or info.name == "placeholder text"
        return bool(bold), bool(italic), grey

    # lists -----------------------------------------------------------------------------
    def list_info(self, ppr: etree._Element | None, style_id: str | None) -> ListInfo | None:
        num: tuple[int, int] | None = None
        if ppr is not None:
            num_pr = ppr.find(w("numPr"))
            if num_pr is not None:
                num = _num_pr(num_pr)
        chain = self.chain(style_id)
        if num is None:
            num = next((info.num for info in chain if info.num is not None), None)
        if num is None or num[0] == 0:
            return None
        num_id, ilvl = num
        depth = ilvl + 1
        for info in chain:
            match = _LIST_NAME.match(info.name)
            if match and match.group(2):
                depth = max(depth, int(match.group(2)))
                break
        key = (self._abstract_of.get(num_id, -1), ilvl)
        fmt = self._formats.get(key, "decimal")
        start = self._override_start.get((num_id, ilvl), self._starts.get(key, 1))
        restarts = (num_id, ilvl) in self._override_start
        return ListInfo(fmt not in ("bullet", "none"), depth, num_id, start, restarts, key[0])

    def _read_numbering(self, numbering: etree._Element) -> None:
        for abstract in numbering.iterchildren(w("abstractNum")):
            abstract_id = _int(abstract.get(w("abstractNumId")))
            for lvl in abstract.iterchildren(w("lvl")):
                ilvl = _int(lvl.get(w("ilvl")))
                fmt = lvl.find(w("numFmt"))
                start = lvl.find(w("start"))
                self._formats[(abstract_id, ilvl)] = (
                    fmt.get(_VAL, "decimal") if fmt is not None else "decimal"
                )
                if start is not None:
                    self._starts[(abstract_id, ilvl)] = _int(start.get(_VAL), 1)
        for num in numbering.iterchildren(w("num")):
            num_id = _int(num.get(w("numId")))
            abstract_ref = num.find(w("abstractNumId"))
            if abstract_ref is not None:
                self._abstract_of[num_id] = _int(abstract_ref.get(_VAL))
            for override in num.iterchildren(w("lvlOverride")):
                start = override.find(w("startOverride"))
                if start is not None:
                    ilvl = _int(override.get(w("ilvl")))
                    self._override_start[(num_id, ilvl)] = _int(start.get(_VAL), 1)


def _style_info(element: etree._Element) -> StyleInfo:
    name_el = element.find(w("name"))
    based = element.find(w("basedOn"))
    ppr = element.find(w("pPr"))
    rpr = element.find(w("rPr"))
    outline = None
    num = None
    if ppr is not None:
        outline_el = ppr.find(w("outlineLvl"))
        if outline_el is not None and outline_el.get(_VAL, "").isdigit():
            outline = int(outline_el.get(_VAL, "9"))
        num_pr = ppr.find(w("numPr"))
        if num_pr is not None:
            num = _num_pr(num_pr)
    return StyleInfo(
        style_id=element.get(w("styleId"), ""),
        name=(name_el.get(_VAL, "") if name_el is not None else "").lower(),
        based_on=based.get(_VAL) if based is not None else None,
        outline=outline,
        num=num,
        bold=flag(rpr, "b"),
        italic=flag(rpr, "i"),
        grey=is_grey(rpr),
    )


def _num_pr(num_pr: etree._Element) -> tuple[int, int] | None:
    num_id = num_pr.find(w("numId"))
    ilvl = num_pr.find(w("ilvl"))
    if num_id is None:
        return None
    return _int(num_id.get(_VAL)), min(_int(ilvl.get(_VAL)) if ilvl is not None else 0, 8)


def _int(value: str | None, default: int = 0) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default
