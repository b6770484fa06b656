"""Read and write call files (YAML): a pure parser that names file, line and field, and thin I/O."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from planner.errors import CallFileError
from planner.formats.text_file import read_text
from planner.formats.yaml_lines import Path as KeyPath
from planner.formats.yaml_lines import (
    YamlDoc,
    YamlSyntaxError,
    describe_type,
    dump_yaml,
    excerpt,
    parse_yaml,
    true_or_false,
    whole_number,
)
from planner.model.call import Area, Call, Direction, FormSection, Topic

CALL_SCHEMA = 1
Kind = type | tuple[type, ...]  # what `_Reader.get` accepts: str, int, bool, list


class _Reader:
    """Typed access to a YAML document that raises CallFileError at the faulty node."""

    def __init__(self, doc: YamlDoc, source: str) -> None:
        self.doc = doc
        self.source = source

    def fail(self, path: KeyPath, message: str) -> CallFileError:
        return CallFileError(self.source, message, line=self.doc.line(path), field=_dotted(path))

    def mapping(self, value: Any, path: KeyPath) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(path, f"expected a mapping, found {describe_type(value)}")
        return value

    def seq(self, value: Any, path: KeyPath) -> list[Any]:
        if not isinstance(value, list):
            raise self.fail(path, f"expected a list, found {describe_type(value)}")
        return value

    def get(
        self, data: dict[str, Any], key: str, path: KeyPath, kind: Kind, *, default: Any = ...
    ) -> Any:
        """The value of `key` as `kind`: text, a list, a whole number or true/false.

        Every scalar arrives as the text written, so numbers and booleans are converted here,
        explicitly: `limit: true` is not a limit of 1, `id: 1.10` stays "1.10"."""
        if key not in data:
            if default is not ...:
                return default
            raise self.fail(path, f"missing field '{key}'")
        value = data[key]
        kinds = kind if isinstance(kind, tuple) else (kind,)
        if value is None and (type(None) in kinds or (kind is str and default == "")):
            return None if type(None) in kinds else ""
        if int in kinds and (number := whole_number(value)) is not None:
            return number
        if bool in kinds and (flag := true_or_false(value)) is not None:
            return flag
        if (str in kinds and isinstance(value, str)) or (list in kinds and isinstance(value, list)):
            return value
        found = _found(value)
        if int in kinds and isinstance(value, str) and found == "a number":
            found = f"'{excerpt(value)}'"  # 1.5, 1e3, or 5,000 digits: not a whole number
        raise self.fail((*path, key), f"expected {_name(kind)}, found {found}")

    def text(self, data: dict[str, Any], key: str, path: KeyPath, *, required: bool = True) -> str:
        value: str = self.get(data, key, path, str, default=... if required else "")
        if required and not value.strip():
            raise self.fail((*path, key), f"'{key}' must not be empty")
        return value


def _found(value: Any) -> str:
    """What was written, as a message shows it: text quoted (shortly), else its kind."""
    kind = describe_type(value)
    return f"text '{excerpt(value)}'" if kind == "text" else kind


def _dotted(path: KeyPath) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _name(kind: Kind) -> str:
    names = {str: "text", int: "a whole number", bool: "true or false", list: "a list"}
    if isinstance(kind, tuple):
        return " or ".join(names[k] for k in kind if k in names)
    return names.get(kind, kind.__name__)


def parse_call(text: str, source: str = "<call>", *, cached: bool = False) -> Call:
    """Build a Call from YAML text; raise CallFileError naming source, line and field.

    `cached`: `source` is the file's path, and the data parsed from this same text last time
    may be reused (planner.formats.parsed_cache; the checks below run on it all the same)."""
    try:
        doc = parse_yaml(text, cache_key=source if cached else None)
    except YamlSyntaxError as exc:
        raise CallFileError(source, exc.message, line=exc.line) from None
    r = _Reader(doc, source)
    top = r.mapping(doc.data, ())
    schema = r.get(top, "schema", (), int, default=CALL_SCHEMA)
    if schema > CALL_SCHEMA:
        raise r.fail(
            ("schema",), f"schema {schema} is newer than this program reads ({CALL_SCHEMA})"
        )
    call_id = r.text(top, "id", ())
    title = r.text(top, "title", ())
    note = r.text(top, "note", (), required=False)
    display_title = r.text(top, "display_title", (), required=False)
    form = _parse_form(r, top)
    page_limit = r.get(top, "page_limit", (), (int, type(None)), default=None)  # null: none
    if page_limit is not None and page_limit <= 0:
        raise r.fail(
            ("page_limit",),
            f"a page limit must be a positive whole number of pages, found {page_limit!r}",
        )
    areas: list[Area] = []
    seen_topics: dict[str, KeyPath] = {}
    seen_areas: set[str] = set()
    for ai, area_data in enumerate(r.seq(r.get(top, "areas", (), list), ("areas",))):
        apath = ("areas", ai)
        area_data = r.mapping(area_data, apath)
        area_id = r.text(area_data, "id", apath)
        if area_id in seen_areas:
            raise r.fail((*apath, "id"), f"duplicate area id '{excerpt(area_id)}'")
        seen_areas.add(area_id)
        area_title = r.text(area_data, "title", apath)
        topics: list[Topic] = []
        for ti, topic_data in enumerate(
            r.seq(r.get(area_data, "topics", apath, list), (*apath, "topics"))
        ):
            tpath = (*apath, "topics", ti)
            topic_data = r.mapping(topic_data, tpath)
            topic_id = r.text(topic_data, "id", tpath)
            if topic_id in seen_topics:
                first = doc.line(seen_topics[topic_id])
                raise r.fail(
                    (*tpath, "id"),
                    f"duplicate topic id '{excerpt(topic_id)}' (first on line {first})",
                )
            seen_topics[topic_id] = (*tpath, "id")
            directions = []
            for di, d in enumerate(r.get(topic_data, "directions", tpath, list, default=[])):
                if not isinstance(d, str) or not d.strip():
                    raise r.fail(
                        (*tpath, "directions", di),
                        f"a direction must be non-empty text, found {describe_type(d)}",
                    )
                directions.append(Direction(di + 1, d))
            resources = []
            for ri, res in enumerate(r.get(topic_data, "resources", tpath, list, default=[])):
                if not isinstance(res, str):
                    raise r.fail(
                        (*tpath, "resources", ri),
                        f"a resource must be text, found {describe_type(res)}",
                    )
                resources.append(res)
            topics.append(
                Topic(
                    id=topic_id,
                    title=r.text(topic_data, "title", tpath),
                    area_id=area_id,
                    background=r.text(topic_data, "background", tpath, required=False),
                    directions=tuple(directions),
                    resources=tuple(resources),
                )
            )
        areas.append(Area(area_id, area_title, tuple(topics)))
    if not areas:
        raise r.fail(("areas",), "a call needs at least one area")
    return Call(call_id, title, note, tuple(areas), form, page_limit, display_title=display_title)


def _parse_form(r: _Reader, top: dict[str, Any]) -> tuple[FormSection, ...]:
    from planner.model.default_form import DEFAULT_FORM

    if "form" not in top:
        return DEFAULT_FORM
    sections: list[FormSection] = []
    keys: set[str] = set()
    for si, data in enumerate(r.seq(top["form"], ("form",))):
        spath = ("form", si)
        data = r.mapping(data, spath)
        key = r.text(data, "key", spath)
        if key in keys:
            raise r.fail((*spath, "key"), f"duplicate section key '{excerpt(key)}'")
        keys.add(key)
        limit = r.get(data, "limit", spath, (int, type(None)), default=None)
        if limit is not None and limit <= 0:
            raise r.fail((*spath, "limit"), "a limit must be a positive number of characters")
        sections.append(
            FormSection(
                key=key,
                title=r.text(data, "title", spath),
                guidance=r.text(data, "guidance", spath, required=False),
                limit=limit,
                required=r.get(data, "required", spath, bool, default=True),
            )
        )
    if not sections:
        raise r.fail(("form",), "the form needs at least one section")
    return tuple(sections)


def load_call(path: Path | str) -> Call:
    path = Path(path)
    return parse_call(read_text(path, CallFileError), str(path), cached=True)


def call_to_data(call: Call) -> dict[str, Any]:
    """The call as plain data in file order (what dump_call writes)."""
    form = []
    for s in call.form:
        item: dict[str, Any] = {"key": s.key, "title": s.title, "guidance": s.guidance}
        item["limit"] = s.limit
        if not s.required:
            item["required"] = False
        form.append(item)
    display = {"display_title": call.display_title} if call.display_title else {}
    return {
        "schema": CALL_SCHEMA,
        "id": call.id,
        "title": call.title,
        **display,  # optional: written only when the call has one
        "note": call.note,
        "form": form,
        **({"page_limit": call.page_limit} if call.page_limit is not None else {}),
        "areas": [
            {
                "id": a.id,
                "title": a.title,
                "topics": [
                    {
                        "id": t.id,
                        "title": t.title,
                        "background": t.background,
                        "resources": list(t.resources),
                        "directions": [d.text for d in t.directions],
                    }
                    for t in a.topics
                ],
            }
            for a in call.areas
        ],
    }


def dump_call(call: Call, header: str = "") -> str:
    """YAML text of a call; `header` lines become a leading comment."""
    comment = "".join(f"# {line}".rstrip() + "\n" for line in header.splitlines())
    return comment + dump_yaml(call_to_data(call))
