"""planner.formats.parsed_cache: a call parsed once comes back without PyYAML, never stale."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from planner.errors import CallFileError
from planner.formats import parsed_cache
from planner.formats.call_file import load_call
from planner.resources import builtin_call_path


@pytest.fixture
def cache(tmp_path: Path):
    parsed_cache.enable(tmp_path / "parsed")
    yield tmp_path / "parsed"
    parsed_cache.enable(None)


def test_off_by_default_stores_nothing(tmp_path: Path) -> None:
    parsed_cache.store("a.yaml", "x: 1", {"x": 1})
    assert parsed_cache.lookup("a.yaml", "x: 1") is parsed_cache.MISSING


def test_round_trip_only_for_the_same_text(cache: Path) -> None:
    data = {"id": "c", "areas": [{"id": "1", "topics": []}], "n": None, "ok": True}
    parsed_cache.store("/calls/c.yaml", "text v1", data)
    back = parsed_cache.lookup("/calls/c.yaml", "text v1")
    assert back == data and list(back) == list(data)  # key order kept too
    assert back["ok"] is True
    assert parsed_cache.lookup("/calls/c.yaml", "text v2") is parsed_cache.MISSING
    assert parsed_cache.lookup("/calls/other.yaml", "text v1") is parsed_cache.MISSING
    parsed_cache.store("/calls/c.yaml", "text v2", {"id": "d"})  # the file was edited
    assert parsed_cache.lookup("/calls/c.yaml", "text v2") == {"id": "d"}
    assert len(list(cache.iterdir())) == 1  # one entry per file


def test_a_corrupt_entry_is_a_miss(cache: Path) -> None:
    parsed_cache.store("k", "t", [1, 2])
    (entry,) = cache.iterdir()
    entry.write_bytes(b"\x00garbage")
    assert parsed_cache.lookup("k", "t") is parsed_cache.MISSING


def test_data_marshal_cannot_hold_is_not_stored(cache: Path) -> None:
    parsed_cache.store("k", "t", {"when": datetime.date(2026, 1, 1)})
    assert parsed_cache.lookup("k", "t") is parsed_cache.MISSING


def test_load_call_gives_the_same_call_from_the_cache(cache: Path, tmp_path: Path) -> None:
    fresh = load_call(builtin_call_path())
    assert len(list(cache.iterdir())) == 1
    again = load_call(builtin_call_path())
    assert again == fresh


def test_a_cached_call_file_that_is_edited_is_parsed_again(cache: Path, tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    text = builtin_call_path().read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    assert load_call(path).title == load_call(builtin_call_path()).title
    path.write_text(text.replace("\ntitle:", "\ntitle: Renamed #", 1), encoding="utf-8")
    assert load_call(path).title.startswith("Renamed")
    path.write_text(text + "\n  - [broken", encoding="utf-8")
    with pytest.raises(CallFileError):  # errors still name the line: parsed, not cached
        load_call(path)
