"""The built-in look: A4, Song body, Hei headings, Latin faces, 22 pt exact line pitch.

python-docx's `font.name` sets only the Latin faces; Chinese text then falls back to whatever
the reader's Word picks (often a Japanese face). So the East Asian face is written into
`w:rFonts/@w:eastAsia` on the document defaults and on every style we use, and the `*Theme`
attributes of the default template are removed, because they override explicit names.
"""

from __future__ import annotations

from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.oxml.text.font import CT_RPr
from docx.shared import Cm, Pt, RGBColor
from docx.styles.style import ParagraphStyle

# Font names as Word on a Chinese Windows knows them; LibreOffice/fontconfig map SimSun and
# SimHei to Noto Serif/Sans CJK SC (the Chinese names 宋体/黑体 map to a sans face there).
SONG = "SimSun"
HEI = "SimHei"
LATIN_SERIF = "Times New Roman"
LATIN_SANS = "Arial"

BODY_SIZE = Pt(12)  # 小四
CAPTION_SIZE = Pt(10.5)  # 五号
LINE_PITCH = Pt(22)  # exact, so Word and LibreOffice (other CJK metrics) lay out alike
BLACK = RGBColor(0, 0, 0)
PLACEHOLDER_GREY = RGBColor(0x80, 0x80, 0x80)

_THEME_ATTRS = tuple(
    qn(f"w:{name}") for name in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")
)


def set_fonts(rpr: CT_RPr, *, latin: str, east_asia: str) -> None:
    """Name the Latin and East Asian faces on a `w:rPr`, dropping theme font references."""
    rfonts = rpr.get_or_add_rFonts()
    for attr in _THEME_ATTRS:
        rfonts.attrib.pop(attr, None)  # type: ignore[call-overload]  # lxml-stubs: no None default
    for attr in ("ascii", "hAnsi", "cs"):
        rfonts.set(qn(f"w:{attr}"), latin)
    rfonts.set(qn("w:eastAsia"), east_asia)


def apply_builtin_look(doc: Document) -> None:
    """Turn python-docx's default template into the Chinese proposal look, once per process."""
    _set_doc_defaults(doc)
    _page_setup(doc)
    styles = doc.styles
    normal = styles["Normal"]
    _fonts(normal, latin=LATIN_SERIF, east_asia=SONG)
    pf = normal.paragraph_format
    pf.space_before = pf.space_after = Pt(0)
    pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    pf.line_spacing = LINE_PITCH

    body = styles["Body Text"]
    body.paragraph_format.space_after = Pt(0)
    body.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    _first_line_chars(body, 200)  # the Chinese two-character indent

    _heading(styles["Title"], size=22, before=6, after=12, center=True)
    _strip_border(styles["Title"])
    _heading(styles["Subtitle"], size=15, before=24, after=6, center=True)
    styles["Subtitle"].font.italic = False
    _heading(styles["Heading 1"], size=15, before=18, after=6)
    _heading(styles["Heading 2"], size=12, before=10, after=2)
    # a section's 1. and （1） sub-headings: Song, the first bold, as the Chinese convention has
    for name, bold in (("Heading 3", True), ("Heading 4", False)):
        _heading(styles[name], size=12, before=6, after=0)
        _fonts(styles[name], latin=LATIN_SERIF, east_asia=SONG)
        styles[name].font.bold = bold
        styles[name].font.italic = False
    _caption(styles["Caption"])
    _small_text(doc, "Table Text", line=16)
    _small_text(doc, "Bibliography", line=17)
    for name in ("Header", "Footer"):
        style = styles[name]
        _fonts(style, latin=LATIN_SERIF, east_asia=SONG)
        style.font.size = Pt(9)
        style.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
    for name, left in (("List Bullet", 840), ("List Number", 840)):
        styles[name].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        _list_indent(doc, styles[name], left)
    for name, left in (("List Bullet 2", 1260), ("List Number 2", 1260)):
        _list_indent(doc, styles[name], left)
    for level in range(5, 10):  # not used by us, but offered by Word: black like the others
        styles[f"Heading {level}"].font.color.rgb = BLACK
    _no_theme_fonts(doc)
    _chinese_language(doc)


def _set_doc_defaults(doc: Document) -> None:
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_fonts(rpr, latin=LATIN_SERIF, east_asia=SONG)
    half_points = str(round(BODY_SIZE.pt * 2))  # w:sz counts half-points
    for tag in ("w:sz", "w:szCs"):
        rpr.find(qn(tag)).set(qn("w:val"), half_points)
    lang = rpr.find(qn("w:lang"))
    lang.set(qn("w:eastAsia"), "zh-CN")
    spacing = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr")).find(qn("w:spacing"))
    spacing.set(qn("w:after"), "0")


def _no_theme_fonts(doc: Document) -> None:
    """Every style that still names a theme font (Heading 5-9 and the linked character styles
    of the default template) gets explicit faces instead: a theme font resolves through the
    theme's language, so a heading the applicant adds later in Word would come out in a
    Japanese face. Major (heading) theme fonts become Hei, minor ones Song."""
    for rfonts in doc.styles.element.iter(qn("w:rFonts")):
        themed = [rfonts.get(attr) or "" for attr in _THEME_ATTRS]
        if not any(themed):
            continue
        major = any(name.startswith("major") for name in themed)
        for attr in _THEME_ATTRS:
            rfonts.attrib.pop(attr, None)
        for attr in ("ascii", "hAnsi", "cs"):
            rfonts.set(qn(f"w:{attr}"), LATIN_SANS if major else LATIN_SERIF)
        rfonts.set(qn("w:eastAsia"), HEI if major else SONG)
    # a linked character style ("Heading 3 Char") is the heading's look inside a paragraph:
    # the same faces as its paragraph style (Song for our Heading 3/4, not the theme's major)
    styles = doc.styles.element
    for style in styles.iterchildren(qn("w:style")):
        link = style.find(qn("w:link"))
        fonts = style.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
        if style.get(qn("w:type")) != "character" or link is None or fonts is None:
            continue
        linked = styles.get_by_id(link.get(qn("w:val")))
        source = linked.find(f"{qn('w:rPr')}/{qn('w:rFonts')}") if linked is not None else None
        if source is not None and source.get(qn("w:eastAsia")):
            for attr in ("ascii", "hAnsi", "cs", "eastAsia"):
                fonts.set(qn(f"w:{attr}"), source.get(qn(f"w:{attr}")) or LATIN_SERIF)


