"""A figure's picture for the page layout, checked by the core before Qt decodes a pixel.

`planner.document.images.read_image` bounds the bytes read and refuses absurd pixel counts
(a decompression bomb never reaches a decoder); the picture is then decoded at no more
pixels than it is shown at (`SHOWN_DPI`), so memory and the PDF's size stay bounded. Its
size and its placeholder's words are the .docx writer's (planner/export/figures.py), so the
pages match the Word document's.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
from PySide6.QtGui import QImage, QImageReader

from planner.document.images import CORRUPT, ImageError, read_image, resolve

SHOWN_DPI = 220.0  # enough for print; a 4000-pixel photo shown 15 cm wide is decoded at 1300


@dataclass(frozen=True)
class FigureImage:
    image: QImage | None  # None: show a placeholder
    width_pt: float = 0.0
    height_pt: float = 0.0
    problem: str = ""  # English, for the export's report
    shown: str = ""  # the placeholder's text on the page


_CACHE: OrderedDict[tuple[object, ...], FigureImage] = OrderedDict()
_CACHE_SIZE = 16  # decoded pictures kept: a proposal has a handful; memory stays bounded


def load_figure(
    path: str,
    base: Path | None,
    text_width_pt: float,
    text_height_pt: float,
    width_percent: int | None,
) -> FigureImage:
    """The picture, decoded once per file version and size: the preview lays the document
    out again after every pause in typing, and the pictures have not changed."""
    file = resolve(path, base)
    try:
        stat = file.stat()
        version: tuple[int, ...] = (stat.st_mtime_ns, stat.st_size)
    except OSError:
        version = ()
    key = (str(file), version, path, round(text_width_pt, 1), round(text_height_pt, 1),
           width_percent)  # fmt: skip
    if version and key in _CACHE:
        _CACHE.move_to_end(key)
        return _CACHE[key]
    figure = _load(path, base, text_width_pt, text_height_pt, width_percent)
    if version:
        _CACHE[key] = figure
        while len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)
    return figure


def _load(
    path: str,
    base: Path | None,
    text_width_pt: float,
    text_height_pt: float,
    width_percent: int | None,
) -> FigureImage:
    from planner.export.figures import EMU_PER_INCH, REASONS, figure_size  # the .docx's rule

    def refused(reason: str, detail: str) -> FigureImage:
        shown = f"［图片无法读取：{path}（{REASONS.get(reason, detail)}）］"
        return FigureImage(None, problem=f"{path}: {detail}", shown=shown)

    try:
        info = read_image(resolve(path, base))
    except ImageError as error:
        return refused(error.reason, error.detail)
    emu_per_pt = EMU_PER_INCH / 72
    w_emu, h_emu = figure_size(
        info, round(text_width_pt * emu_per_pt), round(text_height_pt * emu_per_pt), width_percent
    )
    width, height = w_emu / emu_per_pt, h_emu / emu_per_pt
    data = QByteArray(info.data)
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    target_w = max(round(width / 72 * SHOWN_DPI), 1)
    if target_w < info.width:
        reader.setScaledSize(QSize(target_w, max(round(target_w * info.height / info.width), 1)))
    image = reader.read()
    if image.isNull():
        return refused(CORRUPT, f"cannot be decoded: {reader.errorString()}")
    return FigureImage(image, width, height)
