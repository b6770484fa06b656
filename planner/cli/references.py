"""`planner references import` and `planner references list`: a proposal's 参考文献."""

from __future__ import annotations

import argparse
from pathlib import Path

from planner.cli.common import EXIT_INVALID, EXIT_OK, add_call_option, error, load_call_arg


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("references", help="import and list a proposal's references (GB/T 7714)")
    add_call_option(p)  # `list` numbers in the order of the call's form
    commands = p.add_subparsers(dest="references_command", metavar="ACTION", required=True)
    imp = commands.add_parser(
        "import", help="merge the entries of a .bib, .ris or CSL-JSON file into the proposal"
    )
    imp.add_argument("proposal", type=Path, metavar="PROPOSAL")
    imp.add_argument("file", type=Path, metavar="FILE", help="a .bib, .ris or .json file")
    imp.add_argument(
        "--replace",
        action="store_true",
        help="an entry whose id is already there replaces it (default: the existing one is kept)",
    )
    imp.set_defaults(func=run_import)
    ls = commands.add_parser("list", help="print the references in GB/T 7714-2015 (numeric)")
    # also after the action; SUPPRESS keeps a --call given before it
    ls.add_argument("--call", type=Path, metavar="FILE", default=argparse.SUPPRESS,
                    help="call file to use (default: the built-in call)")  # fmt: skip
    ls.add_argument("proposal", type=Path, metavar="PROPOSAL")
    ls.set_defaults(func=run_list)


def run_import(args: argparse.Namespace) -> int:
    from planner.formats.proposal_file import load_proposal, save_proposal
    from planner.references.merge import merge_references
    from planner.references.reading import read_references
    from planner.storage.file_lock import acquire_lock

    imported = read_references(args.file)  # first: a bad file leaves the proposal untouched
    lock = acquire_lock(args.proposal)  # the app may have it open: refuse rather than race it
    try:
        proposal, problems = load_proposal(args.proposal)
        errors = [p for p in problems if p.is_error]
        if errors:
            # saving now would drop what the file holds in error: the user fixes it first
            for problem in errors:
                error(problem.describe(str(args.proposal)))
            error(f"{args.proposal} has errors; fix them before importing references into it")
            return EXIT_INVALID
        for warning in imported.warnings:
            error(f"{args.file}: warning: {warning}")
        result = merge_references(proposal.references, imported.items, replace=args.replace)
        if result.changed:
            proposal.references = result.items
            save_proposal(proposal, args.proposal)
    finally:
        lock.release()
    print(f"{args.file} → {args.proposal}")
    print(f"  added: {len(result.added)}" + _ids(result.added))
    print(f"  already there, the same: {len(result.unchanged)}" + _ids(result.unchanged))
    if args.replace:
        print(
            f"  replaced (same id, different entry): {len(result.replaced)}" + _ids(result.replaced)
        )
    else:
        print(
            f"  conflicting (same id, different entry), kept as they were: "
            f"{len(result.conflicts)}" + _ids(result.conflicts)
        )
        if result.conflicts:
            print("  (--replace takes the imported entries instead)")
    return EXIT_OK


def _ids(ids: list[str]) -> str:
    return f" ({', '.join(ids)})" if ids else ""


def run_list(args: argparse.Namespace) -> int:
    from planner.formats.proposal_file import load_proposal
    from planner.references.citations import text_citation_keys
    from planner.references.gbt7714 import format_reference

    call = load_call_arg(args)
    proposal, problems = load_proposal(args.proposal)
    for problem in problems:
        error(problem.describe(str(args.proposal)))
    by_id = {item["id"]: item for item in proposal.references}
    cited = [
        k for k in text_citation_keys(proposal.sections, [s.key for s in call.form]) if k in by_id
    ]
    for number, key in enumerate(cited, start=1):
        print(f"[{number}] {format_reference(by_id[key])}")
    uncited = [item for item in proposal.references if item["id"] not in cited]
    if uncited:
        print(("\n" if cited else "") + "Not cited (not printed in the document):")
        for item in uncited:
            print(f"  [@{item['id']}] {format_reference(item)}")
    if not proposal.references:
        print(f"{args.proposal} has no references")
    return EXIT_INVALID if any(p.is_error for p in problems) else EXIT_OK
