"""Parse YAML safely and remember the line of every node, so errors can name it.

`yaml.safe_load` forgets positions; composing the node tree with the safe loader keeps them.
We construct plain Python data ourselves from that tree (only the safe tags exist there).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

Path = tuple[str | int, ...]


@dataclass
class YamlDoc:
    """Plain data of a YAML document plus the 1-based line of every key/item path."""

    data: Any
    lines: dict[Path, int] = field(default_factory=dict)

    def line(self, path: Path) -> int | None:
        """The line of `path`, or of its nearest parent we know."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get(())


_KINDS = {dict: "a mapping", list: "a list", str: "text", bool: "true/false", int: "a number"}


def describe_type(value: Any) -> str:
    """How a user would name what they wrote: 'a list', 'text', 'a number', 'nothing'."""
    if value is None:
        return "nothing"
    return _KINDS.get(type(value), f"a {type(value).__name__}")


class YamlSyntaxError(Exception):
    def __init__(self, message: str, line: int | None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


def parse_yaml(text: str) -> YamlDoc:
    """Parse one YAML document; raise YamlSyntaxError with the line of the fault."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = exc.problem or exc.context or "invalid YAML"
        raise YamlSyntaxError(f"YAML syntax error: {problem}", line) from exc
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(f"YAML error: {exc}", None) from exc
    doc = YamlDoc(data)
    if node is not None:
        _index(node, (), doc.lines)
    return doc


def _index(node: yaml.Node, path: Path, lines: dict[Path, int]) -> None:
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


class _ReadableDumper(yaml.SafeDumper):
    """Keeps Chinese readable and multi-line text as literal blocks, in insertion order."""


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    if "\n" in value:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


_ReadableDumper.add_representer(str, _represent_str)


def dump_yaml(data: Any) -> str:
    """Dump plain data as readable YAML (no \\u escapes, keys in order, long lines unfolded)."""
    return yaml.dump(
        data,
        Dumper=_ReadableDumper,
        allow_unicode=True,
        sort_keys=False,
        width=10**9,
        default_flow_style=False,
    )
