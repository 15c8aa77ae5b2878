"""BibTeX values: `{...}`, `"..."`, numbers and macro names joined by `#`."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

BRACE = re.compile(r"(?<!\\)[{}]")
_BRACE_OR_QUOTE = re.compile(r'(?<!\\)[{}"]')
#: A BibTeX identifier (macro or field name): anything but white space and `"#%'(),={}`.
NAME = re.compile(r"[^\s\"#%'(),={}]+")
_SPACE = re.compile(r"\s*")
#: `%` comment lines (BibTeX has none, but biber and most editors treat `%` lines so).
COMMENT_LINES = re.compile(r"^[ \t]*%.*$", re.MULTILINE)


def snippet(raw: str, limit: int = 50) -> str:
    """`raw` on one line, cut to `limit` characters, to quote it in a message."""
    text = " ".join(raw.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def closing_brace(text: str, start: int) -> int:
    """Index of the `}` matching the `{` at `start`, or -1."""
    depth = 0
    for match in BRACE.finditer(text, start):
        if match.group(0) == "{":
            depth += 1
        else:
            depth -= 1
            if depth == 0:
                return match.start()
    return -1


def _closing_quote(text: str, start: int) -> int:
    """Index of the `"` closing the quoted string opened at `start` (skipping braces), or -1."""
    depth = 0
    for match in _BRACE_OR_QUOTE.finditer(text, start + 1):
        char = match.group(0)
        if char == "{":
            depth += 1
        elif char == "}":
            depth = max(depth - 1, 0)
        elif depth == 0:
            return match.start()
    return -1


def _skip_space(text: str, position: int) -> int:
    """The index of the first non-blank character at or after `position`."""
    match = _SPACE.match(text, position)
    return match.end() if match is not None else position


class Value(NamedTuple):
    """A parsed value: its text, the undefined macros it used, where parsing stopped."""

    text: str
    undefined: list[str]
    end: int
    unbalanced: bool = False


def parse_value(raw: str, lookup: Callable[[str], str | None]) -> Value:
    """Parse `{..}`, `".."`, numbers and macro names joined by `#`, starting at the beginning.

    `lookup` gives a macro's value by its lower-case name (None when undefined). Stops at the
    first thing that is not part of the value; `end` tells where (len(raw) when the whole
    text was a value).
    """
    length = len(raw)
    # Fast paths for the usual shapes: `{text}`, `"text"`, `2020`.
    if length >= 2:
        first, last = raw[0], raw[-1]
        if first == "{" and last == "}":
            inner = raw[1:-1]
            if "{" not in inner and "}" not in inner:
                return Value(inner, [], length)
        elif first == '"' and last == '"':
            inner = raw[1:-1]
            if '"' not in inner and "{" not in inner and "}" not in inner:
                return Value(inner, [], length)
    if raw.isdigit():
        return Value(raw, [], length)

    pieces: list[str] = []
    undefined: list[str] = []
    position = _skip_space(raw, 0)
    while position < length:
        char = raw[position]
        if char in '{"':
            end = closing_brace(raw, position) if char == "{" else _closing_quote(raw, position)
            if end < 0:
                pieces.append(raw[position + 1 :])
                return Value("".join(pieces), undefined, length, unbalanced=True)
            pieces.append(raw[position + 1 : end])
            position = end + 1
        else:
            match = NAME.match(raw, position)
            if match is None:
                break
            token = match.group(0)
            if token.isdigit():
                pieces.append(token)
            else:
                value = lookup(token.lower())
                if value is None:
                    undefined.append(token)
                    value = token
                pieces.append(value)
            position = match.end()
        position = _skip_space(raw, position)
        if position < length and raw[position] == "#":
            position = _skip_space(raw, position + 1)
            continue
        break
    return Value("".join(pieces), undefined, position)
