"""The document model written as Word: small constructs asserted exactly, from hand-built
Blocks (the Markdown parser is tested on its own; here only the writer is)."""

from __future__ import annotations

from pathlib import Path

import docx
import pictures
import pytest
from docx_body import body_items, body_paragraphs

from planner.document.blocks import (
    Citation,
    Figure,
    Heading,
    ListBlock,
    ListItem,
    Paragraph,
    ReferenceEntry,
    ReferenceList,
    Span,
    Table,
)
from planner.export import builder
from planner.export.docx import export_docx
from planner.model.proposal import Proposal

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
TEXT_WIDTH_TWIPS = 11906 - 2 * 1587  # A4 less the built-in 2.8 cm margins, as Word stores them


def p(*runs: str | Span | Citation) -> Paragraph:
    return Paragraph(tuple(Span(r) if isinstance(r, str) else r for r in runs))


def cells(*texts: str) -> tuple[tuple[Span, ...], ...]:
    return tuple((Span(t),) if t else () for t in texts)


@pytest.fixture
def export_blocks(call, tmp_path: Path, monkeypatch):
    """export(background=Blocks, objectives=Blocks, …, references=[…]) -> (result, doc):
    the sections' text parses to exactly the given blocks."""

    def run(references: tuple[ReferenceEntry, ...] = (), template: Path | None = None, **sections):
        monkeypatch.setattr(builder, "parse_section", lambda text: sections.get(text, ()))
        monkeypatch.setattr(
            builder.ProposalBuilder,
            "_reference_list",
            lambda self, cited: ReferenceList(
                tuple(
                    ReferenceEntry(n, key, next(e.text for e in references if e.key == key))
                    for n, key in enumerate(
                        [k for k in cited if any(e.key == k for e in references)], start=1
                    )
                )
            ),
        )
        proposal = Proposal(call=call.id, topic="1.2", sections={k: k for k in sections})
        target = tmp_path / "out.docx"
        result = export_docx(proposal, call, target, base=tmp_path, template=template)
        return result, docx.Document(str(result.target))

    return run


def body_between(doc, start: str, end: str | None = None) -> list:
    """The body's paragraphs and tables after heading `start` up to heading `end`."""
    items, inside = [], False
    for child in body_items(doc):
        if child.tag == f"{W}p":
            text = "".join(t.text or "" for t in child.iter(f"{W}t"))
            if text == start:
                inside = True
                continue
            if end is not None and text == end:
                break
        if inside and child.tag in (f"{W}p", f"{W}tbl"):
            items.append(child)
    return items


def text(element) -> str:
    """The visible text, tabs included (a fallback list item's bullet is followed by one)."""
    return "".join(
        "\t" if t.tag == f"{W}tab" else t.text or ""
        for t in element.iter(f"{W}t", f"{W}tab")
        if t.getparent().tag == f"{W}r"  # not a paragraph's tab stops
    )


def style(element) -> str | None:
    found = element.find(f"{W}pPr/{W}pStyle")
    return found.get(f"{W}val") if found is not None else None


BACKGROUND, OBJECTIVES = "二、研究背景与意义", "三、研究目标与研究内容"


def test_one_body_paragraph_per_paragraph_no_line_breaks(export_blocks) -> None:
    result, doc = export_blocks(background=(p("第一行。"), p("第二行。"), p("第三行。")))
    items = body_between(doc, BACKGROUND, OBJECTIVES)
    assert [text(e) for e in items] == ["第一行。", "第二行。", "第三行。"]
    assert {style(e) for e in items} == {"BodyText"}
    assert not any(list(e.iter(f"{W}br")) for e in items)
    assert result.characters >= 9 and not result.problems


