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
      - title: Research skills          # a group of sub-groups, shown as a nested list
        groups:
          - {title: HPC, items: [Slurm, MPI]}
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .dates import DateRange, is_present
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
        "department",
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
        "groups",
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
    "dept": "department",
    "faculty": "department",
    "subgroups": "groups",
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
#: A `start` that says the start is not known (`start: unknown`, `end: present`).
UNKNOWN_DATES = frozenset({"unknown", "?", "n/a", "-"})
#: How deep skill groups may nest (`groups:` inside `groups:`).
MAX_GROUP_DEPTH = 3
# " and " between names, as in BibTeX author lists (not inside a Markdown link's brackets).
_AND = re.compile(r"\s+and\s+")


@dataclass(frozen=True)
class CVEntry:
    """One CV entry. Fields ending in `_md` hold inline Markdown."""

    title_md: str
    source: Source
    area: str = ""
    organization_md: str = ""
    department_md: str = ""
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
    #: Sub-groups of a skill group ("Research skills" > "Toolkits", "HPC"), each a CVEntry.
    groups: tuple[CVEntry, ...] = ()
    level: str = ""
    score: str = ""
    note_md: str = ""
    links: tuple[Link, ...] = ()
    order: int = 0

    @property
    def is_group(self) -> bool:
        """A named group of items ("Toolkits: PyTorch, NumPy"), shown on one line."""
        return bool(self.items_md or self.level or self.groups) and not (
            self.when or self.organization_md or self.highlights_md
        )


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


def read_entries(
    entries: LineList, display_path: str, problems: list[Problem], *, section: str, depth: int = 0
) -> list[CVEntry]:
    """The entries of one section (or the sub-groups of a group, at `depth` > 0); a bad entry
    is reported and left out."""
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
        entry = read_entry(item, display_path, problems, section=section, order=index, depth=depth)
        if entry is not None:
            result.append(entry)
    return result


def read_entry(
    item: LineDict, display_path: str, problems: list[Problem], *, section: str, order: int, depth: int = 0
) -> CVEntry | None:
    """One CV entry (None, with a problem, when it has neither a title nor an organization).

    An entry with an organization and no title (a job without a role) shows the organization
    as its title."""
    reader = ItemReader(item, display_path, problems, fields=ENTRY_FIELDS, what=section, hints=ENTRY_HINTS)
    organization = reader.text("organization")
    title = reader.text("title", required=not organization)
    if not title and organization and not reader.has("title"):
        title, organization = organization, ""
    people = tuple((role, found) for role in PEOPLE_FIELDS if (found := _people(reader, role)))
    items, groups = _items_and_groups(reader, display_path, problems, section=section, title=title, depth=depth)
    entry = CVEntry(
        title_md=title,
        source=Source(display_path, item.line),
        area=reader.text("area"),
        organization_md=organization,
        department_md=reader.text("department"),
        url=reader.url("url"),
        location=reader.text("location"),
        when=_entry_dates(reader),
        status=reader.text("status"),
        thesis_md=reader.text("thesis"),
        people=people,
        summary_md=reader.text("summary"),
        highlights_md=reader.text_list("highlights"),
        items_md=items,
        groups=groups,
        level=reader.text("level"),
        score=reader.text("score"),
        note_md=reader.text("note"),
        links=reader.links("links"),
        order=order,
    )
    return entry if title else None


def _entry_dates(reader: ItemReader) -> DateRange | None:
    """`date` or `start`/`end`, and an ongoing entry whose start is not known: `end: present`
    with no `start` (or `start: unknown`), or `date: present` -- shown "Present"."""
    item = reader.item
    if reader.has("date"):
        if is_present(item.get("date")) and not (reader.has("start") or reader.has("end")):
            return DateRange(ongoing=True)
        return reader.date_range()
    start = item.get("start")
    unknown_start = isinstance(start, str) and start.strip().lower() in UNKNOWN_DATES
    if not unknown_start and reader.has("start"):
        return reader.date_range()
    if is_present(item.get("end")):
        return DateRange(ongoing=True)
    end = reader.date("end")
    return DateRange(end=end) if end is not None else None


