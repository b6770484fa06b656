"""The PDF as a reader's tools see it (poppler): text in order, fonts embedded, pictures,
bookmarks, metadata; and the preview shows as many pages as the PDF has."""

from __future__ import annotations

import re
import shutil
import subprocess

import paths
import pytest
from rich_proposal import rich_proposal

from planner.document.assembly import assemble
from planner.formats.proposal_file import load_proposal
from planner.ui.pages.paged import lay_out
from planner.ui.pages.pdf import export_pdf, write_pdf
from planner.ui.pages.pdf_update import OutlineItem, append_update, finish_pdf


def poppler(tool: str, *args: str) -> str:
    assert shutil.which(tool), f"{tool} is needed (poppler-utils; CI installs it)"
    return subprocess.run([tool, *args], capture_output=True, text=True, check=True,
                          timeout=60).stdout  # fmt: skip


@pytest.fixture(scope="module")
def rich(tmp_path_factory, call):
    """The rich proposal as a PDF, with its proposal."""
    folder = tmp_path_factory.mktemp("rich")
    path = rich_proposal(folder, repeat=2)
    proposal, problems = load_proposal(path)
    assert problems == []
    return proposal, export_pdf(proposal, call, folder / "rich.pdf", base=folder)


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_text_holds_every_section_in_order(qapp, call, rich) -> None:
    proposal, result = rich
    text = squeeze(poppler("pdftotext", str(result.target), "-"))
    pieces = [proposal.title, "一、申报课题与研究方向"]
    for number, section in enumerate(call.form, start=2):
        from planner.document.numerals import to_chinese

        pieces.append(f"{to_chinese(number)}、{section.title}")
    pieces += ["参考文献", "[1]HUANGD,LIUQ.TiDB"]
    positions = [text.find(squeeze(piece)) for piece in pieces]
    assert -1 not in positions, [p for p, i in zip(pieces, positions, strict=True) if i < 0]
    assert positions == sorted(positions)
    # the figure in 四 (approach), the schedule table in 七
    assert text.find("四、") < text.find("图1技术路线图") < text.find("五、")
    assert text.find("七、") < text.find("表1研究进度安排") < text.find("八、")
    # Qt names Kangxi radicals for glyphs Noto CJK shares with ideographs; the fix restores
    # what was typed, so copy, search and pdftotext give 行, not ⾏
    assert "行列混合" in text and "\u2f8f" not in text


def test_every_font_is_embedded_and_one_is_cjk(qapp, rich) -> None:
    fonts = poppler("pdffonts", str(rich[1].target)).splitlines()[2:]
    assert fonts
    for line in fonts:
        assert line.split()[-5] == "yes", f"not embedded: {line}"  # the emb column
    assert any("CJK" in line or "Song" in line or "Hei" in line for line in fonts), fonts
    # subsets, not whole faces: the Noto CJK files are 16 MB each
    assert rich[1].size < 2_000_000


def test_the_figures_are_pictures_in_the_pdf(qapp, rich) -> None:
    listing = poppler("pdfimages", "-list", str(rich[1].target)).splitlines()[2:]
    assert len(listing) == 2 == rich[1].figures  # the route (PNG) and the photo (JPEG)


def test_title_author_and_bookmarks(qapp, call, rich) -> None:
    info = poppler("pdfinfo", str(rich[1].target))
    assert re.search(r"Title:\s+基于学习型代价模型的 HTAP 行列混合查询优化", info)
    assert re.search(r"Author:\s+王芳", info)
    xml = poppler("pdftohtml", "-xml", "-i", "-stdout", "-q", str(rich[1].target))
    outline = re.findall(r'<item page="(\d+)">([^<]*)</item>', xml)
    titles = [t for _, t in outline]
    assert titles[0] == "一、申报课题与研究方向"
    assert (
        "二、研究背景与意义" in titles and "（一）研究背景" in titles and titles[-1] == "参考文献"
    )
    pages = [int(p) for p, _ in outline]
    assert pages == sorted(pages) and pages[-1] == rich[1].pages


def test_preview_page_count_is_the_pdfs(qapp, call, rich) -> None:
    proposal, result = rich
    preview = lay_out(assemble(proposal, call, base=result.target.parent))
    info = poppler("pdfinfo", str(result.target))
    assert preview.count == result.pages == int(re.search(r"Pages:\s+(\d+)", info)[1])


def test_sample_proposal_pdf(qapp, call, tmp_path) -> None:
    proposal, _ = load_proposal(paths.DATA / "sample.proposal.yaml")
    result = write_pdf(assemble(proposal, call), tmp_path / "sample.pdf")
    text = squeeze(poppler("pdftotext", str(result.target), "-"))
    assert "第1页/共2页" in text and "第2页/共2页" in text  # the footer
    assert text.count("5.1HTAP数据库系统") >= 2  # the header, on each page
    assert result.pages == 2


def test_outline_update_is_a_valid_incremental_update(qapp, call, tmp_path) -> None:
    """The appended section points back to Qt's, so a reader sees both; nothing of Qt's
    bytes changes."""
    proposal, _ = load_proposal(paths.DATA / "sample.proposal.yaml")
    raw = tmp_path / "raw.pdf"
    result = write_pdf(assemble(proposal, call), raw)
    data = raw.read_bytes()
    first_end = data.index(b"%%EOF") + len(b"%%EOF")
    assert data.count(b"%%EOF") == 2 and b"/Prev " in data[first_end:]
    again = finish_pdf(data[: first_end + 1], [OutlineItem(1, "甲", 0, 100.0)])
    assert again.startswith(data[: first_end + 1])
    assert append_update(data, {}) == data
    # a file not laid out as Qt 6 writes it is left alone rather than broken
    odd = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\nstartxref\n9\n%%EOF\n"
    assert finish_pdf(odd, [OutlineItem(1, "甲", 0, 100.0)]) == odd
    assert result.pages == 2


def test_a_bad_figure_still_writes_the_pdf_and_reports_it(qapp, call, tmp_path) -> None:
    from planner.model.proposal import Proposal

    proposal = Proposal(call=call.id, topic="5.1",
                        sections={"approach": "正文\n![路线](missing.png)"})  # fmt: skip
    result = export_pdf(proposal, call, tmp_path / "out.pdf", base=tmp_path)
    assert result.problems == ("missing.png: no such file",)
    assert "图片无法读取：missing.png" in poppler("pdftotext", str(result.target), "-")
