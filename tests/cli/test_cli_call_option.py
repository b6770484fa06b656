"""Every command works against the call given by --call, not only the built-in one."""

from __future__ import annotations

import argparse
from pathlib import Path

import paths
import pytest

from planner.cli.main import build_parser, main
from planner.formats.proposal_file import load_proposal

MINI_CALL = """\
schema: 1
id: mini-2026
title: 小型测试征集
areas:
- id: '9'
  title: 测试领域
  topics:
  - id: '9.1'
    title: 手写的主题
    background: 只有这一个主题。课题组可提供测试数据。
    resources: [课题组可提供测试数据。]
    directions: [第一个方向, 第二个方向]
"""


@pytest.fixture
def mini_call(tmp_path: Path) -> Path:
    path = tmp_path / "mini.yaml"
    path.write_text(MINI_CALL, encoding="utf-8")
    return path


def test_every_command_that_reads_a_call_takes_call() -> None:
    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    for name, parser in sub.choices.items():
        if name == "import-call":  # it makes a call rather than reading one
            continue
        assert "--call" in parser._option_string_actions, name


def test_topics_lists_the_given_call(mini_call: Path, capsys) -> None:
    assert main(["topics", "--call", str(mini_call)]) == 0
    assert capsys.readouterr().out == "9  测试领域\n  9.1  手写的主题\n"


def test_show_reads_the_given_call(mini_call: Path, capsys) -> None:
    assert main(["show", "--call", str(mini_call), "9.1"]) == 0
    out = capsys.readouterr().out
    assert "只有这一个主题" in out
    assert "  2) 第二个方向" in out
    assert main(["show", "--call", str(mini_call), "1.1"]) == 1  # a built-in topic is not there
    assert "topic 1.1 is not in call 'mini-2026'" in capsys.readouterr().err


def test_new_and_validate_use_the_given_call(mini_call: Path, tmp_path: Path, capsys) -> None:
    target = tmp_path / "p.yaml"
    args = [
        "new",
        "--call",
        str(mini_call),
        "--topic",
        "9.1",
        "--direction",
        "2",
        "-o",
        str(target),
    ]
    assert main(args) == 0
    assert load_proposal(target)[0].call == "mini-2026"
    assert main(["validate", "--call", str(mini_call), str(target)]) == 0
    assert f"{target}: valid" in capsys.readouterr().out
    # against the built-in call the same file names the wrong call and an unknown topic
    assert main(["validate", str(target)]) == 1
    assert "9.1" in capsys.readouterr().out


def test_call_may_be_a_topic_list_to_import(tmp_path: Path, capsys) -> None:
    """--call takes what File → Open Call… takes: a topic list is imported, and `batch` exports
    with it (its workers receive the imported call rather than re-reading the .md as YAML)."""
    source = paths.DATA / "calls" / "en-noise.md"
    assert main(["topics", "--call", str(source)]) == 0
    out = capsys.readouterr().out
    assert "  1.1  Graph Learning\n" in out and "  2.1  Data Provenance\n" in out
    folder = tmp_path / "office"
    folder.mkdir()
    for name, topic in (("a", "1.1"), ("b", "2.1")):
        target = folder / f"{name}.proposal.yaml"
        args = ["--topic", topic, "--direction", "1", "--title", f"Plan {name}", "-o", str(target)]
        assert main(["new", "--call", str(source), *args]) == 0
    out_dir = tmp_path / "out"
    code = main(["batch", str(folder), "-o", str(out_dir), "--jobs", "1", "--call", str(source)])
    printed = capsys.readouterr().out
    assert "exported 2 to" in printed, printed
    assert code == 0  # warnings only (no applicant): every proposal valid and exported
    assert "EXPORT FAILED" not in printed
    assert len(list(out_dir.glob("*.docx"))) == 2
