"""A call's glosses are kept in the user cache, and a damaged cache is only rebuilt."""

from __future__ import annotations

import dataclasses

from planner.match import glosses


def test_built_once_then_read_back_without_the_dictionaries(call, tmp_path, monkeypatch):
    first = glosses.load_or_build(call, tmp_path)
    assert len(list(tmp_path.iterdir())) == 1
    assert "signature" in first.gloss_text([t.id for t in call.topics()].index("2.1")).split()

    def no_building(_call):
        raise AssertionError("rebuilt although cached")

    monkeypatch.setattr(glosses, "build", no_building)
    assert glosses.load_or_build(call, tmp_path) == first


def test_a_damaged_or_foreign_cache_file_is_rebuilt(call, tmp_path):
    good = glosses.load_or_build(call, tmp_path)
    (cached,) = tmp_path.iterdir()
    for junk in (b"", b"\x00garbage", cached.read_bytes()[:-10]):
        cached.write_bytes(junk)
        assert glosses.load_or_build(call, tmp_path) == good


def test_an_edited_call_has_another_key(call):
    topic = next(call.topics())
    area = dataclasses.replace(
        call.areas[0], topics=(dataclasses.replace(topic, title=topic.title + "！"),)
    )
    edited = dataclasses.replace(call, areas=(area,))
    assert glosses.cache_key(edited) != glosses.cache_key(call)


def test_an_unwritable_cache_folder_only_means_building(call, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    assert glosses.load_or_build(call, blocker / "cache").topics
