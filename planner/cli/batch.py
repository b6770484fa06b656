"""`planner batch`: export a folder of proposals, or a sheet of applicants, for an office."""

from __future__ import annotations

import argparse
import contextlib
import sys
import time
from collections.abc import Generator, Iterable
from pathlib import Path
from typing import TextIO

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
from planner.formats.yaml_lines import excerpt
from planner.model.call import Call
from planner.model.wording import LANGUAGES, locale_language
from planner.office.batch import (
    ExportFunction,
    ExportJob,
    ExportOutcome,
    Progress,
    default_jobs,
    plan_exports,
    run_exports,
)
from planner.office.mail_merge import plan_mail_merge, write_proposal_files
from planner.office.parallel_load import load_workspace
from planner.office.summary import write_summaries

FORMATS = ("docx", "pdf", "both")
SUFFIXES = {"docx": (".docx",), "pdf": (".pdf",), "both": (".docx", ".pdf")}
_WRITTEN = {"docx": ".docx", "pdf": ".pdf", "both": ".docx and .pdf"}


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "batch",
        help="export every proposal in a folder and write summary.xlsx/csv",
        description="Export every valid proposal under DIR to OUTDIR/<name>.docx (or .pdf, "
        "or both: --format) and write OUTDIR/summary.xlsx and summary.csv (returned .docx "
        "files under DIR are checked and summarised too, never re-exported; OUTDIR is never "
        "read); or, with --applicants, make one proposal file and .docx per row of a sheet. "
        "Exit 0: all valid; 1: some invalid (the valid ones are still exported); 2: usage error.",
    )
    p.add_argument(
        "dir",
        nargs="?",
        type=Path,
        metavar="DIR",
        help="folder of *.proposal.yaml and returned .docx files",
    )
    p.add_argument("-o", "--output", required=True, type=Path, metavar="OUTDIR")
    p.add_argument(
        "--applicants", type=Path, metavar="FILE", help="mail-merge from an .xlsx or .csv sheet"
    )
    p.add_argument(
        "--jobs",
        type=int,
        default=default_jobs(),
        metavar="N",
        help="exports run in parallel (default: the number of CPUs, %(default)s here)",
    )
    p.add_argument("--template", type=Path, metavar="T.docx", help="Word template to export with")
    p.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=None,
        help="language of summary.xlsx/.csv: headers, statuses, yes/no, problems "
        "(default: from the locale, zh for zh_CN.UTF-8, else en)",
    )
    p.add_argument(
        "--format",
        choices=FORMATS,
        default="docx",
        help="docx, pdf or both (default: docx); the summary's Pages column is filled when PDFs "
        "are made",
    )
    add_call_option(p)
    p.set_defaults(func=run_batch)


def _usage_problem(args: argparse.Namespace) -> str:
    if (args.dir is None) == (args.applicants is None):
        return "give either DIR or --applicants FILE"
    if args.dir is not None and not args.dir.is_dir():
        return f"{args.dir} is not a folder"
    if args.applicants is not None and not args.applicants.is_file():
        return f"{args.applicants} is not a file"
    if args.output.exists() and not args.output.is_dir():
        return f"{args.output} exists and is not a folder"
    if args.jobs < 1:
        return "--jobs must be 1 or more"
    if args.template is not None and not args.template.is_file():
        return f"template {args.template} is not a file"
    if args.template is not None and args.format == "pdf":
        return "--template is a Word template: it applies to .docx exports (--format docx or both)"
    return ""


