"""What an export adds so that the returned file reads back exactly (issue 15): content
controls around the fillable parts, the identity in custom properties, the references whole."""

from __future__ import annotations

from docx.document import Document

from planner.export.content_controls import add_content_controls
from planner.export.custom_props import set_identity, store_references
from planner.export.styles import DocStyles
from planner.model.call import Call
from planner.model.proposal import Proposal


def mark_for_readback(
    doc: Document, proposal: Proposal, call: Call, styles: DocStyles, empty: list[str]
) -> None:
    known = [s.key for s in call.form]
    sections = [(s.key, s.title, s.key in empty) for s in call.form]
    # the builder writes text under keys the form lacks at the end, titled by the key
    sections += [(k, k, k in empty) for k in proposal.sections if k not in known]
    add_content_controls(
        doc,
        sections,
        title_style=styles.title,
        heading1=styles.heading1,
        heading2=styles.heading2,
    )
    set_identity(doc, proposal)
    store_references(
        doc, [r for r in getattr(proposal, "references", ()) or () if isinstance(r, dict)]
    )
