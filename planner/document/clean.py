"""Strip what XML 1.0 cannot hold, so no pasted text can make python-docx raise ValueError.

In the document package because the Markdown parser cleans every section it reads with it, and
the core document model must not depend on the exporter (which imports it from here). The one
set for every XML file we write: the .docx, and summary.xlsx (planner.office.summary).
"""

from __future__ import annotations

import re

# C0 controls except tab, newline and carriage return; DEL (XML allows it, but Word and Excel
# show it as a box); lone surrogates (not encodable in UTF-8); U+FFFE / U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def strip_not_xml(text: str) -> str:
    """`text` without the characters an XML 1.0 document cannot hold (or shows as a box)."""
    return _NOT_XML.sub("", text)


def clean_text(text: str) -> str:
    """Text safe for a Word document: CR/CRLF become LF, control characters are dropped."""
    if not text:
        return ""
    return strip_not_xml(text.replace("\r\n", "\n").replace("\r", "\n"))
