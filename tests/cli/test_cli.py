"""The `planner` command line as a research office scripts it: output, exit codes, messages."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from planner import __version__
from planner.cli.main import main
from planner.formats.proposal_file import load_proposal


def run(capsys, *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exc:  # argparse: --version, usage errors
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


def test_topics_lists_28_topics_under_5_areas(capsys):
    code, out, _ = run(capsys, "topics")
    assert code == 0
    lines = out.splitlines()
    assert len([line for line in lines if not line.startswith(" ")]) == 5
    assert len([line for line in lines if line.startswith("  ")]) == 28
    assert lines[0] == "1  大模型及其应用研究"
    assert lines[1] == "  1.1  面向少量样本学习能力的多模态多任务大规模预训练学习"
    assert lines[-1] == "  5.1  HTAP 数据库系统"


def test_topics_search_is_case_insensitive_across_texts(capsys):
    assert run(capsys, "topics", "--search", "htap")[1] == "5  数据库\n  5.1  HTAP 数据库系统\n"
    # 'LoRA' only stands in a direction of 1.3
    assert (
        run(capsys, "topics", "--search", "lora")[1]
        == "1  大模型及其应用研究\n  1.3  机器翻译大模型\n"
    )
    # '狼人杀' only in a background
    assert "1.8" in run(capsys, "topics", "--search", "狼人杀")[1]
    code, out, err = run(capsys, "topics", "--search", "xylophone")
    assert (code, out) == (1, "")
    assert "no topic matches 'xylophone'" in err


def test_topics_search_english_words_typos_and_closest_topics(capsys):
    assert run(capsys, "topics", "--search", "signature")[1] == (
        "2  网络与信息安全\n  2.1  后量子签名算法 Dilithium 的侧信道攻击与防御\n"
    )
    assert run(capsys, "topics", "--search", "Dilithum")[1].endswith(
        "Dilithium 的侧信道攻击与防御\n"
    )
    out = run(capsys, "topics", "--search", "database")[1]
    assert [line.split()[0] for line in out.splitlines()] == ["2", "2.4", "5", "5.1"]
    code, out, err = run(capsys, "topics", "--search", "lattice signatures leakage")
    assert code == 1
    assert "no topic contains 'lattice signatures leakage'; the closest topics:" in err
    assert "  2.1  " in out


def test_topics_json(capsys):
    data = json.loads(run(capsys, "topics", "--json")[1])
    assert data["call"]["id"] == "call-topics"
    assert [a["id"] for a in data["areas"]] == ["1", "2", "3", "4", "5"]
    assert sum(len(a["topics"]) for a in data["areas"]) == 28


def test_show_prints_directions_and_resources(capsys):
    code, out, _ = run(capsys, "show", "5.1")
    assert code == 0
    assert out.startswith("5.1  HTAP 数据库系统\n5  数据库\n")
    numbered = [line[:4] for line in out.splitlines() if line[2:3].isdigit() and line[3] == ")"]
    assert numbered == ["  1)", "  2)", "  3)", "  4)"]
    assert "  1) 行列混合查询及其优化: 基于数据分区数据压缩、索引优化" in out
    assert "  4) 基于机器学习的 HTAP 系统自动化优化 (AI for DB)" in out
    _, out, _ = run(capsys, "show", "2.2")
    assert "Resources offered:\n  - 课题组提供大规模二进制/源代码函数数据集" in out
    _, out, _ = run(capsys, "show", "1.14")
    assert "No suggested directions: an open topic." in out


def test_show_json_and_unknown_topic(capsys):
    data = json.loads(run(capsys, "show", "3.1", "--json")[1])
    assert data["area"] == {"id": "3", "title": "多模态融合与内容生成技术"}
    assert [d["number"] for d in data["directions"]] == [1]
    code, _, err = run(capsys, "show", "9.9")
    assert code == 1
    assert err == "planner: topic 9.9 is not in call 'call-topics'\n"


def test_new_then_validate(capsys, tmp_path):
    target = tmp_path / "x.proposal.yaml"
    args = ["new", "--topic", "5.1", "--direction", "1", "--direction", "3"]
    code, out, _ = run(capsys, *args, "--own-direction", "云原生 HTAP", "--title", "行列混合", "-o",
                       str(target))  # fmt: skip
    assert code == 0
    proposal, problems = load_proposal(target)
    assert problems == []
    assert (proposal.topic, proposal.directions, proposal.own_directions) == (
        "5.1",
        [1, 3],
        ["云原生 HTAP"],
    )
    assert list(proposal.sections) == [
        "background", "objectives", "approach", "innovation", "outcomes",
        "schedule", "team", "resources", "budget",
    ]  # fmt: skip
    code, out, _ = run(capsys, "validate", str(target))
    assert code == 0
    assert f"{target}: valid (0 errors, 11 warnings)" in out
    assert "  budget: 0 characters, no limit" in out
    # refuses to overwrite without --force
    code, _, err = run(capsys, *args, "-o", str(target))
    assert code == 2 and "exists; use --force" in err


def test_new_with_a_direction_out_of_range(capsys, tmp_path):
    target = tmp_path / "y.proposal.yaml"
    code, _, err = run(capsys, "new", "--topic", "5.1", "--direction", "9", "-o", str(target))
    assert code == 1
    assert "direction 9 is out of range: topic 5.1 has directions 1–4" in err
    assert not target.exists()
    code, _, err = run(capsys, "new", "--topic", "7.7", "-o", str(target))
    assert code == 1 and "unknown topic '7.7'" in err


def test_validate_lists_every_problem_and_exits_1(capsys, tmp_path):
    good = tmp_path / "good.proposal.yaml"
    assert run(capsys, "new", "--topic", "2.1", "--direction", "2", "-o", str(good))[0] == 0
    bad = tmp_path / "bad.proposal.yaml"
    bad.write_text('schema: 1\ntopic: "2.1"\ndirections: [0, 7]\nsections: {nope: x}\n', "utf-8")
    broken = tmp_path / "broken.proposal.yaml"
    broken.write_text("title: [\n", "utf-8")
    code, out, err = run(capsys, "validate", str(good), str(bad), str(broken))
    assert code == 1
    assert f"{good}: valid" in out
    assert f"{bad}: INVALID (3 errors," in out
    assert "error: directions[1]: direction 0 is out of range: topic 2.1 has directions 1–3" in out
    assert "error: directions[2]: direction 7 is out of range" in out
    assert "error: sections.nope: unknown section 'nope'" in out
    assert f"planner: {broken}, line 2: YAML syntax error" in err


def test_broken_call_file_is_exit_2_with_location(capsys, tmp_path):
    bad = tmp_path / "call.yaml"
    bad.write_text("id: x\ntitle: y\nareas: 5\n", "utf-8")
    code, _, err = run(capsys, "topics", "--call", str(bad))
    assert code == 2
    assert err == f"planner: {bad}, line 3, field 'areas': expected a list, found a number\n"


def test_usage_errors_exit_2(capsys):
    assert run(capsys, "new", "--topic", "5.1")[0] == 2  # no -o
    assert run(capsys, "frobnicate")[0] == 2


def test_version_and_python_m(capsys):
    code, out, _ = run(capsys, "--version")
    assert (code, out) == (0, f"planner {__version__}\n")
    result = subprocess.run(
        [sys.executable, "-m", "planner", "show", "5.1", "--json"],
        capture_output=True, text=True, encoding="utf-8", check=True,
    )  # fmt: skip
    assert json.loads(result.stdout)["title"] == "HTAP 数据库系统"


@pytest.mark.parametrize("module", ["PySide6", "docx"])
def test_cli_does_not_import_qt_or_docx(module):
    code = (
        "import sys; from planner.cli.main import main; main(['topics']); "
        f"print({module!r} in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip().endswith("False")


def test_every_command_is_listed_with_its_module():
    import argparse

    from planner.cli.main import COMMANDS, build_parser

    full = build_parser()
    sub = next(a for a in full._actions if isinstance(a, argparse._SubParsersAction))
    assert list(sub.choices) == list(COMMANDS)
    for command in COMMANDS:  # each one's own module is enough to parse it
        only = build_parser(command)
        sub = next(a for a in only._actions if isinstance(a, argparse._SubParsersAction))
        assert command in sub.choices


def test_a_command_imports_only_its_own_module():
    code = (
        "import sys; from planner.cli.main import main; main(['show', '5.1']); "
        "print(sorted(m for m in sys.modules if m.startswith('planner.cli.')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert (
        result.stdout.strip().splitlines()[-1]
        # common and terminal are shared by every command; no other command's module loads
        == "['planner.cli.common', 'planner.cli.main', 'planner.cli.terminal', "
        "'planner.cli.topics']"
    )


def test_version_is_answered_before_any_command_module_loads() -> None:
    code = (
        "import sys\n"
        "from planner.cli.main import main\n"
        "code = main(['--version'])\n"
        "print(code, sorted(m for m in sys.modules if m.startswith('planner.cli.')))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    version, result = done.stdout.splitlines()
    assert version == f"planner {__version__}"
    assert result == "0 ['planner.cli.main']"


def test_new_takes_the_applicant_as_the_sheet_names_it(capsys, tmp_path):
    target = tmp_path / "zhang.proposal.yaml"
    code, out, _ = run(
        capsys, "new", "--topic", "5.1", "--direction", "1", "--title", "行列混合引擎",
        "--name", "张三", "--applicant-title", "教授", "--institution", "某某大学",
        "--department", "计算机学院", "--email", "zhang@example.edu.cn", "--phone", "010-1234",
        "-o", str(target),
    )  # fmt: skip
    assert code == 0, out
    proposal, _ = load_proposal(target)
    assert proposal.title == "行列混合引擎"
    assert proposal.applicant.as_dict() == {
        "name": "张三",
        "title": "教授",
        "institution": "某某大学",
        "department": "计算机学院",
        "email": "zhang@example.edu.cn",
        "phone": "010-1234",
    }


def test_counts_on_the_command_line_read_right_in_english(capsys, tmp_path):
    target = tmp_path / "one.proposal.yaml"
    run(capsys, "new", "--topic", "5.1", "--title", "t", "-o", str(target))
    # one error: direction 9 of 5.1 does not exist
    text = target.read_text(encoding="utf-8").replace("directions: []", "directions: [9]")
    target.write_text(text, encoding="utf-8")
    code, out, _ = run(capsys, "validate", str(target))
    assert code == 1
    assert f"{target}: INVALID (1 error, " in out
