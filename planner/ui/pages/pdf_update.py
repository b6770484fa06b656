"""Changes to a PDF that Qt wrote, appended as an incremental update (PDF 1.4, §3.4.5):
bookmarks, and text that copies and searches as the characters the applicant typed.

Qt's QPdfWriter cannot write an outline, and its ToUnicode maps send a glyph shared by two
code points to the wrong one: Noto CJK draws 行 and the Kangxi radical ⾏ (U+2F8F) with one
glyph, and Qt's map says ⾏, so pdftotext, search and copy give radicals instead of 行. Qt's
files have a classic cross-reference table, uncompressed ToUnicode streams and a /Pages
tree with one /Kids array, so both are fixed the way the standard lets any writer change a
file: new versions of objects and a cross-reference section pointing back to the old one.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from planner.document import look

_TRAILER = re.compile(rb"trailer\s*<<(.*?)>>\s*startxref\s*(\d+)\s*%%EOF\s*$", re.S)
_OBJECT = rb"(?<![0-9])%d 0 obj\s*(.*?)\s*endobj"
_HEX = re.compile(rb"<([0-9A-Fa-f]{4})>")
# Kangxi radicals, radical supplements and compatibility ideographs: glyphs shared with a
# unified ideograph, which is what the applicant typed
_COMPAT = re.compile("[\u2e80-\u2fdf\uf900-\ufaff\U0002f800-\U0002fa1f]")


@dataclass(frozen=True)
class OutlineItem:
    level: int  # 1 top, 2 under the last level-1 item
    title: str
    page: int  # 0-based
    y_pt: float  # from the top of the page


def _ref(dictionary: bytes, key: bytes) -> int | None:
    """The object number `/key N 0 R` names in a dictionary."""
    m = re.search(rb"/" + key + rb"\s+(\d+)\s+0\s+R", dictionary)
    return int(m.group(1)) if m else None


def _text(value: str) -> bytes:
    """A PDF text string in UTF-16BE with its byte-order mark, as hex (no escaping needed)."""
    return b"<FEFF" + value.encode("utf-16-be").hex().upper().encode() + b">"


def _object(data: bytes, number: int) -> bytes:
    m = re.search(_OBJECT % number, data, re.S)
    if m is None:
        raise ValueError(f"object {number} not found")
    return m.group(1)


@dataclass(frozen=True)
class _Trailer:
    size: int
    root: int
    info: int | None
    xref: int


def _trailer(data: bytes) -> _Trailer:
    m = _TRAILER.search(data[-4096:])
    if m is None:
        raise ValueError("not a PDF written by Qt: no trailer at the end")
    fields = m.group(1)
    size = re.search(rb"/Size\s+(\d+)", fields)
    root = _ref(fields, b"Root")
    if size is None or root is None:
        raise ValueError("the PDF's trailer has no /Size or /Root")
    return _Trailer(int(size.group(1)), root, _ref(fields, b"Info"), int(m.group(2)))


def page_refs(data: bytes) -> list[int]:
    """The page objects' numbers in page order."""
    pages = _ref(_object(data, _trailer(data).root), b"Pages")
    kids = re.search(rb"/Kids\s*\[(.*?)\]", _object(data, pages or 0), re.S)
    return [int(n) for n in re.findall(rb"(\d+)\s+0\s+R", kids.group(1))] if kids else []


def compatibility_chars() -> str:
    """Every code point a font may share a glyph with a unified ideograph."""
    ranges = ((0x2E80, 0x2FDF), (0xF900, 0xFAFF), (0x2F800, 0x2FA1F))
    return "".join(chr(c) for lo, hi in ranges for c in range(lo, hi + 1))


def _fixed_code(match: re.Match[bytes], shared: dict[str, str]) -> bytes:
    char = chr(int(match.group(1), 16))
    if not _COMPAT.match(char):
        return match.group(0)
    unified = shared.get(char) or unicodedata.normalize("NFKC", char)
    if len(unified) != 1 or unified == char:
        return match.group(0)
    return b"<" + unified.encode("utf-16-be").hex().upper().encode() + b">"


def _fixed_cmap(cmap: bytes, shared: dict[str, str]) -> bytes:
    """Only destinations change: a bfrange's array and a bfchar's second code. `shared` maps
    a radical to the ideograph of the document drawn with the same glyph; others are
    normalised (NFKC) where Unicode decomposes them."""

    def fix(match: re.Match[bytes]) -> bytes:
        return _fixed_code(match, shared)

    lines = []
    for line in cmap.split(b"\n"):
        head, bracket, rest = line.partition(b"[")
        if bracket:
            line = head + bracket + _HEX.sub(fix, rest)
        else:
            codes = _HEX.findall(line)
            if len(codes) == 2 and line.strip().startswith(b"<"):  # a bfchar: src dst
                first, _, second = line.rpartition(b" ")
                line = first + b" " + _HEX.sub(fix, second)
        lines.append(line)
    return b"\n".join(lines)


