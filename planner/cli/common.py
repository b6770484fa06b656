"""What every command shares: the --call option, loading the call, exit codes, printing errors."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from planner.cli.terminal import line
from planner.formats.call_file import load_call
from planner.model.call import Call
from planner.resources import builtin_call_path

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2


def add_call_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--call", type=Path, metavar="FILE", help="call file to use (default: the built-in call)"
    )


def load_call_arg(args: argparse.Namespace) -> Call:
    """The call named by --call, or the built-in one. Raises CallFileError."""
    return load_call(args.call if getattr(args, "call", None) else builtin_call_path())


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """`1 error`, `2 errors`, `0 areas`: English counts on the command line read right."""
    return f"{n} {noun if n == 1 else plural or noun + 's'}"


def error(message: str) -> None:
    """One line on stderr; control characters and newlines in it (file content) are shown."""
    print(f"planner: {line(message)}", file=sys.stderr)
