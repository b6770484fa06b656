"""Work around a reference-count bug of PySide6 6.12 on Python 3.11.

Measured here: every call of a void Qt method (`setText`, `setEnabled`, …) drops one reference
to `None`, and every signal `emit` drops one to `True`. On Python ≥ 3.12 these objects are
immortal and nothing happens; on 3.11 the count reaches zero after a few thousand calls and
the interpreter aborts ("none_dealloc: deallocating None"). Giving the three singletons a huge
reference count makes them as good as immortal, which is what 3.12 does anyway.
"""

from __future__ import annotations

import ctypes
import sys

_RESERVE = 1 << 40  # far more calls than any session makes; still far below Py_ssize_t's range


def protect_singletons() -> bool:
    """Make None, True and False effectively immortal on CPython < 3.12. True if it acted."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    for obj in (None, True, False):
        refcnt = ctypes.c_ssize_t.from_address(id(obj))  # ob_refcnt is PyObject's first field
        if refcnt.value < _RESERVE:
            refcnt.value += _RESERVE
    return True
