"""Whole exports compared part by part with the committed golden files (issue 11, item 7).

A failure shows a unified diff of each part that changed. If the change is meant, run
`python scripts/update_golden.py` and commit the new parts with it.
"""

from __future__ import annotations

import difflib

import golden_docx
import pytest

MAX_DIFF_LINES = 120


@pytest.mark.parametrize("case", golden_docx.CASES, ids=lambda c: c.name)
def test_export_matches_the_golden_parts(case: golden_docx.Case) -> None:
    expected = golden_docx.read_golden(case)
    assert expected, f"no golden files for {case.name}: run scripts/update_golden.py"
    got = golden_docx.parts(golden_docx.export_bytes(case))
    assert sorted(got) == sorted(expected), "the package's parts differ"
    report = []
    for name in sorted(got):
        if got[name] == expected[name]:
            continue
        diff = list(
            difflib.unified_diff(
                expected[name].splitlines(),
                got[name].splitlines(),
                f"golden/{case.name}/{name}",
                f"export/{name}",
                lineterm="",
                n=2,
            )
        )
        if len(diff) > MAX_DIFF_LINES:
            diff = [*diff[:MAX_DIFF_LINES], f"... {len(diff) - MAX_DIFF_LINES} more lines"]
        report.append("\n".join(diff))
    if report:
        pytest.fail(
            f"{len(report)} part(s) of the {case.name} export changed "
            "(if meant: python scripts/update_golden.py):\n\n" + "\n\n".join(report),
            pytrace=False,
        )


def test_normalising_ignores_timestamps_ids_and_rsids() -> None:
    a = b"""<cp:coreProperties xmlns:cp="urn:cp" xmlns:dcterms="http://purl.org/dc/terms/">
<dcterms:created>2026-12-01T09:00:00Z</dcterms:created></cp:coreProperties>"""
    b = a.replace(b"09:00", b"10:30")
    assert golden_docx.normalise(a) == golden_docx.normalise(b)
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    p1 = f'<w:p xmlns:w="{w}" w:rsidR="00A1"><w:r><w:t>甲</w:t></w:r></w:p>'.encode()
    p2 = f'<w:p xmlns:w="{w}" w:rsidR="00B2"><w:r><w:t>甲</w:t></w:r></w:p>'.encode()
    p3 = f'<w:p xmlns:w="{w}"><w:r><w:t>乙</w:t></w:r></w:p>'.encode()
    assert golden_docx.normalise(p1) == golden_docx.normalise(p2) != golden_docx.normalise(p3)
