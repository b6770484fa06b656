"""The call for proposals as data: areas, topics, suggested directions and the proposal form."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from planner.errors import UnknownTopicError


@dataclass(frozen=True)
class Direction:
    """A suggested research direction, numbered from 1 as in the call."""

    number: int
    text: str


@dataclass(frozen=True)
class Topic:
    id: str
    title: str
    area_id: str
    background: str
    directions: tuple[Direction, ...] = ()
    resources: tuple[str, ...] = ()

    def direction(self, number: int) -> Direction | None:
        if 1 <= number <= len(self.directions):
            return self.directions[number - 1]
        return None


@dataclass(frozen=True)
class Area:
    id: str
    title: str
    topics: tuple[Topic, ...] = ()


@dataclass(frozen=True)
class FormSection:
    """One section of the proposal form; `limit` is a character limit, None for no limit."""

    key: str
    title: str
    guidance: str = ""
    limit: int | None = None
    required: bool = True


@dataclass(frozen=True)
class Call:
    id: str
    title: str
    note: str = ""
    areas: tuple[Area, ...] = ()
    form: tuple[FormSection, ...] = ()
    page_limit: int | None = None  # pages the whole document may have (many calls limit 正文)
    # the programme's name, for the first line of an exported proposal and the window title;
    # `title` may be the call's annex heading ("申报主题"), which names the list, not the programme
    display_title: str = ""
    _by_id: dict[str, Topic] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        for area in self.areas:
            for topic in area.topics:
                self._by_id[topic.id] = topic

    def topics(self) -> Iterator[Topic]:
        """All topics in call order."""
        for area in self.areas:
            yield from area.topics

    def has_topic(self, topic_id: str) -> bool:
        return topic_id in self._by_id

    def topic(self, topic_id: str) -> Topic:
        try:
            return self._by_id[topic_id]
        except KeyError:
            raise UnknownTopicError(topic_id, self.id) from None

    def area_of(self, topic: Topic) -> Area:
        return next(a for a in self.areas if a.id == topic.area_id)

    def section(self, key: str) -> FormSection | None:
        return next((s for s in self.form if s.key == key), None)

    @property
    def display_name(self) -> str:
        """What a reader of the proposal knows the call by: the display title, else the title."""
        return self.display_title.strip() or self.title

    @property
    def topic_count(self) -> int:
        return len(self._by_id)
