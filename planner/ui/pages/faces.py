"""The installed faces that stand in for the export's 宋体 / 黑体 / Times New Roman / Arial.

Word on a Chinese Windows has SimSun and SimHei; Linux and macOS have other faces of the same
kind (LibreOffice draws our .docx with Noto Serif/Sans CJK SC there). The page layout asks
for the export's names first, then for those stand-ins, so the preview and the PDF look like
the document opened in a word processor on the same machine.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from PySide6.QtGui import QFont, QFontDatabase

from planner.document import look

SONG_FACES = (look.SONG, "宋体", "Songti SC", "STSong", "Noto Serif CJK SC", "Source Han Serif SC",
              "Noto Serif SC", "AR PL UMing CN")  # fmt: skip
HEI_FACES = (look.HEI, "黑体", "Heiti SC", "STHeiti", "Noto Sans CJK SC", "Source Han Sans SC",
             "Noto Sans SC", "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei")  # fmt: skip
SERIF_FACES = (look.LATIN_SERIF, "Liberation Serif", "Tinos", "Nimbus Roman", "DejaVu Serif")
SANS_FACES = (look.LATIN_SANS, "Liberation Sans", "Arimo", "Nimbus Sans", "DejaVu Sans")


@dataclass(frozen=True)
class Faces:
    song: tuple[str, ...]  # Latin serif first, then the CJK serif (Qt falls back per glyph)
    hei: tuple[str, ...]

    def font(self, families: tuple[str, ...], size_pt: float, *, bold: bool = False) -> QFont:
        font = QFont()
        font.setFamilies(list(families))
        font.setPointSizeF(size_pt)
        font.setBold(bold)
        # kerning differs between word processors; without it line breaks match them better
        font.setKerning(False)
        return font


def _first(installed: set[str], wanted: tuple[str, ...]) -> str | None:
    return next((f for f in wanted if f in installed), None)


@cache
def installed_faces() -> Faces:
    """Needs a QGuiApplication. The first installed face of each kind; a missing CJK kind
    falls back to the other kind, then to any face with Chinese glyphs."""
    installed = set(QFontDatabase.families())
    chinese = set(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))
    song, hei = _first(chinese, SONG_FACES), _first(chinese, HEI_FACES)
    any_cjk = min(chinese) if chinese else None
    song = song or hei or any_cjk
    hei = hei or song
    serif = _first(installed, SERIF_FACES)
    sans = _first(installed, SANS_FACES)

    def chain(*faces: str | None) -> tuple[str, ...]:
        return tuple(dict.fromkeys(f for f in faces if f))

    return Faces(song=chain(serif, song), hei=chain(sans, hei))