def test_inline_formatting(export_blocks) -> None:
    runs = (
        Span("甲"),
        Span("粗", bold=True),
        Span("斜", italic=True),
        Span("2", superscript=True),
        Span("x", subscript=True),
    )
    _, doc = export_blocks(background=(Paragraph(runs),))
    (paragraph,) = body_between(doc, BACKGROUND, OBJECTIVES)
    got = {}
    for r in paragraph.iter(f"{W}r"):
        rpr = r.find(f"{W}rPr")
        vert = rpr.find(f"{W}vertAlign") if rpr is not None else None
        got[text(r)] = (
            rpr is not None and rpr.find(f"{W}b") is not None,
            rpr is not None and rpr.find(f"{W}i") is not None,
            vert.get(f"{W}val") if vert is not None else None,
        )
    assert got == {
        "甲": (False, False, None),
        "粗": (True, False, None),
        "斜": (False, True, None),
        "2": (False, False, "superscript"),
        "x": (False, False, "subscript"),
    }


def test_sub_headings_numbered_under_each_section(export_blocks) -> None:
    def h(level: int, title: str) -> Heading:
        return Heading(level, (Span(title),))

    blocks = (h(1, "现状"), h(2, "国内"), h(3, "高校"), h(3, "企业"), h(2, "国外"), h(1, "问题"),
              h(2, "其一"))  # fmt: skip
    _, doc = export_blocks(background=blocks, objectives=(h(1, "目标"),))
    items = body_between(doc, BACKGROUND, OBJECTIVES)
    assert [(style(e), text(e)) for e in items] == [
        ("Heading2", "（一）现状"),
        ("Heading3", "1. 国内"),
        ("Heading4", "（1）高校"),
        ("Heading4", "（2）企业"),
        ("Heading3", "2. 国外"),
        ("Heading2", "（二）问题"),
        ("Heading3", "1. 其一"),
    ]
    # the next section counts from （一） again
    assert text(body_between(doc, OBJECTIVES)[0]) == "（一）目标"
    # real Word headings: Heading 2..4 carry outline levels, so Word's navigation pane lists them
    for name, level in (("Heading 2", "1"), ("Heading 3", "2"), ("Heading 4", "3")):
        outline = doc.styles[name].element.find(f"{W}pPr/{W}outlineLvl")
        assert outline.get(f"{W}val") == level


def test_nested_lists_are_word_lists(export_blocks) -> None:
    inner = ListBlock(False, (ListItem((p("子项"),)),))
    outer = ListBlock(True, (ListItem((p("一"), inner)), ListItem((p("二"),))), start=3)
    _, doc = export_blocks(background=(outer,))
    items = body_between(doc, BACKGROUND, OBJECTIVES)
    assert [(style(e), text(e)) for e in items] == [
        ("ListNumber", "一"),
        ("ListBullet2", "子项"),
        ("ListNumber", "二"),
    ]
    num_id = items[0].find(f"{W}pPr/{W}numPr/{W}numId").get(f"{W}val")
    numbering = doc.part.numbering_part.element
    num = next(n for n in numbering.iter(f"{W}num") if n.get(f"{W}numId") == num_id)
    assert num.find(f"{W}lvlOverride/{W}startOverride").get(f"{W}val") == "3"


def test_lists_fall_back_without_list_styles(export_blocks, tmp_path) -> None:
    """A template without List Bullet / List Number: typed bullets and numbers, no KeyError."""
    template = docx.Document()
    for name in ("List Bullet", "List Number", "List Bullet 2", "List Number 2"):
        template.styles.element.remove(template.styles[name].element)
    template.save(str(tmp_path / "office.docx"))
    bullets = ListBlock(False, (ListItem((p("甲"),)), ListItem((p("乙"),))))
    numbers = ListBlock(True, (ListItem((p("一"),)), ListItem((p("二"),))))
    _, doc = export_blocks(background=(bullets, numbers), template=tmp_path / "office.docx")
    texts = [text(e) for e in body_between(doc, BACKGROUND, OBJECTIVES)]
    assert texts == ["•\t甲", "•\t乙", "1.\t一", "2.\t二"]


def budget_table(caption: str = "经费预算") -> Table:
    return Table(
        header=cells("科目", "金额（万元）"),
        rows=(cells("设备费", "20"), cells("差旅费", "5")),
        align=("default", "right"),
        caption=(Span(caption),),
    )


def seq_fields(element) -> list[str]:
    return [t.text.strip() for t in element.iter(f"{W}instrText")]


