"""Inline rules for markdown-it-py: emphasis, `^sup^`, `~sub~` and `[@key]` citations.

Emphasis is paired by toggles rather than CommonMark's delimiter algorithm: a run of one `*`
toggles italic, two bold, three both, and a run pairs with the next run of the same character
that can close it. Opening needs a non-space after the run, closing a non-space before it; `_`
also may not touch a letter or digit on its outer side (`snake_case` stays as typed). Unlike
CommonMark, punctuation beside a run does not matter, so `**“加粗”**文字` is bold, as Chinese
writers expect. A run that pairs with nothing stays literal text. `to_markdown` writes exactly
these toggles, which is what makes the round trip exact.
"""

from __future__ import annotations

import re
from dataclasses import replace

from markdown_it.rules_inline import StateInline
from markdown_it.token import Token

from planner.document.blocks import Citation, Inline, Span, join_spans

# pandoc's citation key: starts with a letter, digit or `_`; inner punctuation :.#$%&-+?<>~/
KEY = r"\w+(?:[:.#$%&\-+?<>~/]+\w+)*"
CITATION = re.compile(rf"\[@({KEY})((?:[ \t]*;[ \t]*@{KEY})*)\]")
_MORE_KEYS = re.compile(rf"@({KEY})")
_IN_SCRIPT = "planner_in_script"  # env key: how many ^…^ / ~…~ the inline parser is inside
_SCRIPT_SPACE = " \t"  # what `^…^` / `~…~` may hold only escaped (pandoc)


def emphasis(state: StateInline, silent: bool) -> bool:
    start = state.pos
    marker = state.src[start]
    if marker not in "*_" or silent:
        return False
    end = start
    while end < state.posMax and state.src[end] == marker:
        end += 1
    run = state.src[start:end]
    state.pos = end
    token = state.push("text", "", 0)
    token.content = run
    if len(run) > 3:
        return True  # `****` and longer are text
    before = state.src[start - 1] if start > 0 else " "
    after = state.src[end] if end < len(state.src) else " "
    can_open, can_close = not after.isspace(), not before.isspace()
    if marker == "_":
        can_open = can_open and not before.isalnum()
        can_close = can_close and not after.isalnum()
    if can_open or can_close:
        token.meta = {"delim": marker, "open": can_open, "close": can_close}
    return True


def pair_emphasis(state: StateInline) -> None:
    """Pair the runs `emphasis` left, per character and per weight, and turn paired ones into
    `toggle` tokens; what pairs with nothing goes back to being text."""
    runs: list[Token] = []
    content = 0  # text and citations seen so far: a pair must enclose some (`****` is text)
    enclosed: dict[int, int] = {}  # id(run) → content before it
    for token in state.tokens:
        if token.type == "text" and token.meta.get("delim"):
            runs.append(token)
            enclosed[id(token)] = content
        elif token.content or token.type == "citation":
            content += 1
    if not runs:
        return
    used: dict[int, dict[str, str]] = {}  # id(token) → weight → "open" / "close"
    for marker in "*_":
        for weight, lengths in (("italic", (1, 3)), ("bold", (2, 3))):
            pending: Token | None = None
            for run in runs:
                if run.meta["delim"] != marker or len(run.content) not in lengths:
                    continue
                if (
                    pending is not None
                    and run.meta["close"]
                    and enclosed[id(run)] > enclosed[id(pending)]
                ):
                    used.setdefault(id(pending), {})[weight] = "open"
                    used.setdefault(id(run), {})[weight] = "close"
                    pending = None
                elif run.meta["open"]:
                    pending = run
    out: list[Token] = []
    for token in state.tokens:
        roles = used.get(id(token)) if token.type == "text" and token.meta else None
        if not roles:
            if token.meta.get("delim"):
                token.meta = {}
            out.append(token)
            continue
        marker = token.meta["delim"]
        toggle = Token("toggle", "", 0)
        toggle.meta = {"family": marker, "weights": tuple(roles)}
        left = len(token.content) - (2 if "bold" in roles else 0) - (1 if "italic" in roles else 0)
        literal = Token("text", "", 0)
        literal.content = marker * left
        # a left-over `*` sits outside the pair: before an opener, after a closer
        parts = [toggle]
        if left:
            parts = [literal, toggle] if "open" in roles.values() else [toggle, literal]
        out.extend(parts)
    state.tokens[:] = out


