"""Problems in what a section's document refers to or holds: figures whose image cannot go
into the .docx, tables typed with ragged rows. `validate` and the exporter report the same
Problem, so the problems list, `planner validate` and `planner export` say it alike."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from planner.document.blocks import Block, Blocks, Figure, ListBlock, Table
from planner.document.images import ImageError, read_image, resolve
from planner.model.problems import ERROR, WARNING, Problem

FIGURE_UNREADABLE = "figure_unreadable"
TABLE_RAGGED = "table_ragged"


def figure_problem(key: str, title: str, path: str, error: ImageError) -> Problem:
    return Problem(
        ERROR,
        f"sections.{key}",
        f"{title}: figure {path} cannot be read: {error.detail}",
        code=FIGURE_UNREADABLE,
        params={"title": title, "path": path, "reason": error.reason, "detail": error.detail},
    )


def block_problems(key: str, title: str, blocks: Blocks, base: Path | None) -> list[Problem]:
    """Every unreadable figure (an error) and ragged table (a warning) of one section."""
    problems: list[Problem] = []
    tables = 0
    for block in walk(blocks):
        if isinstance(block, Figure):
            error = check_image(resolve(block.path, base))
            if error is not None:
                problems.append(figure_problem(key, title, block.path, error))
        elif isinstance(block, Table):
            tables += 1
            if block.ragged:
                problems.append(
                    Problem(
                        WARNING,
                        f"sections.{key}",
                        f"{title}: table {tables} of the section has rows of different lengths; "
                        "they are padded with empty cells",
                        code=TABLE_RAGGED,
                        params={"title": title, "number": tables},
                    )
                )
    return problems


def walk(blocks: Blocks) -> Iterator[Block]:
    """The blocks in reading order, list items' blocks included."""
    for block in blocks:
        yield block
        if isinstance(block, ListBlock):
            for item in block.items:
                yield from walk(item.blocks)


def check_image(file: Path) -> ImageError | None:
    """What is wrong with an image file, or None. Validation runs often (the app re-checks
    as the applicant types): an unchanged file is read once."""
    try:
        stat = file.stat()
    except (OSError, ValueError):
        stat = None
    key = (stat.st_mtime_ns, stat.st_size) if stat is not None else (0, -1)
    return _checked(str(file), *key)


@lru_cache(maxsize=256)
def _checked(path: str, _mtime: int, _size: int) -> ImageError | None:
    try:
        read_image(Path(path))
    except ImageError as exc:
        return exc
    return None
