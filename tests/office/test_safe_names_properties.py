"""Output names from any text an applicant can type (hypothesis, a bounded number of examples):
no separators, no `..`, no Windows device name, no control character, at most 150 bytes,
unique ignoring case, and always inside OUTDIR."""

from __future__ import annotations

import tempfile
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.office.safe_names import (
    MAX_STEM_BYTES,
    NameAllocator,
    UnsafeTargetError,
    contained,
    proposal_stem,
    safe_stem,
)

SETTINGS = settings(
    max_examples=150,
    deadline=None,
    database=None,  # nothing written into the checkout
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

# Windows refuses these as a name before the first dot, in any case
DEVICES = ["CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"] + [
    f"{p}{n}" for p in ("COM", "LPT") for n in [*"0123456789", "¹", "²", "³"]
]
# what paths, Windows and our own rules react to
TRICKY = st.sampled_from(
    [*DEVICES, "con", "Lpt1", ".", "..", "/", "\\", ":", "*", "?", '"', "<", ">", "|", " ",
     "\t", "\n", "\x00", "\x1b", "\u200b", "\u202e", "\ufeff", "-", "_", "长", "é", "e\u0301",
     "ß", "SS", "İ", "\U0001f600", "\ud7ff", "\ue000"]
)  # fmt: skip
TEXT = st.one_of(
    st.text(max_size=40),
    st.lists(st.one_of(TRICKY, st.text(max_size=3)), max_size=12).map("".join),
    # long titles: the byte bound, a cut never in the middle of a character
    st.builds(
        lambda a, b: a + b,
        st.sampled_from([*DEVICES, "", "."]),
        st.text("长a.é ", min_size=140, max_size=220),
    ),
)


def assert_safe(stem: str) -> None:
    assert stem, "never empty"
    assert len(stem.encode("utf-8")) <= MAX_STEM_BYTES, len(stem.encode("utf-8"))
    assert "/" not in stem and "\\" not in stem
    assert not any(ch in stem for ch in '<>:"|?*'), stem
    assert ".." not in stem and stem not in (".", "..")
    assert not stem.startswith("."), "a leading dot hides a file"
    assert not stem.endswith((".", " ")), "Windows drops trailing dots and spaces"
    assert not any(ch.isspace() for ch in stem), stem
    assert not any(unicodedata.category(ch).startswith("C") for ch in stem), ascii(stem)
    assert stem.split(".")[0].upper() not in DEVICES, stem


@SETTINGS
@given(TEXT)
def test_any_text_becomes_a_safe_name(text: str) -> None:
    stem = safe_stem(text)
    assert_safe(stem)
    assert safe_stem(stem) == stem, "a safe name is left as it is"


@SETTINGS
@given(TEXT, TEXT, TEXT)
def test_any_topic_applicant_and_title_make_a_safe_name(topic: str, who: str, title: str) -> None:
    assert_safe(proposal_stem(topic, who, title))


@SETTINGS
@given(st.lists(TEXT, max_size=8), st.sampled_from([(".docx",), (".proposal.yaml", ".docx")]))
def test_allocated_names_are_safe_unique_ignoring_case_and_inside_outdir(
    tmp_path: Path, texts: list[str], suffixes: tuple[str, ...]
) -> None:
    # texts that differ only in case ("Title", "TITLE") must still get names of their own
    texts = texts + [t.upper() for t in texts] + [t.lower() for t in texts]
    names = NameAllocator(tmp_path, suffixes)
    stems = [names.allocate(text) for text in texts]
    for stem in stems:
        assert_safe(stem)
        for suffix in suffixes:
            assert names.path(stem, suffix).parent == tmp_path.resolve()
    assert len({stem.casefold() for stem in stems}) == len(stems), stems


@SETTINGS
@given(TEXT)
def test_contained_never_returns_a_path_outside_outdir(text: str) -> None:
    """Whatever name it is given, `contained` refuses it or returns a child of OUTDIR."""
    with tempfile.TemporaryDirectory() as folder:
        outdir = Path(folder)
        try:
            target = contained(outdir, text)
        except UnsafeTargetError:
            return
        assert target.parent == outdir.resolve()
        assert target.resolve().parent == outdir.resolve()


@pytest.mark.parametrize("device", ["CON", "com1", "LPT¹"])
def test_a_long_name_starting_with_a_device_name_stays_within_the_byte_bound(
    device: str,
) -> None:
    stem = safe_stem(device + "." + "x" * 300)
    assert stem.startswith("_" + device + ".")
    assert len(stem.encode("utf-8")) <= MAX_STEM_BYTES
