"""`planner match`: the call's topics ranked by similarity to a paragraph about one's research."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from planner.cli.common import (
    EXIT_INVALID,
    EXIT_OK,
    EXIT_USAGE,
    add_call_option,
    error,
    load_call_arg,
)
from planner.errors import SourceError
from planner.formats.text_file import TEXT_LIMIT, read_text
from planner.match.ranking import (
    EmptyQueryError,
    TopicMatch,
    match_topics,
    matches_well,
    relevance,
    strength,
)
from planner.model.call import Call

DEFAULT_TOP = 5
_DIRECTION_PREVIEW = 60  # characters of the best direction shown in the text listing
_TERMS_SHOWN = 6  # shared words listed per topic
_BAR = 10  # cells of the strength bar


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return number


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "match",
        help="rank the call's topics by similarity to a paragraph about your research",
        description="Paste a paragraph about your research (Chinese or English); "
        "prints the closest topics, how well each fits, the best-matching direction and the "
        "words they share (English words meet the Chinese call through CC-CEDICT).",
    )
    add_call_option(p)
    p.add_argument("text", nargs="?", metavar="TEXT", help="the paragraph (quote it)")
    p.add_argument(
        "--file", type=Path, metavar="FILE", help="read the paragraph from FILE ('-': stdin)"
    )
    p.add_argument(
        "--top",
        type=_positive,
        default=DEFAULT_TOP,
        metavar="N",
        help=f"how many topics to show (default {DEFAULT_TOP})",
    )
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=run_match)


def _query_text(args: argparse.Namespace) -> str | None:
    """The paragraph from TEXT or --file; None (after printing why) when the usage is wrong."""
    if args.text is not None and args.file is not None:
        error("give the paragraph either as TEXT or with --file, not both")
        return None
    if args.file is not None:
        if str(args.file) == "-":
            text = sys.stdin.read(TEXT_LIMIT + 1)  # `yes | planner match --file -` must end
            if len(text) > TEXT_LIMIT:
                raise SourceError("<stdin>", f"more than {TEXT_LIMIT:,} characters")
            return text
        return read_text(args.file, SourceError, TEXT_LIMIT, legacy_chinese=True)  # pasted text
    if args.text is None:
        error("no text to match: give a paragraph as TEXT or with --file FILE")
        return None
    return str(args.text)


def _preview(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _DIRECTION_PREVIEW else text[: _DIRECTION_PREVIEW - 1] + "…"


def match_to_json(call: Call, rank: int, m: TopicMatch) -> dict[str, Any]:
    area = call.area_of(m.topic)
    direction = None
    if m.direction is not None:
        direction = {
            "number": m.direction.number,
            "text": m.direction.text,
            "score": round(m.direction_score, 4),
        }
    return {
        "rank": rank,
        "id": m.topic.id,
        "title": m.topic.title,
        "area": {"id": area.id, "title": area.title},
        "relevance": relevance(m),  # close | partial | weak
        "strength": round(strength(m), 4),  # 0..1, what the dialog's bar shows
        "score": round(m.score, 4),  # cosine similarity blend
        "coverage": round(m.coverage, 4),  # share of the paragraph's words the topic has
        "direction": direction,  # null only for an open topic
        "terms": [{"text": t.query, "topic": list(t.topic)} for t in m.terms],
    }


def _bar(m: TopicMatch) -> str:
    filled = round(strength(m) * _BAR)
    return "█" * filled + "·" * (_BAR - filled)


def _terms(m: TopicMatch) -> str:
    shown = []
    for t in m.terms[:_TERMS_SHOWN]:
        same = t.topic == (t.query,)
        shown.append(t.query if same else f"{t.query} → {'/'.join(t.topic[:2])}")
    return ", ".join(shown)


def run_match(args: argparse.Namespace) -> int:
    text = _query_text(args)
    if text is None:
        return EXIT_USAGE
    call = load_call_arg(args)
    try:
        matches = match_topics(call, text, args.top)
    except EmptyQueryError as exc:
        error(str(exc))
        return EXIT_USAGE
    if args.json:
        data = {
            "call": {"id": call.id, "title": call.title},
            "matches_well": matches_well(matches),
            "results": [match_to_json(call, i, m) for i, m in enumerate(matches, 1)],
        }
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return EXIT_OK if matches else EXIT_INVALID
    if not matches:
        error("no topic of the call shares any words with the text")
        return EXIT_INVALID
    if not matches_well(matches):
        error("no topic matches the text well; the closest ones share only a few words:")
    for rank, m in enumerate(matches, 1):
        print(f"{rank:2d}. {m.topic.id:<5} {_bar(m)} {relevance(m):<7}  {m.topic.title}")
        if m.direction is not None:
            print(f"           direction {m.direction.number}: {_preview(m.direction.text)}")
        else:
            print("           open topic: any direction within its area")
        if m.terms:
            print(f"           shared: {_terms(m)}")
    return EXIT_OK
