"""File → Open and a drop of a returned .docx: read it into a new, unsaved proposal and show
the import report (issue 15). Thin: the core's `read_proposal_docx` does the reading."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from planner.errors import PlannerError
from planner.formats.proposal_file import SUFFIX

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from planner.model.call import Call
    from planner.ui.window.document import ProposalDocument

translate = QCoreApplication.translate
WORD_SUFFIX = ".docx"


def is_word_file(path: Path) -> bool:
    return path.suffix.lower() == WORD_SUFFIX


def looks_like_proposal(path: Path, call: Call) -> bool:
    """Whether a dropped .docx is a returned proposal rather than a call's topic list."""
    from planner.importer.proposal_docx import read_proposal_docx  # lazy: lxml, the reader

    try:
        result = read_proposal_docx(path, call)
    except PlannerError:
        return False  # the call importer says what is wrong with it
    return result.from_properties or result.found_sections >= 2


def is_proposal_path(path: Path, call: Call) -> bool:
    """Whether a dropped file opens as a proposal: a proposal file, or a returned Word file
    (a .docx that is not a call's topic list)."""
    return path.name.endswith(SUFFIX) or (is_word_file(path) and looks_like_proposal(path, call))


def import_word_file(parent: QWidget, document: ProposalDocument, call: Call, path: Path) -> bool:
    """Read `path` into `document` as a new unsaved proposal; its figures go into
    `NAME.figures/` beside it, where `NAME.proposal.yaml` (Save As starts there) finds them."""
    from planner.importer.imported import figures_dir_for, save_figures
    from planner.importer.proposal_docx import read_proposal_docx
    from planner.ui.dialogs import messages
    from planner.ui.dialogs.import_report import show_import_report

    suggested = path.with_name(f"{path.stem}{SUFFIX}")
    try:
        result = read_proposal_docx(path, call, figures_dir_for(suggested))
        save_figures(result, path.parent / figures_dir_for(suggested))
    except PlannerError as exc:
        messages.show_error(parent, translate("open_word", "Cannot read the Word file"), str(exc))
        return False
    document.adopt(result.proposal, suggested)
    show_import_report(parent, path.name, result)
    return True
