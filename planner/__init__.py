"""Proposal Planner core: the call, proposals, validation, export and batch work. No Qt here."""

from __future__ import annotations

# The one place the version is written: pyproject.toml reads it (hatch dynamic version), so the
# package metadata, `planner --version` and Help → About agree. Reading it back through
# importlib.metadata instead would cost ~100 ms at every start.
__version__ = "0.1.0"
