"""Hostile .docx files get a clear error (exit 2) and cost bounded memory and time (issue 15)."""

from __future__ import annotations

import re
import shutil
import struct
import zipfile
import zlib
from pathlib import Path

import pytest
from paths import DATA
from returned_docx import export, rich_proposal

from planner.cli.main import main
from planner.importer.proposal_docx import read_proposal_docx

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def replace_part(source: Path, target: Path, name: str, data: bytes) -> Path:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            new.writestr(item.filename, data if item.filename == name else old.read(item))
    return target


@pytest.fixture
def good(call, tmp_path: Path) -> Path:
    (tmp_path / "figures").mkdir()
    shutil.copy(DATA / "figures" / "photo.jpg", tmp_path / "figures")
    return export(rich_proposal(call), call, tmp_path, "good.docx")


def refused(path: Path, capsys) -> str:
    assert main(["import-proposal", str(path), "-o", str(path.with_suffix(".proposal.yaml"))]) == 2
    assert not path.with_suffix(".proposal.yaml").exists()
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return err


def test_not_a_zip(tmp_path: Path, capsys) -> None:
    path = tmp_path / "notes.docx"
    path.write_text("这不是 Word 文件", encoding="utf-8")
    assert f"{path}: not a Word .docx file (it is not a zip package)" in refused(path, capsys)


def test_an_old_doc_or_an_encrypted_file(tmp_path: Path, capsys) -> None:
    path = tmp_path / "old.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    assert "save it as .docx without a password" in refused(path, capsys)


def test_a_macro_file_by_name_and_by_content(good: Path, tmp_path: Path, capsys) -> None:
    docm = tmp_path / "macros.docm"
    docm.write_bytes(good.read_bytes())
    assert "macro-enabled Word file (.docm) is not read" in refused(docm, capsys)
    types = (
        zipfile.ZipFile(good)
        .read("[Content_Types].xml")
        .replace(b"wordprocessingml.document.main+xml", b"PLACEHOLDER")
    )
    types = types.replace(
        b"application/vnd.openxmlformats-officedocument.PLACEHOLDER",
        b"application/vnd.ms-word.document.macroEnabled.main+xml",
    )
    renamed = replace_part(good, tmp_path / "renamed.docx", "[Content_Types].xml", types)
    assert "macro-enabled Word file (.docm) is not read" in refused(renamed, capsys)


def test_a_zip_bomb_is_refused_without_expanding_it(good: Path, tmp_path: Path, capsys) -> None:
    bomb = replace_part(good, tmp_path / "bomb.docx", "word/document.xml", b" " * (48 << 20))
    assert bomb.stat().st_size < 1 << 20  # 48 MiB of text packs into a few kilobytes
    err = refused(bomb, capsys)
    assert "cannot read the Word file: part word/document.xml expands to 48 MB" in err
    assert "(at most 16 MB per part)" in err


def test_a_part_that_claims_gigabytes(good: Path, tmp_path: Path, capsys) -> None:
    """A central directory that says 4 GiB: refused from the header, nothing inflated."""
    data = bytearray(good.read_bytes())
    name = b"word/document.xml"
    at = data.find(b"PK\x01\x02")
    while at != -1:
        length = struct.unpack_from("<H", data, at + 28)[0]
        if data[at + 46 : at + 46 + length] == name:
            struct.pack_into("<I", data, at + 24, 0xFFFF_FFF0)
        at = data.find(b"PK\x01\x02", at + 4)
    path = tmp_path / "claims.docx"
    path.write_bytes(bytes(data))
    assert "part word/document.xml expands to 4,096 MB" in refused(path, capsys)


def test_entity_declarations_are_never_resolved(good: Path, tmp_path: Path, capsys) -> None:
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "hahahahahahahaha">'
        + b"".join(
            f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">'.encode() for i in range(9)
        )
        + f'<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document xmlns:w="{W_NS}"><w:body>'
        "<w:p><w:r><w:t>&j;&x;</w:t></w:r></w:p></w:body></w:document>".encode()
    )
    path = replace_part(good, tmp_path / "laughs.docx", "word/document.xml", laughs)
    assert "the XML declares a DTD or entities, which Word never writes" in refused(path, capsys)


def test_a_ten_thousand_page_document(good: Path, tmp_path: Path, capsys) -> None:
    page = '<w:p><w:r><w:t>页</w:t></w:r><w:r><w:br w:type="page"/></w:r></w:p>'
    body = (
        f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_NS}"><w:body>'
        + page * 10_000
        + "</w:body></w:document>"
    )
    path = replace_part(good, tmp_path / "long.docx", "word/document.xml", body.encode())
    assert "far longer than any proposal (10001 pages)" in refused(path, capsys)


def test_a_hundred_thousand_paragraphs(good: Path, tmp_path: Path, capsys) -> None:
    body = (
        f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_NS}"><w:body>'
        + "".join(f"<w:p><w:r><w:t>{i * 7919}</w:t></w:r></w:p>" for i in range(100_000))
        + "</w:body></w:document>"
    )
    path = replace_part(good, tmp_path / "many.docx", "word/document.xml", body.encode())
    assert "far longer than any proposal (100000 paragraphs)" in refused(path, capsys)


def test_a_part_compressed_like_no_document(good: Path, tmp_path: Path, capsys) -> None:
    bomb = replace_part(good, tmp_path / "dense.docx", "word/styles.xml", b" " * (8 << 20))
    err = refused(bomb, capsys)
    assert "part word/styles.xml is compressed" in err and "(a zip bomb?; at most 100 to 1)" in err


def test_an_absurd_image_is_reported_and_the_rest_read(call, good: Path, tmp_path: Path) -> None:
    ihdr = struct.pack(">IIBBBBB", 60_000, 60_000, 8, 2, 0, 0, 0)
    chunk = struct.pack(">I", 13) + b"IHDR" + ihdr + struct.pack(">I", zlib.crc32(b"IHDR" + ihdr))
    png = b"\x89PNG\r\n\x1a\n" + chunk + b"\0" * 64
    media = next(n for n in zipfile.ZipFile(good).namelist() if n.startswith("word/media/"))
    path = replace_part(good, tmp_path / "absurd.docx", media, png)
    result = read_proposal_docx(path, call)
    assert not result.complete and not result.figures
    (note,) = result.unplaced
    assert note.paragraph is not None
    assert "a picture that cannot be a figure" in note.message and "not saved" in note.message
    assert result.proposal.sections["budget"].strip() == "设备费 20 万元，差旅费 5 万元。"


def test_a_missing_file(tmp_path: Path, capsys) -> None:
    assert "cannot read the file" in refused(tmp_path / "gone.docx", capsys)


def test_a_page_size_without_a_width_reads_as_a4(call, good: Path, tmp_path: Path) -> None:
    """`<w:pgSz w:h="…"/>` with no width: the figures are sized against A4's text width, as
    for a page without a size (it raised a TypeError: "unexpected error" in the CLI)."""
    document = zipfile.ZipFile(good).read("word/document.xml")
    no_width, n = re.subn(rb'(<w:pgSz\b[^>]*?) w:w="\d+"', rb"\1", document)
    assert n == 1
    path = replace_part(good, tmp_path / "no-width.docx", "word/document.xml", no_width)
    sections = read_proposal_docx(path, call).proposal.sections
    width = re.compile(r"\{width=\d+%\}")
    as_exported = read_proposal_docx(good, call).proposal.sections
    assert width.search(sections["background"])  # the guess differs from 60 % by the margins
    assert {k: width.sub("", v) for k, v in sections.items()} == {
        k: width.sub("", v) for k, v in as_exported.items()
    }
