"""The README's two commands are all a fresh machine gets: `make test` must install what its
slow tests need (LibreOffice, poppler), not leave that to CI's script."""

from __future__ import annotations

import shutil
import subprocess

import paths


def _dry_run(target: str) -> str:
    make = shutil.which("make")
    assert make, "make is needed for the README's quick start"
    done = subprocess.run(
        [make, "-n", "--no-print-directory", target],
        cwd=paths.REPO,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def test_make_test_installs_what_the_render_tests_need() -> None:
    deps = [line for line in _dry_run("test").splitlines() if "system-deps.sh" in line]
    assert deps, "make test no longer installs the system packages"
    assert "libreoffice-writer-nogui" in deps[0]
    assert "poppler-utils" in deps[0]


def test_ci_runs_only_the_readme_command() -> None:
    script = (paths.REPO / ".ci" / "run").read_text()
    commands = [
        line.strip()
        for line in script.splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]
    assert commands[-1] == "make test"
    assert not any("EXTRA_DEBS" in line for line in commands), (
        "CI installs something the README's command does not"
    )


def test_make_run_installs_qt_desktop_libraries() -> None:
    deps = [line for line in _dry_run("run").splitlines() if "system-deps.sh" in line]
    assert deps and "libxcb-cursor0" in deps[0]
