"""Macros from `@preamble`: sorting macros, which print nothing, and text macros.

`@preamble{"\\newcommand{\\noopsort}[1]{}"}` defines `\\noopsort`, which swallows its argument:
`year = "{\\noopsort{1973c}}1981"` prints 1981 (and sorts as 1973c). A macro the preamble
defines as `\\newcommand{\\x}[1]{}` (or `\\providecommand`, `\\renewcommand`, `\\def\\x#1{}`)
is such a macro; `\\noopsort` and `\\SortNoop` are read so even when the preamble is elsewhere.

A macro defined without arguments, `@preamble{"\\newcommand{\\ATSI}{Aboriginal and Torres Strait
Islander}"}` (or `\\def\\ATSI{…}`), is a text macro: the entries of that file show its text where
they use it, as LaTeX prints it (and the copyable BibTeX has the text, so it stands alone).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping

from ...lazy_pattern import LazyPattern
from ..problems import Problem
from .values import closing_brace, parse_value, snippet

#: Sorting macros read as "drop the argument" in every file (their usual names).
DEFAULT_NOOP_MACROS = frozenset({"noopsort", "SortNoop", "NOOPSORT"})

_NEWCOMMAND = LazyPattern(
    r"\\(?:re|provide)?newcommand\*?\s*(?:\{\s*\\([A-Za-z]+)\s*\}|\\([A-Za-z]+))\s*\[\s*1\s*\]\s*\{\s*\}"
)
_DEF = LazyPattern(r"\\def\s*\\([A-Za-z]+)\s*#1\s*\{\s*\}")


_TEXT_MACRO = LazyPattern(
    r"\\(?:re|provide)?newcommand\*?\s*(?:\{\s*\\([A-Za-z]+)\s*\}|\\([A-Za-z]+))\s*(?=\{)"
    r"|\\def\s*\\([A-Za-z]+)\s*(?=\{)"
)


def text_macro_definitions(preamble: str) -> dict[str, str]:
    """The macros `preamble` defines without arguments, by name: their text (LaTeX)."""
    found: dict[str, str] = {}
    for match in _TEXT_MACRO.finditer(preamble):
        close = closing_brace(preamble, match.end())
        if close > match.end():
            name = match.group(1) or match.group(2) or match.group(3)
            found[name] = preamble[match.end() + 1 : close]
    return found


def expand_text_macros(value: str, macros: Mapping[str, str]) -> str:
    """`value` with the text macros `macros` replaced by `{text}` (a following `{}`, which
    only ends the command name, goes with them; a space is kept, so words stay apart)."""
    if "\\" not in value or not macros:
        return value
    pattern = re.compile(r"\\(" + "|".join(re.escape(name) for name in sorted(macros)) + r")(?![A-Za-z])(?:\{\})?")
    return pattern.sub(lambda match: "{" + macros[match.group(1)] + "}", value)


def preamble_problem(path: str, value: str, line: int) -> Problem | None:
    """A Problem when the text of a `@preamble{…}` is not a BibTeX value (quoted or braced
    text, macros, joined by `#`): BibTeX and biber stop at `@preamble{ \\newcommand… }`, so
    LaTeX never gets the definitions (they are still read here)."""
    text = value.strip()
    if not text or parse_value(text, lambda name: "").end >= len(text):
        return None
    return Problem(
        path,
        line,
        f"@preamble{{{snippet(text, 30)}}} is not quoted; BibTeX and biber cannot read it",
        'write its text in quotes: @preamble{"\\newcommand{\\x}{…}"}',
    )


def noop_macro_names(preamble: str) -> set[str]:
    """The names of the macros `preamble` defines to print nothing of their one argument."""
    names = {first or second for first, second in _NEWCOMMAND.findall(preamble)}
    names.update(_DEF.findall(preamble))
    return names


def drop_noop_macros(value: str, names: Collection[str]) -> str:
    """`value` without the sorting macros `names` and their arguments (`{\\noopsort{a}}1981`
    gives `1981`); a group left empty by the removal goes too."""
    if "\\" not in value or not names:
        return value
    pattern = re.compile(r"\\(" + "|".join(re.escape(name) for name in sorted(names)) + r")(?![A-Za-z])\s*")
    position = 0
    while True:
        found = pattern.search(value, position)
        if found is None:
            return value
        start, end = found.start(), found.end()
        if value[end : end + 1] == "{":
            close = closing_brace(value, end)
            if close < 0:
                return value  # unbalanced: leave the value as written
            end = close + 1
        elif end < len(value):
            end += 1  # a one-character argument: `\noopsort a`
        if value[start - 1 : start] == "{" and value[end : end + 1] == "}":
            start, end = start - 1, end + 1  # `{\noopsort{1973c}}`: the group goes with it
        value = value[:start] + value[end:]
        position = start
