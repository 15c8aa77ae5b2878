"""The data model: the immutable records every loader produces and every template reads.

All text here is already Unicode (LaTeX decoded); math between `$` signs is kept verbatim.
Fields whose name ends in `_md` hold Markdown that the renderer turns into inline HTML.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, NamedTuple

# The records are NamedTuples, not frozen dataclasses: a dataclass costs 1 to 5 ms at import
# (Python writes and compiles its methods) and three times as long per instance, and every
# build imports them and makes thousands.


class Source(NamedTuple):
    """Where an item was read: a file path (as given by the user) and a 1-based line."""

    path: str
    line: int = 0

    def __str__(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path


class Person(NamedTuple):
    """One name from an author or editor list.

    `literal` is set for names that must not be split, such as `{Barnes and Noble, Inc.}`;
    then `first`, `von`, `last` and `jr` are empty. `marks` holds contribution marks written
    after the name in the data (`*` equal contribution, `†` corresponding author, ...).
    """

    first: str = ""
    von: str = ""
    last: str = ""
    jr: str = ""
    literal: str = ""
    marks: str = ""
    url: str = ""

    @property
    def is_others(self) -> bool:
        """True for the `and others` placeholder (rendered as "et al.")."""
        return self.literal == "others" and not self.last

    @property
    def family(self) -> str:
        """Family name with its particle: "van Beethoven"."""
        if self.literal:
            return self.literal
        return f"{self.von} {self.last}".strip()

    @property
    def full(self) -> str:
        """The name in reading order: "Ludwig van Beethoven, Jr."."""
        if self.literal:
            return self.literal
        name = " ".join(part for part in (self.first, self.von, self.last) if part)
        return f"{name}, {self.jr}" if self.jr else name


class Link(NamedTuple):
    """A labelled link shown under an entry. `kind` picks the label and icon (pdf, doi, ...)."""

    kind: str
    url: str
    label: str = ""


class PartialDate(NamedTuple):
    """A date that keeps its precision: a year stays a year, a month stays a month.

    biblatex (EDTF) dates add: `season` (21–24, spring to winter, in place of a month),
    `unspecified` (trailing digits of the year not known: 1 for `199X`, 2 for `19XX`), `end`
    (the end of a range `1995/1996`), `open_end` (`2006/..`) and `open_start` (`../2004`: the
    date itself is the end). Years before 1 are astronomical: `-0380` is -380.
    """

    year: int
    month: int | None = None
    day: int | None = None
    season: int | None = None
    unspecified: int = 0
    end: PartialDate | None = None
    open_start: bool = False
    open_end: bool = False

    @property
    def sort_key(self) -> tuple[int, int, int]:
        month = self.month or (3 * (self.season - 20) if self.season else 0)  # spring ~ March
        return (self.year, month, self.day or 0)

    def iso(self) -> str:
        """ISO 8601 at the date's own precision: `2024`, `2024-05` or `2024-05-17`."""
        text = f"{self.year:04d}" if self.year >= 0 else f"-{-self.year:04d}"  # -0380, as EDTF
        if self.month:
            text += f"-{self.month:02d}"
            if self.day:
                text += f"-{self.day:02d}"
        return text


#: The one empty, read-only mapping: the default of every mapping field of a record.
EMPTY_MAPPING: Mapping[str, Any] = MappingProxyType({})


class Publication(NamedTuple):
    """One publication, from BibTeX or from a YAML file.

    `fields` keeps every field of the source as written (BibTeX values keep their LaTeX, with
    macros expanded), keyed by lower-case name, so templates can show fields the model does
    not name; it may be the very dict the reader made, so never change it. `bibtex` is the clean entry shown
    under "BibTeX" (macros expanded, crossref fields merged, presentation-only fields removed).
    """

    key: str
    entry_type: str
    title: str
    source: Source
    order: int = 0
    authors: tuple[Person, ...] = ()
    editors: tuple[Person, ...] = ()
    date: PartialDate | None = None
    venue: str = ""
    volume: str = ""
    number: str = ""
    pages: str = ""
    publisher: str = ""
    edition: str = ""
    series: str = ""
    address: str = ""
    status: str = ""
    note: str = ""
    abbr: str = ""
    award: str = ""
    selected: bool = False
    keywords: tuple[str, ...] = ()
    links: tuple[Link, ...] = ()
    doi: str = ""
    arxiv: str = ""
    abstract: str = ""
    highlights_md: tuple[str, ...] = ()
    additional_info_md: str = ""
    annotation_md: str = ""
    #: The kind of thesis or report: "phdthesis" or "mastersthesis" (shown with the labels of
    #: those names), else the `type` field as written ("Technical Report", "Habilitation").
    genre: str = ""
    #: Set when the date or the venue was read from `status` ("Accepted at ICML 2022" with
    #: no year or venue): the venue line then shows the status alone, not them again.
    date_from_status: bool = False
    venue_from_status: bool = False
    preview: str = ""
    show_bibtex: bool = True
    bibtex: str = ""
    fields: Mapping[str, str] = EMPTY_MAPPING

    @property
    def year(self) -> int | None:
        return self.date.year if self.date else None
