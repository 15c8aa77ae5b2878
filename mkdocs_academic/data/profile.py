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
bio: |
  I study how children and machines learn the **sound patterns** of language.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .models import Link, Source
from .problems import Problem
from .schema import ItemReader
from .yamlfile import LineDict, load_data_file

PROFILE_FIELDS = frozenset(
    {"name", "photo", "position", "affiliation", "affiliation_url", "location", "email", "phone", "links", "bio"}
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
}


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
        bio_md=reader.text("bio"),
    )
    return profile if name else None
