"""Screenshots of the rich editor with tests/rich_proposal.py, zh and en, 1024×700 and 1600×1000.

Run: PYTHONPATH=. QT_QPA_PLATFORM=offscreen python scripts/editor_screenshots.py OUTDIR [SECTION]
"""

import sys
from pathlib import Path

sys.path.insert(0, "tests")
from PySide6.QtWidgets import QApplication

app = QApplication([])
from planner.ui import i18n
from planner.ui.fonts import ensure_cjk_font

ensure_cjk_font(app)
import tempfile

from rich_proposal import rich_proposal

from planner.importer.any_call import load_any_call
from planner.ui.window.main_window import MainWindow

out = Path(sys.argv[1])
folder = Path(tempfile.mkdtemp())
path = rich_proposal(folder, repeat=1)
call = load_any_call(None).call
for lang in ("zh", "en"):
    i18n.install_translator(app, lang)
    for size in ((1024, 700), (1600, 1000)):
        window = MainWindow(call, remember=False)
        window.resize(*size)
        window.document.show_file(path)
        window.tree.select_topic(window.document.proposal.topic)
        window.show()
        for _ in range(5):
            app.processEvents()
        key = sys.argv[2] if len(sys.argv) > 2 else "approach"
        window.editor.focus_field(f"sections.{key}")
        for _ in range(5):
            app.processEvents()
        editor = window.editor.section_editors[key]
        window.editor.scroll.ensureWidgetVisible(editor.title, 0, 10)
        bar = window.editor.scroll.verticalScrollBar()
        bar.setValue(editor.mapTo(window.editor.scroll.widget(), editor.rect().topLeft()).y() - 4)
        for _ in range(5):
            app.processEvents()
        name = out / f"editor-{lang}-{size[0]}x{size[1]}-{key}.png"
        window.grab().save(str(name))
        print(name)
        window.document.close()
        window.close()
        window.deleteLater()
        app.processEvents()