def test_table_with_caption_above_and_a_repeated_bold_header(export_blocks) -> None:
    _, doc = export_blocks(background=(p("如下表。"), budget_table()))
    _, caption, tbl = body_between(doc, BACKGROUND, OBJECTIVES)
    assert text(caption) == "表 1 经费预算"
    assert style(caption) == "Caption"
    assert seq_fields(caption) == ["SEQ 表 \\* ARABIC"]
    assert caption.find(f"{W}pPr/{W}keepNext") is not None  # stays with its table
    rows = tbl.findall(f"{W}tr")
    assert [[text(tc) for tc in tr.findall(f"{W}tc")] for tr in rows] == [
        ["科目", "金额（万元）"],
        ["设备费", "20"],
        ["差旅费", "5"],
    ]
    assert rows[0].find(f"{W}trPr/{W}tblHeader") is not None
    assert rows[1].find(f"{W}trPr/{W}tblHeader") is None
    header_runs = list(rows[0].iter(f"{W}r"))
    assert header_runs and all(r.find(f"{W}rPr/{W}b") is not None for r in header_runs)
    assert all(r.find(f"{W}rPr/{W}b") is None for r in rows[1].iter(f"{W}r"))
    # right-aligned money column, as the pipe table's `---:` says
    assert rows[1].findall(f"{W}tc")[1].find(f"{W}p/{W}pPr/{W}jc").get(f"{W}val") == "right"
    widths = [int(c.get(f"{W}w")) for c in tbl.find(f"{W}tblGrid")]
    assert sum(widths) == TEXT_WIDTH_TWIPS
    borders = tbl.find(f"{W}tblPr/{W}tblBorders")
    assert borders.find(f"{W}insideV").get(f"{W}val") == "single"


def test_tables_and_figures_are_numbered_through_the_document(export_blocks, tmp_path) -> None:
    (tmp_path / "a.png").write_bytes(pictures.png(40, 20))
    figure = Figure("a.png", (Span("路线"),))
    _, doc = export_blocks(
        background=(budget_table("甲"), figure),
        objectives=(budget_table("乙"), figure, figure),
    )
    captions = [p.text for p in body_paragraphs(doc) if p.style.name == "Caption"]
    assert captions == ["表 1 甲", "图 1 路线", "表 2 乙", "图 2 路线", "图 3 路线"]


def test_a_figure_fits_the_text_width_with_its_caption_below(export_blocks, tmp_path) -> None:
    (tmp_path / "figures").mkdir()
    (tmp_path / "figures" / "wide.png").write_bytes(pictures.png(3000, 1000, dpi=96))
    (tmp_path / "figures" / "small.gif").write_bytes(pictures.GIF)
    blocks = (
        Figure("figures/wide.png", (Span("技术路线图"),)),
        Figure("figures/wide.png", (Span("一半"),), width_percent=50),
        Figure("figures/small.gif"),
    )
    result, doc = export_blocks(background=blocks)
    items = body_between(doc, BACKGROUND, OBJECTIVES)
    assert [text(e) for e in items] == ["", "图 1 技术路线图", "", "图 2 一半", "", "图 3"]
    assert seq_fields(items[1]) == ["SEQ 图 \\* ARABIC"]
    text_width = TEXT_WIDTH_TWIPS * 635
    sizes = []
    for picture in items[0::2]:
        extent = picture.find(f".//{WP}extent")
        sizes.append((int(extent.get("cx")), int(extent.get("cy"))))
    assert abs(sizes[0][0] - text_width) < 635 * 2  # shrunk to the text width
    assert abs(sizes[0][1] * 3 - sizes[0][0]) < 10  # aspect kept
    assert abs(sizes[1][0] - text_width / 2) < 635 * 2
    assert sizes[2] == (9525, 9525)  # a 1×1 GIF at 96 dpi stays its own size
    assert items[0].find(f".//{WP}docPr").get("descr") == "技术路线图"
    assert not result.problems
    # one image part for the two uses of wide.png
    images = [r for r in doc.part.rels.values() if r.reltype.endswith("/image")]
    assert len(images) == 2