def split_names(text: str) -> list[str]:
    """Names in one text, separated by " and " as in BibTeX ("A and B" -> ["A", "B"]);
    an "and" inside a Markdown link's brackets ("[Lab of A and B](url)") does not split."""
    names: list[str] = []
    depth = start = 0
    for match in _AND.finditer(text):
        depth = sum(text.count(o, start, match.start()) - text.count(c, start, match.start()) for o, c in ("[]", "()"))
        if depth > 0:
            continue
        names.append(text[start : match.start()])
        start = match.end()
    names.append(text[start:])
    return [name.strip() for name in names if name.strip()]


def _people(reader: ItemReader, role: str) -> tuple[Person, ...]:
    """`advisors`, `supervisors` or `mentors`: a list, or one text with " and " between names."""
    value = reader.item.get(role)
    found = reader.people(role)
    if isinstance(value, str) and len(found) == 1:
        names = split_names(value)
        if len(names) > 1:
            return tuple(Person(literal=name) for name in names)
    return found


def _items_and_groups(
    reader: ItemReader, display_path: str, problems: list[Problem], *, section: str, title: str, depth: int
) -> tuple[tuple[str, ...], tuple[CVEntry, ...]]:
    """The `items` of an entry and its sub-groups: `groups:` (a list of entries) or mappings
    in the `items` list (`- {title: HPC, items: [Slurm]}`)."""
    item = reader.item
    what = f"{section}: {title}" if title else section
    value = item.get("items")
    groups: list[CVEntry] = []
    if isinstance(value, LineList) and any(isinstance(entry, LineDict) for entry in value):
        texts: list[str] = []
        for index, entry in enumerate(value):
            line = value.line_of(index)
            if isinstance(entry, LineDict):
                groups.extend(_sub_groups([entry], [line], display_path, problems, what=what, depth=depth))
            elif isinstance(entry, (str, int, float)) and not isinstance(entry, bool):
                if str(entry).strip():
                    texts.append(str(entry).strip())
                    reader.check_markdown_links(str(entry), "items", line)
            else:
                reader.report(
                    line,
                    "field 'items': each item must be text or a sub-group `{title: ..., items: [...]}`",
                    "write `- PyTorch` or `- {title: Toolkits, items: [PyTorch]}`",
                )
        items = tuple(texts)
    else:
        items = reader.text_list("items", split_commas=True)
    nested = item.get("groups")
    if isinstance(nested, LineList):
        groups.extend(
            _sub_groups(
                list(nested),
                [nested.line_of(i) for i in range(len(nested))],
                display_path,
                problems,
                what=what,
                depth=depth,
            )
        )
    elif nested not in (None, ""):
        reader.report(
            reader.line("groups"),
            "field 'groups' must be a list of sub-groups; it is not shown",
            "write `groups:` and under it `- title: Toolkits` with its own `items: [...]`",
        )
    return items, tuple(groups)


def _sub_groups(
    entries: list[object], lines: list[int], display_path: str, problems: list[Problem], *, what: str, depth: int
) -> list[CVEntry]:
    """Sub-groups (each read as a CV entry), at most MAX_GROUP_DEPTH levels deep."""
    if depth + 1 > MAX_GROUP_DEPTH:
        if lines:
            problems.append(
                Problem(
                    display_path,
                    lines[0],
                    f"{what}: groups nest at most {MAX_GROUP_DEPTH} levels deep; deeper ones are not shown",
                    "move them up a level",
                )
            )
        return []
    result: list[CVEntry] = []
    for index, (entry, line) in enumerate(zip(entries, lines, strict=True)):
        if not isinstance(entry, LineDict):
            problems.append(
                Problem(
                    display_path,
                    line,
                    f"{what}: a sub-group must be a mapping (`- title: ...` with `items: [...]`); it is not shown",
                    "write `- title: Toolkits` and indent `items: [PyTorch, NumPy]` under it",
                )
            )
            continue
        found = read_entry(entry, display_path, problems, section=what, order=index, depth=depth + 1)
        if found is not None:
            result.append(found)
    return result


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
