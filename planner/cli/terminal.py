"""What the CLI prints is made safe for a terminal: control characters are shown, not obeyed.

A YAML key holding `ESC[1A ESC[2K … BEL CR` printed raw could erase the "INVALID" lines above
it and print "ALL GOOD" in their place. Every line of text the CLI writes passes through
`EscapingStream`; file content inside one message also has its newlines shown (`line`).
"""

from __future__ import annotations

import re
from typing import TextIO

# C0 and C1 controls, DEL, and the bidirectional overrides that reorder what is shown
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_CONTROLS_AND_NEWLINES = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _show(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def escape(text: str) -> str:
    """`text` with every control character but newline and tab written as `\\xNN`."""
    return _CONTROLS.sub(_show, text)


def line(text: str) -> str:
    """`text` as one line: newlines too are written as `\\x0a`."""
    return _CONTROLS_AND_NEWLINES.sub(_show, text)


class EscapingStream:
    """A text stream that escapes control characters on their way to the real one.

    `raw` is the stream itself, for the progress bar's own carriage returns."""

    def __init__(self, raw: TextIO) -> None:
        self.raw = raw

    def write(self, text: str) -> int:
        self.raw.write(escape(text))
        return len(text)

    def flush(self) -> None:
        self.raw.flush()

    def isatty(self) -> bool:
        return self.raw.isatty()

    def __getattr__(self, name: str) -> object:
        return getattr(self.raw, name)
