"""Writing entries back as clean, stand-alone BibTeX (the copyable BibTeX of each entry)."""

from __future__ import annotations

from collections.abc import Collection

from ..names import without_marks
from .model import RawEntry
from .values import BRACE


def _braced(value: str) -> str:
    """`{value}`, escaping braces that do not pair up so the result stays valid BibTeX."""
    if "{" not in value and "}" not in value:
        return "{" + value + "}"
    depth = 0
    unmatched: set[int] = set()
    openings: list[int] = []
    for match in BRACE.finditer(value):
        if match.group(0) == "{":
            openings.append(match.start())
            depth += 1
        elif depth:
            openings.pop()
            depth -= 1
        else:
            unmatched.add(match.start())
    unmatched.update(openings)
    if not unmatched:
        return "{" + value + "}"
    chars = [("\\" + char if index in unmatched else char) for index, char in enumerate(value)]
    return "{" + "".join(chars) + "}"


_STANDARD_NAMES = {"authors": "author", "editors": "editor"}
#: Fields that name other entries, left out of the stand-alone entry: the fields of the
#: `crossref` parent and of the `xdata` entries are merged in (biblatex would show the entry
#: with them, not the link), and an `xref` would name an entry the reader may not have.
_REFERENCES = frozenset({"crossref", "xdata", "xref"})
_NAME_FIELDS = frozenset({"author", "authors", "editor", "editors"})


def add_bibtex_field(text: str, name: str, value: str) -> str:
    """`text` (one entry as `clean_bibtex` writes it) with `name = {value}` as its last field."""
    closing = text.rindex("}")
    return f"{text[:closing].rstrip()}\n  {name} = {_braced(value)},\n}}"


def clean_bibtex(entry: RawEntry, drop: Collection[str]) -> str:
    """The entry as clean, stand-alone BibTeX: macros expanded, fields in `drop` left out.

    `@type{key,\\n  field = {value},\\n}` with the fields in their original order. `crossref`,
    `xdata` and `xref` are left out too (the fields of the entries they name are merged in, or
    for `xref` not used: they would point at entries the reader may not have), and so are
    contribution marks in names (`Lovelace*`), which would print in
    a paper's bibliography.
    """
    lines = [f"@{entry.entry_type}{{{entry.key},"]
    for name, value in entry.fields.items():
        if name in drop or name in _REFERENCES:
            continue
        if name in _NAME_FIELDS:
            value = without_marks(value)
        # `authors`/`editors` (accepted in data files) are `author`/`editor` to BibTeX and biber.
        standard = _STANDARD_NAMES.get(name, name)
        if standard != name and standard in entry.fields:
            continue
        braced = "{" + value + "}" if "{" not in value and "}" not in value else _braced(value)
        lines.append(f"  {standard} = {braced},")
    lines.append("}")
    return "\n".join(lines)
