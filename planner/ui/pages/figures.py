"""A figure's picture for the page layout, decoded within bounds (issue 12's hostile files).

The header is read first: a file too large, or a picture of absurd size (a 60000×60000 PNG
is a few hundred bytes and 14 GB decoded), is refused before any pixel is decoded, and a
picture is decoded at no more pixels than it is shown at (200 dpi), so memory stays bounded.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QImage, QImageReader

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_PIXELS = 100_000_000  # 10000 × 10000: larger is refused, never decoded
SHOWN_DPI = 200.0
FORMATS = {"png", "jpg", "jpeg", "gif", "bmp"}


@dataclass(frozen=True)
class FigureImage:
    image: QImage | None  # None: show a placeholder, `problem` says why
    width_pt: float = 0.0
    height_pt: float = 0.0
    problem: str = ""  # English, for the export's report
    shown: str = ""  # Chinese, in the placeholder on the page


def _refused(problem: str, shown: str) -> FigureImage:
    return FigureImage(None, problem=problem, shown=shown)


def figure_path(path: str, base_dir: Path | None) -> Path:
    p = Path(path)
    return p if p.is_absolute() or base_dir is None else base_dir / p


def load_figure(
    path: str, base_dir: Path | None, width_pt: float, max_height_pt: float
) -> FigureImage:
    """The picture scaled to `width_pt` wide (and at most `max_height_pt` high)."""
    file = figure_path(path, base_dir)
    try:
        size = file.stat().st_size
    except OSError as exc:
        return _refused(f"cannot be read: {exc.strerror or exc}", "无法读取")
    if not file.is_file():
        return _refused("is not a file", "不是文件")
    if size > MAX_FILE_BYTES:
        mb = size // (1024 * 1024)
        return _refused(f"is too large ({mb} MB)", f"文件过大（{mb} MB）")
    reader = QImageReader(str(file))
    reader.setDecideFormatFromContent(True)
    fmt = bytes(reader.format().data()).decode("ascii", "replace").lower()
    if fmt not in FORMATS:
        return _refused("is not a PNG, JPEG, GIF or BMP picture", "不是 PNG、JPEG、GIF 或 BMP 图片")
    natural = reader.size()
    if not natural.isValid() or natural.width() <= 0 or natural.height() <= 0:
        return _refused("is damaged (no picture size)", "图片已损坏")
    if natural.width() * natural.height() > MAX_PIXELS:
        size_text = f"{natural.width()}×{natural.height()}"
        return _refused(f"is an absurd size ({size_text} pixels)", f"图片尺寸过大（{size_text}）")
    aspect = natural.height() / natural.width()
    shown_w, shown_h = width_pt, width_pt * aspect
    if shown_h > max_height_pt:
        shown_w, shown_h = max_height_pt / aspect, max_height_pt
    target_w = round(shown_w / 72 * SHOWN_DPI)
    if target_w < natural.width():
        reader.setScaledSize(QSize(max(target_w, 1), max(round(target_w * aspect), 1)))
    image = reader.read()
    if image.isNull():
        return _refused(f"cannot be decoded: {reader.errorString()}", "图片无法解码")
    return FigureImage(image, shown_w, shown_h)
