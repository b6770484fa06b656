"""`planner references import|list`: merge a .bib into a proposal, print its GB/T 7714 list."""

# ruff: noqa: E501  (printed lines are compared whole)

from __future__ import annotations

import subprocess
import sys
import textwrap

from paths import DATA
from test_cli import run

from planner.formats.proposal_file import load_proposal
from planner.storage.file_lock import acquire_lock

BIB = textwrap.dedent(
    """\
    @article{kanamori1998, author = {Kanamori, H.}, title = {Shaking without quaking},
      journal = {Science}, year = {1998}, volume = {279}, number = {5359}, pages = {2063}}
    @book{xu2010, author = {徐光宪 and 王祥云}, title = {物质结构}, address = {北京},
      publisher = {科学出版社}, year = {2010}}
    """
)


def proposal(tmp_path):
    target = tmp_path / "p.proposal.yaml"
    target.write_bytes((DATA / "sample.proposal.yaml").read_bytes())
    bib = tmp_path / "refs.bib"
    bib.write_text(BIB, encoding="utf-8")
    return target, bib


def test_import_adds_new_entries_and_saves_atomically(tmp_path, capsys):
    target, bib = proposal(tmp_path)
    before = target.read_bytes()
    code, out, err = run(capsys, "references", "import", str(target), str(bib))
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        f"{bib} → {target}",
        "  added: 2 (kanamori1998, xu2010)",
        "  already there, the same: 0",
        "  conflicting (same id, different entry), kept as they were: 0",
    ]
    loaded, problems = load_proposal(target)
    assert problems == []
    assert [r["id"] for r in loaded.references] == ["kanamori1998", "xu2010"]
    assert (tmp_path / "p.proposal.yaml.bak").read_bytes() == before  # the previous version
    # the text before `references:` is what it was, byte for byte
    assert target.read_bytes().startswith(before)


def test_a_conflict_is_kept_unless_replace(tmp_path, capsys):
    target, bib = proposal(tmp_path)
    run(capsys, "references", "import", str(target), str(bib))
    bib.write_text(BIB.replace("Shaking without quaking", "Shaking, revised"), encoding="utf-8")
    saved = target.read_bytes()
    code, out, _ = run(capsys, "references", "import", str(target), str(bib))
    assert code == 0
    assert out.splitlines()[1:] == [
        "  added: 0",
        "  already there, the same: 1 (xu2010)",
        "  conflicting (same id, different entry), kept as they were: 1 (kanamori1998)",
        "  (--replace takes the imported entries instead)",
    ]
    assert target.read_bytes() == saved  # nothing new: not even rewritten
    code, out, _ = run(capsys, "references", "import", str(target), str(bib), "--replace")
    assert "  replaced (same id, different entry): 1 (kanamori1998)" in out.splitlines()
    assert load_proposal(target)[0].references[0]["title"] == "Shaking, revised"


def test_list_prints_gbt7714_in_citation_order(tmp_path, capsys):
    target, bib = proposal(tmp_path)
    run(capsys, "references", "import", str(target), str(bib))
    text = target.read_text(encoding="utf-8").replace(
        "  approach: 采用", "  approach: 见[@xu2010; @ghost]。采用"
    )
    target.write_text(text, encoding="utf-8")
    code, out, _ = run(capsys, "references", "list", str(target))
    assert code == 0
    assert out.splitlines() == [
        "[1] 徐光宪, 王祥云. 物质结构[M]. 北京: 科学出版社, 2010.",
        "",
        "Not cited (not printed in the document):",
        "  [@kanamori1998] KANAMORI H. Shaking without quaking[J]. Science, 1998, 279(5359): 2063.",
    ]
    code, out, _ = run(capsys, "validate", str(target))
    assert code == 1
    assert (
        "  error: sections.approach: 研究方案与技术路线: [@ghost] cites 'ghost', which is not in the references"
        in out.splitlines()
    )
    assert (
        "  warning: references[1]: reference 'kanamori1998' is never cited (cite it as [@kanamori1998])"
        in out.splitlines()
    )


def test_import_refuses_a_broken_file_an_open_proposal_and_one_with_errors(tmp_path, capsys):
    target, bib = proposal(tmp_path)
    before = target.read_bytes()
    broken = tmp_path / "refs.json"
    broken.write_text('[{"id": "a",}]', encoding="utf-8")
    code, _, err = run(capsys, "references", "import", str(target), str(broken))
    assert code == 2
    assert (
        err
        == f"planner: {broken}, line 1: not JSON: Expecting property name enclosed in double quotes\n"
    )
    lock = acquire_lock(target)  # the app has it open
    try:
        code, _, err = run(capsys, "references", "import", str(target), str(bib))
    finally:
        lock.release()
    assert code == 1 and "open" in err
    target.write_text(
        before.decode("utf-8") + "references:\n- id: a\n  title: [x]\n", encoding="utf-8"
    )
    with_error = target.read_bytes()
    code, _, err = run(capsys, "references", "import", str(target), str(bib))
    assert code == 1
    assert "references[1].title: expected text, found a list" in err
    assert err.endswith("has errors; fix them before importing references into it\n")
    assert target.read_bytes() == with_error  # nothing lost


def test_the_command_imports_only_its_own_module_and_no_parser_until_used():
    from planner.cli.main import COMMANDS

    code = (
        "import sys; from planner.cli.main import main; main(['references', 'list', "
        f"{str(DATA / 'sample.proposal.yaml')!r}]); "
        "print(sorted(m for m in sys.modules if m.startswith('planner.cli.')), "
        "'bibtexparser' in sys.modules, 'rispy' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    modules, bibtex, ris = result.stdout.strip().splitlines()[-1].rsplit(" ", 2)
    commands = {m for m in COMMANDS.values() if m in modules}
    assert commands == {"planner.cli.references"}
    assert (bibtex, ris) == ("False", "False")
