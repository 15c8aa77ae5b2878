"""What reading `.bib` files gives: expanded entries (`RawEntry`) and each file's result (`BibFile`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import NamedTuple

from ..models import Source
from ..problems import Problem

# A field as a reader splits it: its raw name and raw value, both stripped (the name may start
# with `%` comment lines, the value keeps its braces or quotes). A plain tuple: a tenth of the
# memory of bibtexparser's `Field`, and quick to make.
RawField = tuple[str, str]

# An entry as split: the identity of its list of fields (a chunk the split did not parse again
# keeps its list) and its line (the lines of its fields move with it).
EntrySignature = tuple[int, int]


class RawEntry(NamedTuple):
    """One BibTeX entry with its values expanded but LaTeX not decoded.

    `fields` maps lower-case field names to values (macros expanded, `#` concatenated, outer
    braces or quotes removed, inner braces kept), in file order; `field_lines` gives the
    1-based line of each field; `source` is the file and the line of the `@`.
    """

    key: str
    entry_type: str
    fields: dict[str, str]
    field_lines: dict[str, int]
    source: Source


@dataclass
class ExpansionMemo:
    """Each keyed entry's expansion and its problems, with the macros it was expanded with, so
    that expanding an edited version of the file again redoes only the changed entries."""

    own: Mapping[str, tuple[str, int]]
    shared: Mapping[str, tuple[str, int]]
    # the fields tuple is kept in the value, so that its id() is not reused while it is here
    entries: dict[EntrySignature, tuple[RawEntry, tuple[Problem, ...], tuple[RawField, ...]]]
    noop_macros: frozenset[str] = frozenset()  # the `@preamble` sorting macros dropped
    text_macros: Mapping[str, str] = field(default_factory=dict)  # the `@preamble` text macros


@dataclass
class BibFile:
    """The result of reading one `.bib` file: its entries, its problems, its macros."""

    path: str
    entries: list[RawEntry] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    macros: dict[str, str] = field(default_factory=dict)
    expanded: ExpansionMemo | None = field(default=None, repr=False, compare=False)
