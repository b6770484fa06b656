""" "Pack for submission": one zip with the exported documents and the summary, to hand in or
mail on. Written atomically (a zip cut off half-way is never left under the name asked for)."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from pathlib import Path

from planner.errors import FileWriteError
from planner.storage.atomic_write import write_atomic


def pack_submission(target: Path, documents: Sequence[Path], summaries: Sequence[Path]) -> Path:
    """Write `target` (a .zip): the documents under `documents/`, the summaries at the top.
    Names inside are the files' own names (already unique and safe: planner.office.safe_names).
    Raises FileWriteError when a file cannot be read or the zip cannot be written."""
    buffer = io.BytesIO()
    try:
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in summaries:
                archive.write(path, path.name)
            for path in documents:
                archive.write(path, f"documents/{path.name}")
    except OSError as exc:
        raise FileWriteError(f"cannot pack {target}: {exc.strerror or exc}") from None
    write_atomic(target, buffer.getvalue(), keep_backup=False)
    return target
