"""Read YAML and JSON data files, keeping the line of every mapping, key and list item.

Mappings load as `LineDict` and lists as `LineList`, plain `dict`/`list` subclasses that
also know where they were written, so validation can name the exact line of a mistake.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

from .problems import Problem


class LineDict(dict):
    """A mapping that remembers its own line and the line of each key (1-based)."""

    line: int = 0
    key_lines: dict[str, int]
    #: (key, line) of keys written twice; YAML keeps the last value silently.
    duplicates: list[tuple[str, int]]

    def line_of(self, key: str) -> int:
        """The line of `key`, or of the mapping itself when the key is absent."""
        return getattr(self, "key_lines", {}).get(key, self.line)


class LineList(list):
    """A list that remembers its own line and the line of each item (1-based)."""

    line: int = 0
    item_lines: list[int]

    def line_of(self, index: int) -> int:
        lines = getattr(self, "item_lines", [])
        return lines[index] if index < len(lines) else self.line


class _LineLoader(yaml.SafeLoader):
    """SafeLoader that builds LineDict/LineList and keeps dates as text."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    result = LineDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    result.duplicates = []
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        key = str(key) if not isinstance(key, str) else key
        if key in result:
            # A repeated key is a mistake YAML itself lets pass: remember it for validation.
            result.duplicates.append((key, key_node.start_mark.line + 1))
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


def _construct_sequence(loader: _LineLoader, node: yaml.SequenceNode) -> LineList:
    result = LineList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


def _construct_timestamp_as_text(loader: _LineLoader, node: yaml.ScalarNode) -> str:
    # Dates stay strings so "2024-05" and "2024-05-17" keep their precision alike.
    return str(loader.construct_scalar(node))


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)
_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp_as_text)


def read_text(path: Path, display_path: str, problems: list[Problem]) -> str | None:
    """A data file's text as UTF-8, or None (with a problem) when it cannot be read."""
    try:
        data = path.read_bytes()
    except OSError as error:
        problems.append(Problem(display_path, 0, f"cannot read the file: {error.strerror}"))
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        problems.append(Problem(display_path, line, "the file is not UTF-8 text", "save it as UTF-8 in your editor"))
        return None


def parse_yaml(text: str, display_path: str, problems: list[Problem]) -> Any:
    """Parse YAML text; a syntax error becomes a problem and the result is None."""
    try:
        return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 0
        what = error.problem or "invalid YAML"
        hint = "check indentation, colons and quotes on this line"
        if "mapping values are not allowed" in what:
            hint = "put text that contains ': ' or ends with ':' (such as an emoji :tada:) in quotes"
        problems.append(Problem(display_path, line, f"YAML syntax error: {what}", hint))
    except yaml.reader.ReaderError as error:
        line = text.count("\n", 0, error.position) + 1
        problems.append(
            Problem(
                display_path,
                line,
                f"YAML syntax error: the character U+{error.character:04X} is not allowed"
                if isinstance(error.character, int)
                else "YAML syntax error: invalid character",
                "save the file as plain UTF-8 text and remove the invisible character",
            )
        )
    except yaml.YAMLError as error:
        problems.append(Problem(display_path, 0, f"YAML error: {error}", "check the file's syntax"))
    return None


def parse_json(text: str, display_path: str, problems: list[Problem]) -> Any:
    """Parse JSON text into LineDict/LineList, with lines where YAML can read the same JSON."""
    try:
        exact = json.loads(text)
    except json.JSONDecodeError as error:
        problems.append(
            Problem(display_path, error.lineno, f"JSON syntax error: {error.msg}", "check commas, quotes and brackets")
        )
        return None
    # JSON is nearly YAML: when YAML reads the same values, keep its line numbers.
    try:
        with_lines = yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError:
        with_lines = None
    return with_lines if with_lines == exact else _without_lines(exact)


def _without_lines(value: Any) -> Any:
    if isinstance(value, dict):
        result = LineDict((str(k), _without_lines(v)) for k, v in value.items())
        result.key_lines = {}
        return result
    if isinstance(value, list):
        items = LineList(_without_lines(v) for v in value)
        items.item_lines = []
        return items
    return value


def load_data_file(path: Path, display_path: str, problems: list[Problem]) -> Any:
    """Read and parse a `.yml`, `.yaml` or `.json` file; None (with problems) when it fails."""
    text = read_text(path, display_path, problems)
    if text is None:
        return None
    if not text.strip():
        problems.append(Problem(display_path, 0, "the file is empty", "add data or delete the file"))
        return None
    if path.suffix.lower() == ".json":
        return parse_json(text, display_path, problems)
    before = len(problems)
    data = parse_yaml(text, display_path, problems)
    if data is None and len(problems) == before:
        problems.append(
            Problem(display_path, 0, "the file holds no data, only comments", "add data or delete the file")
        )
    return data


def did_you_mean(word: str, choices: list[str] | tuple[str, ...] | set[str] | frozenset[str]) -> str:
    """A ' — did you mean 'x'?' hint for an unknown name, or '' when nothing is close."""
    import difflib  # here, not at the top: only a mistake needs it, and it costs every build's start

    close = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else ""
