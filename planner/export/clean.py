"""What the exporter cleans and verifies. `clean_text` lives in the core document package
(the Markdown parser cleans with it too); it is re-exported here for the export modules."""

from __future__ import annotations

from collections import Counter

from planner.document.clean import clean_text

__all__ = ["clean_text", "significant"]


def significant(text: str) -> Counter[str]:
    """The characters the verification tracks: letters, ideographs and digits. Whitespace and
    punctuation are left out, since markup (`**`, `- `) legitimately turns into formatting."""
    counts = Counter(clean_text(text))  # counted in C, filtered per distinct character
    return Counter({ch: n for ch, n in counts.items() if ch.isalnum()})