@pytest.mark.parametrize(
    ("name", "content", "shown"),
    [
        ("missing.png", None, "文件不存在"),
        ("notes.png", b"just some text, not a picture", "不是 PNG、JPEG、GIF 或 BMP 图片"),
        ("cut.png", pictures.png(50, 50)[:-30], "文件已损坏"),
        ("bomb.png", pictures.bomb_png(), "图片过大"),
        ("folder.png", "dir", "无法打开"),
    ],
)
def test_a_bad_image_becomes_a_framed_placeholder(
    export_blocks, tmp_path, name, content, shown
) -> None:
    if content == "dir":
        (tmp_path / name).mkdir()
    elif content is not None:
        (tmp_path / name).write_bytes(content)
    blocks = (p("前文。"), Figure(name, (Span("路线"),)), p("后文。"))
    result, doc = export_blocks(background=blocks)
    items = body_between(doc, BACKGROUND, OBJECTIVES)
    assert [text(e) for e in items] == [
        "前文。",
        f"［图片无法读取：{name}（{shown}）］",
        "图 1 路线",
        "后文。",
    ]
    assert items[1].find(f"{W}pPr/{W}pBdr/{W}left").get(f"{W}val") == "single"
    assert not list(items[1].iter(f"{W}drawing"))
    (problem,) = result.problems
    assert problem.is_error and problem.field == "sections.background"
    assert problem.code == "figure_unreadable" and problem.params["path"] == name
    assert name in problem.message and "研究背景与意义" in problem.message


def test_jpeg_and_bmp_figures(export_blocks, tmp_path) -> None:
    (tmp_path / "photo.jpg").write_bytes(pictures.JPEG)
    (tmp_path / "chart.bmp").write_bytes(pictures.bmp(30, 10))
    result, doc = export_blocks(background=(Figure("photo.jpg"), Figure("chart.bmp")))
    assert not result.problems
    types = sorted(r.target_part.content_type for r in doc.part.rels.values()
                   if r.reltype.endswith("/image"))  # fmt: skip
    assert types == ["image/bmp", "image/jpeg"]


def test_a_ragged_table_is_written_padded(export_blocks) -> None:
    table = Table(cells("甲", "乙", "丙"), (cells("1", "", ""),), ("default",) * 3, ragged=True)
    _, doc = export_blocks(background=(table,))
    (tbl,) = [e for e in body_between(doc, BACKGROUND, OBJECTIVES) if e.tag == f"{W}tbl"]
    assert [len(tr.findall(f"{W}tc")) for tr in tbl.findall(f"{W}tr")] == [3, 3]


REFERENCES = (
    ReferenceEntry(0, "liu2020", "刘强. 学习型查询优化[J]. 软件学报, 2020, 31(3): 1-20."),
    ReferenceEntry(0, "smith2019", "SMITH J. Learned indexes[C]//SIGMOD. 2019: 1-12."),
    ReferenceEntry(0, "wang2021", "王芳. 数据库系统[M]. 北京: 高等教育出版社, 2021."),
    ReferenceEntry(0, "unused", "从未引用[M]. 2000."),
)


def test_citations_are_numbered_by_first_use_and_the_list_ends_the_document(
    export_blocks,
) -> None:
    _, doc = export_blocks(
        references=REFERENCES,
        background=(
            p("已有工作", Citation(("smith2019",)), "。"),
            p("综述", Citation(("wang2021", "liu2020", "smith2019")), "。"),
        ),
        objectives=(p("见", Citation(("liu2020", "smith2019")), "与", Citation(("nokey",))),),
    )
    background = body_between(doc, BACKGROUND, OBJECTIVES)
    assert [text(e) for e in background] == ["已有工作[1]。", "综述[1-3]。"]
    marker = next(r for r in background[0].iter(f"{W}r") if text(r) == "[1]")
    assert marker.find(f"{W}rPr/{W}vertAlign").get(f"{W}val") == "superscript"
    objectives = body_between(doc, OBJECTIVES, "四、研究方案与技术路线")
    assert text(objectives[0]) == "见[1,3]与[?]"
    paragraphs = body_paragraphs(doc)
    start = next(i for i, p in enumerate(paragraphs) if p.text == "参考文献")
    assert paragraphs[start].style.name == "Heading 1"
    entries = paragraphs[start + 1 :]
    assert [e.text for e in entries] == [
        "[1]\tSMITH J. Learned indexes[C]//SIGMOD. 2019: 1-12.",
        "[2]\t王芳. 数据库系统[M]. 北京: 高等教育出版社, 2021.",
        "[3]\t刘强. 学习型查询优化[J]. 软件学报, 2020, 31(3): 1-20.",
    ]
    pf = entries[0].paragraph_format
    assert pf.first_line_indent == -pf.left_indent and pf.left_indent > 0  # hanging


