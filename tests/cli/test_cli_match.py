"""`planner match` as a research office scripts it."""

from __future__ import annotations

import json

import pytest

from planner.cli.main import main

HTAP = (
    "We study hybrid transactional and analytical processing (HTAP) databases: row-column "
    "storage, freshness vs throughput trade-offs."
)
PQC_ZH = "我们研究后量子数字签名算法的侧信道攻击：采集功耗曲线，伪造签名，并设计防御对策。"


def test_match_text_prints_ranked_topics_with_best_direction(capsys):
    assert main(["match", HTAP, "--top", "3"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith(" 1. 5.1")
    assert "HTAP 数据库系统" in lines[0]
    assert " close " in lines[0] and "█" in lines[0]  # in words and as a bar, no "4%"
    assert "%" not in lines[0]
    assert lines[1].strip().startswith("direction 1: 行列混合查询")
    assert lines[2].strip().startswith("shared: ")
    assert "freshness → 新鲜度" in lines[2]  # an English word and the Chinese it met
    assert sum(1 for line in lines if line[:3].strip().rstrip(".").isdigit()) == 3


def test_a_paragraph_nothing_fits_is_told_so(capsys):
    assert main(["match", "我们研究古代汉语诗歌的韵律", "--top", "2"]) == 0
    out, err = capsys.readouterr()
    assert "no topic matches the text well" in err
    assert out.splitlines()[0].split()[3] == "weak"


def test_match_file_json(tmp_path, capsys):
    source = tmp_path / "abstract.txt"
    source.write_text(PQC_ZH, encoding="utf-8")
    assert main(["match", "--file", str(source), "--json", "--top", "2"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["call"]["id"] == "call-topics"
    first = data["results"][0]
    assert (first["rank"], first["id"], first["area"]["id"]) == (1, "2.1", "2")
    assert first["direction"]["number"] == 1
    assert "功耗曲线" in first["direction"]["text"]
    assert 0 < first["score"] <= 1
    assert first["relevance"] == "close" and 0.5 <= first["strength"] <= 1
    assert any("功耗曲线" in t["text"] for t in first["terms"])
    assert data["matches_well"] is True
    assert len(data["results"]) == 2


def test_json_names_the_english_words_and_the_chinese_they_met(capsys):
    assert main(["match", "lattice signatures and power side channels", "--json"]) == 0
    first = json.loads(capsys.readouterr().out)["results"][0]
    assert first["id"] == "2.1"
    terms = {t["text"]: t["topic"] for t in first["terms"]}
    assert "签名" in terms["signatures"] and "功耗" in terms["power"]


def test_match_stdin(monkeypatch, capsys):
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO("Dilithium"))
    assert main(["match", "--file", "-", "--top", "1"]) == 0
    assert capsys.readouterr().out.startswith(" 1. 2.1")


@pytest.mark.parametrize("argv", [["match", ""], ["match", "  。 "], ["match"]])
def test_empty_input_is_a_usage_error(argv, capsys):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("planner: ")
    assert "paragraph" in err


def test_text_and_file_together_is_a_usage_error(tmp_path, capsys):
    f = tmp_path / "a.txt"
    f.write_text("HTAP", encoding="utf-8")
    assert main(["match", "HTAP", "--file", str(f)]) == 2
    assert "not both" in capsys.readouterr().err


def test_missing_file_names_it(tmp_path, capsys):
    missing = tmp_path / "nope.txt"
    assert main(["match", "--file", str(missing)]) == 2
    err = capsys.readouterr().err
    assert str(missing) in err and "cannot read" in err


def test_bad_top_is_rejected(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["match", HTAP, "--top", "0"])
    assert exc.value.code == 2
    assert "must be 1 or more" in capsys.readouterr().err


def test_nothing_in_common_exits_1(capsys):
    assert main(["match", "xylophone zzzqqq"]) == 1
    assert "no topic" in capsys.readouterr().err
