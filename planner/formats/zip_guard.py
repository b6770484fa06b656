"""Open the zip-based Office files users hand us (.docx calls, templates, returned proposals,
.xlsx sheets) with bounds checked before anything is parsed.

Measured before this module: a media or shared-strings part expanding to 1 GB cost 1.2-3.1 GB
of memory and 20 s; a macro-enabled `.docm` renamed, an entity-amplification part, a 10 MB text
node and broken parts ended in lxml/zipfile tracebacks. Here the zip's directory is read
first: the number of parts, each part's and the total uncompressed size, and the compression
ratio are checked against `ZipLimits`, macros are refused, and only then does python-docx or
openpyxl see the bytes. Declared sizes can be trusted for that: `zipfile` never returns more
than a part's declared size (and checks its CRC). XML that we parse ourselves goes through
`parse_xml`: entities never resolved, no network, libxml2's limits on text node size and depth.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from planner.errors import SourceError
from planner.formats.text_file import MB, read_bytes

if TYPE_CHECKING:
    from lxml import etree


@dataclass(frozen=True)
class ZipLimits:
    """What one Office file may hold. A call's .docx is well under 1 MB of XML; templates
    carry a logo or two. The defaults keep a hostile file under ~200 MB of memory."""

    file_bytes: int = 64 * MB  # the .docx/.xlsx itself
    part_bytes: int = 16 * MB  # one part, uncompressed
    total_bytes: int = 64 * MB  # all parts, uncompressed
    ratio: int = 100  # uncompressed : compressed, checked for parts over `ratio_from` bytes
    ratio_from: int = 1 * MB
    parts: int = 2000


LIMITS = ZipLimits()
MACRO_SUFFIXES = (".docm", ".dotm", ".xlsm", ".xltm", ".xlam")
_MACRO_PARTS = ("vbaproject.bin", "vbadata.xml")


def refuse_macro_name(path: Path, error: type[SourceError]) -> None:
    """A macro-enabled Office file is refused by its name, before it is opened."""
    if path.suffix.lower() in MACRO_SUFFIXES:
        raise error(
            str(path),
            f"a macro-enabled {path.suffix} file is not opened; save it as "
            f"{_plain_suffix(path.suffix)} (without macros) first",
        )


def _plain_suffix(suffix: str) -> str:
    return ".xlsx" if suffix.lower().startswith(".xl") else ".docx"


def read_office_file(
    path: Path, error: type[SourceError], what: str = "file", limits: ZipLimits = LIMITS
) -> io.BytesIO:
    """The bytes of an Office file, checked (`check_zip`), ready for python-docx or openpyxl.

    Reading the bytes once means the checked file is the parsed one. `what` names it in
    messages ("cannot read the Word file: …")."""
    refuse_macro_name(path, error)
    data = read_bytes(path, error, limits.file_bytes)
    check_zip(data, str(path), error, what, limits)
    return io.BytesIO(data)


def check_zip(
    data: bytes,
    source: str,
    error: type[SourceError],
    what: str = "file",
    limits: ZipLimits = LIMITS,
) -> None:
    """Raise `error` unless `data` is a zip within `limits`, unencrypted and without macros."""

    def fail(message: str) -> SourceError:
        return error(source, f"cannot read the {what}: {message}")

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError):
        raise fail("not an Office file (not a zip package; is it an old .doc or .xls?)") from None
    if len(infos) > limits.parts:
        raise fail(f"the package has {len(infos):,} parts (at most {limits.parts:,})")
    total = 0
    for info in infos:
        name = info.filename
        shown = name if len(name) <= 60 else name[:60] + "…"
        if info.flag_bits & 0x1:
            raise fail("the file is encrypted (password-protected); save it without")
        if name.rsplit("/", 1)[-1].lower() in _MACRO_PARTS:
            raise fail(
                "the file holds macros (a macro-enabled .docm/.xlsm renamed?); "
                "save it as a plain .docx/.xlsx first",
            )
        if info.file_size > limits.part_bytes:
            raise fail(
                f"part {shown} expands to {info.file_size / MB:,.0f} MB "
                f"(at most {limits.part_bytes / MB:g} MB per part)",
            )
        if info.file_size > limits.ratio_from and info.file_size > limits.ratio * max(
            info.compress_size, 1
        ):
            raise fail(
                f"part {shown} is compressed {info.file_size // max(info.compress_size, 1):,} "
                f"to 1 (a zip bomb?; at most {limits.ratio} to 1)",
            )
        total += info.file_size
        if total > limits.total_bytes:
            raise fail(
                f"the parts expand to more than {limits.total_bytes / MB:g} MB in all",
            )


def xml_parser() -> etree.XMLParser:
    """An lxml parser for untrusted XML: no entity is ever resolved, nothing is fetched, no
    DTD is loaded, and libxml2's default limits stay on (huge_tree=False: text nodes up to
    10 MB, depth 256), so a pathological part ends in XMLSyntaxError in bounded time."""
    from lxml import etree

    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def parse_xml(data: bytes) -> etree._Element:
    """Parse one part with `xml_parser()`; raises lxml.etree.XMLSyntaxError."""
    from lxml import etree

    return etree.fromstring(data, xml_parser())
