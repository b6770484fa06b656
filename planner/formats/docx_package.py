"""Open a returned Word file without trusting it: bounded sizes, no entities, no macros.

The .docx reader's one door to the zip and the XML parser. The sizes, compression ratios, part
count, encryption and macro parts are checked by the project's shared guard
(`planner.formats.zip_guard`, the same limits as every Office file the app reads) before any
part is parsed; this module adds what a returned proposal needs on top: an old `.doc` or a
password-protected file named as such, a macro-enabled main part refused by its content type,
DTDs refused with a message of their own, and the package's relationships. Every refusal is a
`WordFileError` naming the file and saying what to do.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from lxml import etree

from planner.errors import WordFileError
from planner.formats.zip_guard import LIMITS, read_office_file, refuse_macro_name, xml_parser

MAX_XML_BYTES = LIMITS.part_bytes  # one part, uncompressed
MAX_MEDIA_BYTES = LIMITS.part_bytes  # one image

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

_PARSER = xml_parser()  # never fetch, never expand: a returned file is data, not instructions


@dataclass
class DocxPackage:
    """The parts of one .docx, read lazily and within the limits above."""

    path: Path
    _zip: zipfile.ZipFile
    _names: dict[str, zipfile.ZipInfo]
    main: str = "word/document.xml"
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
        """One part's bytes. The guard checked every declared size when the file was opened,
        and zipfile never returns more than a part declares (it checks the CRC too)."""
        info = self._names.get(name)
        if info is None:
            raise WordFileError(str(self.path), f"the part {name} is missing")
        if info.file_size > limit:
            raise WordFileError(str(self.path), f"the part {name} is too large to read")
        try:
            return self._zip.read(info)
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as exc:
            raise WordFileError(str(self.path), f"the part {name} is damaged: {exc}") from None

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
    refuse_macro_name(path, WordFileError)
    data = read_office_file(path, WordFileError, "Word file")  # sizes, ratio, macros checked
    try:
        archive = zipfile.ZipFile(data)
        infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise WordFileError(where, f"not a Word .docx file (a damaged zip: {exc})") from None
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
