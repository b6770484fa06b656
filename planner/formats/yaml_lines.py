"""Parse YAML safely and remember the line of every node, so errors can name it.

`yaml.safe_load` forgets positions; composing the node tree with the safe loader keeps them.
We construct plain Python data ourselves from that tree (only the safe tags exist there).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any

from planner.formats import parsed_cache

if TYPE_CHECKING:
    import yaml

# PyYAML is imported where it is used: loading it costs ~20 ms, and the window starts from
# parsed_cache without it.

Path = tuple[str | int, ...]


@dataclass
class YamlDoc:
    """Plain data of a YAML document; the line of any key/item path is found on demand.

    Lines are needed only to report a problem, so the slower node composition that keeps
    them runs only then, never on the path of a good file.
    """

    data: Any
    text: str = ""
    _lines: dict[Path, int] | None = field(default=None, repr=False)

    @property
    def lines(self) -> dict[Path, int]:
        if self._lines is None:
            import yaml

            self._lines = {}
            node = yaml.compose(self.text, Loader=yaml.SafeLoader)
            if node is not None:
                _index(node, (), self._lines)
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
    """How a user would name what they wrote: 'a list', 'text', 'a number', 'nothing'."""
    if value is None:
        return "nothing"
    return _KINDS.get(type(value), f"a {type(value).__name__}")


@cache
def _loaders() -> tuple[type, type]:
    """(fast, slow) safe loaders that refuse a key given twice in one mapping.

    Plain PyYAML keeps the last of two equal keys without a word: a proposal with two
    `background:` entries would lose the first text at the next save. libyaml's loader is
    ~10x faster; the pure-Python one words its errors better and works without libyaml.
    """
    import yaml

    def construct_mapping(self: Any, node: Any, deep: bool = False) -> dict:  # PyYAML hook
        if isinstance(node, yaml.MappingNode):
            first: dict[tuple[str, str], int] = {}
            for key_node, _value in node.value:
                if not isinstance(key_node, yaml.ScalarNode) or key_node.tag.endswith(":merge"):
                    continue
                key = (key_node.tag, key_node.value)
                if key in first:
                    raise yaml.constructor.ConstructorError(
                        None,
                        None,
                        f"duplicate key '{key_node.value}' (first on line {first[key]})",
                        key_node.start_mark,
                    )
                first[key] = key_node.start_mark.line + 1
        return yaml.constructor.SafeConstructor.construct_mapping(self, node, deep=deep)

    def strict(base: type) -> type:
        return type(f"Strict{base.__name__}", (base,), {"construct_mapping": construct_mapping})

    slow = strict(yaml.SafeLoader)
    return (strict(yaml.CSafeLoader) if hasattr(yaml, "CSafeLoader") else slow), slow


class YamlSyntaxError(Exception):
    def __init__(self, message: str, line: int | None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


def parse_yaml(text: str, *, cache_key: str | None = None) -> YamlDoc:
    """Parse one YAML document safely; raise YamlSyntaxError with the line of the fault.

    With `cache_key` (a file's path), data parsed from this very text before is taken from
    parsed_cache when the app has enabled it."""
    if cache_key is not None:
        data = parsed_cache.lookup(cache_key, text)
        if data is not parsed_cache.MISSING:
            return YamlDoc(data, text)
    import yaml

    fast, _slow = _loaders()
    try:
        data = yaml.load(text, Loader=fast)  # a safe loader: CSafeLoader or SafeLoader
    except yaml.YAMLError:
        return _parse_slowly(text)  # raises; the pure-Python loader words its errors better
    if cache_key is not None:
        parsed_cache.store(cache_key, text, data)
    return YamlDoc(data, text)


def _parse_slowly(text: str) -> YamlDoc:
    import yaml

    _fast, slow = _loaders()
    try:
        data = yaml.load(text, Loader=slow)  # a safe loader: SafeLoader
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = exc.problem or exc.context or "invalid YAML"
        raise YamlSyntaxError(f"YAML syntax error: {problem}", line) from exc
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(f"YAML error: {exc}", None) from exc
    return YamlDoc(data, text)


def _index(node: yaml.Node, path: Path, lines: dict[Path, int]) -> None:
    import yaml

    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node)
            lines[(*path, key)] = key_node.start_mark.line + 1
            _index(value_node, (*path, key), lines)
            # the key's own line is what a user looks for, keep it over the value's
            lines[(*path, key)] = key_node.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _index(item, (*path, i), lines)


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
