"""Macros: the month names every style defines, and `@string` definitions across files."""

from __future__ import annotations

from collections.abc import Mapping

from .values import parse_value

#: The month macros every BibTeX style defines, expanded to readable English names.
MONTH_MACROS: dict[str, str] = {
    "jan": "January",
    "feb": "February",
    "mar": "March",
    "apr": "April",
    "may": "May",
    "jun": "June",
    "jul": "July",
    "aug": "August",
    "sep": "September",
    "oct": "October",
    "nov": "November",
    "dec": "December",
}


class Macros:
    """Macro lookup for one file: its own `@string`s, then other files', then extras, months.

    Raw definitions are expanded on first use, so definition order does not matter and a
    macro may refer to one defined in another file.
    """

    def __init__(
        self,
        own: Mapping[str, tuple[str, int]],
        shared: Mapping[str, tuple[str, int]] | None = None,
        extra: Mapping[str, str] | None = None,
    ) -> None:
        """`own` and `shared` map lower-case names to (raw definition, line); `extra` to values."""
        self._own = own
        self.shared: Mapping[str, tuple[str, int]] = shared or {}
        self._extra = {name.lower(): value for name, value in (extra or {}).items()}
        self._resolved: dict[str, str] = {}
        self._resolving: set[str] = set()
        self.undefined: dict[str, list[str]] = {}  # macro -> undefined names it uses

    def defined_later(self, name: str, line: int) -> int:
        """The line of this file's `@string` for `name` when it comes after `line` (BibTeX and
        biber read a file once, top to bottom: there the macro is still undefined), else 0."""
        definition = self._own.get(name)
        return definition[1] if definition is not None and definition[1] > line else 0

    def __call__(self, name: str) -> str | None:
        """The value of the macro `name` (lower case), or None when it is not defined."""
        value = self._resolved.get(name)
        if value is not None:
            return value
        definition = self._own.get(name) or self.shared.get(name)
        if definition is None:
            return self._extra.get(name, MONTH_MACROS.get(name))
        if name in self._resolving:  # @string{a = b} @string{b = a}
            return None
        self._resolving.add(name)
        try:
            parsed = parse_value(definition[0], self)
        finally:
            self._resolving.discard(name)
        if parsed.undefined:
            self.undefined[name] = parsed.undefined
        self._resolved[name] = parsed.text
        return parsed.text
