"""`planner import-proposal`: a returned .docx back to a proposal file (issue 15)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from planner.cli.common import (
    EXIT_INVALID,
    EXIT_OK,
    EXIT_USAGE,
    add_call_option,
    error,
    load_call_arg,
)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "import-proposal",
        help="read a returned Word file (.docx) into a proposal file",
        description="Read FILE.docx (our export, finished in Word or WPS, or any document whose "
        "headings are the call's section titles) into OUT.proposal.yaml; figures are saved in "
        "OUT.figures/. Exit 0: everything placed; 1: something was not (reported, the file is "
        "still written); 2: the file is unreadable.",
    )
    p.add_argument("source", type=Path, metavar="FILE.docx")
    p.add_argument("-o", "--output", required=True, type=Path, metavar="OUT.proposal.yaml")
    p.add_argument("--force", action="store_true", help="overwrite an existing proposal file")
    add_call_option(p)
    p.set_defaults(func=run_import_proposal)


def run_import_proposal(args: argparse.Namespace) -> int:
    # the reader, not python-docx: this command never imports python-docx
    from planner.importer.imported import figures_dir_for, save_imported
    from planner.importer.proposal_docx import read_proposal_docx

    if args.output.exists() and not args.force:
        error(f"{args.output} exists; use --force to overwrite it")
        return EXIT_USAGE
    call = load_call_arg(args)
    result = read_proposal_docx(args.source, call, figures_dir_for(args.output))
    for line in result.report_lines():
        print(f"{args.source}: {line}", file=sys.stderr)
    written = save_imported(result, args.output)
    figures = f" and {len(written)} figures in {written[0].parent}" if written else ""
    print(f"wrote {args.output}{figures}")
    return EXIT_OK if result.complete else EXIT_INVALID
