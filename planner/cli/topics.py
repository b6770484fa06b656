"""`planner topics` and `planner show`: the call as a reader sees it."""

from __future__ import annotations

import argparse
import json
from typing import Any

from planner.cli.common import EXIT_INVALID, EXIT_OK, add_call_option, error, load_call_arg
from planner.cli.terminal import line
from planner.model.call import Call, Topic


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("topics", help="list the call's topics by area")
    add_call_option(p)
    p.add_argument(
        "--search",
        metavar="TEXT",
        help="only topics whose title, background or directions contain every word of TEXT "
        "(English words also through the dictionary: 'signature' finds 签名; one typo allowed "
        "in a Latin word of 5+ letters); when none does, the closest topics",
    )
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=run_topics)

    p = sub.add_parser("show", help="show one topic: background, directions, resources")
    add_call_option(p)
    p.add_argument("topic", metavar="ID")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=run_show)


def topic_to_json(call: Call, topic: Topic) -> dict[str, Any]:
    area = call.area_of(topic)
    return {
        "id": topic.id,
        "title": topic.title,
        "area": {"id": area.id, "title": area.title},
        "background": topic.background,
        "directions": [{"number": d.number, "text": d.text} for d in topic.directions],
        "resources": list(topic.resources),
    }


def run_topics(args: argparse.Namespace) -> int:
    call = load_call_arg(args)
    query = args.search or ""
    rows = None
    suggested = False
    if query.strip():
        from planner.match.search import glossed_index  # the dictionaries load only here

        result = glossed_index(call).search(query)
        rows, suggested = result.rows, result.suggested
    areas = []
    for a, area in enumerate(call.areas):
        topics = [t for r, t in enumerate(area.topics) if rows is None or rows[a][r]]
        if topics or rows is None:
            areas.append((area, topics))
    if args.json:
        data = {
            "call": {"id": call.id, "title": call.title},
            "suggested": suggested,  # true: nothing holds the text; these are the closest
            "areas": [
                {
                    "id": a.id,
                    "title": a.title,
                    "topics": [{"id": t.id, "title": t.title} for t in ts],
                }
                for a, ts in areas
            ],
        }
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return EXIT_INVALID if suggested or (query.strip() and not areas) else EXIT_OK
    if suggested:
        error(f"no topic contains '{query}'; the closest topics:")
    for area, topics in areas:
        print(line(f"{area.id}  {area.title}"))
        for topic in topics:
            print(line(f"  {topic.id}  {topic.title}"))
    if query.strip() and not areas:
        error(f"no topic matches '{query}'")
        return EXIT_INVALID
    return EXIT_INVALID if suggested else EXIT_OK


def run_show(args: argparse.Namespace) -> int:
    call = load_call_arg(args)
    topic = call.topic(args.topic)
    if args.json:
        print(json.dumps(topic_to_json(call, topic), ensure_ascii=False, indent=2))
        return EXIT_OK
    area = call.area_of(topic)
    print(f"{topic.id}  {topic.title}")
    print(f"{area.id}  {area.title}\n")
    print(topic.background)
    if topic.resources:
        print("\nResources offered:")
        for r in topic.resources:
            print(f"  - {r}")
    print()
    if topic.directions:
        print("Suggested directions:")
        for d in topic.directions:
            print(f"  {d.number}) {d.text}")
    else:
        print("No suggested directions: an open topic.")
    if call.note:
        print(f"\n{call.note}")
    return EXIT_OK
