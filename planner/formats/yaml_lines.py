"""Parse YAML as plain text, lists and mappings, remembering the line of every node.

Our files never need YAML's programming features, and each is a way to attack a reader:
aliases expand a 500-byte file to gigabytes, a self-referencing anchor recurses without end,
tags (`!!int abc`, `!!timestamp x`) raise from deep inside PyYAML, and YAML 1.1's implicit
types change what was written (`topic: 1.10` becomes the number 1.1, `phone: 01234567` an
octal 342391, `no` a boolean). So the document is read as a stream of parser events (libyaml's
when present) and built here: every scalar stays the text written (an empty or `null` plain
scalar is None), anchors, aliases and tags are refused with their line, and depth and node
count are bounded. Callers convert the few numbers and booleans explicitly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any

from planner.formats import parsed_cache

if TYPE_CHECKING:
    import yaml

# PyYAML is imported where it is used: loading it costs ~20 ms, and the window starts from
# parsed_cache without it.

Path = tuple[str | int, ...]

# A proposal nests 3 levels and a call 6; 500 nested lists made PyYAML's constructor recurse
# until RecursionError, and libyaml's composer recurses in C.
MAX_DEPTH = 32
# topics.yaml has ~1,500 nodes, a long proposal a few hundred; a 4 MB flow list of one-letter
# items would have two million.
MAX_NODES = 200_000
_NULLS = frozenset(("", "~", "null", "Null", "NULL"))


@dataclass
class YamlDoc:
    """Plain data of a YAML document; the line of any key/item path is found on demand.

    Lines are needed only to report a problem, so the second pass that keeps them runs only
    then, never on the path of a good file.
    """

    data: Any
    text: str = ""
    _lines: dict[Path, int] | None = field(default=None, repr=False)

    @property
    def lines(self) -> dict[Path, int]:
        if self._lines is None:
            self._lines = {}
            try:
                _build(self.text, _loaders()[0], self._lines)
            except (YamlSyntaxError, _yaml_error()):
                pass  # the text parsed before (data came from it): keep what was found
        return self._lines

    def line(self, path: Path) -> int | None:
        """The line of `path`, or of its nearest parent we know."""
        lines = self.lines
        while path:
            if path in lines:
                return lines[path]
            path = path[:-1]
        return lines.get(())


_KINDS = {dict: "a mapping", list: "a list", str: "text", bool: "true/false", int: "a number"}


def describe_type(value: Any) -> str:
    """How a user would name what they wrote: 'a list', 'text', 'a number', 'nothing'.

    Scalars are kept as text; one written like a number or a boolean is named as such, so
    `areas: 5` reads "found a number" and `limit: true` "found true/false"."""
    if value is None:
        return "nothing"
    if isinstance(value, str):
        if true_or_false(value) is not None:
            return "true/false"
        if _NUMBER.match(value):
            return "a number"
    return _KINDS.get(type(value), f"a {type(value).__name__}")


# a number as YAML 1.1 would have read it (bounded: no nested repetition)
_NUMBER = re.compile(r"[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?\Z")


def excerpt(text: object, limit: int = 40) -> str:
    """A short, one-line excerpt of file content for a message: never more of a file than
    that is quoted back (a message may end up in a summary sent around the office)."""
    value = str(text)
    value = value if len(value) <= limit else value[:limit] + "…"
    return value.replace("\n", "\\n").replace("\r", "\\r")


def whole_number(value: Any) -> int | None:
    """The whole number written as `value` (ASCII digits, at most 9, a sign), or None.

    Explicit, because the loader keeps every scalar as text: `true` is not 1, `1.0` is not 1,
    and a 5,000-digit number is not converted at all (Python refuses past 4,300 digits)."""
    if isinstance(value, str):
        text = value.strip()
        sign = -1 if text.startswith("-") else 1
        text = text[1:] if text[:1] in "+-" else text
        if 0 < len(text) <= 9 and text.isascii() and text.isdigit():
            return sign * int(text)
    return None


def true_or_false(value: Any) -> bool | None:
    """`true`/`false` (and `yes`/`no`, as YAML 1.1 wrote them) as a bool; None otherwise."""
    if isinstance(value, str):
        text = value.strip().lower()
        if text in ("true", "yes", "on"):
            return True
        if text in ("false", "no", "off"):
            return False
    return None


@cache
def _loaders() -> tuple[type, type]:
    """(fast, slow) event sources: libyaml's parser (~10x faster) and the pure-Python one,
    whose error messages are worded better and which works without libyaml."""
    import yaml

    slow = yaml.BaseLoader
    return getattr(yaml, "CBaseLoader", slow), slow


def _yaml_error() -> type[Exception]:
    import yaml

    return yaml.YAMLError


class YamlSyntaxError(Exception):
    def __init__(self, message: str, line: int | None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


def parse_yaml(text: str, *, cache_key: str | None = None) -> YamlDoc:
    """Parse one YAML document as plain data; raise YamlSyntaxError with the line of the fault.

    With `cache_key` (a file's path), data parsed from this very text before is taken from
    parsed_cache when the app has enabled it."""
    if cache_key is not None:
        data = parsed_cache.lookup(cache_key, text)
        if data is not parsed_cache.MISSING:
            return YamlDoc(data, text)
    import yaml

    fast, slow = _loaders()
    try:
        data = _build(text, fast, None)
    except yaml.YAMLError:
        data = _parse_slowly(text, slow)  # raises; the pure-Python parser words errors better
    if cache_key is not None:
        parsed_cache.store(cache_key, text, data)
    return YamlDoc(data, text)


def _parse_slowly(text: str, loader: type) -> Any:
    import yaml

    try:
        return _build(text, loader, None)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = excerpt(exc.problem or exc.context or "invalid YAML", 80)
        raise YamlSyntaxError(f"YAML syntax error: {problem}", line) from None
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(f"YAML error: {excerpt(exc, 80)}", None) from None


Container = dict[str, Any] | list[Any]  # a mapping or a sequence being filled


@dataclass
class _Frame:
    container: Container
    path: Path
    key: str | None = None  # a mapping's key whose value comes next
    key_line: int = 0
    first_lines: dict[str, int] = field(default_factory=dict)


def _build(text: str, loader_class: type, lines: dict[Path, int] | None) -> Any:
    """Plain data from the parser's events; `lines` (when given) gets the line of each path.

    Iterative, so depth costs no Python stack; refuses what our files never hold."""
    import yaml

    loader = loader_class(text)
    stack: list[_Frame] = []
    root: Any = None
    documents = nodes = 0
    try:
        while True:
            event = loader.get_event()
            if isinstance(event, yaml.StreamEndEvent):
                return root
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise YamlSyntaxError(
                        "more than one YAML document (a second '---'); a file holds one",
                        _line(event),
                    )
                continue
            if not isinstance(event, yaml.NodeEvent):
                if isinstance(event, yaml.CollectionEndEvent):
                    frame = stack.pop()
                    if stack:
                        _add(stack[-1], frame.container, lines, frame.path, 0)
                    else:
                        root = frame.container
                continue
            nodes += 1
            if nodes > MAX_NODES:
                raise YamlSyntaxError(
                    f"more than {MAX_NODES:,} values; a proposal or call file never has so many",
                    _line(event),
                )
            _refuse_features(event, yaml)
            parent = stack[-1] if stack else None
            path = _child_path(parent)
            if isinstance(event, yaml.ScalarEvent):
                plain = event.implicit[0]
                value = None if plain and event.value in _NULLS else event.value
                if parent is None:
                    root = value
                    if lines is not None:
                        lines[()] = _line(event)
                elif isinstance(parent.container, dict) and parent.key is None:
                    _take_key(parent, event)
                else:
                    _add(parent, value, lines, path, _line(event))
                continue
            # a mapping or a sequence opens
            if parent is not None and isinstance(parent.container, dict) and parent.key is None:
                raise YamlSyntaxError(
                    "a key must be plain text, not a list or a mapping", _line(event)
                )
            if len(stack) >= MAX_DEPTH:
                raise YamlSyntaxError(
                    f"nested deeper than {MAX_DEPTH} levels; these files need a few",
                    _line(event),
                )
            if lines is not None:
                lines.setdefault(path, _line(event))
            container: Container = {} if isinstance(event, yaml.MappingStartEvent) else []
            stack.append(_Frame(container, path))
    finally:
        loader.dispose()


def _line(event: Any) -> int:
    line: int = event.start_mark.line
    return line + 1


def _refuse_features(event: Any, yaml: Any) -> None:
    if isinstance(event, yaml.AliasEvent):
        raise YamlSyntaxError(
            f"an alias (*{excerpt(event.anchor, 20)}) is not allowed here; "
            "write the value out instead",
            _line(event),
        )
    if event.anchor is not None:
        raise YamlSyntaxError(
            f"an anchor (&{excerpt(event.anchor, 20)}) is not allowed here; "
            "these files do not use anchors or aliases",
            _line(event),
        )
    if event.tag is not None and event.tag != "!":
        tag = event.tag.replace("tag:yaml.org,2002:", "!!")
        raise YamlSyntaxError(
            f"a tag ({excerpt(tag, 30)}) is not allowed here; write the value without it",
            _line(event),
        )


def _child_path(parent: _Frame | None) -> Path:
    if parent is None:
        return ()
    if isinstance(parent.container, list):
        return (*parent.path, len(parent.container))
    return (*parent.path, parent.key) if parent.key is not None else parent.path


def _take_key(frame: _Frame, event: Any) -> None:
    key = event.value  # a key is the text written, even `null` or empty
    line = _line(event)
    if key in frame.first_lines:
        first = frame.first_lines[key]
        raise YamlSyntaxError(
            f"YAML syntax error: duplicate key '{excerpt(key)}' (first on line {first})", line
        )
    frame.first_lines[key] = line
    frame.key = key
    frame.key_line = line


def _add(frame: _Frame, value: Any, lines: dict[Path, int] | None, path: Path, line: int) -> None:
    if isinstance(frame.container, list):
        if lines is not None:
            lines.setdefault(path, line)
        frame.container.append(value)
        return
    assert frame.key is not None
    if lines is not None:
        lines[path] = frame.key_line  # the key's own line is what a user looks for
    frame.container[frame.key] = value
    frame.key = None


@cache
def _readable_dumper() -> type[yaml.SafeDumper]:
    """A SafeDumper that keeps Chinese readable and multi-line text as literal blocks, in
    insertion order (made on first use: PyYAML loads only then)."""
    import yaml

    class _ReadableDumper(yaml.SafeDumper):
        pass

    _ReadableDumper.add_representer(str, _represent_str)
    return _ReadableDumper


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    if "\n" in value:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


def dump_yaml(data: Any) -> str:
    """Dump plain data as readable YAML (no \\u escapes, keys in order, long lines unfolded)."""
    import yaml

    return yaml.dump(
        data,
        Dumper=_readable_dumper(),
        allow_unicode=True,
        sort_keys=False,
        width=10**9,
        default_flow_style=False,
    )
