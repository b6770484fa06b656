"""What the rich editor reads back from the writer's QTextDocument: the model's meaning that the
look alone does not say, as user properties of formats. Harmless for the preview and the PDF,
which ignore them. A module of its own: the editor's box needs these names at start-up, and
the writer (with the assembly) is loaded only when a section with text is shown.
"""

from __future__ import annotations

from PySide6.QtGui import QTextFormat

CITATION_KEYS = QTextFormat.Property.UserProperty.value + 1  # char: "a; b"
CITATION_SERIAL = QTextFormat.Property.UserProperty.value + 2  # char: keeps two apart
LABEL = QTextFormat.Property.UserProperty.value + 3  # char: "表 1 " / "图 1 ", not the caption
CAPTION = QTextFormat.Property.UserProperty.value + 4  # block: "table" or "figure"
FIGURE_PATH = QTextFormat.Property.UserProperty.value + 5  # image char / placeholder frame
FIGURE_WIDTH = QTextFormat.Property.UserProperty.value + 6  # `{width=N%}`, 0 for none
TABLE_RAGGED = QTextFormat.Property.UserProperty.value + 7  # table frame: typed ragged
BOLD = QTextFormat.Property.UserProperty.value + 8  # char: bold as typed (in a bold heading too)
ITEM_INDENT = QTextFormat.Property.UserProperty.value + 9  # a figure/table inside a list item
