"""One Word paragraph's runs as the document model's inline runs.

What a reader of the page sees is what is read: tracked insertions are read, deletions are
not (the document as if every change were accepted), a field shows its result and never its
instruction (a caption's SEQ number, a page number), hyperlinks and inline content controls
are read through. Superscript numeric markers such as `[1]`, `[1,2]`, `[1-3]` are the
exporter's citations; they come out as `Marker`s for the proposal reader to map to keys.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from planner.document.blocks import Citation, Inline, Inlines, Span
from planner.importer.docx_styles import WordStyles, flag, is_grey, w

_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
_PIC = "http://schemas.openxmlformats.org/drawingml/2006/picture"
_V = "urn:schemas-microsoft-com:vml"
_M = "http://schemas.openxmlformats.org/officeDocument/2006/math"

_WALK_INTO = {w(t) for t in ("hyperlink", "smartTag", "customXml", "fldSimple", "dir", "bdo")}
_CHANGE_READ = {w("ins"), w("moveTo")}
_CHANGE_DROPPED = {w("del"), w("moveFrom")}
_MARKER = re.compile(r"\[(\d{1,4}(?:\s*[,，\-–—]\s*\d{1,4})*)\]")
_MAX_RANGE = 500  # `[1-100000]` in a hostile file must not make a list of 100,000 keys


@dataclass(frozen=True)
class Marker:
    """A numeric citation marker as printed (`[1-3]` → 1, 2, 3), before numbers become keys."""

    numbers: tuple[int, ...]


@dataclass(frozen=True)
class Image:
    rel_id: str
    name: str  # the picture's file name as the writer recorded it (may be empty)
    width_emu: int
    description: str = ""  # its alt text (the exporter writes the caption there)


Piece = Inline | Marker | Image | str  # str: "\n", a manual line break


@dataclass
class Changes:
    """What the reader met besides text: for the report."""

    tracked: int = 0
    page_breaks: int = 0
    rendered_pages: int = 0
    hidden_fields: int = 0


@dataclass
class _Field:
    showing: bool = False  # after `separate`: the result


@dataclass
class InlineReader:
    styles: WordStyles
    changes: Changes = field(default_factory=Changes)

    def read(self, p: etree._Element) -> tuple[list[Piece], bool]:
        """The paragraph's pieces, and whether all its text is placeholder-grey."""
        self._pieces: list[Piece] = []
        self._fields: list[_Field] = []
        self._grey_chars = 0
        self._chars = 0
        self._walk(p)
        return _merge(self._pieces), self._chars > 0 and self._grey_chars == self._chars

    def _walk(self, parent: etree._Element) -> None:
        for child in parent:
            tag = child.tag
            if tag == w("r"):
                self._run(child)
            elif tag in _WALK_INTO:
                self._walk(child)
            elif tag in _CHANGE_READ:
                self.changes.tracked += 1
                self._walk(child)
            elif tag in _CHANGE_DROPPED:
                self.changes.tracked += 1
            elif tag == w("sdt"):
                content = child.find(w("sdtContent"))
                if content is not None:
                    self._walk(content)
            elif tag in (f"{{{_M}}}oMath", f"{{{_M}}}oMathPara"):
                text = "".join(t.text or "" for t in child.iter(f"{{{_M}}}t"))
                self._text(text, False, False, False, False, False)

    def _visible(self) -> bool:
        return all(f.showing for f in self._fields)

    def _run(self, r: etree._Element) -> None:
        rpr = r.find(w("rPr"))
        style = rpr.find(w("rStyle")) if rpr is not None else None
        s_bold, s_italic, s_grey = self.styles.run_flags(
            style.get(w("val")) if style is not None else None
        )
        bold = flag(rpr, "b")
        italic = flag(rpr, "i")
        grey = s_grey or is_grey(rpr)
        vert = rpr.find(w("vertAlign")) if rpr is not None else None
        position = vert.get(w("val"), "") if vert is not None else ""
        vanish = flag(rpr, "vanish")
        formats = (
            s_bold if bold is None else bold,
            # the placeholder's italics are its look, not the applicant's emphasis
            (s_italic if italic is None else italic) and not grey,
            position == "superscript",
            position == "subscript",
        )
        for child in r:
            tag = child.tag
            if tag == w("fldChar"):
                kind = child.get(w("fldCharType"))
                if kind == "begin":
                    self._fields.append(_Field())
                elif kind == "separate" and self._fields:
                    self._fields[-1].showing = True
                elif kind == "end" and self._fields:
                    self._fields.pop()
                continue
            if not self._visible():
                continue
            if tag == w("t"):
                if vanish:
                    self.changes.hidden_fields += 1
                    continue
                self._text(child.text or "", *formats, grey)
            elif tag == w("tab"):
                self._text("\t", *formats, grey)
            elif tag in (w("br"), w("cr")):
                kind = child.get(w("type"), "textWrapping")
                if kind == "page":
                    self.changes.page_breaks += 1
                elif kind != "column":
                    self._pieces.append("\n")
            elif tag == w("noBreakHyphen"):
                self._text("-", *formats, grey)
            elif tag == w("lastRenderedPageBreak"):
                self.changes.rendered_pages += 1
            elif tag == w("drawing"):
                self._drawing(child)
            elif tag == w("pict"):
                for data in child.iter(f"{{{_V}}}imagedata"):
                    rel = data.get(f"{{{_R}}}id") or ""
                    self._pieces.append(Image(rel, data.get("title") or "", 0))

    def _text(self, text: str, bold: bool, italic: bool, sup: bool, sub: bool, grey: bool) -> None:
        if not text:
            return
        visible = len(text.strip())
        self._chars += visible
        if grey:
            self._grey_chars += visible
        self._pieces.append(Span(text, bold, italic, sup, sub))

    def _drawing(self, drawing: etree._Element) -> None:
        for blip in drawing.iter(f"{{{_A}}}blip"):
            rel = blip.get(f"{{{_R}}}embed") or ""
            name = next((c.get("name") or "" for c in drawing.iter(f"{{{_PIC}}}cNvPr")), "")
            doc_pr = next(drawing.iter(f"{{{_WP}}}docPr"), None)
            description = (doc_pr.get("descr") or "") if doc_pr is not None else ""
            extent = next(drawing.iter(f"{{{_WP}}}extent"), None)
            width = _int(extent.get("cx")) if extent is not None else 0
            self._pieces.append(Image(rel, name, width, description))
            return


