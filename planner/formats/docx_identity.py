"""What an exported .docx says about itself, invisibly: custom document properties naming the
proposal's schema, call, topic and directions, and the content-control tags of its parts.

Both sides use these names: `planner.export.custom_props` writes them, the proposal reader
(`planner.importer.proposal_docx`) reads them. Word, WPS and LibreOffice keep custom properties
on save (File → Properties → Custom shows them); nothing depends on them alone.
"""

from __future__ import annotations

from lxml import etree

CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
CUSTOM_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
CUSTOM_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
CUSTOM_PART = "docProps/custom.xml"
FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"  # the one every custom property uses

PREFIX = "ProposalPlanner."
SCHEMA, CALL, TOPIC, DIRECTIONS = (PREFIX + n for n in ("schema", "call", "topic", "directions"))

# content-control tags besides the section keys of the form
TITLE_TAG = "planner:title"
OWN_DIRECTIONS_TAG = "planner:own_directions"


def identity(schema: int, call: str, topic: str, directions: list[int]) -> dict[str, str]:
    return {
        SCHEMA: str(schema),
        CALL: call,
        TOPIC: topic,
        DIRECTIONS: ",".join(str(n) for n in directions),
    }


def custom_properties_xml(values: dict[str, str]) -> bytes:
    root = etree.Element(f"{{{CUSTOM_NS}}}Properties", nsmap={None: CUSTOM_NS, "vt": VT_NS})  # type: ignore[dict-item]  # lxml-stubs: None is the default namespace
    for pid, (name, value) in enumerate(values.items(), start=2):  # pid 0 and 1 are reserved
        prop = etree.SubElement(root, f"{{{CUSTOM_NS}}}property", fmtid=FMTID, pid=str(pid))
        prop.set("name", name)
        etree.SubElement(prop, f"{{{VT_NS}}}lpwstr").text = value
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def read_custom_properties(root: etree._Element) -> dict[str, str]:
    """name → text of every custom property (any value type, as its text)."""
    out: dict[str, str] = {}
    for prop in root.iter(f"{{{CUSTOM_NS}}}property"):
        name = prop.get("name")
        if name:
            out[name] = "".join(child.text or "" for child in prop)[:1000]
    return out


def parse_directions(text: str) -> list[int] | None:
    """`2,4` → [2, 4]; None when the property is not a list of numbers."""
    parts = [p.strip() for p in text.replace("，", ",").split(",") if p.strip()]
    if not all(p.isdigit() and len(p) < 4 for p in parts):
        return None
    return [int(p) for p in parts]


# the proposal's references (CSL-JSON), kept whole in a custom XML part of the document
REFERENCES_NS = "urn:proposal-planner:references"
REFERENCES_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml"
