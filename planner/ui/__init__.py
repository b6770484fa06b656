"""The planner window: thin Qt views over the core. Nothing outside this package imports Qt."""

from planner.ui.refcount_guard import protect_singletons

protect_singletons()  # before any Qt call; see refcount_guard.py
