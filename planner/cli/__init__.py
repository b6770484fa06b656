"""The `planner` command line: thin clients of the core, one module per group of commands."""
