"""Where an imported proposal and its figures go: `OUT.proposal.yaml` and `OUT.figures/`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, cast

from planner.errors import FileWriteError
from planner.formats.proposal_file import SUFFIX, save_proposal
from planner.importer.proposal_docx import ImportResult
from planner.storage.atomic_write import write_atomic

if TYPE_CHECKING:
    from planner.references.csl import CslItem


def figures_dir_for(proposal_path: Path) -> str:
    """The figures folder's name beside a proposal file: `a.proposal.yaml` → `a.figures`."""
    name = proposal_path.name
    stem = name[: -len(SUFFIX)] if name.endswith(SUFFIX) else proposal_path.stem
    return f"{stem}.figures"


def save_figures(result: ImportResult, folder: Path) -> list[Path]:
    """Write the result's pictures into `folder` (made when needed), each atomically."""
    written: list[Path] = []
    if not result.figures:
        return written
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise FileWriteError(f"cannot create {folder}: {exc.strerror or exc}") from None
    for figure in result.figures:
        target = folder / figure.name
        write_atomic(target, figure.data, keep_backup=False)
        written.append(target)
    return written


def save_imported(result: ImportResult, proposal_path: Path) -> list[Path]:
    """The figures first, then the proposal that names them; returns the figures written."""
    written = save_figures(result, proposal_path.parent / figures_dir_for(proposal_path))
    if result.references:
        # the entries the export stored, unchecked here: loading the saved file checks them
        result.proposal.references = cast("list[CslItem]", list(result.references))
    save_proposal(result.proposal, proposal_path)
    return written