def run_batch(args: argparse.Namespace) -> int:
    usage = _usage_problem(args)
    if usage:
        error(usage)
        return EXIT_USAGE
    call = load_call_arg(args)  # a broken --call is a usage error (SourceError in main)
    try:
        args.output.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        error(f"cannot create {args.output}: {exc.strerror}")
        return EXIT_USAGE
    if args.applicants is not None:
        return _run_mail_merge(args, call)
    # never the batch's own output: its .docx files are ours, not returned ones
    workspace = load_workspace(args.dir, call, exclude=args.output, workers=args.jobs)
    if not workspace.entries:
        error(f"no *.proposal.yaml or returned .docx files under {args.dir}")
        return EXIT_USAGE
    jobs = plan_exports(workspace.entries, args.output, SUFFIXES[args.format])
    outcomes = _export(jobs, call, args)
    exported = {o.source: o.target for o in outcomes if o.ok}
    language = args.lang or locale_language()
    pages = {o.source: o.pages for o in outcomes if o.ok and o.pages is not None}
    xlsx, csv_path = write_summaries(workspace, args.output, exported, pages, language)

    failed = [o for o in outcomes if not o.ok]
    print(
        f"{counted(len(workspace.entries), 'proposal')}: {len(workspace.valid)} valid, "
        f"{len(workspace.invalid)} invalid; exported {len(exported)} to {args.output}"
    )
    word = sum(1 for e in workspace.entries if e.from_word)
    if word:
        print(f"{word} of them returned Word files: checked and summarised, not exported again")
    for entry in workspace.invalid:
        print(line(f"INVALID {entry.name}"))
        for problem in entry.problems:
            if problem.is_error:
                print(f"  {line(excerpt(problem.describe(entry.name), 300))}")
    for outcome in failed:
        print(line(f"EXPORT FAILED {outcome.source}: {outcome.error}"))
    print(f"summary: {xlsx} and {csv_path}")
    return EXIT_INVALID if workspace.invalid or failed else EXIT_OK


def _run_mail_merge(args: argparse.Namespace, call: Call) -> int:
    plan = plan_mail_merge(args.applicants, call, args.output)
    write_proposal_files(plan)
    suffix = SUFFIXES[args.format][0]
    jobs = [
        ExportJob(f"row {i.row}", i.proposal, i.docx_path.with_suffix(suffix)) for i in plan.items
    ]
    outcomes = _export(jobs, call, args)
    failed = [o for o in outcomes if not o.ok]
    for note in plan.notes:
        print(line(note))
    print(
        f"{counted(len(plan.items), 'proposal file')} and {len(outcomes) - len(failed)} "
        f"{_WRITTEN[args.format]} written to {args.output}; "
        f"{counted(len(plan.bad_rows), 'bad row')}"
    )
    for item in plan.kept:
        print(f"kept row {item.row}: {item.proposal_path.name} exists and was not overwritten")
    for problem in plan.problems:
        print(line(f"BAD ROW {problem.describe(plan.source)}"))
    for outcome in failed:
        print(line(f"EXPORT FAILED {outcome.source}: {outcome.error}"))
    return EXIT_INVALID if plan.problems or failed else EXIT_OK


def _export(jobs: list[ExportJob], call: Call, args: argparse.Namespace) -> list[ExportOutcome]:
    events = run_exports(
        jobs, call, workers=args.jobs, template=args.template, export=_exporter(args.format)
    )
    if sys.stderr.isatty():
        # the bar's own carriage returns go to the terminal itself, not through the escaping
        events = _progress_bar(events, getattr(sys.stderr, "raw", sys.stderr))
    try:
        return [event.outcome for event in events]
    except KeyboardInterrupt:
        events.close()  # running exports finish whole; queued ones are dropped
        raise  # planner.cli.main: one line, exit 130, whatever phase it came in


def _exporter(fmt: str) -> ExportFunction | None:
    """The export function for the workers; the PDF ones import Qt (QtGui) only then."""
    if fmt == "docx":
        return None  # the batch's own default: export_docx
    from planner.ui.pages import pdf

    return pdf.export_pdf if fmt == "pdf" else pdf.export_docx_and_pdf


def _progress_bar(
    events: Iterable[Progress], out: TextIO, width: int = 30
) -> Generator[Progress, None, None]:
    start = time.monotonic()
    event = None
    try:
        for event in events:
            filled = width * event.done // event.total
            elapsed = time.monotonic() - start
            out.write(
                f"\r[{'#' * filled}{'.' * (width - filled)}] {event.done}/{event.total}"
                f"  {elapsed:5.1f} s"
            )
            out.flush()
            yield event
    finally:
        with contextlib.suppress(AttributeError):
            events.close()  # type: ignore[attr-defined]  # stop the exports with the bar
        if event is not None:
            out.write("\n")
            out.flush()
