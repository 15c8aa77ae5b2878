"""`cv.yml`: the sections of a CV (education, positions, awards, talks, skills, ...).

The file maps section names, chosen freely, to lists of entries. Every entry has the same
fields; a section uses the ones it needs:

    education:
      - title: PhD
        area: Computational Linguistics
        organization: University of Edinburgh
        location: Edinburgh, UK
        start: 2016-09
        end: 2020-06
        thesis: Learning tone from sparse data
        advisors: ["[Ana Ruiz](https://example.org/ana)", Tomás Vidal]
        note: Best thesis award
    skills:
      - title: Toolkits
        items: [PyTorch, NumPy, spaCy]
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .dates import DateRange
from .models import Link, Person, Source
from .problems import Problem
from .schema import ItemReader
from .yamlfile import LineDict, LineList, load_data_file

#: Every field of a CV entry (README: "CV entry fields").
ENTRY_FIELDS = frozenset(
    {
        "title",
        "area",
        "organization",
        "url",
        "location",
        "date",
        "start",
        "end",
        "status",
        "thesis",
        "advisors",
        "supervisors",
        "mentors",
        "summary",
        "highlights",
        "items",
        "level",
        "score",
        "note",
        "links",
    }
)
#: Names people reach for, and the field to use instead.
ENTRY_HINTS = {
    "name": "title",
    "degree": "title",
    "role": "title",
    "position": "title",
    "course": "title",
    "field": "area",
    "major": "area",
    "studytype": "title",
    "institution": "organization",
    "company": "organization",
    "employer": "organization",
    "lab": "organization",
    "university": "organization",
    "school": "organization",
    "venue": "organization",
    "event": "organization",
    "awarder": "organization",
    "issuer": "organization",
    "funder": "organization",
    "place": "location",
    "city": "location",
    "year": "date",
    "years": "date",
    "from": "start",
    "to": "end",
    "until": "end",
    "startdate": "start",
    "enddate": "end",
    "description": "summary",
    "details": "highlights",
    "bullets": "highlights",
    "advisor": "advisors",
    "supervisor": "supervisors",
    "mentor": "mentors",
    "gpa": "score",
    "grade": "score",
    "honors": "note",
    "honours": "note",
    "amount": "note",
    "keywords": "items",
    "link": "url",
    "website": "url",
}
#: Person fields in display order.
PEOPLE_FIELDS = ("advisors", "supervisors", "mentors")


@dataclass(frozen=True)
class CVEntry:
    """One CV entry. Fields ending in `_md` hold inline Markdown."""

    title_md: str
    source: Source
    area: str = ""
    organization_md: str = ""
    url: str = ""
    location: str = ""
    when: DateRange | None = None
    status: str = ""
    thesis_md: str = ""
    #: (role, people) for advisors, supervisors and mentors, in that order.
    people: tuple[tuple[str, tuple[Person, ...]], ...] = ()
    summary_md: str = ""
    highlights_md: tuple[str, ...] = ()
    items_md: tuple[str, ...] = ()
    level: str = ""
    score: str = ""
    note_md: str = ""
    links: tuple[Link, ...] = ()
    order: int = 0

    @property
    def is_group(self) -> bool:
        """A named group of items ("Toolkits: PyTorch, NumPy"), shown on one line."""
        return bool(self.items_md or self.level) and not (self.when or self.organization_md or self.highlights_md)


@dataclass(frozen=True)
class CV:
    """The sections of a CV, in the order of the file."""

    sections: dict[str, tuple[CVEntry, ...]] = field(default_factory=dict)
    source: str = ""


def load_cv(path: Path, display_path: str) -> tuple[CV, list[Problem]]:
    """Read `cv.yml`: a mapping of section name to a list of entries."""
    problems: list[Problem] = []
    data = load_data_file(path, display_path, problems)
    if data is None:
        return CV(source=display_path), problems
    if not isinstance(data, LineDict):
        problems.append(
            Problem(
                display_path,
                getattr(data, "line", 0),
                "expected sections: `education:`, `positions:`, ... each with a list of entries",
                "start the file with a section name followed by a colon",
            )
        )
        return CV(source=display_path), problems
    for name, line in data.duplicates:
        problems.append(
            Problem(display_path, line, f"section '{name}' is written twice; only the last one is used", "merge them")
        )
    sections: dict[str, tuple[CVEntry, ...]] = {}
    for name, entries in data.items():
        line = data.line_of(name)
        if entries is None:
            sections[name] = ()
            continue
        if not isinstance(entries, LineList):
            problems.append(
                Problem(
                    display_path,
                    line,
                    f"section '{name}' must be a list of entries",
                    "start each entry with `- title: ...` on its own line",
                )
            )
            continue
        sections[name] = tuple(read_entries(entries, display_path, problems, section=name))
    return CV(sections=sections, source=display_path), problems


def read_entries(entries: LineList, display_path: str, problems: list[Problem], *, section: str) -> list[CVEntry]:
    """The entries of one section; a bad entry is reported and left out."""
    result: list[CVEntry] = []
    for index, item in enumerate(entries):
        line = entries.line_of(index)
        if not isinstance(item, LineDict):
            problems.append(
                Problem(
                    display_path,
                    line,
                    f"{section}: an entry must be a mapping of fields; it is not shown",
                    "write `- title: ...` and indent its other fields under it",
                )
            )
            continue
        entry = read_entry(item, display_path, problems, section=section, order=index)
        if entry is not None:
            result.append(entry)
    return result


def read_entry(
    item: LineDict, display_path: str, problems: list[Problem], *, section: str, order: int
) -> CVEntry | None:
    """One CV entry (None, with a problem, when it has no title)."""
    reader = ItemReader(item, display_path, problems, fields=ENTRY_FIELDS, what=section, hints=ENTRY_HINTS)
    title = reader.text("title", required=True)
    people = tuple((role, found) for role in PEOPLE_FIELDS if (found := reader.people(role)))
    entry = CVEntry(
        title_md=title,
        source=Source(display_path, item.line),
        area=reader.text("area"),
        organization_md=reader.text("organization"),
        url=reader.url("url"),
        location=reader.text("location"),
        when=reader.date_range(),
        status=reader.text("status"),
        thesis_md=reader.text("thesis"),
        people=people,
        summary_md=reader.text("summary"),
        highlights_md=reader.text_list("highlights"),
        items_md=reader.text_list("items", split_commas=True),
        level=reader.text("level"),
        score=reader.text("score"),
        note_md=reader.text("note"),
        links=reader.links("links"),
        order=order,
    )
    return entry if title else None


def sort_entries(entries: tuple[CVEntry, ...] | list[CVEntry], order: str = "newest") -> list[CVEntry]:
    """Entries newest first (`newest`), oldest first (`oldest`) or as written (`file`).

    Undated entries keep their place among themselves and come first when newest first
    (work in progress), last when oldest first.
    """
    if order == "file":
        return list(entries)
    dated = [entry for entry in entries if entry.when is not None]
    undated = [entry for entry in entries if entry.when is None]
    newest = order == "newest"
    dated.sort(
        key=lambda entry: (entry.when.sort_key if entry.when else (), -entry.order if newest else entry.order),
        reverse=newest,
    )
    return undated + dated if newest else dated + undated