def script(state: StateInline, silent: bool) -> bool:
    """`^sup^` and `~sub~`: no unescaped space inside, not empty; `~~` and `^^` stay text."""
    start = state.pos
    marker = state.src[start]
    if marker not in "^~" or silent:
        return False
    src, limit = state.src, state.posMax
    if start + 1 < limit and src[start + 1] == marker:
        end = start
        while end < limit and src[end] == marker:
            end += 1
        state.append_pending(src[start:end])
        state.pos = end
        return True
    i = start + 1
    while i < limit:
        ch = src[i]
        if ch == "\\":
            i += 2
            continue
        if ch == marker or ch in _SCRIPT_SPACE:
            break
        i += 1
    if i >= limit or src[i] != marker or not src[start + 1 : i].strip("*_"):
        return False  # unclosed, or nothing inside but emphasis marks (`^**^` is text)
    token = state.push("script_open", "sup" if marker == "^" else "sub", 1)
    token.meta = {"marker": marker}
    old_max = state.posMax
    state.pos, state.posMax = start + 1, i
    state.env[_IN_SCRIPT] = state.env.get(_IN_SCRIPT, 0) + 1
    state.md.inline.tokenize(state)
    state.env[_IN_SCRIPT] -= 1
    state.pos, state.posMax = i + 1, old_max
    token = state.push("script_close", token.tag, -1)
    token.meta = {"marker": marker}
    return True


def script_space(state: StateInline, silent: bool) -> bool:
    """`\\ ` inside `^…^` / `~…~` is the space itself (pandoc's way to put one there)."""
    pos = state.pos
    if (
        not state.env.get(_IN_SCRIPT)
        or state.src[pos] != "\\"
        or pos + 1 >= state.posMax
        or state.src[pos + 1] not in _SCRIPT_SPACE
    ):
        return False
    if not silent:
        state.append_pending(state.src[pos + 1])
    state.pos = pos + 2
    return True


def citation(state: StateInline, silent: bool) -> bool:
    if state.src[state.pos] != "[" or silent:
        return False
    found = CITATION.match(state.src, state.pos, state.posMax)
    if found is None:
        return False
    keys = (found.group(1), *_MORE_KEYS.findall(found.group(2)))
    token = state.push("citation", "", 0)
    token.meta = {"keys": keys}
    state.pos = found.end()
    return True


def _merge(runs: list[Inline]) -> list[Inline]:
    return join_spans(run for run in runs if not (isinstance(run, Span) and not run.text))


def _without(weights: tuple[bool, bool], *drops: tuple[bool, ...]) -> Span:
    """A blank span keeping the weights that no `drops` asks to drop (a Span with no text)."""
    bold, italic = (w and not any(d[i] for d in drops) for i, w in enumerate(weights))
    return Span("", bold, italic)


def settle_edges(runs: list[Inline]) -> list[Inline]:
    """Bold or italic does not start or end on a blank outside `^…^`/`~…~`: such a blank loses
    the weight. (`*1 ^*1^` closes the italic after the space, a mark `to_markdown` cannot write
    back.) Nothing visible changes, and the result is what `to_markdown` writes exactly."""
    out: list[Inline] = []
    state = (False, False)  # bold, italic in force before the run, as to_markdown keeps it
    for i, run in enumerate(runs):
        if not isinstance(run, Span) or run.superscript or run.subscript:
            out.append(run)
            if isinstance(run, Span):
                state = (run.bold, run.italic)
            continue
        weights = (run.bold, run.italic)
        following = runs[i + 1] if i + 1 < len(runs) else None
        if isinstance(following, Span):
            after = (following.bold, following.italic)
        else:  # to_markdown keeps the weights over a citation; the end switches all off
            after = weights if isinstance(following, Citation) else (False, False)
        # a weight switched on here needs text after the mark; switched off, text before it
        lead = tuple(w and not s for w, s in zip(weights, state, strict=True))
        trail = tuple(w and not a for w, a in zip(weights, after, strict=True))
        state = weights
        if not (any(lead) or any(trail)):
            out.append(run)
            continue
        text = run.text
        start = len(text) - len(text.lstrip())
        if start == len(text):  # all blank: loses what either side asks
            out.append(replace(_without(weights, lead, trail), text=text))
            continue
        end = len(text.rstrip())
        out.append(replace(_without(weights, lead), text=text[:start]))
        out.append(Span(text[start:end], *weights))
        out.append(replace(_without(weights, trail), text=text[end:]))
    return _merge(out)
