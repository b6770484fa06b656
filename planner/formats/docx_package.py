"""Open a returned Word file without trusting it: bounded sizes, no entities, no macros.

The one place the .docx reader touches the zip and the XML parser, so that the project's
shared guard (branch `hostile`) can replace it without the reader changing. Every refusal is a
`WordFileError` naming the file and saying what to do; nothing here raises anything else for a
bad file.

Limits are far above what a proposal needs (a few dozen pages, a few figures) and far below
what hurts a laptop: a part is read in chunks and given up as soon as it outgrows its limit,
so a zip bomb whose header lies about its size costs at most the limit, not the gigabytes.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from lxml import etree

from planner.errors import WordFileError

MAX_FILE_BYTES = 200 * 1024 * 1024  # the .docx on disk, figures included
MAX_ENTRIES = 5_000
MAX_XML_BYTES = 40 * 1024 * 1024  # one XML part, uncompressed (~4,000 pages of text)
MAX_MEDIA_BYTES = 50 * 1024 * 1024  # one image, uncompressed
MAX_TOTAL_BYTES = 400 * 1024 * 1024  # everything read from one file
MAX_RATIO = 200  # uncompressed / compressed beyond this and over a megabyte: a bomb
_CHUNK = 1 << 20

_MAIN_TYPES = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": "docx",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml": "dotx",
    "application/vnd.ms-word.document.macroEnabled.main+xml": "docm",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml": "dotm",
}
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_OFFICE_DOCUMENT = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
)

# never fetch, never expand: a returned file is data, not instructions
_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_comments=True
)


@dataclass
class DocxPackage:
    """The parts of one .docx, read lazily and within the limits above."""

    path: Path
    _zip: zipfile.ZipFile
    _names: dict[str, zipfile.ZipInfo]
    main: str = "word/document.xml"
    _read: int = 0
    _rels: dict[str, dict[str, tuple[str, str]]] = field(default_factory=dict)

    def close(self) -> None:
        self._zip.close()

    def __enter__(self) -> DocxPackage:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def has(self, name: str) -> bool:
        return name in self._names

    def read(self, name: str, limit: int = MAX_XML_BYTES) -> bytes:
        info = self._names.get(name)
        if info is None:
            raise WordFileError(str(self.path), f"the part {name} is missing")
        if info.file_size > limit:
            raise self._refuse(
                name,
                f"would expand to {_mib(info.file_size)} MiB, more than "
                f"the {_mib(limit)} MiB any part of a proposal needs",
            )
        if info.file_size > _CHUNK and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            ratio = info.file_size // max(info.compress_size, 1)
            raise self._refuse(name, f"is compressed {ratio}:1, which no real document is")
        chunks: list[bytes] = []
        size = 0
        try:
            with self._zip.open(info) as stream:
                while chunk := stream.read(_CHUNK):
                    size += len(chunk)
                    # the header's size may lie: count what actually comes out
                    if size > limit or size > info.file_size:
                        raise self._refuse(name, f"expands to more than {_mib(limit)} MiB")
                    chunks.append(chunk)
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as exc:
            raise WordFileError(str(self.path), f"the part {name} is damaged: {exc}") from None
        self._read += size
        if self._read > MAX_TOTAL_BYTES:
            raise self._refuse("the file", f"expands to more than {_mib(MAX_TOTAL_BYTES)} MiB")
        return b"".join(chunks)

    def xml(self, name: str) -> etree._Element:
        return parse_xml(self.read(name), f"{self.path}: {name}")

    def rels(self, part: str) -> dict[str, tuple[str, str]]:
        """rId → (relationship type, target part name or external URL) of `part`."""
        if part not in self._rels:
            folder = PurePosixPath(part).parent
            rels_name = str(folder / "_rels" / (PurePosixPath(part).name + ".rels"))
            out: dict[str, tuple[str, str]] = {}
            if self.has(rels_name):
                for rel in self.xml(rels_name).iter(f"{{{_REL_NS}}}Relationship"):
                    target = rel.get("Target", "")
                    if rel.get("TargetMode") != "External":
                        target = _join(folder, target)
                    out[rel.get("Id", "")] = (rel.get("Type", ""), target)
            self._rels[part] = out
        return self._rels[part]

    def _refuse(self, name: str, what: str) -> WordFileError:
        return WordFileError(
            str(self.path),
            f"{name} {what}: a damaged file or a zip bomb, not a proposal; it was not read",
        )


def _mib(size: int) -> int:
    return size // (1024 * 1024)


def parse_xml(data: bytes, where: str) -> etree._Element:
    """XML with any DTD refused: entity declarations are how a 1 kB part becomes gigabytes
    or reads a local file; Word never writes them."""
    head = data[:4096]
    if b"<!DOCTYPE" in head or b"<!ENTITY" in data:
        raise WordFileError(
            where,
            "the XML declares a DTD or entities, which Word never writes; the file was not read",
        )
    try:
        return etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise WordFileError(where, f"broken XML: {exc}") from None


def open_docx(path: Path) -> DocxPackage:
    """Open `path` as a Word .docx or refuse it with a message that says why and what to do."""
    path = Path(path)
    where = str(path)
    suffix = path.suffix.lower()
    if suffix in (".docm", ".dotm"):
        raise _macro_file(where)
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            magic = handle.read(8)
    except OSError as exc:
        raise WordFileError(where, f"cannot read the file: {exc.strerror or exc}") from None
    if magic == _OLE_MAGIC:
        raise WordFileError(
            where,
            "an old Word 97–2003 .doc or a password-protected file: "
            "open it in Word or WPS and save it as .docx without a password",
        )
    if not magic.startswith(b"PK"):
        raise WordFileError(where, "not a Word .docx file (it is not a zip package)")
    if size > MAX_FILE_BYTES:
        raise WordFileError(
            where,
            f"the file is {size // (1024 * 1024)} MiB, more than the "
            f"{MAX_FILE_BYTES // (1024 * 1024)} MiB a proposal can be",
        )
    try:
        archive = zipfile.ZipFile(path)
        infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise WordFileError(where, f"not a Word .docx file (a damaged zip: {exc})") from None
    if len(infos) > MAX_ENTRIES:
        archive.close()
        raise WordFileError(
            where,
            f"the package holds {len(infos)} parts, more than a Word "
            f"file ever has ({MAX_ENTRIES}); it was not read",
        )
    package = DocxPackage(path, archive, {i.filename: i for i in infos})
    try:
        package.main = _main_part(package)
    except WordFileError:
        archive.close()
        raise
    return package


def _main_part(package: DocxPackage) -> str:
    where = str(package.path)
    if not package.has("[Content_Types].xml"):
        raise WordFileError(where, "not a Word .docx file (a zip without [Content_Types].xml)")
    main = ""
    for rel_type, target in package.rels("").values():
        if rel_type == _OFFICE_DOCUMENT:
            main = target
    main = main or "word/document.xml"
    kind = ""
    types = package.xml("[Content_Types].xml")
    for element in types:
        name = element.get("PartName", "").lstrip("/")
        if name == main:
            kind = _MAIN_TYPES.get(element.get("ContentType", ""), "")
    if kind in ("docm", "dotm") or package.has("word/vbaProject.bin"):
        raise _macro_file(where)
    if not kind:
        raise WordFileError(where, "not a Word document (its main part is not a Word text)")
    if not package.has(main):
        raise WordFileError(where, f"not a Word .docx file (its text, {main}, is missing)")
    return main


def _macro_file(where: str) -> WordFileError:
    return WordFileError(
        where,
        "a macro-enabled Word file (.docm) is not read: save it as a Word document (.docx), "
        "which keeps the text and drops the macros",
    )


def _join(folder: PurePosixPath, target: str) -> str:
    """A relationship target as a part name: relative to the source's folder, or absolute."""
    if target.startswith("/"):
        return target.lstrip("/")
    parts: list[str] = [] if str(folder) in ("", ".") else list(folder.parts)
    for piece in target.split("/"):
        if piece == "..":
            if parts:
                parts.pop()
        elif piece not in ("", "."):
            parts.append(piece)
    return "/".join(parts)
