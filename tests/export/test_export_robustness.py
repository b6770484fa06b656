"""Never a crash, never a lost file: control characters, huge text, unwritable targets,
broken templates and a failed read-back check."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from docx_body import body_paragraphs

from planner.errors import ExportError
from planner.export.clean import clean_text
from planner.export.docx import export_docx
from planner.model.proposal import Applicant, Proposal
from planner.storage import atomic_write

CONTROL = "".join(chr(c) for c in range(0x20) if c not in (9, 10, 13)) + "\ufffe\uffff\ud800"


def test_clean_text_drops_what_xml_cannot_hold() -> None:
    assert clean_text(f"a{CONTROL}b") == "ab"
    assert clean_text("行一\r\n行二\r行三\t制表") == "行一\n行二\n行三\t制表"
    assert clean_text("") == ""


def test_control_characters_in_every_field_are_dropped(call, exported) -> None:
    dirty = f"控{CONTROL}制"
    proposal = Proposal(
        call=call.id,
        topic="1.1",
        directions=[1],
        own_directions=[dirty],
        title=dirty,
        applicant=Applicant(*(dirty for _ in range(6))),
        sections={s.key: f"- {dirty}\n\n**{dirty}**" for s in call.form},
    )
    result, doc = exported(proposal)
    texts = [p.text for p in body_paragraphs(doc)]
    texts += [c.text for row in doc.tables[0].rows for c in row.cells]
    assert "控制" in texts
    assert doc.core_properties.title == "控制"
    for text in texts:
        assert not set(text) & set(CONTROL)
    # title, 6 applicant fields, 1 own direction, 9 sections x 2: 2 characters each
    assert result.characters == 2 * (1 + 6 + 1 + 2 * len(call.form))


def test_very_long_text(call, exported) -> None:
    long = ("甲乙丙丁" * 1000 + "\n\n") * 50  # 200,000 ideographs in 50 paragraphs
    result, doc = exported(Proposal(call=call.id, topic="2.1", sections={"approach": long}))
    assert result.characters == 200_000
    assert sum(p.text.count("甲乙丙丁") for p in body_paragraphs(doc)) == 50_000


@pytest.fixture
def existing(tmp_path: Path) -> tuple[Path, bytes]:
    target = tmp_path / "proposal.docx"
    target.write_bytes(b"the applicant's previous export")
    return target, target.read_bytes()


def test_target_that_is_a_folder(call, filled, tmp_path: Path) -> None:
    folder = tmp_path / "out.docx"
    folder.mkdir()
    with pytest.raises(ExportError, match="it is a folder"):
        export_docx(filled, call, folder)


def test_missing_folder(call, filled, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="No such file or directory"):
        export_docx(filled, call, tmp_path / "nowhere" / "p.docx")
    assert not (tmp_path / "nowhere").exists()


def test_locked_target_is_left_byte_identical(call, filled, existing, monkeypatch) -> None:
    """Word on Windows holds its open files: the final rename fails with a permission error."""
    target, before = existing

    def locked(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(atomic_write.os, "replace", locked)
    with pytest.raises(ExportError) as info:
        export_docx(filled, call, target)
    message = str(info.value)
    assert "Permission denied" in message and "close it and try again" in message
    assert "the existing file is unchanged" in message
    assert target.read_bytes() == before
    assert sorted(p.name for p in target.parent.iterdir()) == [target.name]  # no temp left


def test_read_only_folder_leaves_the_file(call, filled, existing) -> None:
    target, before = existing
    folder = target.parent
    folder.chmod(0o555)
    try:
        if os.access(folder, os.W_OK):  # root ignores permissions: the export may succeed
            export_docx(filled, call, target)
            assert target.read_bytes() != before
        else:
            with pytest.raises(ExportError, match="Permission denied"):
                export_docx(filled, call, target)
            assert target.read_bytes() == before
    finally:
        folder.chmod(0o755)


def _lose(monkeypatch, text: str) -> None:
    """Make the writer drop `text` from every run of the applicant's (a bug on the way)."""
    from planner.document.blocks import Span
    from planner.export.blocks_writer import BlocksWriter

    original = BlocksWriter.inlines

    def lossy(self, paragraph, inlines, **fmt):
        inlines = tuple(
            Span(r.text.replace(text, ""), r.bold, r.italic) if isinstance(r, Span) else r
            for r in inlines
        )
        original(self, paragraph, inlines, **fmt)

    monkeypatch.setattr(BlocksWriter, "inlines", lossy)


def test_a_lost_character_is_an_error_and_nothing_is_written(
    call, filled, existing, monkeypatch
) -> None:
    """If text went missing on the way (a bug), the export refuses instead of writing less."""
    target, before = existing
    _lose(monkeypatch, "显著")
    with pytest.raises(ExportError, match="did not reach the document"):
        export_docx(filled, call, target)
    assert target.read_bytes() == before


def test_a_lost_character_cannot_hide_behind_a_heading(call, tmp_path: Path, monkeypatch) -> None:
    """研究 stands in the headings (研究背景与意义…): losing the applicant's 研究 is still seen."""
    _lose(monkeypatch, "研究")
    proposal = Proposal(call=call.id, topic="5.1", sections={"background": "研究"})
    with pytest.raises(ExportError, match=r"2 characters of the proposal's text did not reach"):
        export_docx(proposal, call, tmp_path / "x.docx")
    assert not (tmp_path / "x.docx").exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"plain text, not a zip", "not a usable Word .docx file"),
        (b"PK\x03\x04broken", "not a usable Word .docx file"),
    ],
)
def test_bad_template(call, filled, tmp_path: Path, content: bytes, message: str) -> None:
    template = tmp_path / "office.docx"
    template.write_bytes(content)
    with pytest.raises(ExportError, match=message):
        export_docx(filled, call, tmp_path / "p.docx", template=template)
    assert not (tmp_path / "p.docx").exists()


def test_missing_template(call, filled, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match=r"office\.docx: No such file"):
        export_docx(filled, call, tmp_path / "p.docx", template=tmp_path / "office.docx")


def test_the_summary_drops_what_the_docx_drops() -> None:
    """One set of characters XML cannot hold, for the .docx and for summary.xlsx/csv."""
    from planner.office.summary import clean_cell

    for ch in CONTROL + "\x7f":
        assert clean_text(f"a{ch}b") == clean_cell(f"a{ch}b") == "ab", repr(ch)
    assert clean_cell("行一\t制表") == "行一\t制表"
