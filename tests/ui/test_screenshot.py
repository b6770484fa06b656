"""`planner --screenshot` renders the window offscreen into a PNG of the window's size."""

from __future__ import annotations

from pathlib import Path

import paths
from PySide6.QtGui import QImage

from planner.cli.main import main
from planner.ui.app import SCREENSHOT_SIZE

SAMPLE = paths.DATA / "sample.proposal.yaml"


def test_screenshot_with_a_topic_writes_a_png_of_the_window_size(qapp, tmp_path: Path) -> None:
    out = tmp_path / "shot.png"
    assert main(["--screenshot", str(out), "--topic", "5.1"]) == 0
    image = QImage(str(out))
    assert (image.width(), image.height()) == SCREENSHOT_SIZE
    # not a blank image: the window painted text and widgets
    colours = {image.pixel(x, y) for x in range(0, image.width(), 37) for y in range(0, 400, 23)}
    assert len(colours) > 5


def test_screenshot_with_a_proposal(qapp, tmp_path: Path) -> None:
    out = tmp_path / "shot.png"
    assert main(["--screenshot", str(out), "--proposal", str(SAMPLE)]) == 0
    assert QImage(str(out)).width() == SCREENSHOT_SIZE[0]


def test_screenshot_of_an_unknown_topic_fails_clearly(qapp, tmp_path: Path, capsys) -> None:
    assert main(["--screenshot", str(tmp_path / "x.png"), "--topic", "9.9"]) == 2
    assert "topic 9.9 is not in call" in capsys.readouterr().err
