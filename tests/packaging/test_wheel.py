"""The wheel carries the resources: install it into a fresh venv and run `planner` from there.

The project's dependencies come from the test interpreter's site-packages through PYTHONPATH
(installing PySide6 again would be slow); the checkout itself is kept off the path, so the
planner package and its resources can only come from the wheel.
"""

from __future__ import annotations

import json
import os
import site
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import paths
import pytest

from planner import __version__ as VERSION

pytestmark = pytest.mark.slow

REPO = paths.REPO


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    out = tmp_path_factory.mktemp("wheel")
    build = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(out), str(REPO)],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-3000:]
    (wheel,) = out.glob(f"proposal_planner-{VERSION}-*.whl")
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
    assert "planner/resources/topics.yaml" in names
    # every file the app loads at run time: the call, each icon size, each translation
    loaded = {
        f"planner/resources/{p.relative_to(REPO / 'resources').as_posix()}"
        for p in (REPO / "resources").rglob("*")
        if p.suffix in {".yaml", ".png", ".qm"}
    }
    assert "planner/resources/icons/warning-16.png" in loaded
    assert "planner/resources/i18n/planner_en.qm" in loaded
    assert sorted(loaded - names) == []

    env_dir = out / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    install = subprocess.run(
        [str(python), "-m", "pip", "install", "--no-deps", "--no-index", "--quiet", str(wheel)],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert install.returncode == 0, install.stderr
    deps = os.pathsep.join(p for p in site.getsitepackages() if "site-packages" in p)
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(out),
        "PYTHONPATH": deps,
        "QT_QPA_PLATFORM": "offscreen",
    }
    return env_dir, env


def run(installed: tuple[Path, dict[str, str]], *argv: str, cwd: Path) -> str:
    env_dir, env = installed
    result = subprocess.run(
        [str(env_dir / "bin" / argv[0]), *argv[1:]],
        env=env, cwd=cwd, capture_output=True, text=True, encoding="utf-8", timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_resources_come_from_the_installed_package(installed, tmp_path: Path) -> None:
    env_dir, _ = installed
    code = "import planner.resources as r; print(r.__file__); print(r.builtin_call_path())"
    module_file, call_path = run(installed, "python", "-c", code, cwd=tmp_path).splitlines()
    site_packages = next((env_dir / "lib").glob("python3*/site-packages"))
    assert Path(module_file).is_relative_to(site_packages)
    assert Path(call_path) == site_packages / "planner" / "resources" / "topics.yaml"


def test_installed_planner_lists_the_28_topics(installed, tmp_path: Path) -> None:
    assert run(installed, "planner", "--version", cwd=tmp_path).strip() == f"planner {VERSION}"
    data = json.loads(run(installed, "planner", "topics", "--json", cwd=tmp_path))
    assert sum(len(area["topics"]) for area in data["areas"]) == 28
