"""`template=`: a research office's styles, page setup and header/footer (logo) are kept."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import docx
import pytest
from docx.shared import Inches, RGBColor
from docx_body import body_paragraphs

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def tiny_png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00"))
        + chunk(b"IEND", b"")
    )


@pytest.fixture
def office_template(tmp_path: Path) -> Path:
    doc = docx.Document()
    heading = doc.styles["Heading 1"]
    heading.font.color.rgb = RGBColor(0xC0, 0x00, 0x00)
    heading.element.get_or_add_rPr().get_or_add_rFonts().set(f"{W}eastAsia", "KaiTi")
    section = doc.sections[0]
    section.page_width, section.page_height = Inches(8.5), Inches(11)  # US Letter
    section.left_margin = Inches(1.25)
    run = section.header.paragraphs[0].add_run("某某大学科研处 ")
    run.add_picture(io.BytesIO(tiny_png()), width=Inches(0.3))
    section.footer.paragraphs[0].add_run("科研处制")
    doc.add_paragraph("模板里的示例文字，导出时应删除")
    path = tmp_path / "office.docx"
    doc.save(str(path))
    return path


def test_template_styles_page_and_header_are_used(filled, exported, office_template) -> None:
    _, doc = exported(filled, template=office_template)
    heading = doc.styles["Heading 1"]
    assert heading.font.color.rgb == RGBColor(0xC0, 0x00, 0x00)
    assert heading.element.find(f"{W}rPr/{W}rFonts").get(f"{W}eastAsia") == "KaiTi"
    assert any(p.style.name == "Heading 1" for p in body_paragraphs(doc))
    section = doc.sections[0]
    assert (section.page_width, section.left_margin) == (Inches(8.5), Inches(1.25))
    header = section.header
    assert header.paragraphs[0].text.startswith("某某大学科研处")
    assert list(header._element.iter(f"{W}drawing"))  # the logo
    assert section.footer.paragraphs[0].text == "科研处制"
    texts = [p.text for p in body_paragraphs(doc)]
    assert "模板里的示例文字，导出时应删除" not in texts
    assert filled.title in [
        t.replace("\n", "") for t in texts
    ]  # its lines balanced for the template's size
    # the built-in look is not applied over the office's own
    normal = doc.styles["Normal"].element.find(f"{W}rPr/{W}rFonts")
    assert normal is None or normal.get(f"{W}eastAsia") != "SimSun"


def test_template_without_header_gets_ours(call, filled, exported, tmp_path: Path) -> None:
    plain = tmp_path / "plain.docx"
    docx.Document().save(str(plain))
    _, doc = exported(filled, template=plain)
    section = doc.sections[0]
    assert section.header.paragraphs[0].text == f"1.1　{call.topic('1.1').title}"
    instructions = [t.text.strip() for t in section.footer._element.iter(f"{W}instrText")]
    assert instructions == ["PAGE", "NUMPAGES"]


def test_an_edited_template_is_read_again(filled, exported, office_template) -> None:
    """The prepared template is cached per process; editing the file invalidates it."""
    exported(filled, template=office_template)
    doc = docx.Document(str(office_template))
    doc.styles["Heading 1"].font.color.rgb = RGBColor(0x00, 0x80, 0x00)
    doc.save(str(office_template))
    _, out = exported(filled, name="again.docx", template=office_template)
    assert out.styles["Heading 1"].font.color.rgb == RGBColor(0x00, 0x80, 0x00)
