"""The frozen app's entry script: the same `main()` as the `planner` console script."""

import sys

from planner.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
