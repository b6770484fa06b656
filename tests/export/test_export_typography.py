"""The built-in look as Word reads it: East Asian fonts in the style XML, A4, line pitch."""

from __future__ import annotations

from docx_body import body_paragraphs

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
THEME_ATTRS = ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")


def rfonts(element):
    return element.find(f"{W}rPr/{W}rFonts")


def test_east_asian_fonts_in_defaults_and_styles(filled, exported) -> None:
    _, doc = exported(filled)
    styles = doc.styles.element
    defaults = styles.find(f"{W}docDefaults/{W}rPrDefault")
    expected = {
        "defaults": (defaults, "SimSun", "Times New Roman"),
        "Normal": (doc.styles["Normal"].element, "SimSun", "Times New Roman"),
        "Heading 1": (doc.styles["Heading 1"].element, "SimHei", "Arial"),
        "Title": (doc.styles["Title"].element, "SimHei", "Arial"),
        "Header": (doc.styles["Header"].element, "SimSun", "Times New Roman"),
    }
    for name, (element, east_asia, latin) in expected.items():
        fonts = rfonts(element)
        assert fonts.get(f"{W}eastAsia") == east_asia, name
        assert fonts.get(f"{W}ascii") == fonts.get(f"{W}hAnsi") == latin, name
        for attr in THEME_ATTRS:  # a theme font would override the names above
            assert fonts.get(f"{W}{attr}") is None, (name, attr)
    lang = defaults.find(f"{W}rPr/{W}lang")
    assert lang.get(f"{W}eastAsia") == "zh-CN"


def test_headings_are_black_not_theme_blue(filled, exported) -> None:
    _, doc = exported(filled)
    color = doc.styles["Heading 1"].element.find(f"{W}rPr/{W}color")
    assert color.get(f"{W}val") == "000000"
    assert color.get(f"{W}themeColor") is None


def test_a4_with_margins_and_exact_line_pitch(filled, exported) -> None:
    _, doc = exported(filled)
    section = doc.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    margins = (section.left_margin, section.right_margin, section.top_margin)
    assert [round(m.cm, 2) for m in margins] == [2.8, 2.8, 2.54]
    normal = doc.styles["Normal"].paragraph_format
    assert normal.line_spacing.pt == 22
    body = doc.styles["Body Text"].element.find(f"{W}pPr/{W}ind")
    assert body.get(f"{W}firstLineChars") == "200"  # the two-character indent


def test_section_text_is_body_text(filled, exported) -> None:
    _, doc = exported(filled)
    paragraph = next(p for p in body_paragraphs(doc) if p.text.startswith("设备费"))
    assert paragraph.style.name == "Body Text"


def test_no_style_is_left_to_the_theme_and_every_heading_names_its_faces(filled, exported) -> None:
    """A heading the applicant adds later in Word (Heading 5-9, a linked character style)
    must not resolve through the theme, whose East Asian language was Japanese."""
    _, doc = exported(filled)
    styles = doc.styles.element
    for fonts in styles.iter(f"{W}rFonts"):
        for attr in THEME_ATTRS:
            assert fonts.get(f"{W}{attr}") is None, (
                fonts.getparent().getparent().get(f"{W}styleId"),
                attr,
            )
    for level in range(1, 10):
        fonts = rfonts(doc.styles[f"Heading {level}"].element)
        assert fonts is not None and fonts.get(f"{W}eastAsia") in ("SimHei", "SimSun"), level
    for name in ("Heading 5", "Heading 9"):
        assert doc.styles[name].font.color.rgb == (0, 0, 0)
        assert rfonts(doc.styles[name].element).get(f"{W}eastAsia") == "SimHei"
    char = next(s for s in styles.iter(f"{W}style") if s.get(f"{W}styleId") == "Heading1Char")
    assert rfonts(char).get(f"{W}eastAsia") == "SimHei"


def test_chinese_is_the_east_asian_language_everywhere(filled, exported) -> None:
    import zipfile

    result, doc = exported(filled)
    lang = doc.settings.element.find(f"{W}themeFontLang")
    assert lang.get(f"{W}eastAsia") == "zh-CN"
    with zipfile.ZipFile(result.target) as package:
        for name in package.namelist():
            if name.endswith(".xml"):
                assert b"ja-JP" not in package.read(name), name
        theme = package.read("word/theme/theme1.xml").decode()
    assert 'script="Jpan"' not in theme
    assert '<a:ea typeface="SimHei"/>' in theme and '<a:ea typeface="SimSun"/>' in theme
    assert '<a:font script="Hans" typeface="SimHei"/>' in theme
