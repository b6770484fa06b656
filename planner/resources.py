"""The one way to find shipped resources (the call, icons, translations).

Source checkout: `<repo>/resources/`.
Installed wheel: `planner/resources/` (hatchling force-include).
Frozen bundle (PyInstaller): `<bundle>/planner/resources/`, the same package path as the wheel.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def resources_dir() -> Path:
    candidates = []
    if getattr(sys, "frozen", False):
        candidates.append(
            Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent)) / "planner" / "resources"
        )
    candidates += [_PACKAGE_DIR / "resources", _PACKAGE_DIR.parent / "resources"]
    for candidate in candidates:
        if (candidate / "topics.yaml").is_file():
            return candidate
    tried = ", ".join(str(c) for c in candidates)
    raise FileNotFoundError(
        f"the built-in call (resources/topics.yaml) is missing; looked in {tried}"
    )


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def builtin_call_path() -> Path:
    return resource_path("topics.yaml")
