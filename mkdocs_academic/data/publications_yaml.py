"""Publications written in YAML, for people without BibTeX (same fields as BibTeX)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

from .bibtex import RawEntry, clean_bibtex
from .fields import LINK_FIELDS, PRESENTATION_FIELDS, publication_from_fields
from .models import Publication, Source
from .problems import Problem
from .yamlfile import LineDict, LineList, did_you_mean, load_data_file

#: Every field a YAML publication may have (BibTeX accepts any field without a word).
YAML_PUBLICATION_FIELDS = frozenset(
    {
        "key",
        "type",
        "title",
        "author",
        "authors",
        "editor",
        "editors",
        "year",
        "month",
        "day",
        "date",
        "venue",
        "journal",
        "booktitle",
        "school",
        "institution",
        "publisher",
        "organization",
        "howpublished",
        "volume",
        "number",
        "issue",
        "pages",
        "edition",
        "series",
        "address",
        "location",
        "status",
        "note",
        "abbr",
        "award",
        "award_name",
        "selected",
        "keywords",
        "tags",
        "abstract",
        "highlights",
        "additional_info",
        "annotation",
        "preview",
        "bibtex_show",
        "links",
        "eprint",
        "archiveprefix",
        "isbn",
        "issn",
        "language",
    }
    | set(LINK_FIELDS)
)


def load_yaml_publications(path: Path, display_path: str, first_order: int) -> tuple[list[Publication], list[Problem]]:
    """Read a `publications.yml`: a list of entries (or a mapping with a `publications` list)."""
    problems: list[Problem] = []
    data = load_data_file(path, display_path, problems)
    if data is None:
        return [], problems
    if isinstance(data, Mapping) and "publications" in data:
        data = data["publications"]
    if not isinstance(data, LineList):
        line = getattr(data, "line", 0)
        problems.append(
            Problem(display_path, line, "expected a list of publications", "start each entry with `- title: ...`")
        )
        return [], problems
    publications: list[Publication] = []
    seen: dict[str, int] = {}
    for index, item in enumerate(data):
        line = data.line_of(index)
        if not isinstance(item, LineDict):
            problems.append(
                Problem(
                    display_path,
                    line,
                    "a publication must be a mapping of fields",
                    "write `- title: ...` and indent its fields",
                )
            )
            continue
        fields = {str(name).lower(): value for name, value in item.items()}
        for name in fields:
            if name not in YAML_PUBLICATION_FIELDS:
                hint = did_you_mean(name, YAML_PUBLICATION_FIELDS) or "see the README's publication fields"
                problems.append(Problem(display_path, item.line_of(name), f"unknown field '{name}'", hint))
        for name, dup_line in item.duplicates:
            problems.append(Problem(display_path, dup_line, f"field '{name}' is written twice", "keep one of them"))
        key = str(fields.pop("key", "") or "")
        if not key:
            # A made-up key must not collide: two different papers may give the same one.
            key = base = _make_key(fields, index)
            number = 1
            while key in seen:
                number += 1
                key = f"{base}-{number}"
        if key in seen:
            problems.append(
                Problem(
                    display_path,
                    line,
                    f"duplicate key '{key}' (first at line {seen[key]}); this entry is ignored",
                    "give each publication its own key",
                )
            )
            continue
        seen[key] = line
        entry_type = str(fields.pop("type", "") or "article")
        if "venue" in fields:
            fields.setdefault(_venue_field(entry_type), fields.pop("venue"))
        lines = {str(name).lower(): item.line_of(name) for name in item}
        raw = RawEntry(
            key=key,
            entry_type=entry_type,
            fields={name: _bibtex_value(value) for name, value in fields.items() if _bibtex_value(value)},
            field_lines=lines,
            source=Source(display_path, line),
        )
        publications.append(
            publication_from_fields(
                key,
                entry_type,
                fields,
                Source(display_path, line),
                field_lines=lines,
                order=first_order + index,
                latex=False,
                bibtex=clean_bibtex(raw, PRESENTATION_FIELDS),
                problems=problems,
            )
        )
    return publications, problems


def _venue_field(entry_type: str) -> str:
    return {
        "inproceedings": "booktitle",
        "conference": "booktitle",
        "incollection": "booktitle",
        "phdthesis": "school",
        "mastersthesis": "school",
        "techreport": "institution",
        "book": "publisher",
        "misc": "howpublished",
    }.get(entry_type.lower(), "journal")


def _bibtex_value(value: object) -> str:
    """A YAML value as BibTeX text: author lists joined with ` and `."""
    if isinstance(value, (list, tuple)):
        if all(isinstance(item, str) for item in value):
            return " and ".join(value)
        names = [str(item.get("name", "")) for item in value if isinstance(item, Mapping)]
        return " and ".join(name for name in names if name)
    if isinstance(value, Mapping) or value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _make_key(fields: Mapping[str, object], index: int) -> str:
    """A BibTeX-like key for an entry without one: first author's family name, year, title word."""
    authors = fields.get("authors") or fields.get("author") or ""
    first = authors[0] if isinstance(authors, list) and authors else str(authors).split(" and ")[0]
    first = str(first.get("name", "") if isinstance(first, Mapping) else first)
    family = first.split(",")[0] if "," in first else (first.split() or [""])[-1]
    year = str(fields.get("year") or fields.get("date") or "")[:4]
    word = next((w for w in re.findall(r"[A-Za-z]+", str(fields.get("title", ""))) if len(w) > 3), "")
    key = re.sub(r"[^a-z0-9]", "", f"{family}{year}{word}".lower())
    return key or f"publication-{index + 1}"
