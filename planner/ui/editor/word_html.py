"""Word's and WPS's clipboard HTML made plain enough for QTextDocument.setHtml.

Word writes a list as paragraphs styled `mso-list:l0 level2 lfo1`, each starting with its
bullet or number as text inside `<![if !supportLists]>…<![endif]>`; Qt would show those as
body paragraphs that begin with "·" or "1.". Here they become `<ul>`/`<ol>` items nested by
their level, so the reader sees real lists. Everything else is left to Qt's parser (and the
reader, which keeps only structure, bold, italic and scripts). Bounded: one regular-expression
pass over at most MAX_HTML characters.
"""

from __future__ import annotations

import re

MAX_HTML = 4_000_000  # a bigger paste is read as plain text

_LIST_PARAGRAPH = re.compile(
    r"<p\b(?P<attrs>[^>]*mso-list:\s*l(?P<list>\d+)\s+level(?P<level>\d+)[^>]*)>(?P<body>.*?)</p>",
    re.IGNORECASE | re.DOTALL,
)
_SUPPORT_LISTS = re.compile(
    r"<!\[if !supportLists\]>(?P<marker>.*?)<!\[endif\]>", re.IGNORECASE | re.DOTALL
)
_TAGS = re.compile(r"<[^>]+>")
_ORDERED_MARKER = re.compile(
    r"^\s*[(（]?[0-9０-９一二三四五六七八九十ivxlcIVXLCa-zA-Z]{1,4}[.)）、]"
)
_CONDITIONAL = re.compile(r"<!\[(?:if|endif)[^\]]*\]>", re.IGNORECASE)


def word_lists_to_html(html: str) -> str:
    """`html` with Word's list paragraphs as `<ul>`/`<ol>` lists; other markup unchanged."""
    if "mso-list" not in html:
        return _CONDITIONAL.sub("", html)
    out: list[str] = []
    open_lists: list[str] = []  # "ul" / "ol", outermost first
    last_end = 0
    for match in _LIST_PARAGRAPH.finditer(html):
        between = html[last_end : match.start()]
        if between.strip():  # not adjacent: the list ended
            out.append(_close(open_lists, 0))
            out.append(between)
        last_end = match.end()
        level = max(1, min(int(match["level"]), 9))
        body = match["body"]
        marker = _SUPPORT_LISTS.search(body)
        marker_text = _TAGS.sub("", marker["marker"]).replace("&nbsp;", " ") if marker else ""
        body = _SUPPORT_LISTS.sub("", body)
        kind = "ol" if _ORDERED_MARKER.match(marker_text) else "ul"
        out.append(_close(open_lists, level))
        if len(open_lists) == level and open_lists[-1] != kind:
            out.append(_close(open_lists, level - 1))
        while len(open_lists) < level:
            open_lists.append(kind)
            out.append(f"<{kind}>")
        out.append(f"<li>{body}</li>")
    out.append(_close(open_lists, 0))
    out.append(html[last_end:])
    return _CONDITIONAL.sub("", "".join(out))


def _close(open_lists: list[str], level: int) -> str:
    closed = []
    while len(open_lists) > level:
        closed.append(f"</{open_lists.pop()}>")
    return "".join(closed)
