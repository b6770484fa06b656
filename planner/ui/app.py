"""Start the app: `planner` with no command, or `planner --screenshot OUT.png …`.

Qt is imported inside the functions, so `planner --help` and the CLI never load it.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from planner.ui.window.main_window import MainWindow

SCREENSHOT_SIZE = (1400, 860)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="planner", description="Open the Proposal Planner window."
    )
    parser.add_argument("proposal_file", nargs="?", type=Path, metavar="FILE",
                        help="a *.proposal.yaml to open")  # fmt: skip
    parser.add_argument("--call", type=Path, metavar="FILE",
                        help="call file or topic list (default: the built-in call)")  # fmt: skip
    parser.add_argument("--screenshot", type=Path, metavar="OUT.png",
                        help="render the window offscreen into OUT.png and exit")  # fmt: skip
    parser.add_argument("--topic", metavar="ID", help="show this topic (with --screenshot)")
    parser.add_argument("--proposal", type=Path, metavar="FILE",
                        help="open this proposal (same as FILE)")  # fmt: skip
    parser.add_argument("--lang", choices=("zh", "en"), help="interface language")
    # for benchmarks/startup.py: quit once the window has painted, printing peak memory
    parser.add_argument("--exit-after-paint", action="store_true", help=argparse.SUPPRESS)
    return parser


def run_app(argv: Sequence[str]) -> int:
    args = build_parser().parse_args(list(argv))
    if args.screenshot:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # never flash a window on the desktop

    from PySide6.QtWidgets import QApplication

    from planner.errors import PlannerError
    from planner.importer.any_call import load_any_call
    from planner.ui import i18n
    from planner.ui.dialogs import messages as dialogs
    from planner.ui.fonts import ensure_cjk_font
    from planner.ui.icons import app_icon
    from planner.ui.window.call_switcher import initial_call
    from planner.ui.window.crash import install_excepthook
    from planner.ui.window.main_window import MainWindow
    from planner.ui.window.settings import APPLICATION, ORGANIZATION, WindowSettings

    existing = QApplication.instance()
    app = (
        existing
        if isinstance(existing, QApplication)
        else QApplication([sys.argv[0] if sys.argv else "planner"])
    )
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("Proposal Planner")
    app.setWindowIcon(app_icon())
    app.setDesktopFileName("proposal-planner")  # Wayland: the window gets the .desktop entry's icon
    ensure_cjk_font(app)
    remember = not args.screenshot  # a screenshot leaves the user's settings alone
    if remember:
        _enable_parsed_cache()
    settings = WindowSettings()
    fallback = ""  # why the call used last time could not be restored
    try:
        if args.call:  # a call file or a topic list, as File → Open Call… takes it
            call, call_path = load_any_call(args.call).call, args.call.resolve()
            if remember:
                settings.add_recent_call(call_path)
                settings.set_last_call(call_path)
        elif remember:
            call, call_path, fallback = initial_call(settings)
        else:
            call, call_path = load_any_call(None).call, None
    except PlannerError as exc:
        print(f"planner: {exc}", file=sys.stderr)
        if not args.screenshot:
            dialogs.show_error(None, "Proposal Planner", str(exc))
        return 2
    # --lang, else the language chosen in the menu, else the system's; installed before the
    # window, so its widgets are made in that language rather than all retranslated after
    language = i18n.install_translator(app, args.lang)
    window = MainWindow(call, call_path=call_path, remember=remember)
    window.show_language(language)  # ticks the menu; following the system is not a choice to save
    proposal = args.proposal or args.proposal_file
    if args.screenshot:
        return _screenshot(app, window, args.screenshot, args.topic, proposal)
    install_excepthook(lambda: window.document)
    window.show()
    _collect_garbage_again()
    if fallback:
        dialogs.show_call_fallback(window, fallback)
    if args.exit_after_paint:  # a benchmark run: never stops at the restore question
        _exit_after_paint(window)
    elif not window.files.offer_recovery():
        if proposal is not None:
            window.open_proposal(proposal)
        elif remember:  # the proposal of last time, once the window is on screen
            _after_first_paint(window, window.files.reopen_last)
    if args.topic and call.has_topic(args.topic):
        window.tree.select_topic(args.topic)
    return app.exec()


def _enable_parsed_cache() -> None:
    """Call files parsed before come back without PyYAML (planner.formats.parsed_cache), in the
    platform's cache folder: deleting it costs nothing but one slower start."""
    from PySide6.QtCore import QStandardPaths

    from planner.formats import parsed_cache

    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation)
    if folder:
        parsed_cache.enable(Path(folder) / "parsed")


def _collect_garbage_again() -> None:
    """gui_main paused the collector for start-up: the objects made so far live as long as the
    window, so they go to the permanent generation (no later collection walks them again)."""
    import gc

    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def _screenshot(
    app: QApplication, window: MainWindow, out: Path, topic: str | None, proposal: Path | None
) -> int:
    """Render the window as a user would see it and save a PNG; 0 on success."""
    from planner.errors import PlannerError

    window.resize(*SCREENSHOT_SIZE)
    if proposal is not None:
        try:
            window.document.show_file(proposal)
        except PlannerError as exc:
            print(f"planner: {exc}", file=sys.stderr)
            return 2
    if topic:
        if not window.call.has_topic(topic):
            print(f"planner: topic {topic} is not in call '{window.call.id}'", file=sys.stderr)
            return 2
        window.tree.select_topic(topic)
    window.show()
    for _ in range(3):  # let layouts settle (word-wrapped labels need two passes)
        app.processEvents()
    window.tree.view.setFocus()
    app.processEvents()
    image = window.grab()
    out.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(out), "PNG"):
        print(f"planner: cannot write {out}", file=sys.stderr)
        return 1
    print(f"{out} ({image.width()}×{image.height()})")
    window.document.close()
    return 0


def _after_first_paint(window: MainWindow, callback: Callable[[], object]) -> None:
    """Run `callback` once the window has painted: what it does (reading a file, parsing
    YAML) then never delays the first sight of the window."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class _Painted(QObject):
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                window.removeEventFilter(self)
                QTimer.singleShot(0, callback)
            return False

    window.installEventFilter(_Painted(window))  # owned by the window: Qt keeps it alive


def _exit_after_paint(window: MainWindow) -> None:
    """For benchmarks/startup.py: once the window has painted, print the time, the peak RSS
    and the CPU time, then end the process at once, so that a benchmark run neither writes
    the user's settings on close nor counts the teardown.

    The event filter watches the window alone: an application-wide Python filter has every
    event's receiver wrapped for Python, which creates the Python types of every Qt class met,
    a cost of the measurement (150-190 M instructions) that blurs the comparison.
    """
    import os
    import resource
    import time

    from PySide6.QtCore import QEvent, QObject, QTimer

    class _Painted(QObject):
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                window.removeEventFilter(self)
                QTimer.singleShot(0, self.report)  # after the whole window has painted
            return False

        def report(self) -> None:
            peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            cpu = time.process_time()
            print(f"painted {time.time():.6f} {peak_kb} {cpu:.6f}", flush=True)
            os._exit(0)

    watch = _Painted(window)  # owned by the window (its parent): Qt keeps it alive
    window.installEventFilter(watch)
