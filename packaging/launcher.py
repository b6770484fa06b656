"""The frozen app's entry script: the same `main()` as the `planner` console script."""

import multiprocessing
import sys

from planner.cli.main import main

if __name__ == "__main__":
    # The batch window exports in spawned worker processes; in a frozen app each worker is
    # this executable again, and freeze_support() turns it into a worker instead of a new app.
    multiprocessing.freeze_support()
    sys.exit(main())
