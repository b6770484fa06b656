"""Strip what XML 1.0 cannot hold, so no pasted text can make python-docx raise ValueError."""

from __future__ import annotations

import re
from collections import Counter

# C0 controls except tab, newline and carriage return; DEL (XML allows it, but Word and Excel
# show it as a box); lone surrogates (not encodable in UTF-8); U+FFFE / U+FFFF. The one set for
# every XML file we write: the .docx here, summary.xlsx in planner.office.summary.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def strip_not_xml(text: str) -> str:
    """`text` without the characters an XML 1.0 document cannot hold (or shows as a box)."""
    return _NOT_XML.sub("", text)


def clean_text(text: str) -> str:
    """Text safe for a Word document: CR/CRLF become LF, control characters are dropped."""
    if not text:
        return ""
    return strip_not_xml(text.replace("\r\n", "\n").replace("\r", "\n"))


def significant(text: str) -> Counter[str]:
    """The characters the verification tracks: letters, ideographs and digits. Whitespace and
    punctuation are left out, since markup (`**`, `- `) legitimately turns into formatting."""
    counts = Counter(clean_text(text))  # counted in C, filtered per distinct character
    return Counter({ch: n for ch, n in counts.items() if ch.isalnum()})
