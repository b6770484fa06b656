"""`planner batch … --lang zh|en`, and the locale's language by default (issue 16, item 4)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from hostile_workspace import make_workspace

from planner.cli.main import main


@pytest.mark.parametrize(
    ("argv", "env", "status"),
    [
        (["--lang", "zh"], {}, "状态"),
        (["--lang", "en"], {"LANG": "zh_CN.UTF-8"}, "Status"),
        ([], {"LC_ALL": "", "LANG": "zh_CN.UTF-8"}, "状态"),
        ([], {"LC_ALL": "", "LANG": "C.UTF-8"}, "Status"),
    ],
)
def test_the_summary_speaks_the_offices_language(tmp_path: Path, monkeypatch, argv, env, status):
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    root = make_workspace(tmp_path / "ws")
    out = tmp_path / "out"
    main(["batch", str(root), "-o", str(out), "--jobs", "1", *argv])
    header = next(openpyxl.load_workbook(out / "summary.xlsx").active.iter_rows(values_only=True))
    assert status in header
