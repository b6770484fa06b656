"""Read an exported document back and check that the applicant's text is all in it.

What is expected is the visible text of the document model (planner.document.blocks):
paragraphs, sub-headings, list items, table cells and captions, and the formatted reference
list; markup, figure paths and citation keys are not text. The builder counts it from the
blocks before writing, so a writer that drops a run is caught here."""

from __future__ import annotations

import io
import zipfile
from collections import Counter

from lxml import etree

from planner.errors import ExportError

_W_T = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"
_BODY = "word/document.xml"


def document_characters(data: bytes) -> Counter[str]:
    """Letters, ideographs and digits in the text runs of the document's main part.

    Reads the part straight from the zip: python-docx would also parse the styles, numbering
    and headers, which the check does not need and which cost as much again."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            xml = package.read(_BODY)
        root = etree.fromstring(xml)
    except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError) as exc:
        raise ExportError(f"the exported document cannot be read back: {exc}") from None
    counts = Counter("".join(t.text or "" for t in root.iter(_W_T)))
    return Counter({ch: n for ch, n in counts.items() if ch.isalnum()})


def check_characters(
    expected: Counter[str], data: bytes, target: object, also: Counter[str] | None = None
) -> int:
    """Raise ExportError naming what of `expected` (the applicant's) is missing; return how
    many characters of it were checked. `also` is what the document holds besides: counting
    it too means an applicant's character cannot pass for one of a heading's."""
    missing = expected + (also or Counter()) - document_characters(data)
    if missing:
        sample = "".join(sorted(missing.elements())[:20])
        raise ExportError(
            f"{target}: {sum(missing.values())} characters of the proposal's text did not reach "
            f"the document (for example: {sample!r}); nothing was written"
        )
    return sum(expected.values())
