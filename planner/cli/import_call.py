"""`planner import-call`: a call's topic list (text, Markdown or .docx) to a call file."""

from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path

from planner.cli.common import EXIT_INVALID, EXIT_OK, counted, error
from planner.cli.terminal import line
from planner.formats.call_file import dump_call, parse_call
from planner.importer.call_import import import_call_file, import_header
from planner.storage.atomic_write import write_atomic


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "import-call", help="make a call file from a call's topic list (.txt, .md or .docx)"
    )
    p.add_argument("source", type=Path, metavar="FILE")
    p.add_argument("-o", "--output", required=True, type=Path, metavar="CALL.yaml")
    p.add_argument("--id", default="", help="call id (default: made from the title)")
    p.add_argument("--title", default="", help="call title (default: the document's own title)")
    p.add_argument("--display-title", default="", metavar="TEXT",
                   help="the programme's name, the first line of an exported proposal")  # fmt: skip
    p.set_defaults(func=run_import_call)


def run_import_call(args: argparse.Namespace) -> int:
    call, report = import_call_file(args.source, args.id, args.title)
    for message in report.describe(str(args.source)):
        print(line(message), file=sys.stderr)
    for message in report.describe_notes(str(args.source)):  # left out, no directions
        print(line(f"note: {message}"), file=sys.stderr)
    if not call.areas:
        error(f"{args.source}: no call was found; nothing written")
        return EXIT_INVALID
    if args.display_title.strip():
        call = dataclasses.replace(call, display_title=args.display_title.strip())
    header = import_header(args.source.name, call.id, call.title, call.display_title)
    out = dump_call(call, header)
    parse_call(out, str(args.output))  # what we write must load; a bug here must not ship a file
    write_atomic(args.output, out.encode("utf-8"))
    topics = call.topic_count
    directions = sum(len(t.directions) for t in call.topics())
    print(
        f"wrote {args.output}: {counted(len(call.areas), 'area')}, {counted(topics, 'topic')}, "
        f"{counted(directions, 'direction')}"
    )
    return EXIT_OK if report.complete else EXIT_INVALID
