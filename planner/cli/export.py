"""`planner export`: a proposal file, or a blank form for a topic, to a .docx."""

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
from planner.cli.terminal import line
from planner.model.document_checks import FIGURE_UNREADABLE
from planner.model.problems import ERROR


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "export",
        help="write a proposal (or a blank form for a topic) as a .docx",
        description="Export PROPOSAL to a Word document, or, with --topic instead of a "
        "proposal file, a blank form pre-filled with that topic and its chosen directions.",
    )
    add_call_option(p)
    p.add_argument("proposal", nargs="?", type=Path, metavar="PROPOSAL", help="a .proposal.yaml")
    p.add_argument("--topic", metavar="ID", help="export a blank form for this topic")
    p.add_argument(
        "--direction",
        type=int,
        action="append",
        default=[],
        metavar="N",
        help="with --topic: a suggested direction to include (repeatable)",
    )
    p.add_argument("-o", "--output", required=True, type=Path, metavar="OUT.docx")
    p.add_argument(
        "--template", type=Path, metavar="T.docx", help="a research office's Word template"
    )
    p.set_defaults(func=run_export)


def run_export(args: argparse.Namespace) -> int:
    if (args.proposal is None) == (args.topic is None):
        error("export: give either a PROPOSAL file or --topic ID (not both)")
        return EXIT_USAGE
    if args.direction and args.topic is None:
        error("export: --direction goes with --topic; a proposal file lists its own directions")
        return EXIT_USAGE
    # imported here: python-docx (via export_docx) only when a command exports
    from planner.export.docx import blank_proposal, export_docx
    from planner.formats.proposal_file import load_proposal
    from planner.model.validate import validate_proposal

    call = load_call_arg(args)
    if args.topic is not None:
        proposal = blank_proposal(call, args.topic, args.direction)
        source, base = f"topic {args.topic}", None
    else:
        proposal, problems = load_proposal(args.proposal)
        source, base = str(args.proposal), args.proposal.parent
        if any(p.severity == ERROR for p in problems):
            # a value we could not read would be missing from the document: refuse
            for problem in problems:
                error(problem.describe(source))
            return EXIT_INVALID
        for problem in validate_proposal(proposal, call, base):
            # still exported: the applicant sees what to fix; figures are said below
            if problem.is_error and problem.code != FIGURE_UNREADABLE:
                print(f"planner: note: {line(problem.describe(source))}", file=sys.stderr)
    result = export_docx(proposal, call, args.output, template=args.template, base=base)
    empty = f", {len(result.empty_sections)} sections to fill" if result.empty_sections else ""
    print(f"wrote {result.target} ({result.characters} characters checked{empty})")
    if result.problems:  # the document is written, with placeholders: not a clean export
        for problem in result.problems:
            error(f"{problem.describe(source)} (a framed placeholder stands in its place)")
        return EXIT_INVALID
    return EXIT_OK
