"""What every command shares: the --call option, loading the call, exit codes, printing errors."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from planner.cli.terminal import line
from planner.importer.any_call import load_any_call
from planner.model.call import Call

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2


def add_call_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--call",
        type=Path,
        metavar="FILE",
        help="call file, or a topic list to import (.txt, .md, .docx); default: the built-in call",
    )


def load_call_arg(args: argparse.Namespace) -> Call:
    """The call named by --call (a call file or a topic list), or the built-in one.

    Raises CallFileError. What an import could not place goes to stderr, as `import-call`
    reports it, so a lossy import is never silent."""
    loaded = load_any_call(getattr(args, "call", None) or None)
    if loaded.report is not None and loaded.path is not None:
        for message in loaded.report.describe(str(loaded.path)):
            error(message)
    return loaded.call


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """`1 error`, `2 errors`, `0 areas`: English counts on the command line read right."""
    return f"{n} {noun if n == 1 else plural or noun + 's'}"


def error(message: str) -> None:
    """One line on stderr; control characters and newlines in it (file content) are shown."""
    print(f"planner: {line(message)}", file=sys.stderr)
