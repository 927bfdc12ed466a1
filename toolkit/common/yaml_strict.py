"""The one strict reader for the project's data files (screening forms, rules, guidance, module seeds).

Plain YAML is too forgiving for clinical data: a key written twice silently keeps the last value (a second
`level: caution` under a `refer` rule would quietly weaken it). This reader:
  * refuses a duplicate key in any mapping, naming the file, both lines and the key;
  * remembers the line of every key and list entry, so every later problem (an unknown key, a wrong type, a
    missing field) names the file, the field path and the line;
  * gives typed access (`Node.str`, `Node.int`, `Node.only`, ...) that raises `DataFileError` on a mismatch.

Pure Python (PyYAML only, safe loading): no Flask, no database.
"""

from __future__ import annotations

import builtins
import re
from pathlib import Path
from typing import Any, Literal, overload

import yaml

__all__ = ["DataFileError", "LinedDict", "LinedList", "Node", "line_of", "load_file", "load_text"]


class DataFileError(ValueError):
    """A data file is broken. `file`, `field` (a path such as `rules[7].when.instrument`, empty for the
    whole file) and `line` (1-based, None when unknown) say where."""

    def __init__(self, file: str | Path, field_path: str, problem: str, line: int | None = None):
        self.file = str(file)
        self.field = field_path
        self.problem = problem
        self.line = line
        super().__init__(self._text())

    def _text(self) -> str:
        where = f"{self.file}: {self.field}" if self.field else self.file
        return f"{where}: {self.problem}" + (f" (line {self.line})" if self.line else "")


class LinedDict(dict):
    """A mapping that knows the line where it starts and the line of each of its keys."""

    line: int = 0
    key_lines: dict


