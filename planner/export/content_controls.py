"""Word content controls around the parts an applicant fills in, so a returned file reads back
exactly (issue 15): the title, the own directions and every section's content each sit in a
block-level `w:sdt` whose tag names the part (the section key) and whose alias is its title.

An empty part shows its guidance as the control's placeholder: `w:showingPlcHdr` on the control
and the `Placeholder Text` character style on the runs (grey italics from the style, never as
direct formatting). Word and WPS select the whole placeholder on the first click and replace it
with what is typed, which then takes the paragraph's body style — not grey italics.

Run once on the finished document (one hook in the builder): the parts are found by the
headings the builder wrote, so the builder's own layout code does not change.
"""

from __future__ import annotations

from collections.abc import Sequence

from docx.document import Document
from docx.oxml.ns import qn
from lxml.etree import SubElement, _Element

from planner.formats.docx_identity import OWN_DIRECTIONS_TAG, TITLE_TAG

PLACEHOLDER_STYLE = "PlaceholderText"
_P, _TBL, _PPR, _PSTYLE, _VAL = qn("w:p"), qn("w:tbl"), qn("w:pPr"), qn("w:pStyle"), qn("w:val")
_R, _RPR = qn("w:r"), qn("w:rPr")
_OWN_HEADING = "自拟研究方向"


def add_content_controls(
    doc: Document,
    sections: Sequence[tuple[str, str, bool]],
    *,
    title_style: str | None,
    heading1: str | None,
    heading2: str | None,
) -> None:
    """`sections`: (key, title, shows its placeholder) in the order their headings were
    written, after the topic part's heading."""
    body = doc.element.body
    _ensure_placeholder_style(doc)
    ids = iter(range(1, 10_000))
    children = [c for c in body if c.tag in (_P, _TBL)]
    title = next((c for c in children if _style(c) == title_style and title_style), None)
    if title is not None:
        _wrap([title], TITLE_TAG, "项目名称", _is_grey(title), next(ids))
    tops = [c for c in children if c.tag == _P and heading1 and _style(c) == heading1]
    if tops:
        anchor = next((c for c in _after(tops[0], heading1) if _is_heading(c, heading2)
                       and _text(c) == _OWN_HEADING), None)  # fmt: skip
        if anchor is not None:
            own = _between(anchor, (heading1, heading2))
            if own:
                _wrap(own, OWN_DIRECTIONS_TAG, _OWN_HEADING, all(map(_is_grey, own)), next(ids))
    for heading, (key, title_text, empty) in zip(tops[1:], sections, strict=False):
        content = _between(heading, (heading1,))
        if content:
            _wrap(content, key, title_text, empty, next(ids))


def _style(element: _Element) -> str | None:
    ppr = element.find(_PPR)
    style = ppr.find(_PSTYLE) if ppr is not None else None
    return style.get(_VAL) if style is not None else None


def _is_heading(element: _Element, style: str | None) -> bool:
    return element.tag == _P and style is not None and _style(element) == style


def _text(element: _Element) -> str:
    return "".join(t.text or "" for t in element.iter(qn("w:t"))).strip()


def _after(start: _Element, stop_style: str | None) -> list[_Element]:
    out: list[_Element] = []
    for sibling in start.itersiblings():
        if sibling.tag not in (_P, _TBL) or _is_heading(sibling, stop_style):
            break
        out.append(sibling)
    return out


def _between(start: _Element, stop_styles: tuple[str | None, ...]) -> list[_Element]:
    """The paragraphs and tables after `start` up to the next heading of `stop_styles`."""
    out: list[_Element] = []
    for sibling in start.itersiblings():
        if sibling.tag not in (_P, _TBL):
            break  # the body's sectPr
        if sibling.tag == _P and any(_is_heading(sibling, s) for s in stop_styles):
            break
        out.append(sibling)
    return out


def _is_grey(p: _Element) -> bool:
    """The builder's placeholder paragraph: every run grey."""
    runs = [r for r in p.iter(_R) if r.find(qn("w:t")) is not None]
    return bool(runs) and all(
        (rpr := r.find(_RPR)) is not None and rpr.find(qn("w:color")) is not None for r in runs
    )


def _wrap(elements: list[_Element], tag: str, alias: str, placeholder: bool, sdt_id: int) -> None:
    first = elements[0]
    sdt = first.makeelement(qn("w:sdt"), {})
    first.addprevious(sdt)
    pr = SubElement(sdt, qn("w:sdtPr"))
    SubElement(pr, qn("w:alias")).set(_VAL, alias[:255])
    SubElement(pr, qn("w:tag")).set(_VAL, tag[:255])
    SubElement(pr, qn("w:id")).set(_VAL, str(sdt_id))
    if placeholder:
        SubElement(pr, qn("w:showingPlcHdr"))
    content = SubElement(sdt, qn("w:sdtContent"))
    content.append(_anchor(first))
    for element in elements:
        content.append(element)  # moves it
        if placeholder:
            _restyle_placeholder(element)


def _anchor(like: _Element) -> _Element:
    """An empty, hidden, 1-point paragraph opening the control. LibreOffice 7.4 garbles the
    first paragraph of a block content control when it saves a .docx (each run becomes a
    control of its own holding the whole paragraph's text again: measured, text duplicated);
    with this paragraph first there is nothing for it to garble, and the reader skips it."""
    p = like.makeelement(_P, {})
    ppr = SubElement(p, _PPR)
    spacing = SubElement(ppr, qn("w:spacing"))
    for attr, value in (("before", "0"), ("after", "0"), ("line", "20"), ("lineRule", "exact")):
        spacing.set(qn(f"w:{attr}"), value)
    rpr = SubElement(ppr, _RPR)
    SubElement(rpr, qn("w:vanish"))
    SubElement(rpr, qn("w:sz")).set(_VAL, "2")
    return p


def _restyle_placeholder(p: _Element) -> None:
    """The placeholder's runs in Word's Placeholder Text style, which Word drops when the
    placeholder is typed over. Their direct grey italics stay: LibreOffice 7.4 ignores that
    style in a .docx (measured: the guidance came out black), and Word replaces the placeholder
    runs whole, so typed text never inherits them."""
    for r in p.iter(_R):
        rpr = r.find(_RPR)
        if rpr is None:
            rpr = r.makeelement(_RPR, {})
            r.insert(0, rpr)
        style = rpr.makeelement(qn("w:rStyle"), {_VAL: PLACEHOLDER_STYLE})
        rpr.insert(0, style)


def _ensure_placeholder_style(doc: Document) -> None:
    styles = doc.styles.element
    for style in styles.iterchildren(qn("w:style")):
        if style.get(qn("w:styleId")) == PLACEHOLDER_STYLE:
            return
    style = SubElement(styles, qn("w:style"))
    style.set(qn("w:type"), "character")
    style.set(qn("w:styleId"), PLACEHOLDER_STYLE)
    SubElement(style, qn("w:name")).set(_VAL, "Placeholder Text")
    SubElement(style, qn("w:basedOn")).set(_VAL, "DefaultParagraphFont")
    SubElement(style, qn("w:uiPriority")).set(_VAL, "99")
    SubElement(style, qn("w:semiHidden"))
    rpr = SubElement(style, qn("w:rPr"))
    SubElement(rpr, qn("w:i"))
    SubElement(rpr, qn("w:color")).set(_VAL, "808080")
