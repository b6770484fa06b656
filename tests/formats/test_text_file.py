"""A GBK/GB18030 file says so and how to convert it (YAML), or is read (plain text)."""

from __future__ import annotations

from pathlib import Path

import pytest
from paths import DATA

from planner.errors import CallFileError, ProposalFileError
from planner.formats.call_file import load_call
from planner.formats.proposal_file import load_proposal
from planner.importer.call_import import import_call_file

PROPOSAL = "title: 面向国产数据库的查询优化研究\ntopic: '5.1'\n"


def test_a_gbk_proposal_says_it_is_gbk_and_how_to_convert(tmp_path: Path) -> None:
    path = tmp_path / "p.proposal.yaml"
    path.write_bytes(PROPOSAL.encode("gbk"))
    with pytest.raises(ProposalFileError) as info:
        load_proposal(path)
    message = str(info.value)
    assert message.startswith(f"{path}, line 1: the file is GBK/GB18030 text")
    assert "UTF-8 by specification" in message
    assert "iconv -f GB18030 -t UTF-8 p.proposal.yaml > utf8-p.proposal.yaml" in message
    assert "binary" not in message


def test_a_gb18030_call_file_says_so_too(tmp_path: Path) -> None:
    path = tmp_path / "topics.yaml"
    path.write_bytes("schema: 1\nid: c\ntitle: 申报主题\n".encode("gb18030"))
    with pytest.raises(CallFileError, match="GBK/GB18030"):
        load_call(path)


def test_a_binary_file_is_still_called_binary(tmp_path: Path) -> None:
    path = tmp_path / "b.proposal.yaml"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\xff")
    with pytest.raises(ProposalFileError, match=r"not UTF-8 text \(is it a binary file\?\)"):
        load_proposal(path)


def test_a_call_text_saved_as_gbk_imports_as_its_utf8_twin(tmp_path: Path) -> None:
    text = (DATA / "call-topics.txt").read_text(encoding="utf-8")
    utf8, gbk = tmp_path / "call.txt", tmp_path / "call-gbk.txt"
    utf8.write_text(text, encoding="utf-8")
    gbk.write_bytes(text.encode("gb18030"))
    assert import_call_file(gbk, "c", "C") == import_call_file(utf8, "c", "C")
