"""planner.resources finds the shipped files in all three layouts the app runs from.

The wheel and frozen layouts are built here from a copy of the real module placed where the
installer or PyInstaller would put it, so its `__file__` is really there.
"""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path
from types import ModuleType

import paths
import pytest

from planner import resources

REPO = paths.REPO


def load_copy(package_dir: Path) -> ModuleType:
    """Import planner/resources.py as if it were installed at `package_dir/resources.py`."""
    package_dir.mkdir(parents=True, exist_ok=True)
    target = package_dir / "resources.py"
    shutil.copy(resources.__file__, target)
    spec = importlib.util.spec_from_file_location("planner_resources_copy", target)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def ship_call(resources_dir: Path) -> None:
    resources_dir.mkdir(parents=True)
    shutil.copy(REPO / "resources" / "topics.yaml", resources_dir / "topics.yaml")


def test_checkout_finds_the_top_level_resources_folder() -> None:
    assert resources.resources_dir() == (REPO / "resources").resolve()
    assert resources.builtin_call_path().read_text(encoding="utf-8").strip()
    assert resources.resource_path("icons", "planner-16.png").is_file()


def test_wheel_layout_finds_the_package_resources(tmp_path: Path) -> None:
    site = tmp_path / "site-packages"
    ship_call(site / "planner" / "resources")
    module = load_copy(site / "planner")
    assert module.resources_dir() == site / "planner" / "resources"
    assert module.builtin_call_path() == site / "planner" / "resources" / "topics.yaml"


def test_frozen_layout_finds_the_bundle_resources(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundle = tmp_path / "planner" / "_internal"
    ship_call(bundle / "planner" / "resources")
    # the module itself lives elsewhere (in PyInstaller's archive); only _MEIPASS leads there
    module = load_copy(tmp_path / "pyz" / "planner")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    assert module.resources_dir() == bundle / "planner" / "resources"
    assert module.resource_path("topics.yaml").is_file()


def test_frozen_layout_wins_over_a_stray_package_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundle = tmp_path / "bundle"
    ship_call(bundle / "planner" / "resources")
    ship_call(tmp_path / "pkg" / "planner" / "resources")
    module = load_copy(tmp_path / "pkg" / "planner")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    assert module.resources_dir() == bundle / "planner" / "resources"


def test_missing_resources_name_every_place_looked(tmp_path: Path) -> None:
    module = load_copy(tmp_path / "nowhere" / "planner")
    with pytest.raises(FileNotFoundError) as info:
        module.resources_dir()
    message = str(info.value)
    assert "topics.yaml" in message
    assert str(tmp_path / "nowhere" / "planner" / "resources") in message
    assert str(tmp_path / "nowhere" / "resources") in message