class LinedList(list):
    """A list that knows the line where it starts and the line of each entry."""

    line: int = 0
    item_lines: list


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader building LinedDict / LinedList and refusing duplicate keys."""


class _DuplicateKey(yaml.MarkedYAMLError):
    pass


def _construct_mapping(loader: _StrictLoader, node: yaml.MappingNode):
    data = LinedDict()
    data.line = node.start_mark.line + 1
    data.key_lines = {}
    yield data
    first_seen: dict[Any, int] = {}
    for key_node, _ in node.value:  # the mapping's own keys (before merges): a repeat is an error
        if key_node.tag == "tag:yaml.org,2002:merge":
            continue
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        if key in first_seen:
            raise _DuplicateKey(
                "while reading a mapping", node.start_mark,
                f"duplicate key {key!r} (first on line {first_seen[key]}, again on line {line})",
                key_node.start_mark,
            )
        first_seen[key] = line
    loader.flatten_mapping(node)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError as exc:
            raise yaml.constructor.ConstructorError(
                "while reading a mapping", node.start_mark, "found an unhashable key", key_node.start_mark
            ) from exc
        data[key] = loader.construct_object(value_node, deep=False)
        data.key_lines[key] = key_node.start_mark.line + 1


def _construct_sequence(loader: _StrictLoader, node: yaml.SequenceNode):
    data = LinedList()
    data.line = node.start_mark.line + 1
    data.item_lines = []
    yield data
    for child in node.value:
        data.append(loader.construct_object(child, deep=False))
        data.item_lines.append(child.start_mark.line + 1)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


def _yaml_problem(exc: yaml.YAMLError) -> tuple[str, int | None]:
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or str(exc)
    return problem, (mark.line + 1 if mark is not None else None)


def load_text(text: str, file: str | Path, error: type[DataFileError] = DataFileError) -> Any:
    """Parse YAML text strictly; `file` only names the source in errors."""
    try:
        return yaml.load(text, Loader=_StrictLoader)  # noqa: S506 - a SafeLoader subclass
    except _DuplicateKey as exc:
        problem, line = _yaml_problem(exc)
        raise error(file, "", problem, line) from exc
    except yaml.YAMLError as exc:
        problem, line = _yaml_problem(exc)
        raise error(file, "", f"not valid YAML: {problem}", line) from exc


def load_file(file: str | Path, error: type[DataFileError] = DataFileError) -> Any:
    """Read and parse one YAML file strictly (see the module docstring)."""
    file = Path(file)
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise error(file, "", f"cannot read: {getattr(exc, 'strerror', None) or exc}") from exc
    return load_text(text, file, error)


_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def line_of(data: Any, field_path: str) -> int | None:
    """The line of `field_path` (e.g. `materials[2].quantity`) in data loaded by this reader: the line of
    the deepest part that exists (so a missing key points at its parent), None for plain data."""
    line = getattr(data, "line", None) or None
    node = data
    for name, index in _PART.findall(field_path or ""):
        if index:
            i = int(index)
            if not isinstance(node, LinedList) or i >= len(node):
                break
            line, node = node.item_lines[i], node[i]
        else:
            if not isinstance(node, LinedDict) or name not in node:
                break
            line, node = node.key_lines[name], node[name]
    return line


_TYPE_NAMES = {bool: "true/false", int: "an integer", float: "a number", str: "a string", list: "a list",
               dict: "a mapping", type(None): "empty"}


def _type_name(value: Any) -> str:
    for kind, name in _TYPE_NAMES.items():
        if isinstance(value, kind):
            return name
    return type(value).__name__


class Node:
    """Typed access to one value of a strictly loaded file. Every failure is a `DataFileError` (or the
    subclass given as `error`) naming the file, the field path and the line."""

    def __init__(self, file: str | Path, data: Any, path: str = "", line: int | None = None,
                 error: type[DataFileError] = DataFileError):
        self.file = file
        self.data = data
        self.path = path
        self.line = line if line is not None else (getattr(data, "line", None) or None)
        self.error = error

    @classmethod
    def read(cls, file: str | Path, error: type[DataFileError] = DataFileError) -> Node:
        """Load `file` strictly; its top level must be a mapping."""
        return cls(file, load_file(file, error), error=error).mapping()

    def fail(self, problem: str, sub: str | int = "") -> DataFileError:
        line = self.line
        if isinstance(sub, str) and sub and isinstance(self.data, LinedDict) and sub in self.data:
            line = self.data.key_lines[sub]
        return self.error(self.file, self._join(sub), problem, line)

    def _join(self, sub: str | int) -> str:
        if isinstance(sub, int):
            return f"{self.path}[{sub}]"
        if not sub:
            return self.path
        return f"{self.path}.{sub}" if self.path else sub

    def mapping(self) -> Node:
        if not isinstance(self.data, dict):
            raise self.fail(f"must be a mapping, got {_type_name(self.data)}")
        return self

    def has(self, key: str) -> bool:
        return key in self.mapping().data

    # The overloads say what the code does: a required key (the default) or a list index is a Node or an
    # error, never None; only `required=False` may give None (or, for str/int, the `default` given).
    @overload
    def child(self, key: builtins.str | builtins.int, *, required: Literal[True] = True) -> Node: ...
    @overload
    def child(self, key: builtins.str | builtins.int, *, required: builtins.bool) -> Node | None: ...

    def child(self, key: builtins.str | builtins.int, *, required: builtins.bool = True) -> Node | None:
        if isinstance(key, int):
            lines = getattr(self.data, "item_lines", None)
            return Node(self.file, self.data[key], self._join(key), lines[key] if lines else self.line, self.error)
        data = self.mapping().data
        if key not in data or data[key] is None:
            if required:
                raise self.fail("is required", key)
            return None
        lines = getattr(data, "key_lines", None)
        return Node(self.file, data[key], self._join(key), lines.get(key) if lines else self.line, self.error)

    def list(self, key: str, *, required: bool = True, non_empty: bool = True) -> list[Node]:
        node = self.child(key, required=required)
        if node is None:
            return []
        if not isinstance(node.data, list):
            raise node.fail(f"must be a list, got {_type_name(node.data)}")
        if non_empty and not node.data:
            raise node.fail("must not be empty")
        return [child for i in range(len(node.data)) if (child := node.child(i)) is not None]  # never None

    @overload
    def str(self, key: builtins.str, *, required: Literal[True] = True,
            default: builtins.str | None = None) -> builtins.str: ...
    @overload
    def str(self, key: builtins.str, *, required: builtins.bool, default: builtins.str) -> builtins.str: ...
    @overload
    def str(self, key: builtins.str, *, required: builtins.bool,
            default: None = None) -> builtins.str | None: ...

    def str(self, key: builtins.str, *, required: builtins.bool = True,
            default: builtins.str | None = None) -> builtins.str | None:
        node = self.child(key, required=required)
        if node is None:
            return default
        if not isinstance(node.data, str) or not node.data.strip():
            raise node.fail(f"must be a non-empty string, got {_type_name(node.data)}")
        return node.data.strip()

    @overload
    def int(self, key: builtins.str, *, required: Literal[True] = True,
            default: builtins.int | None = None) -> builtins.int: ...
    @overload
    def int(self, key: builtins.str, *, required: builtins.bool, default: builtins.int) -> builtins.int: ...
    @overload
    def int(self, key: builtins.str, *, required: builtins.bool,
            default: None = None) -> builtins.int | None: ...

    def int(self, key: builtins.str, *, required: builtins.bool = True,
            default: builtins.int | None = None) -> builtins.int | None:
        node = self.child(key, required=required)
        if node is None:
            return default
        if isinstance(node.data, bool) or not isinstance(node.data, int):
            raise node.fail(f"must be an integer, got {node.data!r}")
        return node.data

    def bool(self, key: builtins.str, *, default: builtins.bool = False) -> builtins.bool:
        node = self.child(key, required=False)
        if node is None:
            return default
        if not isinstance(node.data, bool):
            raise node.fail(f"must be true or false, got {node.data!r}")
        return node.data

    def strings(self, key: builtins.str, *, required: builtins.bool = True,
                non_empty: builtins.bool = True) -> builtins.list[builtins.str]:
        out = []
        for node in self.list(key, required=required, non_empty=non_empty):
            if not isinstance(node.data, str) or not node.data.strip():
                raise node.fail(f"must be a non-empty string, got {_type_name(node.data)}")
            out.append(node.data.strip())
        return out

    def only(self, allowed: set[builtins.str]) -> None:
        unknown = sorted(set(self.mapping().data) - allowed, key=str)
        if unknown:
            first = unknown[0]
            line = self.data.key_lines.get(first) if isinstance(self.data, LinedDict) else self.line
            raise self.error(
                self.file, self.path,
                f"unknown field(s) {', '.join(map(repr, unknown))}; allowed: {', '.join(sorted(allowed))}", line,
            )
