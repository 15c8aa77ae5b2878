"""The homepage data beside publications: news, CV sections and the profile.

Importing this module registers the loaders with the data store:

- `news.yml` -> `Dataset.extra["news"]` (list of `NewsItem`)
- `cv.yml` -> `Dataset.extra["cv"]` (`CV`)
- `profile.yml` -> `Dataset.extra["profile"]` (`Profile` or None)
- `resume.json` (JSON Resume) -> `Dataset.extra["resume"]` (`Resume`: CV sections and profile)

The accessors below merge the YAML files and `resume.json`; the YAML files win.
"""

from __future__ import annotations

from .cv import CV, CVEntry, load_cv
from .jsonresume import Resume, load_resume
from .news import NewsItem, load_news
from .profile import Profile, load_profile
from .store import Dataset, register_loader

register_loader(("news.yml", "news.yaml"), "news", load_news)
register_loader(("cv.yml", "cv.yaml"), "cv", load_cv)
register_loader(("profile.yml", "profile.yaml"), "profile", load_profile)
register_loader(("resume.json",), "resume", load_resume)


def news_items(dataset: Dataset) -> list[NewsItem]:
    """Every news item read."""
    return list(dataset.extra.get("news") or [])


def cv_sections(dataset: Dataset) -> tuple[dict[str, tuple[CVEntry, ...]], dict[str, str]]:
    """CV sections from `cv.yml` and `resume.json`, and a note for each section in both.

    The order is that of `cv.yml`, then the sections only `resume.json` has.
    """
    cv: CV | None = dataset.extra.get("cv")
    resume: Resume | None = dataset.extra.get("resume")
    sections = dict(cv.sections) if cv else {}
    notes: dict[str, str] = {}
    if resume is not None:
        own = cv.source if cv else "cv.yml"
        for name, entries in resume.cv.sections.items():
            if name in sections:
                notes[name] = f"section '{name}' is in both {own} and {resume.cv.source}; the one from {own} is shown"
            else:
                sections[name] = entries
    return sections, notes


def profile(dataset: Dataset) -> tuple[Profile | None, list[str]]:
    """The profile from `profile.yml`, else from `resume.json`'s `basics`, and any note."""
    own: Profile | None = dataset.extra.get("profile")
    resume: Resume | None = dataset.extra.get("resume")
    from_resume = resume.profile if resume is not None else None
    if own is not None and from_resume is not None:
        return own, [f"{own.source.path} and {from_resume.source.path} both hold a profile; {own.source.path} is shown"]
    return own or from_resume, []
