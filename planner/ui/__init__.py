"""The planner window: thin Qt views over the core. Nothing outside this package imports Qt."""
