"""Proposal Planner core: the call, proposals, validation, export and batch work. No Qt here."""

from __future__ import annotations

from importlib import metadata

try:
    __version__ = metadata.version("proposal-planner")
except metadata.PackageNotFoundError:  # a source checkout that was never installed
    __version__ = "0.1.0"
