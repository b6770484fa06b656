"""Output file names that are safe on every OS and never point outside the output folder.

Names are built from what the office recognises (topic, applicant, title), but those are typed by
applicants: a title can be `../../etc/passwd`, `CON`, 300 characters or carry control characters.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from planner.errors import PlannerError

# Windows refuses these as a file name, with or without an extension, in any case.
_RESERVED = frozenset(
    ["CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"]
    + [f"{p}{n}" for p in ("COM", "LPT") for n in [*"0123456789", "¹", "²", "³"]]
)
# Separators and what Windows forbids; whitespace runs become one "_".
_FORBIDDEN = re.compile(r'[<>:"/\\|?*\s]+')
_UNDERSCORES = re.compile(r"_{2,}")
_DOTS = re.compile(r"\.{2,}")
# Most file systems cap a name at 255 bytes; keep the stem well below it so that a suffix,
# a "-12" for uniqueness and a temp-file prefix of the atomic writer still fit.
MAX_STEM_BYTES = 150
FALLBACK = "proposal"


class UnsafeTargetError(PlannerError):
    """An output path would land outside the output folder (a bug guard, not a user error)."""


def _is_dropped(ch: str) -> bool:
    """Control, format, surrogate, private-use and unassigned characters: invisible or unsafe."""
    return unicodedata.category(ch).startswith("C")


def safe_stem(text: str, max_bytes: int = MAX_STEM_BYTES) -> str:
    """One path component made from free text: no separators, no dots-only, no reserved name,
    no control characters, at most `max_bytes` of UTF-8. Never empty."""
    text = unicodedata.normalize("NFC", text)
    text = "".join(ch for ch in text if not _is_dropped(ch) or ch.isspace())
    text = _FORBIDDEN.sub("_", text)
    text = _UNDERSCORES.sub("_", text)
    text = _DOTS.sub(".", text)  # no ".." anywhere, even inside a name
    # Windows drops trailing dots and spaces; leading dots hide a file (and make `..`)
    text = text.strip("._ -")
    text = _truncate_utf8(text, max_bytes).rstrip("._ -")
    if not text:
        return FALLBACK
    if text.split(".")[0].upper() in _RESERVED:
        # the "_" is within max_bytes too (`CON.` + a 300-byte title was 1 byte over)
        text = "_" + _truncate_utf8(text, max_bytes - 1).rstrip("._ -")
    return text


def _truncate_utf8(text: str, max_bytes: int) -> str:
    data = text.encode("utf-8")
    if len(data) <= max_bytes:
        return text
    return data[:max_bytes].decode("utf-8", errors="ignore")


def proposal_stem(topic: str, applicant: str, title: str) -> str:
    """`<topic>_<applicant>_<title>`, each part made safe and the whole bounded."""
    parts = [p for p in (topic.strip(), applicant.strip(), title.strip()) if p]
    return safe_stem("_".join(parts))


@dataclass
class NameAllocator:
    """Hands out unique file names inside `outdir`, case-insensitively (Windows and macOS
    treat `A.docx` and `a.docx` as one file). Every suffix in `suffixes` is reserved for the
    same stem, so a proposal file and its .docx keep matching names."""

    outdir: Path
    suffixes: tuple[str, ...] = (".docx",)
    _taken: set[str] = field(default_factory=set, init=False, repr=False)

    def __post_init__(self) -> None:
        self.outdir = Path(self.outdir).resolve()

    def allocate(self, stem: str) -> str:
        """A unique stem, `stem`, `stem-2`, `stem-3`, … (`stem` should come from safe_stem)."""
        stem = safe_stem(stem)
        candidate, n = stem, 1
        while self._is_taken(candidate):
            n += 1
            tail = f"-{n}"
            candidate = _truncate_utf8(stem, MAX_STEM_BYTES - len(tail)).rstrip("._ -") + tail
        for suffix in self.suffixes:
            self._taken.add((candidate + suffix).casefold())
        return candidate

    def _is_taken(self, stem: str) -> bool:
        for suffix in self.suffixes:
            name = stem + suffix
            if name.casefold() in self._taken:
                return True
            # a symlink planted in OUTDIR must not redirect our write elsewhere
            if (self.outdir / name).is_symlink():
                return True
        return False

    def path(self, stem: str, suffix: str) -> Path:
        """`outdir/stem+suffix`, checked to resolve inside outdir."""
        return contained(self.outdir, stem + suffix)


def contained(outdir: Path, name: str) -> Path:
    """`outdir/name`, refusing anything that would resolve outside `outdir`."""
    root = Path(outdir).resolve()
    if not name or name in (".", "..") or "/" in name or "\\" in name or "\0" in name:
        raise UnsafeTargetError(f"refusing unsafe output name {name!r}")
    target = (root / name).resolve()
    if target.parent != root:
        raise UnsafeTargetError(f"refusing to write {target}: it is outside {root}")
    return root / name
