"""Read a user's file (a call, a proposal, a paragraph to match, a Word file) with bounds: only a
regular file, never more than a cap, and errors that name the file and, for bad encoding, the line.

`/dev/zero` was read until memory ran out, and a FIFO blocks `open()` forever; a file named on
the command line or found in a shared folder may be either.

Proposal and call files are YAML, which is UTF-8 by its specification (and by ours: a file
read on another colleague's machine must mean the same): a GBK/GB18030 one is refused with
the way to convert it. Plain text the user brings from elsewhere (a call's text to import, a
paragraph to match) is read as GB18030 when it is not UTF-8, as Windows in Chinese saves it.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from planner.errors import SourceError

MB = 1024 * 1024
# A long proposal is ~100 kB and the built-in call 40 kB; 4 MB leaves room for generated
# files and bounds what one hostile file can cost (parsing is linear in it).
YAML_LIMIT = 4 * MB
# A call's topic list exported as text, or a paragraph for `match --file`.
TEXT_LIMIT = 8 * MB


def read_bytes(path: Path, error: type[SourceError], limit: int) -> bytes:
    """At most `limit` bytes of the regular file `path`; anything else raises `error`."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer; fstat then refuses it
        fd = os.open(path, flags)
    except OSError as exc:
        raise _unreadable(error, path, exc) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            kind = "a folder" if stat.S_ISDIR(info.st_mode) else "a device, pipe or socket"
            raise error(str(path), f"not a regular file ({kind})", code="not_regular_file")
        if info.st_size > limit:
            raise _too_big(error, path, info.st_size, limit)
        chunks, size = [], 0
        while True:  # the size may have grown since fstat: read no more than the cap
            chunk = os.read(fd, min(1 * MB, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:
                raise _too_big(error, path, size, limit)
        return b"".join(chunks)
    except OSError as exc:
        raise _unreadable(error, path, exc) from None
    finally:
        os.close(fd)


def _unreadable(error: type[SourceError], path: Path, exc: OSError) -> SourceError:
    reason = str(exc.strerror or exc)
    message = f"cannot read the file: {reason}"
    return error(str(path), message, code="file_unreadable", params={"reason": reason})


def _too_big(error: type[SourceError], path: Path, size: int, limit: int) -> SourceError:
    mb, most = f"{size / MB:.1f}", f"{limit / MB:g}"
    message = f"the file is too large ({mb} MB; at most {most} MB is read)"
    return error(str(path), message, code="file_too_large", params={"size": mb, "limit": most})


def read_text(
    path: Path, error: type[SourceError], limit: int = YAML_LIMIT, *, legacy_chinese: bool = False
) -> str:
    """The file's text (a UTF-8 BOM dropped); OS, size and encoding failures raise `error`.

    `legacy_chinese`: text that is not UTF-8 but reads as GB18030 (GBK's superset) is
    accepted as such; otherwise such a file is refused with how to convert it."""
    data = read_bytes(path, error, limit)
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
                code="gbk_not_utf8",
                params={"name": path.name},
            ) from None
        message = "not UTF-8 text (is it a binary file?)"
        raise error(str(path), message, line=line, code="not_utf8") from None


# decoded text that only a binary file gives: control characters other than tab and line ends
_BINARY = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


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
