"""Golden files of whole exports (issue 11): the .docx XML parts, pretty-printed, with what
changes on every run (timestamps, drawing ids, rsids) replaced by fixed text, so a change to
the writer shows up as a readable diff of the parts it touched.

Shared by tests/export/test_export_golden.py and scripts/update_golden.py (which writes them).
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

import paths
from lxml import etree

GOLDEN = paths.TESTS / "export" / "golden"

_PARTS = re.compile(
    r"^(\[Content_Types\]\.xml|word/(document|styles|numbering|header\d*|footer\d*)\.xml"
    r"|word/_rels/document\.xml\.rels|docProps/(core|custom)\.xml)$"
)
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_TIMES = {
    "{http://purl.org/dc/terms/}created",
    "{http://purl.org/dc/terms/}modified",
}
_DOC_PR_IDS = {
    "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr",
    "{http://schemas.openxmlformats.org/drawingml/2006/picture}cNvPr",
}


@dataclass(frozen=True)
class Case:
    name: str
    proposal: Path  # a .proposal.yaml; its folder is where its figures are


CASES = (
    Case("sample", paths.DATA / "sample.proposal.yaml"),
    Case("rich", paths.DATA / "rich.proposal.yaml"),
)


def export_bytes(case: Case) -> bytes:
    from planner.export.docx import build_docx
    from planner.formats.call_file import load_call
    from planner.formats.proposal_file import load_proposal
    from planner.resources import builtin_call_path

    proposal, problems = load_proposal(case.proposal)
    assert not problems, problems
    data, result = build_docx(proposal, load_call(builtin_call_path()), base=case.proposal.parent)
    assert not result.problems, result.problems
    return data


def parts(data: bytes) -> dict[str, str]:
    """Part name → normalised pretty XML, and `media.txt`: each image's name, size, hash."""
    out: dict[str, str] = {}
    media: list[str] = []
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for name in sorted(package.namelist()):
            content = package.read(name)
            if _PARTS.match(name):
                out[name] = normalise(content)
            elif name.startswith("word/media/"):
                digest = hashlib.sha256(content).hexdigest()[:16]
                media.append(f"{name}\t{len(content)} bytes\tsha256:{digest}")
    if media:
        out["media.txt"] = "\n".join(media) + "\n"
    return out


def normalise(xml: bytes) -> str:
    root = etree.fromstring(xml)
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag in _TIMES:
            element.text = "TIMESTAMP"
        if element.tag in _DOC_PR_IDS:
            element.set("id", "ID")
        for attr in [a for a in element.attrib if a.startswith(f"{{{_W}}}rsid")]:
            del element.attrib[attr]
    for rsid in root.iter(f"{{{_W}}}rsid", f"{{{_W}}}rsids"):
        rsid.getparent().remove(rsid)
    return etree.tostring(root, pretty_print=True, encoding="unicode")


def golden_folder(case: Case) -> Path:
    return GOLDEN / case.name


def read_golden(case: Case) -> dict[str, str]:
    folder = golden_folder(case)
    return {
        p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def write_golden(case: Case) -> list[str]:
    """Write the case's parts (replacing the old ones); returns the part names."""
    folder = golden_folder(case)
    got = parts(export_bytes(case))
    for old in folder.rglob("*"):
        if old.is_file() and old.relative_to(folder).as_posix() not in got:
            old.unlink()
    for name, text in got.items():
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return list(got)
