"""`planner new` and `planner validate`: create and check proposal files."""

from __future__ import annotations

import argparse
from pathlib import Path

from planner.cli.common import (
    EXIT_INVALID,
    EXIT_OK,
    EXIT_USAGE,
    add_call_option,
    counted,
    error,
    load_call_arg,
)
from planner.cli.terminal import line
from planner.errors import PlannerError
from planner.formats.proposal_file import load_proposal, save_proposal
from planner.formats.yaml_lines import excerpt
from planner.model.problems import ERROR
from planner.model.proposal import APPLICANT_FIELDS, Applicant, Proposal
from planner.model.validate import section_counts, validate_proposal
from planner.office.returned import is_returned_word_file, read_word_proposal


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("new", help="write a new proposal file for a topic")
    add_call_option(p)
    p.add_argument("--topic", required=True, metavar="ID")
    p.add_argument(
        "--direction",
        type=int,
        action="append",
        default=[],
        metavar="N",
        help="a suggested direction to include (repeatable)",
    )
    p.add_argument(
        "--own-direction",
        action="append",
        default=[],
        metavar="TEXT",
        help="a direction of your own (repeatable)",
    )
    p.add_argument("--title", default="", metavar="T", help="the proposal's title")
    # the applicant, as the columns of a mail-merge sheet name them (`title` is the proposal's
    # here, so the applicant's academic title is --applicant-title)
    for name in APPLICANT_FIELDS:
        option = "--applicant-title" if name == "title" else f"--{name}"
        p.add_argument(option, dest=f"applicant_{name}", default="", metavar="TEXT")
    p.add_argument("-o", "--output", required=True, type=Path, metavar="FILE")
    p.add_argument("--force", action="store_true", help="overwrite an existing file")
    p.set_defaults(func=run_new)

    p = sub.add_parser(
        "validate", help="check proposal files (or returned .docx files) against the call"
    )
    add_call_option(p)
    p.add_argument("files", nargs="+", type=Path, metavar="FILE")
    p.set_defaults(func=run_validate)


def run_new(args: argparse.Namespace) -> int:
    call = load_call_arg(args)
    applicant = {name: getattr(args, f"applicant_{name}") for name in APPLICANT_FIELDS}
    proposal = Proposal(
        call=call.id,
        topic=args.topic,
        directions=list(args.direction),
        own_directions=list(args.own_direction),
        title=args.title,
        applicant=Applicant(**applicant),
        sections={s.key: "" for s in call.form},  # every section listed, ready to fill
    )
    errors = [p for p in validate_proposal(proposal, call) if p.is_error]
    if errors:
        for problem in errors:
            error(f"{problem.field}: {problem.message}")
        return EXIT_INVALID
    if args.output.exists() and not args.force:
        error(f"{args.output} exists; use --force to overwrite it")
        return EXIT_USAGE
    save_proposal(proposal, args.output)
    print(f"wrote {args.output}")
    return EXIT_OK


def run_validate(args: argparse.Namespace) -> int:
    call = load_call_arg(args)
    status = EXIT_OK
    for path in args.files:
        word = is_returned_word_file(path.name)
        if word:  # a returned Word file: read, then checked like a proposal file (issue 15)
            read, problems = read_word_proposal(path, call, str(path))
            if read is None:
                error(f"{path}: {problems[0].message}")
                status = max(status, EXIT_INVALID)
                continue
            proposal = read
        else:
            try:
                proposal, problems = load_proposal(path)
            except PlannerError as exc:
                error(str(exc))
                status = max(status, EXIT_INVALID)
                continue
            problems = problems + validate_proposal(proposal, call, path.parent)
        errors = [p for p in problems if p.severity == ERROR]
        print(
            f"{path}{' (from Word)' if word else ''}: {'INVALID' if errors else 'valid'}"
            f" ({counted(len(errors), 'error')}, {counted(len(problems) - len(errors), 'warning')})"
        )
        for problem in problems:
            print(f"  {line(excerpt(problem.describe(), 300))}")
        for sc in section_counts(proposal, call):
            print(line(f"  {sc.key}: {sc.describe()}"))
        if errors:
            status = max(status, EXIT_INVALID)
    return status
