"""The document an export starts from, prepared once per process and reused.

Preparing the look (styles, page setup, footer fields) or reading a template costs more than
filling in one proposal, so it is done once and kept as bytes; each export opens a fresh copy.
A batch of hundreds of exports in one worker therefore pays it once.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import docx
from docx.document import Document
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from lxml.etree import XMLSyntaxError

from planner.errors import ExportError, SourceError
from planner.export.fields import has_content, prepare_header, write_page_footer
from planner.export.typography import apply_builtin_look
from planner.formats.zip_guard import read_office_file


@dataclass
class Base:
    doc: Document
    own_header: bool  # True: the header line is ours, to be filled with the topic


def new_base(template: Path | None = None) -> Base:
    if template is None:
        return Base(docx.Document(io.BytesIO(_builtin_bytes())), own_header=True)
    data, own_header = _template_bytes(*_template_key(template))
    return Base(docx.Document(io.BytesIO(data)), own_header=own_header)


@lru_cache(maxsize=1)
def _builtin_bytes() -> bytes:
    doc = docx.Document()
    _slim(doc)
    apply_builtin_look(doc)
    section = doc.sections[0]
    prepare_header(section)
    write_page_footer(section)
    return _to_bytes(doc)


# parts of python-docx's default template that a proposal never uses; together they are most
# of the bytes every export would otherwise parse, serialise and compress again
_UNUSED_PARTS = (
    "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects",
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml",
    "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail",
)
_KEPT_TABLE_STYLES = ("TableNormal", "TableGrid")


def _slim(doc: Document) -> None:
    """Drop the default template's unused parts (its thumbnail shows python-docx's sample page)
    and its 100 table styles, 97 % of styles.xml."""
    for rels in (doc.part.rels, doc.part.package.rels):
        for r_id in [r.rId for r in rels.values() if r.reltype in _UNUSED_PARTS]:
            rels.pop(r_id)
    styles = doc.styles.element
    for style in list(styles.iterchildren(qn("w:style"))):
        if style.get(qn("w:type")) == "table" and (
            style.get(qn("w:styleId")) not in _KEPT_TABLE_STYLES
        ):
            styles.remove(style)


def _template_key(template: Path) -> tuple[str, int, int]:
    """Cache key that notices a template edited between two exports."""
    try:
        stat = template.stat()
    except OSError as exc:
        raise ExportError(f"template {template}: {exc.strerror or exc}") from None
    if not template.is_file():
        raise ExportError(f"template {template} is not a file")
    return str(template.resolve()), stat.st_mtime_ns, stat.st_size


@lru_cache(maxsize=8)
def _template_bytes(path: str, _mtime: int, _size: int) -> tuple[bytes, bool]:
    """The template with its body emptied; its styles, page setup and header/footer stay.
    A template without a header or footer of its own gets ours."""
    try:  # sizes, ratio and macros checked before python-docx parses anything (issue 18)
        data = read_office_file(Path(path), SourceError, "template")
    except SourceError as exc:
        reason = exc.message.removeprefix("cannot read the template: ")
        raise ExportError(f"template {path} is not a usable Word .docx file: {reason}") from None
    try:
        return _emptied(docx.Document(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, XMLSyntaxError) as exc:
        hint = " (save a .dotx as a .docx first)" if path.lower().endswith(".dotx") else ""
        reason = str(exc) if len(str(exc)) <= 120 else str(exc)[:120] + "…"
        raise ExportError(
            f"template {path} is not a usable Word .docx file{hint}: {reason}"
        ) from None
    except Exception as exc:  # a hostile package: whatever python-docx raises is one message
        raise ExportError(
            f"template {path} is not a usable Word .docx file: a broken part ({type(exc).__name__})"
        ) from None


def _emptied(doc: Document) -> tuple[bytes, bool]:
    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    section = doc.sections[-1]
    own_header = section.header.is_linked_to_previous or not has_content(
        section.header.paragraphs, section.header._element
    )
    if own_header:
        prepare_header(section)
    if section.footer.is_linked_to_previous or not has_content(
        section.footer.paragraphs, section.footer._element
    ):
        write_page_footer(section)
    return _to_bytes(doc), own_header


def _to_bytes(doc: Document) -> bytes:
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
