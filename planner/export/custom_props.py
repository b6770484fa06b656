"""The proposal's identity in the document's custom properties, and its references in a custom
XML part, so a returned file says which call, topic and directions it was written for and which
works its numbered citations are (issue 15). Invisible to the reader of the document; Word shows
the properties under File → Info → Properties → Advanced → Custom.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from docx.document import Document
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from lxml import etree

from planner.export.clean import clean_text
from planner.formats.docx_identity import (
    CUSTOM_NS,
    CUSTOM_REL,
    CUSTOM_TYPE,
    REFERENCES_NS,
    REFERENCES_REL,
    custom_properties_xml,
    identity,
    read_custom_properties,
)
from planner.model.proposal import Proposal

_XML_TYPE = "application/xml"


def set_identity(doc: Document, proposal: Proposal) -> None:
    """Add (or update, in a template that has some) the custom properties naming the proposal."""
    values = identity(
        proposal.schema, clean_text(proposal.call), clean_text(proposal.topic), proposal.directions
    )
    package = doc.part.package
    existing = next((r.target_part for r in package.rels.values() if r.reltype == CUSTOM_REL), None)
    if existing is not None:
        try:
            kept = read_custom_properties(etree.fromstring(existing.blob))
        except etree.XMLSyntaxError:
            kept = {}
        kept.update(values)
        existing._blob = custom_properties_xml(kept)  # python-docx has no API
        return
    part = Part(
        PackURI("/docProps/custom.xml"), CUSTOM_TYPE, custom_properties_xml(values), package
    )
    package.relate_to(part, CUSTOM_REL)


def store_references(doc: Document, references: Sequence[dict[str, Any]]) -> None:
    """The proposal's CSL-JSON entries, whole, in a custom XML part of the document: the printed
    list is formatted text, and the import matches it back against these."""
    if not references:
        return
    root = etree.Element(f"{{{REFERENCES_NS}}}references", nsmap={None: REFERENCES_NS})  # type: ignore[dict-item]  # lxml-stubs: None is the default namespace
    root.set("version", "1")
    root.text = clean_text(json.dumps(list(references), ensure_ascii=False))
    blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    part = Part(PackURI("/customXml/item1.xml"), _XML_TYPE, blob, doc.part.package)
    doc.part.relate_to(part, REFERENCES_REL)


__all__ = ["CUSTOM_NS", "set_identity", "store_references"]