def test_no_reference_list_without_citations(export_blocks) -> None:
    _, doc = export_blocks(references=REFERENCES, background=(p("没有引用。"),))
    assert "参考文献" not in [p.text for p in body_paragraphs(doc)]


def test_a_character_lost_on_the_way_is_an_error(export_blocks, monkeypatch) -> None:
    """Table cells and captions are the applicant's text, checked like paragraphs."""
    from planner.errors import ExportError
    from planner.export import blocks_writer

    original = blocks_writer.BlocksWriter.inlines

    def lossy(self, paragraph, inlines, **fmt):
        inlines = tuple(Span(r.text.replace("差旅", "")) if isinstance(r, Span) else r
                        for r in inlines)  # fmt: skip
        original(self, paragraph, inlines, **fmt)

    monkeypatch.setattr(blocks_writer.BlocksWriter, "inlines", lossy)
    with pytest.raises(ExportError, match="2 characters of the proposal's text did not reach"):
        export_blocks(background=(budget_table(),))


def test_captions_are_centred_in_a_template_without_a_caption_style(export_blocks, tmp_path):
    template = docx.Document()
    template.styles.element.remove(template.styles["Caption"].element)
    template.save(str(tmp_path / "office.docx"))
    _, doc = export_blocks(background=(budget_table(),), template=tmp_path / "office.docx")
    caption = next(p for p in body_paragraphs(doc) if p.text == "表 1 经费预算")
    assert caption.alignment == 1  # WD_ALIGN_PARAGRAPH.CENTER


def test_the_pictures_of_a_document_together_are_bounded(export_blocks, tmp_path, monkeypatch):
    from planner.export import blocks_writer

    data = pictures.png(100, 100)
    monkeypatch.setattr(blocks_writer, "MAX_DOCUMENT_IMAGE_BYTES", 2 * len(data) + 10)
    for name in ("a", "b", "c"):
        (tmp_path / f"{name}.png").write_bytes(data)
    blocks = tuple(Figure(f"{n}.png") for n in ("a", "a", "b", "c"))  # a twice: held once
    result, doc = export_blocks(background=blocks)
    assert len(doc.inline_shapes) == 3
    (problem,) = result.problems
    assert problem.params["path"] == "c.png" and problem.params["reason"] == "too_large"


def test_a_template_without_page_size_still_fits_figures_and_tables(export_blocks, tmp_path):
    template = docx.Document()
    sect_pr = template.sections[0]._sectPr
    for tag in ("pgSz", "pgMar"):
        sect_pr.remove(sect_pr.find(f"{W}{tag}"))
    template.save(str(tmp_path / "office.docx"))
    (tmp_path / "a.png").write_bytes(pictures.png(3000, 100))
    result, doc = export_blocks(
        background=(budget_table(), Figure("a.png")), template=tmp_path / "office.docx"
    )
    assert not result.problems
    a4_text_width = docx.shared.Cm(21.0 - 2 * 3.17)
    assert abs(doc.inline_shapes[0].width - a4_text_width) < 1000


def test_rows_of_any_length_and_an_empty_table_never_fail(export_blocks) -> None:
    short_and_long = Table(cells("甲", "乙"), (cells("1"), cells("1", "2", "3")), ("default",) * 2)
    _, doc = export_blocks(background=(short_and_long, Table((), (), ()), p("后文")))
    (tbl,) = [e for e in body_between(doc, BACKGROUND, OBJECTIVES) if e.tag == f"{W}tbl"]
    rows = [[text(tc) for tc in tr.findall(f"{W}tc")] for tr in tbl.findall(f"{W}tr")]
    assert rows == [["甲", "乙", ""], ["1", "", ""], ["1", "2", "3"]]
    assert "后文" in [p.text for p in body_paragraphs(doc)]