def to_unicode_fixes(data: bytes, shared: dict[str, str] | None = None) -> dict[int, bytes]:
    """New versions of the ToUnicode streams that named a radical for an ideograph."""
    out: dict[int, bytes] = {}
    for number in sorted({int(n) for n in re.findall(rb"/ToUnicode\s+(\d+)\s+0\s+R", data)}):
        body = _object(data, number)
        m = re.match(rb"<<\s*/Length\s+(\d+)\s*>>\s*stream\r?\n", body)
        if m is None:
            continue  # a compressed or unexpected stream: leave it as Qt wrote it
        cmap = body[m.end() : m.end() + int(m.group(1))]
        fixed = _fixed_cmap(cmap, shared or {})
        if fixed != cmap:
            out[number] = b"<< /Length %d >>\nstream\n" % len(fixed) + fixed + b"\nendstream"
    return out


def outline_objects(data: bytes, items: list[OutlineItem], first: int) -> dict[int, bytes]:
    """The outline's objects, numbered from `first`, and the catalog naming them."""
    trailer = _trailer(data)
    kids = page_refs(data)
    page_height = look.cm_to_pt(look.PAGE_HEIGHT_CM)
    outline = first
    numbers = [first + 1 + i for i in range(len(items))]
    children: dict[int, list[int]] = {outline: []}
    last_top: int | None = None
    for item, number in zip(items, numbers, strict=True):
        parent = outline if item.level <= 1 or last_top is None else last_top
        if item.level <= 1:
            last_top = number
        children[parent].append(number)
        children[number] = []
    parent_of = {c: p for p, cs in children.items() for c in cs}
    objects: dict[int, bytes] = {}
    for item, number in zip(items, numbers, strict=True):
        siblings = children[parent_of[number]]
        i = siblings.index(number)
        page = kids[min(max(item.page, 0), len(kids) - 1)]
        y = min(max(page_height - item.y_pt + 6, 0), page_height)  # just above the heading
        body = [b"/Title " + _text(item.title), b"/Parent %d 0 R" % parent_of[number]]
        if i > 0:
            body.append(b"/Prev %d 0 R" % siblings[i - 1])
        if i + 1 < len(siblings):
            body.append(b"/Next %d 0 R" % siblings[i + 1])
        own = children[number]
        if own:  # a negative count: shown closed, sections open on a click
            body.append(b"/First %d 0 R /Last %d 0 R /Count -%d" % (own[0], own[-1], len(own)))
        body.append(b"/Dest [%d 0 R /XYZ 0 %.1f null]" % (page, y))
        objects[number] = b"<< " + b" ".join(body) + b" >>"
    top = children[outline]
    objects[outline] = b"<< /Type /Outlines /First %d 0 R /Last %d 0 R /Count %d >>" % (
        top[0],
        top[-1],
        len(top),
    )
    catalog = _object(data, trailer.root).strip()
    if catalog.startswith(b"<<") and catalog.endswith(b">>"):
        inner = re.sub(rb"/(Outlines|PageMode)\s+(\d+\s+0\s+R|/\w+)", b"", catalog[2:-2])
        objects[trailer.root] = (
            b"<<" + inner + b" /Outlines %d 0 R /PageMode /UseOutlines >>" % outline
        )
    return objects


def append_update(data: bytes, objects: dict[int, bytes]) -> bytes:
    """`data` with `objects` (number → body) appended as one incremental update."""
    if not objects:
        return data
    trailer = _trailer(data)
    out = bytearray(data if data.endswith(b"\n") else data + b"\n")
    offsets: dict[int, int] = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n" % number + objects[number] + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n"
    runs: list[list[int]] = []  # subsections of consecutive numbers
    for number in sorted(offsets):
        if runs and runs[-1][-1] + 1 == number:
            runs[-1].append(number)
        else:
            runs.append([number])
    for run in runs:
        out += b"%d %d\n" % (run[0], len(run))
        for number in run:
            out += b"%010d 00000 n \n" % offsets[number]
    size = max(trailer.size, max(objects) + 1)
    info = b" /Info %d 0 R" % trailer.info if trailer.info is not None else b""
    out += b"trailer\n<< /Size %d /Root %d 0 R%s /Prev %d >>\n" % (
        size,
        trailer.root,
        info,
        trailer.xref,
    )
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def finish_pdf(
    data: bytes, items: list[OutlineItem], shared: dict[str, str] | None = None
) -> bytes:
    """Qt's PDF with its ToUnicode maps fixed and bookmarks for `items`. `shared`: radical →
    the ideograph it shares a glyph with in the document's fonts (planner/ui/pages/pdf.py).
    A file laid out otherwise than Qt 6 writes them (a later Qt) is returned unchanged: a
    PDF without bookmarks beats no PDF."""
    try:
        objects = to_unicode_fixes(data, shared)
        if items:
            objects.update(outline_objects(data, items, _trailer(data).size))
        return append_update(data, objects)
    except ValueError:
        return data
