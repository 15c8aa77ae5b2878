"""`profile.yml`: the card at the top of a homepage (name, photo, position, links, bio).

name: Elena Márquez
photo: assets/elena.jpg
position: Research Scientist
affiliation: Institute for Language Technology
affiliation_url: https://example.org/ilt
location: Barcelona, Spain
email: elena@example.org
links:
  scholar: https://scholar.google.com/citations?user=YOUR_ID
  orcid: https://orcid.org/0000-0000-0000-0000
  cv: cv.pdf
interests:
  - Phonology
  - "[Language acquisition](https://example.org/acquisition)"
  - {name: Speech technology, url: https://example.org/speech}
notice: I am on the job market for research scientist positions starting summer 2026.
bio: |
  I study how children and machines learn the **sound patterns** of language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .models import Link, Source
from .problems import Problem
from .schema import ItemReader, _kind
from .yamlfile import LineDict, LineList, load_data_file

PROFILE_FIELDS = frozenset(
    {
        "name",
        "photo",
        "position",
        "affiliation",
        "affiliation_url",
        "location",
        "email",
        "phone",
        "links",
        "interests",
        "notice",
        "bio",
    }
)
PROFILE_HINTS = {
    "image": "photo",
    "picture": "photo",
    "avatar": "photo",
    "title": "position",
    "label": "position",
    "role": "position",
    "institution": "affiliation",
    "organization": "affiliation",
    "mail": "email",
    "summary": "bio",
    "about": "bio",
    "socials": "links",
    "profiles": "links",
    "interest": "interests",
    "research_interests": "interests",
    "keywords": "interests",
    "topics": "interests",
    "announcement": "notice",
    "banner": "notice",
    "callout": "notice",
    "alert": "notice",
}
#: A comma between interests written on one line (not one inside a Markdown link).
_INTEREST_COMMA = re.compile(r",\s*(?![^\[(]*[\])])")


@dataclass(frozen=True)
class Interest:
    """One research interest: Markdown inline text, linked to `url` when there is one."""

    text_md: str
    url: str = ""


@dataclass(frozen=True)
class Profile:
    """The site owner's card. `bio_md` is Markdown (paragraphs allowed)."""

    name: str
    source: Source
    photo: str = ""
    position: str = ""
    affiliation_md: str = ""
    affiliation_url: str = ""
    location: str = ""
    email: str = ""
    phone: str = ""
    links: tuple[Link, ...] = ()
    #: Research interests, in the order of the file.
    interests: tuple[Interest, ...] = ()
    #: A short announcement shown as a callout ("I am on the job market ..."), inline Markdown.
    notice_md: str = ""
    bio_md: str = ""


def load_profile(path: Path, display_path: str) -> tuple[Profile | None, list[Problem]]:
    """Read `profile.yml`: one mapping of the fields above."""
    problems: list[Problem] = []
    data = load_data_file(path, display_path, problems)
    if data is None:
        return None, problems
    if not isinstance(data, LineDict):
        problems.append(
            Problem(display_path, getattr(data, "line", 0), "expected a mapping: `name: ...`, `position: ...`", "")
        )
        return None, problems
    return read_profile(data, display_path, problems), problems


def read_profile(data: LineDict, display_path: str, problems: list[Problem]) -> Profile | None:
    """The profile in `data` (None, with a problem, when it has no name)."""
    reader = ItemReader(data, display_path, problems, fields=PROFILE_FIELDS, what="profile", hints=PROFILE_HINTS)
    name = reader.text("name", required=True)
    email = reader.text("email").removeprefix("mailto:")
    if email and "@" not in email:
        reader.report(reader.line("email"), f"'{email}' is not an email address", "write `email: you@example.org`")
        email = ""
    profile = Profile(
        name=name,
        source=Source(display_path, data.line),
        photo=reader.url("photo"),
        position=reader.text("position"),
        affiliation_md=reader.text("affiliation"),
        affiliation_url=reader.url("affiliation_url"),
        location=reader.text("location"),
        email=email,
        phone=reader.text("phone"),
        links=reader.links("links"),
        interests=read_interests(reader),
        notice_md=reader.text("notice"),
        bio_md=reader.text("bio"),
    )
    return profile if name else None


def read_interests(reader: ItemReader, key: str = "interests") -> tuple[Interest, ...]:
    """`interests:` a list of texts (inline Markdown) or `{name: ..., url: ...}` mappings.

    One line of text is read as interests separated by commas. Anything else is a problem
    with its line, and that item is left out.
    """
    value = reader.item.get(key)
    if value is None or value == "":
        return ()
    hint = f"write `{key}:` and under it one `- topic` or `- {{name: topic, url: https://...}}` per line"
    if isinstance(value, str):
        reader.check_markdown_links(value, key, reader.line(key))
        return tuple(Interest(part.strip()) for part in _INTEREST_COMMA.split(value) if part.strip())
    if not isinstance(value, LineList):
        reader.report(reader.line(key), f"field '{key}' must be a list of topics, not {_kind(value)}", hint)
        return ()
    interests: list[Interest] = []
    for index, entry in enumerate(value):
        line = value.line_of(index)
        if isinstance(entry, LineDict):
            item = ItemReader(entry, reader.path, reader.problems, fields={"name", "url"}, what=reader.what)
            text = item.text("name", required=True)
            if text:
                interests.append(Interest(text, item.url("url")))
        elif isinstance(entry, (str, int, float)) and not isinstance(entry, bool):
            text = str(entry).strip()
            reader.check_markdown_links(text, key, line)
            if text:
                interests.append(Interest(text))
        else:
            reader.report(
                line, f"field '{key}': an interest is a text or `{{name: ..., url: ...}}`, not {_kind(entry)}", hint
            )
    return tuple(interests)
