"""Every zip the app opens is checked before parsing: .docx calls, templates and sheets that
are bombs, macro files, entity bombs, huge text nodes or broken parts end in one message
(issue 18, must-have 2). The files are made in the test."""

from __future__ import annotations

import random
import zipfile
from pathlib import Path

import pytest
from hostile_inputs import (
    DOCM_MAIN,
    document_xml,
    docx_bytes,
    entity_bomb,
    minimal_docx,
    styles_xml,
)

from planner.cli.main import main
from planner.errors import CallFileError
from planner.formats.zip_guard import LIMITS, check_zip

MB = 1024 * 1024


def import_call(capsys, tmp_path: Path, data: bytes, name: str = "call.docx") -> tuple[int, str]:
    source = tmp_path / name
    source.write_bytes(data)
    code = main(["import-call", str(source), "-o", str(tmp_path / "out.yaml")])
    err = capsys.readouterr().err
    assert not (tmp_path / "out.yaml").exists() or code != 2
    return code, err


def _random_text(n: int) -> str:
    return random.Random(n).randbytes(n // 2).hex()  # compresses about 2:1, like prose


SELF_STYLE = styles_xml(
    '<w:style w:type="paragraph" w:styleId="Loop"><w:name w:val="Loop"/>'
    '<w:basedOn w:val="Loop"/></w:style>'
)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"1. not a zip", "cannot read the Word file: not an Office file (not a zip package"),
        (minimal_docx(main=DOCM_MAIN), "cannot read the Word file: it is not a Word document"),
        (
            minimal_docx(**{"word__vbaProject.bin": b"macro"}),
            "cannot read the Word file: the file holds macros",
        ),
        (minimal_docx(entity_bomb()), "cannot read the Word file: broken XML"),
        (minimal_docx("<w:document><w:body>"), "cannot read the Word file: broken XML"),
        (  # a 10 MB text node: libxml2's limit, not our memory
            minimal_docx(document_xml([_random_text(10_500_000)])),
            "cannot read the Word file: broken XML (Resource limit exceeded: Text node too long",
        ),
        (
            minimal_docx(**{"word__media__image1.png": b"\0" * (LIMITS.part_bytes + 1)}),
            "cannot read the Word file: part word/media/image1.png expands to 16 MB "
            "(at most 16 MB per part)",
        ),
        (
            minimal_docx(**{f"word__media__i{i}.png": b"\0" * (15 * MB) for i in range(5)}),
            "cannot read the Word file: part word/media/i",  # compressed ~1000:1 first
        ),
        (
            docx_bytes({"[Content_Types].xml": "<Types", "_rels/.rels": "<x"}),
            "cannot read the Word file: broken XML",
        ),
    ],
    ids=["text", "docm", "vba", "entities", "malformed", "text-node", "part", "total", "rels"],
)
def test_hostile_docx_calls_are_one_message(capsys, tmp_path, data, message) -> None:
    code, err = import_call(capsys, tmp_path, data)
    assert code == 2
    assert err.startswith(f"planner: {tmp_path / 'call.docx'}: {message}"), err
    assert err.count("\n") == 1 and len(err) < 400


def test_a_total_over_the_limit_is_refused_before_parsing(tmp_path) -> None:
    # random bytes do not compress: the ratio check passes, the total does not
    parts = {f"word/media/i{i}.bin": random.Random(i).randbytes(12 * MB) for i in range(6)}
    data = docx_bytes(parts, compression=zipfile.ZIP_STORED)
    with pytest.raises(CallFileError) as info:
        check_zip(data, "x.docx", CallFileError, "Word file")
    assert "the parts expand to more than 64 MB in all" in str(info.value)


def test_a_style_based_on_itself_ends(capsys, tmp_path) -> None:
    doc = document_xml(["1. 数据库", "1.1 HTAP", "背景。"], style="Loop")
    code, _ = import_call(capsys, tmp_path, minimal_docx(doc, styles=SELF_STYLE))
    assert code in (0, 1)  # it ends; whatever it found is reported


def test_a_docm_is_refused_by_name(capsys, tmp_path) -> None:
    code, err = import_call(capsys, tmp_path, minimal_docx(), name="call.docm")
    assert code == 2
    assert "a macro-enabled .docm file is not opened; save it as .docx" in err


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("t.docm", minimal_docx(), "a macro-enabled .docm file is not opened"),
        ("t.docx", minimal_docx(main=DOCM_MAIN), "is not a usable Word .docx file"),
        ("t.docx", minimal_docx(entity_bomb()), "is not a usable Word .docx file"),
        (
            "t.docx",
            minimal_docx(**{"word__media__a.png": b"\0" * (LIMITS.part_bytes + 1)}),
            "expands to 16 MB",
        ),
    ],
)
def test_hostile_templates_are_one_message(capsys, tmp_path, name, data, message) -> None:
    template = tmp_path / name
    template.write_bytes(data)
    code = main(
        ["export", "--topic", "1.1", "-o", str(tmp_path / "o.docx"), "--template", str(template)]
    )
    err = capsys.readouterr().err
    assert code in (1, 2)
    assert message in err and err.count("\n") == 1
    assert not (tmp_path / "o.docx").exists()


