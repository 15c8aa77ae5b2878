"""`Dataset`: everything read from the data directory, one typed field per kind of data.

A field is None when its file is absent (so a block can say "no news file: add news.yml"); the
methods merge the YAML files with `resume.json`, the YAML files winning.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from .models import Publication
from .problems import Problem

if TYPE_CHECKING:  # their readers are imported only when their files exist (`loaders`)
    from .cv import CV, CVEntry
    from .jsonresume import Resume
    from .news import NewsItem
    from .profile import Profile


@dataclass
class Dataset:
    """Everything read from the data directory, and every problem found on the way."""

    publications: list[Publication] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    #: `news.yml`; None when there is no news file.
    news: tuple[NewsItem, ...] | None = None
    #: `cv.yml`; None when there is no CV file.
    cv: CV | None = None
    #: `profile.yml`; None when there is none, or when it names nobody (a problem says so).
    profile: Profile | None = None
    #: `resume.json` (JSON Resume: CV sections and a profile); None when there is none.
    resume: Resume | None = None
    #: Containers read only as crossref parents (a `@proceedings` its papers name): not listed,
    #: but a citation may name them.
    containers: list[Publication] = field(default_factory=list)
    #: biblatex aliases (`ids = {old-key}`), case-folded, -> the key of their entry.
    aliases: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.by_key: dict[str, Publication] = {pub.key: pub for pub in self.publications}

    def publication(self, key: str) -> Publication | None:
        """The publication with this key (exact, then case-insensitive as BibTeX does)."""
        found = self.by_key.get(key)
        if found is None:
            lowered = key.lower()
            found = next((pub for pub in self.publications if pub.key.lower() == lowered), None)
        return found

    def citable(self, key: str) -> Publication | None:
        """What a citation of `key` names: a publication, a container read only as a crossref
        parent, or the entry of which `key` is a biblatex alias (`ids`)."""
        found = self.publication(key)
        if found is not None:
            return found
        folded = key.casefold()
        container = next((pub for pub in self.containers if pub.key.casefold() == folded), None)
        if container is not None:
            return container
        target = self.aliases.get(folded)
        return self.publication(target) if target is not None else None

    def news_items(self) -> tuple[NewsItem, ...]:
        """Every news item read (none when there is no news file)."""
        return self.news or ()

    def has_cv(self) -> bool:
        """Whether a CV file (`cv.yml` or `resume.json`) was found."""
        return self.cv is not None or self.resume is not None

    def cv_sections(self) -> tuple[dict[str, tuple[CVEntry, ...]], dict[str, str]]:
        """CV sections from `cv.yml` and `resume.json`, and a note for each section in both.

        The order is that of `cv.yml`, then the sections only `resume.json` has.
        """
        sections = dict(self.cv.sections) if self.cv else {}
        notes: dict[str, str] = {}
        if self.resume is not None:
            own = self.cv.source if self.cv else "cv.yml"
            for name, entries in self.resume.cv.sections.items():
                if name in sections:
                    notes[name] = (
                        f"section '{name}' is in both {own} and {self.resume.cv.source}; the one from {own} is shown"
                    )
                else:
                    sections[name] = entries
        return sections, notes

    def owner_profile(self) -> tuple[Profile | None, list[str]]:
        """The profile from `profile.yml`, else from `resume.json`'s `basics`, and any note.

        `profile.yml` without `interests` takes those of `resume.json` (its `interests[].name`).
        """
        from_resume = self.resume.profile if self.resume is not None else None
        own_profile = self.profile
        if own_profile is not None and not own_profile.interests and self.resume is not None:
            own_profile = replace(own_profile, interests=self.resume.interests)
        if own_profile is not None and from_resume is not None:
            own = own_profile.source.path
            return own_profile, [f"{own} and {from_resume.source.path} both hold a profile; {own} is shown"]
        return own_profile or from_resume, []