def _chinese_language(doc: Document) -> None:
    """Chinese as the East Asian language wherever Word and LibreOffice look for it: the
    settings' theme font language (python-docx's template says ja-JP, which picks Japanese
    glyph forms and faces) and the theme's own East Asian faces, for text that still asks the
    theme (a style made later in Word)."""
    settings = doc.settings.element
    lang = settings.find(qn("w:themeFontLang"))
    if lang is None:
        lang = settings.makeelement(qn("w:themeFontLang"), {})
        settings.append(lang)
    lang.set(qn("w:eastAsia"), "zh-CN")
    theme = next(
        (r.target_part for r in doc.part.rels.values() if r.reltype.endswith("/theme")), None
    )
    if theme is not None:
        from lxml import etree

        root = etree.fromstring(theme.blob)
        a = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
        for kind, face in (("majorFont", HEI), ("minorFont", SONG)):
            for fonts in root.iter(f"{a}{kind}"):
                east_asian = fonts.find(f"{a}ea")
                if east_asian is not None:  # python-docx's theme has it
                    east_asian.set("typeface", face)
                for font in fonts.findall(f"{a}font"):
                    if font.get("script") == "Jpan":  # not the face for Chinese text
                        fonts.remove(font)
                    elif font.get("script") == "Hans":  # what Word takes for zh-CN
                        font.set("typeface", face)
        theme._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _page_setup(doc: Document) -> None:
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.top_margin = section.bottom_margin = Cm(2.54)
    section.left_margin = section.right_margin = Cm(2.8)
    section.header_distance = Cm(1.5)
    section.footer_distance = Cm(1.5)


def _fonts(style: ParagraphStyle, *, latin: str, east_asia: str) -> None:
    set_fonts(style.element.get_or_add_rPr(), latin=latin, east_asia=east_asia)


def _heading(
    style: ParagraphStyle, *, size: float, before: float, after: float, center: bool = False
) -> None:
    _fonts(style, latin=LATIN_SANS, east_asia=HEI)
    font = style.font
    font.size = Pt(size)
    font.bold = False  # a Hei face is already heavy; Word's synthetic bold smears it
    font.color.rgb = BLACK
    pf = style.paragraph_format
    pf.space_before, pf.space_after = Pt(before), Pt(after)
    pf.line_spacing_rule = WD_LINE_SPACING.SINGLE
    pf.keep_with_next = True
    if center:
        pf.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _caption(style: ParagraphStyle) -> None:
    """表 1 / 图 1 captions: Hei 五号, black, centred, a little air from the body."""
    _fonts(style, latin=LATIN_SANS, east_asia=HEI)
    font = style.font
    font.size, font.bold, font.color.rgb = CAPTION_SIZE, False, BLACK
    pf = style.paragraph_format
    pf.alignment = WD_ALIGN_PARAGRAPH.CENTER
    pf.space_before, pf.space_after = Pt(6), Pt(6)
    pf.line_spacing_rule = WD_LINE_SPACING.SINGLE


def _small_text(doc: Document, name: str, *, line: float) -> None:
    """A 五号 paragraph style on Normal: table cells and the reference list."""
    style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.font.size = CAPTION_SIZE
    pf = style.paragraph_format
    pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    pf.line_spacing = Pt(line)


def _strip_border(style: ParagraphStyle) -> None:
    ppr = style.element.get_or_add_pPr()
    for border in ppr.findall(qn("w:pBdr")):
        ppr.remove(border)


def _first_line_chars(style: ParagraphStyle, hundredths: int) -> None:
    """`firstLineChars` scales with the font size, unlike a fixed first-line indent."""
    style.paragraph_format.first_line_indent = Pt(hundredths / 100 * 12)
    ind = style.element.get_or_add_pPr().find(qn("w:ind"))
    ind.set(qn("w:firstLineChars"), str(hundredths))


def _list_indent(doc: Document, style: ParagraphStyle, left: int, hanging: int = 420) -> None:
    """Indent a list style's numbering level (twips): the default template puts the bullet on
    the margin, where a Chinese page expects it under the two-character paragraph indent."""
    num_id = style.element.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}")
    numbering = doc.part.numbering_part.element
    num = next(
        n
        for n in numbering.iterchildren(qn("w:num"))
        if n.get(qn("w:numId")) == num_id.get(qn("w:val"))
    )
    abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
    abstract = next(
        a
        for a in numbering.iterchildren(qn("w:abstractNum"))
        if a.get(qn("w:abstractNumId")) == abstract_id
    )
    ppr = abstract.find(qn("w:lvl")).find(qn("w:pPr"))
    ppr.find(qn("w:ind")).set(qn("w:left"), str(left))
    ppr.find(qn("w:ind")).set(qn("w:hanging"), str(hanging))
    for tab in ppr.iter(qn("w:tab")):
        tab.set(qn("w:pos"), str(left))
