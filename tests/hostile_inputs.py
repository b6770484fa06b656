"""Crafted hostile inputs, made in the test rather than committed as binaries; shared by the
format, CLI, batch and fuzz tests and by benchmarks/hostile_files.py."""

from __future__ import annotations

import io
import zipfile

PROPOSAL_HEAD = "schema: 1\ncall: call-topics\ntopic: '1.1'\n"


def alias_bomb(levels: int = 9, width: int = 9) -> str:
    """`&l1 [*l0, *l0, …]` nested: 9 levels of 9 expand to 387 million items (463 bytes)."""
    lines = [PROPOSAL_HEAD.rstrip("\n"), 'l0: &l0 "lol"']
    for level in range(1, levels + 1):
        items = ", ".join([f"*l{level - 1}"] * width)
        lines.append(f"l{level}: &l{level} [{items}]")
    lines.append(f"title: *l{levels}")
    return "\n".join(lines) + "\n"


def string_aliases(copies: int = 10_000) -> str:
    """One long string and many aliases of it: a title of hundreds of millions of characters."""
    return (
        PROPOSAL_HEAD
        + f"sections:\n  background: &s '{'长' * 20_000}'\n"
        + "".join(f"  s{i}: *s\n" for i in range(copies))
    )


def deep_lists(depth: int = 500) -> str:
    return PROPOSAL_HEAD + "title: " + "[" * depth + "]" * depth + "\n"


def docx_bytes(parts: dict[str, bytes | str], *, compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A zip with the given parts (str parts are UTF-8)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as z:
        for name, data in parts.items():
            z.writestr(name, data.encode("utf-8") if isinstance(data, str) else data)
    return buffer.getvalue()


CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="{main}"/>'
    '<Override PartName="/word/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
    "</Types>"
)
DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
DOCM_MAIN = "application/vnd.ms-word.document.macroEnabled.main+xml"
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)
DOC_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/styles" Target="styles.xml"/></Relationships>'
)
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def document_xml(paragraphs: list[str], style: str = "", doctype: str = "") -> str:
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    body = "".join(f"<w:p>{ppr}<w:r><w:t>{text}</w:t></w:r></w:p>" for text in paragraphs)
    head = f'<?xml version="1.0" encoding="UTF-8"?>{doctype}'
    return f"{head}<w:document {W}><w:body>{body}</w:body></w:document>"


def styles_xml(extra: str = "") -> str:
    return f'<?xml version="1.0" encoding="UTF-8"?><w:styles {W}>{extra}</w:styles>'


def minimal_docx(
    document: str | None = None, *, styles: str | None = None, main: str = DOCX_MAIN, **extra: bytes
) -> bytes:
    parts: dict[str, bytes | str] = {
        "[Content_Types].xml": CONTENT_TYPES.format(main=main),
        "_rels/.rels": ROOT_RELS,
        "word/_rels/document.xml.rels": DOC_RELS,
        "word/document.xml": document or document_xml(["1. 数据库", "1.1 HTAP", "背景。"]),
        "word/styles.xml": styles or styles_xml(),
    }
    parts.update({name.replace("__", "/"): data for name, data in extra.items()})
    return docx_bytes(parts)


def entity_bomb(levels: int = 10) -> str:
    """The billion laughs, as the text of a .docx paragraph."""
    decls = ['<!ENTITY e0 "lollollollollollollollollollol">']
    for i in range(1, levels):
        decls.append(f'<!ENTITY e{i} "{("&e" + str(i - 1) + ";") * 10}">')
    doctype = f"<!DOCTYPE w:document [{''.join(decls)}]>"
    return document_xml([f"&e{levels - 1};"], doctype=doctype)
