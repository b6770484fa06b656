"""Find topics by text: case-insensitive, across titles, backgrounds and directions."""

from __future__ import annotations

from planner.model.call import Topic


def topic_haystack(topic: Topic) -> str:
    """All searchable text of a topic, folded for case-insensitive matching."""
    parts = [topic.id, topic.title, topic.background, *(d.text for d in topic.directions)]
    return "\n".join(parts).casefold()


def query_terms(query: str) -> list[str]:
    """The terms a topic must all contain: the query's words, folded like the haystacks."""
    return query.casefold().split()


def topic_matches(topic: Topic, query: str) -> bool:
    """Every whitespace-separated term of `query` occurs somewhere in the topic."""
    terms = query_terms(query)
    if not terms:
        return True
    haystack = topic_haystack(topic)
    return all(term in haystack for term in terms)
