"""The small dialogs of the toolbar's inserts: a table's size, a citation, a new reference."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from planner.references.csl import CslItem
from planner.ui.screen_fit import resize_within_screen


def ask_table_size(parent: QWidget) -> tuple[int, int] | None:
    """(body rows, columns), or None when cancelled."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(dialog.tr("Insert table"))
    form = QFormLayout(dialog)
    rows, columns = QSpinBox(dialog), QSpinBox(dialog)
    rows.setRange(1, 200)
    rows.setValue(3)
    columns.setRange(1, 20)
    columns.setValue(3)
    rows.setAccessibleName(dialog.tr("Rows below the header"))
    columns.setAccessibleName(dialog.tr("Columns"))
    form.addRow(dialog.tr("&Rows (below the header row):"), rows)
    form.addRow(dialog.tr("&Columns:"), columns)
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    form.addRow(buttons)
    dialog.adjustSize()  # sized to its content
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return rows.value(), columns.value()


TYPES = ("article-journal", "book", "paper-conference", "thesis", "report", "webpage")


class ReferenceForm(QDialog):
    """Add one reference by hand: the fields a GB/T 7714 entry needs most."""

    def __init__(
        self, taken: Sequence[str], parent: QWidget | None = None, item: CslItem | None = None
    ) -> None:
        super().__init__(parent)
        self.taken = set(taken)
        self.setWindowTitle(self.tr("New reference") if item is None else self.tr("Edit reference"))
        form = QFormLayout(self)
        self.kind = QComboBox(self)
        names = [self.tr("Journal article [J]"), self.tr("Book [M]"),
                 self.tr("Conference paper [C]"), self.tr("Thesis [D]"), self.tr("Report [R]"),
                 self.tr("Web page [EB/OL]")]  # fmt: skip
        for kind, name in zip(TYPES, names, strict=True):
            self.kind.addItem(name, kind)
        self.key = QLineEdit(self)
        self.authors = QLineEdit(self)
        self.authors.setPlaceholderText(self.tr("张三; 李四 or Huang, Dan; Liu, Qi"))
        self.title = QLineEdit(self)
        self.container = QLineEdit(self)
        self.year = QLineEdit(self)
        self.volume = QLineEdit(self)
        self.pages = QLineEdit(self)
        rows = [(self.tr("&Type:"), self.kind), (self.tr("&Key (cited as [@key]):"), self.key),
                (self.tr("&Authors:"), self.authors), (self.tr("T&itle:"), self.title),
                (self.tr("&Journal, book or publisher:"), self.container),
                (self.tr("&Year:"), self.year), (self.tr("&Volume (issue):"), self.volume),
                (self.tr("&Pages:"), self.pages)]  # fmt: skip
        for label, widget in rows:
            form.addRow(label, widget)
            widget.setAccessibleName(label.replace("&", "").rstrip(":："))
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #c62828;")
        form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        if item is not None:
            self._fill(item)
        self.adjustSize()

    def _fill(self, item: CslItem) -> None:
        """The form as `item` holds it (editing): what item() reads back from it."""
        data: dict = dict(item)
        index = self.kind.findData(data.get("type"))
        self.kind.setCurrentIndex(max(index, 0))
        self.key.setText(str(data.get("id", "")))
        names = []
        for name in data.get("author") or []:
            if name.get("literal"):
                names.append(str(name["literal"]))
            elif name.get("family"):
                given = name.get("given")
                names.append(f"{name['family']}, {given}" if given else str(name["family"]))
        self.authors.setText("; ".join(names))
        self.title.setText(str(data.get("title", "")))
        self.container.setText(str(data.get("container-title") or data.get("publisher") or ""))
        try:  # an imported file's entry: any shape
            year = str(data["issued"]["date-parts"][0][0])
        except (KeyError, IndexError, TypeError):
            year = ""
        self.year.setText(year)
        volume = str(data.get("volume", ""))
        if data.get("issue"):
            volume += f"({data['issue']})"
        self.volume.setText(volume)
        self.pages.setText(str(data.get("page", "")))

    def _accept(self) -> None:
        key = self.key.text().strip()
        if not key or any(c.isspace() or c in ";[]@" for c in key):
            self.error.setText(self.tr("A key is one word without spaces, e.g. zhang2020."))
            return
        if key in self.taken:
            self.error.setText(self.tr("The proposal has a reference with this key already."))
            return
        if not self.title.text().strip():
            self.error.setText(self.tr("A reference needs its title."))
            return
        self.accept()

    def item(self) -> CslItem:
        item: dict = {"id": self.key.text().strip(), "type": self.kind.currentData(),
                      "title": self.title.text().strip()}  # fmt: skip
        authors = []
        for name in self.authors.text().replace("；", ";").split(";"):
            name = name.strip()
            if not name:
                continue
            if "," in name:
                family, given = (p.strip() for p in name.split(",", 1))
                authors.append({"family": family, "given": given})
            else:
                authors.append({"literal": name})
        if authors:
            item["author"] = authors
        container = self.container.text().strip()
        if container:
            key = "publisher" if item["type"] in ("book", "report", "thesis") else "container-title"
            item[key] = container
        year = self.year.text().strip()
        if year.isdigit():
            item["issued"] = {"date-parts": [[int(year)]]}
        volume = self.volume.text().strip()
        if volume:
            if "(" in volume:
                vol, issue = volume.split("(", 1)
                item["volume"] = vol.strip()
                item["issue"] = issue.rstrip(")） ").strip()
            else:
                item["volume"] = volume
        if self.pages.text().strip():
            item["page"] = self.pages.text().strip()
        return item  # type: ignore[return-value]


class CitationDialog(QDialog):
    """Pick the references to cite here (several: one citation [1,2]); add or import more."""

    def __init__(self, references: Sequence[CslItem], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Cite references"))
        self.references = list(references)
        self.added: list[CslItem] = []
        self.import_requested = False
        layout = QVBoxLayout(self)
        label = QLabel(self.tr("&References of this proposal (select one or more):"), self)
        self.list = QListWidget(self)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setWordWrap(True)
        self.list.setAccessibleName(self.tr("References of this proposal"))
        label.setBuddy(self.list)
        layout.addWidget(label)
        layout.addWidget(self.list, 1)
        self.add = QPushButton(self.tr("&New reference…"), self)
        self.import_ = QPushButton(self.tr("&Import .bib / .ris…"), self)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.addButton(self.add, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.import_, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.add.clicked.connect(self._new)
        self.import_.clicked.connect(self._import)
        layout.addWidget(buttons)
        self._fill()
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        resize_within_screen(self, 560, 380)

    def _fill(self) -> None:
        from planner.references.gbt7714 import format_reference

        self.list.clear()
        for item in [*self.references, *self.added]:
            row = QListWidgetItem(f"[@{item['id']}]  {format_reference(item)}", self.list)
            row.setData(Qt.ItemDataRole.UserRole, item["id"])

    def _new(self) -> None:
        form = ReferenceForm([r["id"] for r in [*self.references, *self.added]], self)
        if form.exec() == QDialog.DialogCode.Accepted:
            self.added.append(form.item())
            self._fill()
            self.list.item(self.list.count() - 1).setSelected(True)

    def _import(self) -> None:
        self.import_requested = True
        self.reject()

    def keys(self) -> list[str]:
        return [str(i.data(Qt.ItemDataRole.UserRole)) for i in self.list.selectedItems()]
