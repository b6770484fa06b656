"""`python -m planner` runs the same CLI as the `planner` entry point."""

from __future__ import annotations

import sys

from planner.cli.main import main

sys.exit(main())
