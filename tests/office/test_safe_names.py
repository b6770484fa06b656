"""Output names built from applicants' text are safe on every OS and stay inside OUTDIR."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from planner.office.safe_names import (
    MAX_STEM_BYTES,
    NameAllocator,
    UnsafeTargetError,
    contained,
    proposal_stem,
    safe_stem,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("../../etc/passwd", "etc_passwd"),
        ('a/b\\c:d*e?f"g<h>i|j', "a_b_c_d_e_f_g_h_i_j"),
        ("CON", "_CON"),
        ("nul.txt", "_nul.txt"),
        ("com1", "_com1"),
        ("LPT9", "_LPT9"),
        ("CONSOLE", "CONSOLE"),
        ("标题\x07带\x1b控制\x00字符", "标题带控制字符"),
        ("  trailing dots...  ", "trailing_dots"),
        ("..", "proposal"),
        ("", "proposal"),
        ("\u202eevil\u200b", "evil"),  # bidi override and zero-width: format characters
        ("tab\tand\nnewline", "tab_and_newline"),
    ],
)
def test_safe_stem(text: str, expected: str) -> None:
    assert safe_stem(text) == expected


def test_safe_stem_never_has_dot_dot_or_separators() -> None:
    for text in ("../..", "a/../b", "...x...", "x/./y", "\\\\server\\share"):
        stem = safe_stem(text)
        assert ".." not in stem and "/" not in stem and "\\" not in stem, stem
        assert stem not in (".", "")


def test_long_chinese_title_is_bounded_in_bytes_and_not_cut_mid_character() -> None:
    stem = proposal_stem("1.5", "孙八", "长" * 300)
    assert len(stem.encode("utf-8")) <= MAX_STEM_BYTES
    assert stem.startswith("1.5_孙八_长")
    assert stem.encode("utf-8").decode("utf-8") == stem


def test_allocator_makes_names_unique_case_insensitively(tmp_path: Path) -> None:
    names = NameAllocator(tmp_path, (".proposal.yaml", ".docx"))
    assert [names.allocate(s) for s in ("Title", "title", "TITLE", "other")] == [
        "Title",
        "title-2",
        "TITLE-3",
        "other",
    ]
    long = "长" * 300
    first, second = names.allocate(long), names.allocate(long)
    assert first != second and second.endswith("-2")
    assert len((second + ".proposal.yaml").encode()) < 255


def test_allocator_skips_a_symlink_planted_in_outdir(tmp_path: Path) -> None:
    outside = tmp_path / "outside.docx"
    outdir = tmp_path / "out"
    outdir.mkdir()
    os.symlink(outside, outdir / "x.docx")
    names = NameAllocator(outdir)
    stem = names.allocate("x")
    assert stem == "x-2"
    assert names.path(stem, ".docx") == outdir.resolve() / "x-2.docx"


@pytest.mark.parametrize("name", ["..", ".", "../x.docx", "a/b.docx", "", "a\\b"])
def test_contained_refuses_names_that_leave_outdir(tmp_path: Path, name: str) -> None:
    with pytest.raises(UnsafeTargetError):
        contained(tmp_path, name)