def _xlsx(tmp_path: Path, rows: list[list[object]], formats: dict[str, str] | None = None) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    for ref, fmt in (formats or {}).items():
        sheet[ref].number_format = fmt
    path = tmp_path / "applicants.xlsx"
    book.save(path)
    return path


def test_a_number_cell_that_could_be_two_topics_is_reported(capsys, tmp_path) -> None:
    sheet = _xlsx(
        tmp_path,
        [["name", "topic", "phone"], ["张三", 1.1, 1234567], ["李四", 5.1, 1]],
        {"C2": "00000000"},
    )
    out = tmp_path / "out"
    code = main(["batch", "--applicants", str(sheet), "-o", str(out), "--jobs", "1"])
    report = capsys.readouterr().out
    assert code == 1
    assert (
        "row 2, column 'topic': the cell holds the number 1.1, which could be topic 1.1 / 1.10"
        in report
    )
    assert "; 1 bad row" in report


def test_phone_and_id_cells_keep_leading_zeros(tmp_path) -> None:
    from planner.formats.proposal_file import load_proposal

    sheet = _xlsx(
        tmp_path, [["name", "topic", "phone"], ["张三", "1.10", 1234567]], {"C2": "00000000"}
    )
    out = tmp_path / "out"
    main(["batch", "--applicants", str(sheet), "-o", str(out), "--jobs", "1"])
    (made,) = out.glob("*.proposal.yaml")
    proposal, _ = load_proposal(made)
    assert (proposal.topic, proposal.applicant.phone) == ("1.10", "01234567")
    csv_sheet = tmp_path / "a.csv"
    csv_sheet.write_text("name,topic,phone\n李四,1.10,01234567\n", "utf-8")
    out2 = tmp_path / "out2"
    main(["batch", "--applicants", str(csv_sheet), "-o", str(out2), "--jobs", "1"])
    (made,) = out2.glob("*.proposal.yaml")
    proposal, _ = load_proposal(made)
    assert (proposal.topic, proposal.applicant.phone) == ("1.10", "01234567")


def _broken_xlsx(tmp_path: Path, part: str, data: bytes) -> Path:
    good = _xlsx(tmp_path, [["name", "topic"], ["张三", "1.1"]])
    with zipfile.ZipFile(good) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    parts[part] = data
    if part == "xl/sharedStrings.xml":
        ct = parts["[Content_Types].xml"].decode()
        if "sharedStrings" not in ct:
            ct = ct.replace(
                "</Types>",
                '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
            )
            parts["[Content_Types].xml"] = ct.encode()
    path = tmp_path / "broken.xlsx"
    path.write_bytes(docx_bytes(parts))
    return path


@pytest.mark.parametrize(
    ("part", "data", "message"),
    [
        ("xl/sharedStrings.xml", b"<sst" + b" " * (20 * MB), "expands to 20 MB"),
        ("xl/sharedStrings.xml", b"<sst><si><t>broken", "cannot read the workbook"),
        (  # the billion laughs in shared strings: defusedxml refuses the entities
            "xl/sharedStrings.xml",
            entity_bomb().replace("w:document", "sst").encode(),
            "cannot read the workbook",
        ),
        ("xl/workbook.xml", b"<workbook", "cannot read the workbook"),
        (
            "xl/worksheets/sheet1.xml",
            b"<worksheet><sheetData><row><c t='s'><v>99</v>",
            "cannot read the workbook",
        ),
        ("xl/_rels/workbook.xml.rels", b"<Relationships", "cannot read the workbook"),
    ],
)
def test_hostile_sheets_are_one_message(capsys, tmp_path, part, data, message) -> None:
    sheet = _broken_xlsx(tmp_path, part, data)
    code = main(["batch", "--applicants", str(sheet), "-o", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert code == 2, err
    assert message in err and err.count("\n") == 1


def test_an_xlsm_is_refused_by_name(capsys, tmp_path) -> None:
    sheet = _xlsx(tmp_path, [["name", "topic"]])
    xlsm = sheet.rename(tmp_path / "a.xlsm")
    assert main(["batch", "--applicants", str(xlsm), "-o", str(tmp_path / "out")]) == 2
    assert "a macro-enabled .xlsm file is not opened; save it as .xlsx" in capsys.readouterr().err
