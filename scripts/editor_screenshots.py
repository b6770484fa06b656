"""Screenshots of the rich editor with tests/rich_proposal.py, zh and en, 1024×700 and 1600×1000.

Run: PYTHONPATH=. QT_QPA_PLATFORM=offscreen python scripts/editor_screenshots.py OUTDIR [SECTION]
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

SIZES = ((1024, 700), (1600, 1000))


def settle(app) -> None:
    for _ in range(5):
        app.processEvents()


def main(out: Path, key: str) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    from rich_proposal import rich_proposal

    from planner.importer.any_call import load_any_call
    from planner.ui import i18n
    from planner.ui.fonts import ensure_cjk_font
    from planner.ui.window.main_window import MainWindow

    ensure_cjk_font(app)
    path = rich_proposal(Path(tempfile.mkdtemp()), repeat=1)
    call = load_any_call(None).call
    for lang in ("zh", "en"):
        i18n.install_translator(app, lang)
        for size in SIZES:
            window = MainWindow(call, remember=False)
            window.resize(*size)
            window.document.show_file(path)
            window.tree.select_topic(window.document.proposal.topic)
            window.show()
            settle(app)
            window.editor.focus_field(f"sections.{key}")
            settle(app)
            editor = window.editor.section_editors[key]
            top = editor.mapTo(window.editor.scroll.widget(), editor.rect().topLeft()).y()
            window.editor.scroll.verticalScrollBar().setValue(top - 4)
            settle(app)
            name = out / f"editor-{lang}-{size[0]}x{size[1]}-{key}.png"
            window.grab().save(str(name))
            print(name)
            window.document.close()
            window.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else "approach")
