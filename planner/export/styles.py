"""Style ids by role, looked up once per document, with fallbacks for sparse templates.

Looking a style up by name in python-docx scans every style; doing it per paragraph is slow,
and a research office's template may lack `List Bullet`, `Title` or even `Body Text`.
"""

from __future__ import annotations

from docx.document import Document
from docx.oxml.ns import qn
from lxml.etree import _Element


class DocStyles:
    """The paragraph styles the exporter uses, as style ids (None: the document default)."""

    def __init__(self, doc: Document) -> None:
        self._doc = doc
        self._by_name: dict[str, _Element] = {}
        root: _Element = doc.styles.element
        for element in root.iterchildren(qn("w:style")):
            if element.get(qn("w:type")) != "paragraph":
                continue
            name = element.find(qn("w:name"))
            if name is not None:
                self._by_name.setdefault(name.get(qn("w:val"), "").lower(), element)
        self.normal = self.pick("Normal")
        self.body = self.pick("Body Text", "Normal")
        self.heading1 = self.pick("heading 1")
        self.heading2 = self.pick("heading 2", "heading 1")
        self.title = self.pick("Title", "heading 1")
        self.subtitle = self.pick("Subtitle", "heading 2")
        # a section's own sub-headings sit one level below its heading: Heading 2..4
        self.heading3 = self.pick("heading 3", "heading 2", "heading 1")
        self.heading4 = self.pick("heading 4", "heading 3", "heading 2", "heading 1")
        self.caption = self.pick("caption", "Normal")
        self.figure = self.normal  # a picture's paragraph: no first-line indent
        self.table_text = self.pick("Table Text", "Normal")
        self.reference = self.pick("Bibliography", "Normal")
        self.table_style = self._table_style("Table Grid")

    def sub_heading(self, level: int) -> str | None:
        """The style of a section's sub-heading of `level` 1..3."""
        return (self.heading2, self.heading3, self.heading4)[min(max(level, 1), 3) - 1]

    def _table_style(self, name: str) -> str | None:
        root: _Element = self._doc.styles.element
        for element in root.iterchildren(qn("w:style")):
            if element.get(qn("w:type")) != "table":
                continue
            found = element.find(qn("w:name"))
            if found is not None and found.get(qn("w:val"), "").lower() == name.lower():
                return element.get(qn("w:styleId"))
        return None

    def pick(self, *names: str) -> str | None:
        """The id of the first of `names` the document has."""
        for name in names:
            element = self._by_name.get(name.lower())
            if element is not None:
                return element.get(qn("w:styleId"))
        return None

    def list_style(self, ordered: bool, depth: int) -> str | None:
        """`List Number 2` for a second-level numbered item, … ; None if the template has none
        that is a real Word list (a style without numbering would lose the bullets)."""
        base = "List Number" if ordered else "List Bullet"
        names = [f"{base} {level}" for level in range(min(depth, 3), 1, -1)] + [base]
        for name in names:
            element = self._by_name.get(name.lower())
            if element is not None and self._style_num_id(element) is not None:
                return element.get(qn("w:styleId"))
        return None

    def restart_numbering(self, style_id: str, start: int) -> int | None:
        """A new `w:num` on the style's list definition starting at `start`, so each numbered
        list in the text counts from its own first number instead of continuing the last."""
        element = next(
            (e for e in self._by_name.values() if e.get(qn("w:styleId")) == style_id), None
        )
        num_id = self._style_num_id(element) if element is not None else None
        if num_id is None:
            return None
        numbering = self._doc.part.numbering_part.element
        abstract_id = None
        for num in numbering.iterchildren(qn("w:num")):
            if num.get(qn("w:numId")) == str(num_id):
                abstract = num.find(qn("w:abstractNumId"))
                abstract_id = abstract.get(qn("w:val")) if abstract is not None else None
                break
        if abstract_id is None:
            return None
        num = numbering.add_num(int(abstract_id))
        num.add_lvlOverride(ilvl=0).add_startOverride(start)
        return int(num.get(qn("w:numId")))

    @staticmethod
    def _style_num_id(element: _Element) -> int | None:
        ppr = element.find(qn("w:pPr"))
        num_pr = ppr.find(qn("w:numPr")) if ppr is not None else None
        num_id = num_pr.find(qn("w:numId")) if num_pr is not None else None
        if num_id is None:
            return None
        value = num_id.get(qn("w:val"), "0")
        return int(value) if value.isdigit() and value != "0" else None
