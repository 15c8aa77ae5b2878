"""Crossref inheritance across files: children get the fields of their parent entries."""

from __future__ import annotations

from collections.abc import Sequence

from ..entry_types import NOT_PUBLICATION_TYPES
from ..problems import Problem
from .model import BibFile, RawEntry

#: Entry types that are containers: when such an entry is only there as a crossref parent,
#: it is not a publication of its own.
PARENT_ONLY_TYPES = frozenset(
    {
        "proceedings",
        "mvproceedings",
        "book",
        "mvbook",
        "collection",
        "mvcollection",
        "reference",
        "mvreference",
        "periodical",
    }
)
# Parents whose `title` becomes the child's `booktitle`.
_BOOKTITLE_PARENT_TYPES = PARENT_ONLY_TYPES - {"periodical"}
# Fields a child never inherits from its parent (as in biblatex).
_NOT_INHERITED = frozenset({"crossref", "xref", "ids", "entryset", "label", "shorthand", "sortkey", "key"})
# Fields an entry never takes from an `@xdata` entry it names.
_NOT_FROM_XDATA = frozenset({"xdata", "ids"})


def resolve_crossrefs(
    files: Sequence[BibFile],
) -> tuple[list[RawEntry], set[str], list[Problem]]:
    """Merge crossref parents into their children, across all files.

    Returns the entries of all files in order (for a key used in several files, case-
    insensitively, the first is kept and the others are reported), the keys of entries that
    are no publications of their own: parents that are containers (`PARENT_ONLY_TYPES`)
    referenced by a `crossref`, and `@set`, `@xdata` and control entries
    (`NOT_PUBLICATION_TYPES`); and the problems: duplicate keys across files and a
    `crossref`, `xdata`, `xref` or `entryset` member naming a missing entry.
    A child gets every field it lacks from its parent (except `crossref`-like bookkeeping
    fields), and `booktitle` from the parent's `title` when the parent is a book,
    proceedings or collection. Parents may themselves have a crossref (resolved first). An
    entry first takes the fields it lacks from the `@xdata` entries its `xdata` names. A
    key may also be one of the biblatex aliases an entry gives in `ids = {...}`.
    """
    problems: list[Problem] = []
    by_key: dict[str, RawEntry] = {}
    ordered: list[RawEntry] = []
    for bib in files:
        for entry in bib.entries:
            folded = entry.key.casefold()
            first = by_key.get(folded)
            if first is not None:
                problems.append(
                    Problem(
                        entry.source.path,
                        entry.source.line,
                        f"duplicate key '{entry.key}' (first at {first.source}); this entry is ignored",
                        "rename one of them",
                    )
                )
                continue
            by_key[folded] = entry
            ordered.append(entry)
    for entry in ordered:  # biblatex aliases: `ids = {old-key, other}`; a real key wins
        if "ids" in entry.fields:
            for alias in _key_list(entry.fields["ids"]):
                by_key.setdefault(alias.casefold(), entry)

    resolved: dict[str, RawEntry] = {}
    parents: set[str] = {entry.key for entry in ordered if entry.entry_type in NOT_PUBLICATION_TYPES}
    with_xdata: dict[str, RawEntry] = {}

    def xdata(entry: RawEntry, seen: frozenset[str]) -> RawEntry:
        """`entry` with the fields it lacks taken from the `@xdata` entries it names."""
        folded = entry.key.casefold()
        if folded in with_xdata:
            return with_xdata[folded]
        merged = entry
        for target in _key_list(entry.fields.get("xdata", "")):
            source = by_key.get(target.casefold())
            if source is None:
                problems.append(
                    Problem(
                        entry.source.path,
                        entry.field_lines.get("xdata", entry.source.line),
                        f"xdata '{target}' not found",
                        "add the @xdata entry or remove the key from the field",
                    )
                )
                continue
            if source.key.casefold() in seen | {folded}:
                continue
            source = xdata(source, seen | {folded})
            merged = _inherit(merged, source, "xdata", _NOT_FROM_XDATA, booktitle=False)
        with_xdata[folded] = merged
        return merged

    def resolve(entry: RawEntry, seen: frozenset[str]) -> RawEntry:
        folded = entry.key.casefold()
        if folded in resolved:
            return resolved[folded]
        if "xdata" in entry.fields:
            entry = xdata(entry, frozenset())
        target = entry.fields.get("crossref", "").strip()
        if not target:
            resolved[folded] = entry
            return entry
        parent = by_key.get(target.casefold())
        if parent is None or parent.key.casefold() in seen | {folded}:
            if parent is None:
                problems.append(
                    Problem(
                        entry.source.path,
                        entry.field_lines.get("crossref", entry.source.line),
                        f"crossref '{target}' not found",
                        "add the parent entry or remove the field",
                    )
                )
            resolved[folded] = entry
            return entry
        parent = resolve(parent, seen | {folded})
        if parent.entry_type in PARENT_ONLY_TYPES:
            parents.add(parent.key)
        merged = _inherit(entry, parent)
        resolved[folded] = merged
        return merged

    result = [resolve(entry, frozenset()) for entry in ordered]
    problems += _missing_references(ordered, by_key)
    return result, parents, problems


def _missing_references(entries: Sequence[RawEntry], by_key: dict[str, RawEntry]) -> list[Problem]:
    """An `xref` or an `entryset` member that names no entry (nor an `ids` alias), as biber
    warns about them. `xref` only links (biblatex inherits nothing through it)."""
    problems: list[Problem] = []
    for entry in entries:
        if "xref" not in entry.fields and "entryset" not in entry.fields:
            continue  # nearly every entry
        xref = entry.fields.get("xref", "").strip()
        if xref and xref.casefold() not in by_key:
            problems.append(
                Problem(
                    entry.source.path,
                    entry.field_lines.get("xref", entry.source.line),
                    f"xref '{xref}' not found",
                    "add the entry it names or remove the field",
                )
            )
        for member in _key_list(entry.fields.get("entryset", "")):
            if member.casefold() not in by_key:
                problems.append(
                    Problem(
                        entry.source.path,
                        entry.field_lines.get("entryset", entry.source.line),
                        f"entryset member '{member}' not found",
                        "add the member entry or remove its key from the field",
                    )
                )
    return problems


def _key_list(value: str) -> list[str]:
    """The keys of a comma-separated list field (`ids`, `xdata`, `entryset`)."""
    return [key.strip() for key in value.split(",") if key.strip()]


def _inherit(
    child: RawEntry,
    parent: RawEntry,
    via: str = "crossref",
    not_inherited: frozenset[str] = _NOT_INHERITED,
    *,
    booktitle: bool = True,
) -> RawEntry:
    """`child` with the fields it lacks taken from `parent` (the lines: that of its `via` field)."""
    fields = dict(child.fields)
    lines = dict(child.field_lines)
    inherited_line = child.field_lines.get(via, child.source.line)
    if (
        booktitle
        and "booktitle" not in fields
        and "title" in parent.fields
        and parent.entry_type in _BOOKTITLE_PARENT_TYPES
    ):
        fields["booktitle"] = parent.fields["title"]
        lines["booktitle"] = inherited_line
    for name, value in parent.fields.items():
        if name not in fields and name not in not_inherited:
            fields[name] = value
            lines[name] = inherited_line
    return RawEntry(child.key, child.entry_type, fields, lines, child.source)
