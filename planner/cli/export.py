"""`planner export`: a proposal file, or a blank form for a topic, to a .docx or a PDF.

The PDF is laid out and drawn with Qt (planner/ui/pages/pdf.py), imported only on that path:
the .docx path and every other command stay free of Qt."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

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

if TYPE_CHECKING:
    from planner.model.call import Call
    from planner.model.proposal import Proposal


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "export",
        help="write a proposal (or a blank form for a topic) as a .docx or a PDF",
        description="Export PROPOSAL to a Word document or a PDF (the format follows OUT's "
        "extension, or --format), or, with --topic instead of a proposal file, a blank form "
        "pre-filled with that topic and its chosen directions. The PDF needs neither a display "
        "nor LibreOffice.",
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
    p.add_argument("-o", "--output", required=True, type=Path, metavar="OUT.docx|OUT.pdf")
    p.add_argument(
        "--format",
        choices=("docx", "pdf"),
        help="docx or pdf (default: from OUT's extension; .docx when it is neither)",
    )
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
    fmt = args.format or ("pdf" if args.output.suffix.lower() == ".pdf" else "docx")
    if fmt == "pdf" and args.template is not None:
        error("export: --template is a Word template; it applies to .docx exports only")
        return EXIT_USAGE
    # imported here: python-docx (via export_docx) only when a command exports
    from planner.export.docx import blank_proposal
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
    if fmt == "pdf":
        return _export_pdf(proposal, call, args.output, base)
    from planner.export.docx import export_docx

    result = export_docx(proposal, call, args.output, template=args.template, base=base)
    empty = f", {len(result.empty_sections)} sections to fill" if result.empty_sections else ""
    print(f"wrote {result.target} ({result.characters} characters checked{empty})")
    if result.problems:  # the document is written, with placeholders: not a clean export
        for problem in result.problems:
            error(f"{problem.describe(source)} (a framed placeholder stands in its place)")
        return EXIT_INVALID
    return EXIT_OK


def _export_pdf(proposal: Proposal, call: Call, target: Path, base: Path | None) -> int:
    from planner.ui.pages.pdf import export_pdf  # Qt: only this path loads it

    result = export_pdf(proposal, call, target, base=base)
    pages = f"{result.pages} page" + ("" if result.pages == 1 else "s")
    print(f"wrote {result.target} ({pages})")
    if call.page_limit is not None and result.pages > call.page_limit:
        print(
            f"planner: note: {result.pages} pages, over the call's limit of {call.page_limit}",
            file=sys.stderr,
        )
    for problem in result.problems:
        error(f"figure shown as a placeholder: {problem}")
    return EXIT_INVALID if result.problems else EXIT_OK
