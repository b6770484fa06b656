"""A default font that has Chinese glyphs, so no text shows as boxes (tofu)."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase, QFontInfo
from PySide6.QtWidgets import QApplication

# Preferred sans-serif CJK faces per platform; the first one installed wins.
PREFERRED = (
    "Microsoft YaHei UI",
    "Microsoft YaHei",
    "PingFang SC",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
)


def ensure_cjk_font(app: QApplication) -> str:
    """Keep the platform font if it covers Chinese; else switch to an installed CJK sans.
    Returns the family in use."""
    font = app.font()
    chinese = QFontDatabase.WritingSystem.SimplifiedChinese
    family = QFontInfo(font).family()
    if chinese in QFontDatabase.writingSystems(family):
        return family
    installed = set(QFontDatabase.families(chinese))
    choice = next((f for f in PREFERRED if f in installed), None)
    if choice is None:
        choice = next(iter(sorted(f for f in installed if "Sans" in f)), None)
    if choice is None:
        return family
    new = QFont(font)
    new.setFamilies([choice, *font.families()])
    app.setFont(new)
    return choice
