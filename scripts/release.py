"""Build the one-folder app with PyInstaller and pack it for this platform: `make release`.

    python scripts/release.py [--dist DIR] [--work DIR]

Needs PyInstaller in the running Python (`pip install -e '.[release]'`). Writes into DIR
(default `dist/`):
  Linux:   proposal-planner-<version>-linux-<arch>.tar.gz  (bundle, .desktop file, icon,
           install-desktop-entry.sh)
Every archive also holds README.txt (how to start the app, add the menu entry) and LICENSE.
  macOS:   proposal-planner-<version>-macos-<arch>.tar.gz  (Proposal Planner.app)
  Windows: proposal-planner-<version>-windows-<arch>.zip   (planner.exe, planner-gui.exe)
Prints the bundle and archive sizes and the build time.
"""

from __future__ import annotations

import argparse
import io
import platform
import shutil
import subprocess
import sys
import tarfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from planner import __version__  # noqa: E402 (the core: no Qt, no third party)

SPEC = ROOT / "packaging" / "planner.spec"
LINUX_EXTRAS = ROOT / "packaging" / "linux"
# every archive: how to start the app and add the menu entry, and the licence
README = ROOT / "packaging" / "common" / "README.txt"
LICENCE = ROOT / "LICENSE"
APP_NAME = "Proposal Planner"


def platform_tag() -> str:
    system = {"linux": "linux", "darwin": "macos", "win32": "windows"}.get(
        sys.platform, sys.platform
    )
    machine = platform.machine().lower().replace("amd64", "x86_64").replace("aarch64", "arm64")
    return f"{system}-{machine}"


def build_bundle(dist: Path, work: Path) -> Path:
    """Run PyInstaller on the spec; returns the one-folder bundle (the .app on macOS)."""
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", str(SPEC), "--noconfirm", "--clean",
         "--log-level", "WARN", "--distpath", str(dist), "--workpath", str(work)],
        check=True,
    )  # fmt: skip
    return dist / (f"{APP_NAME}.app" if sys.platform == "darwin" else "planner")


def tree_size(path: Path) -> int:
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() or p.is_symlink())


def readme_text() -> bytes:
    return README.read_text(encoding="utf-8").replace("{version}", __version__).encode("utf-8")


def add_text(tar: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size, info.mode, info.mtime = len(data), 0o644, int(time.time())
    tar.addfile(info, io.BytesIO(data))


def add_docs(tar: tarfile.TarFile, top: str) -> None:
    add_text(tar, f"{top}/README.txt", readme_text())
    tar.add(LICENCE, arcname=f"{top}/LICENSE")


def pack_linux(bundle: Path, archive: Path, top: str) -> None:
    with tarfile.open(archive, "w:gz", compresslevel=6) as tar:
        add_docs(tar, top)
        tar.add(bundle, arcname=f"{top}/planner")
        tar.add(
            LINUX_EXTRAS / "proposal-planner.desktop", arcname=f"{top}/proposal-planner.desktop"
        )
        tar.add(
            LINUX_EXTRAS / "install-desktop-entry.sh", arcname=f"{top}/install-desktop-entry.sh"
        )
        icon = ROOT / "resources" / "icons" / "planner-256.png"
        tar.add(icon, arcname=f"{top}/proposal-planner.png")


def pack_macos(bundle: Path, archive: Path, top: str) -> None:
    with tarfile.open(archive, "w:gz", compresslevel=6) as tar:  # keeps the .app's symlinks
        add_docs(tar, top)
        tar.add(bundle, arcname=f"{top}/{bundle.name}")


def pack_windows(bundle: Path, archive: Path, top: str) -> None:
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(f"{top}/README.txt", readme_text().replace(b"\n", b"\r\n"))
        zf.write(LICENCE, f"{top}/LICENSE")
        for path in sorted(bundle.rglob("*")):
            zf.write(path, f"{top}/planner/{path.relative_to(bundle).as_posix()}")


def release(dist: Path, work: Path) -> Path:
    started = time.perf_counter()
    bundle = build_bundle(dist, work)
    built = time.perf_counter()
    top = f"proposal-planner-{__version__}"
    if sys.platform == "win32":
        archive = dist / f"{top}-{platform_tag()}.zip"
        pack_windows(bundle, archive, top)
    elif sys.platform == "darwin":
        archive = dist / f"{top}-{platform_tag()}.tar.gz"
        pack_macos(bundle, archive, top)
    else:
        archive = dist / f"{top}-{platform_tag()}.tar.gz"
        pack_linux(bundle, archive, top)
    packed = time.perf_counter()
    mib = 1024 * 1024
    print(f"bundle   {bundle}  {tree_size(bundle) / mib:.1f} MiB unpacked")
    print(f"archive  {archive}  {archive.stat().st_size / mib:.1f} MiB")
    print(f"time     build {built - started:.1f} s, pack {packed - built:.1f} s")
    return archive


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder")
    parser.add_argument(
        "--work", type=Path, default=ROOT / "build" / "pyinstaller", help="PyInstaller work folder"
    )
    args = parser.parse_args(argv)
    if shutil.which("strip") is None and sys.platform.startswith("linux"):
        print("release: no `strip` (binutils): the bundle will be ~25 MiB larger", file=sys.stderr)
    release(args.dist.resolve(), args.work.resolve())
    return 0


if __name__ == "__main__":
    sys.exit(main())
