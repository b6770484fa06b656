"""Entry point of `planner` and `python -m planner`. Qt is imported only for the GUI."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from importlib import import_module

from planner import __version__
from planner.errors import PlannerError, SourceError

EXIT_INTERRUPTED = 130  # what a shell reports for a command ended by Ctrl-C (128 + SIGINT)

# Each command and the module that registers it (`register(sub)`), in the order --help lists
# them. A command imports only its own module: `planner export` does not pay for the batch
# machinery, and opening the app pays for none of them.
COMMANDS: dict[str, str] = {
    "topics": "planner.cli.topics",
    "show": "planner.cli.topics",
    "new": "planner.cli.proposals",
    "validate": "planner.cli.proposals",
    "import-call": "planner.cli.import_call",
    "import-proposal": "planner.cli.import_proposal",
    "match": "planner.cli.match",
    "export": "planner.cli.export",
    "batch": "planner.cli.batch",
    "references": "planner.cli.references",
}


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The whole parser, or with `command` only that command's module registered."""
    parser = argparse.ArgumentParser(
        prog="planner",
        description="Proposal Planner: plan a research proposal against a call for proposals. "
        "Without a command, opens the app: planner [FILE] [--screenshot OUT.png] [--topic ID] "
        "[--proposal FILE] [--lang zh|en].",
    )
    parser.add_argument("--version", action="version", version=f"planner {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    modules = [COMMANDS[command]] if command in COMMANDS else COMMANDS.values()
    for name in dict.fromkeys(modules):
        import_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv == ["--version"]:
        # answered before any command module is imported: building the whole parser costs
        # more than most commands do
        print(f"planner {__version__}")
        return 0
    if _is_app_call(argv):
        return gui_main(argv)
    # here, not at the top: the window's start-up (gui_main) pauses the garbage collector
    # before the call file's modules (PyYAML) load
    from planner.cli.terminal import EscapingStream

    parser = build_parser(argv[0] if argv else None)
    args = parser.parse_args(argv)
    if args.command is None:
        return gui_main(argv)
    out, err = sys.stdout, sys.stderr
    # file content reaches every message: a terminal must show its control characters
    sys.stdout, sys.stderr = EscapingStream(out), EscapingStream(err)
    try:
        return _run_command(args)
    finally:
        sys.stdout, sys.stderr = out, err


def _run_command(args: argparse.Namespace) -> int:
    """Run the command; whatever happens ends in one line on stderr and an exit code."""
    from planner.cli.common import EXIT_INVALID, EXIT_USAGE, error

    command: Callable[[argparse.Namespace], int] = args.func  # set by each register()
    try:
        return command(args)
    except SourceError as exc:
        error(str(exc))
        # a file the user gave us cannot be used (unreadable, not YAML, a broken call): exit 2;
        # `validate` catches its own, to go on with the other files (exit 1)
        return EXIT_USAGE
    except PlannerError as exc:
        error(str(exc))
        return EXIT_INVALID
    except BrokenPipeError:  # `planner topics | head`
        return 0
    except KeyboardInterrupt:
        error("interrupted; the files already written are complete")
        return EXIT_INTERRUPTED
    except Exception as exc:  # a bug: still one sentence, not a traceback (issue 18)
        if os.environ.get("PLANNER_DEBUG"):
            raise
        from planner.formats.yaml_lines import excerpt

        error(
            f"unexpected error in '{args.command}' ({type(exc).__name__}: {excerpt(exc, 80)}); "
            "please report it (PLANNER_DEBUG=1 shows the details)"
        )
        return EXIT_INVALID


def _is_app_call(argv: list[str]) -> bool:
    """`planner`, `planner --screenshot x.png`, `planner my.proposal.yaml`: no command."""
    if not argv:
        return True
    first = argv[0]
    if first in ("-h", "--help", "--version"):
        return False
    return first.startswith("-") or first.endswith((".yaml", ".yml"))


def gui_main(argv: Sequence[str] | None = None) -> int:
    import gc

    # Start-up creates ~100,000 objects that live as long as the window (Qt types, enums,
    # modules); collecting them over and over while they are made cost ~20 ms. run_app turns
    # the collector on again (after freezing them) as soon as the window is shown.
    gc.disable()
    try:
        from planner.ui.app import run_app  # Qt only here, so the CLI starts fast

        return run_app(list(sys.argv[1:] if argv is None else argv))
    finally:
        gc.enable()


if __name__ == "__main__":
    sys.exit(main())
