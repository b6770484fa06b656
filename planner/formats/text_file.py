"""Read a user's text file (a call, a proposal, a paragraph to match) as UTF-8, with errors
that name the file and, for bad encoding, the line.

Proposal and call files are YAML, which is UTF-8 by its specification (and by ours: a file
read on another colleague's machine must mean the same): a GBK/GB18030 one is refused with
the way to convert it. Plain text the user pastes from elsewhere (a call's text to import, a
paragraph to match) is read as GB18030 when it is not UTF-8, as Windows in Chinese saves it.
"""

from __future__ import annotations

import re
from pathlib import Path

from planner.errors import SourceError

# decoded text that only a binary file gives: control characters other than tab and line ends
_BINARY = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


def read_text(path: Path, error: type[SourceError], *, legacy_chinese: bool = False) -> str:
    """The file's text (a UTF-8 BOM dropped); OS and encoding failures raise `error`.

    `legacy_chinese`: text that is not UTF-8 but reads as GB18030 (GBK's superset) is
    accepted as such; otherwise such a file is refused with how to convert it."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise error(str(path), f"cannot read the file: {exc.strerror or exc}") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        chinese = gb18030_text(data)
        if chinese is not None and legacy_chinese:
            return chinese
        if chinese is not None:
            raise error(
                str(path),
                "the file is GBK/GB18030 text, and this file type is UTF-8 (YAML files are "
                "UTF-8 by specification): save it again as UTF-8 (in Notepad: Save As, "
                f"Encoding UTF-8), or convert it: iconv -f GB18030 -t UTF-8 {path.name} "
                f"> utf8-{path.name}",
                line=line,
            ) from None
        raise error(str(path), "not UTF-8 text (is it a binary file?)", line=line) from None


def gb18030_text(data: bytes) -> str | None:
    """`data` read as GB18030 if it is Chinese text in that encoding, else None (a binary
    file decodes too, GB18030 takes most byte sequences: it must hold no control codes and
    some Chinese)."""
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return None
    if _BINARY.search(text) or not _CJK.search(text):
        return None
    return text
