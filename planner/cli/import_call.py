"""`planner import-call`: a call's topic list (text or Markdown) to a call file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from planner.atomic_write import write_atomic
from planner.call_file import dump_call, parse_call, read_text
from planner.call_import import import_call_text
from planner.cli.common import EXIT_INVALID, EXIT_OK
from planner.errors import CallFileError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "import-call", help="make a call file from a call's topic list (text/Markdown)"
    )
    p.add_argument("source", type=Path, metavar="FILE")
    p.add_argument("-o", "--output", required=True, type=Path, metavar="CALL.yaml")
    p.add_argument("--id", default="", help="call id (default: the file name)")
    p.add_argument("--title", default="", help="call title (default: the file name)")
    p.set_defaults(func=run_import_call)


def import_header(source_name: str, call_id: str, title: str) -> str:
    return (
        f"Made by: planner import-call {source_name} --id {call_id} --title {title}\n"
        "Nothing below is edited by hand."
    )


def run_import_call(args: argparse.Namespace) -> int:
    text = read_text(args.source, CallFileError)
    stem = args.source.name.split(".")[0]
    call_id = args.id or stem
    title = args.title or stem
    call, report = import_call_text(text, call_id, title)
    for line, message in report.problems:
        print(f"{args.source}:{line}: {message}", file=sys.stderr)
    out = dump_call(call, import_header(args.source.name, call_id, title))
    parse_call(out, str(args.output))  # what we write must load; a bug here must not ship a file
    write_atomic(args.output, out.encode("utf-8"))
    topics = call.topic_count
    directions = sum(len(t.directions) for t in call.topics())
    print(f"wrote {args.output}: {len(call.areas)} areas, {topics} topics, {directions} directions")
    return EXIT_OK if report.complete else EXIT_INVALID
