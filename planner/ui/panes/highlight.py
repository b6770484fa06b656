"""Search terms marked in rich text, for the detail pane."""

from __future__ import annotations

import re

HIGHLIGHT_STYLE = "background-color:#ffe36e;color:#000"


def highlighted_html(text: str, query: str) -> str:
    """`text` escaped for Qt rich text, each case-insensitive match of a query term marked."""
    import html  # lazy: the window starts without it (no topic shown yet)

    terms = sorted({t for t in query.split() if t}, key=len, reverse=True)
    if not terms:
        return html.escape(text)
    pattern = re.compile("|".join(re.escape(t) for t in terms), re.IGNORECASE)
    out, pos = [], 0
    for match in pattern.finditer(text):
        out.append(html.escape(text[pos : match.start()]))
        out.append(f'<span style="{HIGHLIGHT_STYLE}">{html.escape(match.group())}</span>')
        pos = match.end()
    out.append(html.escape(text[pos:]))
    return "".join(out)
