"""Strip what XML 1.0 cannot hold, so no pasted text can make python-docx raise ValueError.

In the document package because the Markdown parser cleans every section it reads with it, and
the core document model must not depend on the exporter (which imports it from here).
"""

from __future__ import annotations

import re

# C0 controls except tab and newline, DEL-free; lone surrogates; U+FFFE / U+FFFF.
# A carriage return is folded into a newline first, so it is not in this set.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean_text(text: str) -> str:
    """Text safe for a Word document: CR/CRLF become LF, control characters are dropped."""
    if not text:
        return ""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _NOT_XML.sub("", text)
