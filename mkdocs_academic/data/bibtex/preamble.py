"""Sorting macros from `@preamble`: commands that print nothing and only steer BibTeX's sort.

`@preamble{"\\newcommand{\\noopsort}[1]{}"}` defines `\\noopsort`, which swallows its argument:
`year = "{\\noopsort{1973c}}1981"` prints 1981 (and sorts as 1973c). A macro the preamble
defines as `\\newcommand{\\x}[1]{}` (or `\\providecommand`, `\\renewcommand`, `\\def\\x#1{}`)
is such a macro; `\\noopsort` and `\\SortNoop` are read so even when the preamble is elsewhere.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from .values import closing_brace

#: Sorting macros read as "drop the argument" in every file (their usual names).
DEFAULT_NOOP_MACROS = frozenset({"noopsort", "SortNoop", "NOOPSORT"})

_NEWCOMMAND = re.compile(
    r"\\(?:re|provide)?newcommand\*?\s*(?:\{\s*\\([A-Za-z]+)\s*\}|\\([A-Za-z]+))\s*\[\s*1\s*\]\s*\{\s*\}"
)
_DEF = re.compile(r"\\def\s*\\([A-Za-z]+)\s*#1\s*\{\s*\}")


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
