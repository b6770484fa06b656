"""The 参考文献 list a document ends with: the cited works, numbered as cited."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from planner.document.blocks import ReferenceEntry, ReferenceList
from planner.references.citations import number_citations
from planner.references.csl import CslItem
from planner.references.gbt7714 import format_reference


def reference_list(references: Sequence[CslItem], cited_keys: Iterable[str]) -> ReferenceList:
    """The cited references in order of first citation, formatted in GB/T 7714-2015.

    `cited_keys` as `document_citation_keys` gives them. A work never cited is not printed;
    a key without a reference has no entry (validation reports it)."""
    by_id = {item["id"]: item for item in references}
    numbers = number_citations(cited_keys, by_id)
    return ReferenceList(
        tuple(
            ReferenceEntry(number, key, format_reference(by_id[key]))
            for key, number in numbers.items()
        )
    )