def _merge(pieces: list[Piece]) -> list[Piece]:
    """Adjacent runs with the same look as one (Word and LibreOffice split runs freely), and
    superscript `[n]` markers split out of them."""
    out: list[Piece] = []
    for piece in pieces:
        last = out[-1] if out else None
        if (
            isinstance(piece, Span)
            and isinstance(last, Span)
            and (last.bold, last.italic, last.superscript, last.subscript)
            == (piece.bold, piece.italic, piece.superscript, piece.subscript)
        ):
            out[-1] = Span(
                last.text + piece.text, last.bold, last.italic, last.superscript, last.subscript
            )
        else:
            out.append(piece)
    result: list[Piece] = []
    for piece in out:
        if isinstance(piece, Span) and piece.superscript and "[" in piece.text:
            result.extend(_split_markers(piece))
        else:
            result.append(piece)
    return result


def _split_markers(span: Span) -> list[Piece]:
    out: list[Piece] = []
    position = 0
    for match in _MARKER.finditer(span.text):
        numbers = _numbers(match.group(1))
        if numbers is None:
            continue
        if match.start() > position:
            out.append(_with_text(span, span.text[position : match.start()]))
        out.append(Marker(numbers))
        position = match.end()
    if position < len(span.text):
        out.append(_with_text(span, span.text[position:]))
    return out


def _numbers(text: str) -> tuple[int, ...] | None:
    numbers: list[int] = []
    for part in re.split(r"\s*[,，]\s*", text):
        ends = re.split(r"\s*[\-–—]\s*", part)
        if len(ends) == 1:
            numbers.append(int(ends[0]))
        elif len(ends) == 2:
            low, high = int(ends[0]), int(ends[1])
            if not 0 < low <= high or high - low > _MAX_RANGE:
                return None
            numbers.extend(range(low, high + 1))
        else:
            return None
    return tuple(numbers)


def _with_text(span: Span, text: str) -> Span:
    return Span(text, span.bold, span.italic, span.superscript, span.subscript)


def _int(value: str | None) -> int:
    try:
        return int(value or 0)
    except ValueError:
        return 0


def citation_of(marker: Marker, keys: dict[int, str]) -> Citation | Span:
    """The citation a marker stands for, or its text when a number has no known entry."""
    found = [keys.get(n) for n in marker.numbers]
    if all(found):
        return Citation(tuple(k for k in found if k))
    return Span(f"[{','.join(str(n) for n in marker.numbers)}]", superscript=True)


def line_inlines(pieces: list[Piece]) -> Inlines:
    """Pieces of one line as inline runs: tabs and line breaks as spaces, markers kept as is
    (the proposal reader maps them to citations)."""
    out: list[Inline] = []
    for piece in pieces:
        if isinstance(piece, Span):
            text = piece.text.replace("\t", " ")
            if text:
                out.append(Span(text, piece.bold, piece.italic, piece.superscript, piece.subscript))
        elif isinstance(piece, Marker):
            out.append(piece)  # type: ignore[arg-type]  # resolved before anything else sees it
        elif piece == "\n":
            out.append(Span(" "))
    return tidy(out)


def tidy(inlines: list[Inline] | Inlines) -> Inlines:
    """Leading and trailing white space (ideographic spaces typed as an indent included)
    dropped; adjacent runs with the same look joined; empty runs gone."""
    runs = list(inlines)
    while runs and isinstance(runs[0], Span) and not runs[0].text.strip():
        runs.pop(0)
    while runs and isinstance(runs[-1], Span) and not runs[-1].text.strip():
        runs.pop()
    if runs and isinstance(runs[0], Span):
        first = runs[0]
        runs[0] = Span(
            first.text.lstrip(), first.bold, first.italic, first.superscript, first.subscript
        )
    if runs and isinstance(runs[-1], Span):
        last = runs[-1]
        runs[-1] = Span(
            last.text.rstrip(), last.bold, last.italic, last.superscript, last.subscript
        )
    out: list[Inline] = []
    for run in runs:
        prev = out[-1] if out else None
        if isinstance(run, Span) and isinstance(prev, Span):
            same = (prev.bold, prev.italic, prev.superscript, prev.subscript) == (
                run.bold,
                run.italic,
                run.superscript,
                run.subscript,
            )
            if same or not run.text.strip():
                out[-1] = Span(
                    prev.text + run.text, prev.bold, prev.italic, prev.superscript, prev.subscript
                )
                continue
        if isinstance(run, Span) and not run.text:
            continue
        out.append(run)
    return tuple(out)
