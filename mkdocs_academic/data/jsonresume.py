"""`resume.json` (JSON Resume, https://jsonresume.org/schema): CV sections and the profile.

The file is read as it is. `basics` becomes the profile (with the `name` of each `interests`
entry as a research interest); each other section becomes a CV
section of the same name (`work`, `education`, `awards`, ...), its entries mapped onto the
fields of `cv.yml` as the README's table shows. Dates keep their precision; an entry with a
`startDate` and no `endDate` is ongoing ("Present"), as the JSON Resume schema says.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from .cv import CV, CVEntry
from .dates import DateRange, parse_partial_date
from .models import Link, PartialDate, Source
from .problems import Problem
from .profile import Interest, Profile
from .schema import KNOWN_LINK_KINDS, link_kind
from .urls import safe_url
from .yamlfile import LineDict, LineList, did_you_mean, load_data_file

#: JSON Resume section -> its fields -> the CV entry field each one fills (older schema
#: names such as `website`, `company` and `gpa` included).
SECTION_FIELDS: dict[str, dict[str, str]] = {
    "work": {
        "position": "title",
        "name": "organization",
        "company": "organization",
        "location": "location",
        "url": "url",
        "website": "url",
        "description": "note",
        "summary": "summary",
        "highlights": "highlights",
    },
    "volunteer": {
        "position": "title",
        "organization": "organization",
        "location": "location",
        "url": "url",
        "website": "url",
        "summary": "summary",
        "highlights": "highlights",
    },
    "education": {
        "studyType": "title",
        "area": "area",
        "institution": "organization",
        "location": "location",
        "url": "url",
        "score": "score",
        "gpa": "score",
        "courses": "highlights",
    },
    "awards": {"title": "title", "awarder": "organization", "url": "url", "summary": "summary"},
    "certificates": {"name": "title", "issuer": "organization", "url": "url"},
    "publications": {
        "name": "title",
        "publisher": "organization",
        "url": "url",
        "website": "url",
        "summary": "summary",
    },
    "skills": {"name": "title", "level": "level", "keywords": "items"},
    "languages": {"language": "title", "fluency": "level"},
    "interests": {"name": "title", "keywords": "items"},
    "references": {"name": "title", "reference": "summary"},
    "projects": {
        "name": "title",
        "entity": "organization",
        "description": "summary",
        "summary": "note",
        "highlights": "highlights",
        "keywords": "items",
        "roles": "status",
        "type": "level",
        "url": "url",
    },
}
DATE_FIELDS = {"startDate", "endDate", "date", "releaseDate"}
#: Fields written for other tools (al-folio's `icon`) that we read past on purpose.
IGNORED_FIELDS = {"icon"}
BASICS_FIELDS = {"name", "label", "image", "email", "phone", "url", "summary", "location", "profiles"}
TOP_LEVEL = {"basics", *SECTION_FIELDS, "meta", "$schema"}


@dataclass(frozen=True)
class Resume:
    """What a `resume.json` holds for us: CV sections and the profile."""

    cv: CV
    profile: Profile | None = None
    #: The `name` of each `interests` entry: research interests for the profile.
    interests: tuple[Interest, ...] = ()


def empty_resume() -> Resume:
    """The `Resume` of a `resume.json` that could not be read at all."""
    return Resume(CV())


def load_resume(path: Path, display_path: str) -> tuple[Resume, list[Problem]]:
    """Read a JSON Resume file; unknown sections and fields are reported, not dropped."""
    problems: list[Problem] = []
    data = load_data_file(path, display_path, problems)
    if not isinstance(data, LineDict):
        if data is not None:
            problems.append(Problem(display_path, 1, 'expected a JSON Resume object `{"basics": ..., "work": ...}`'))
        return Resume(CV(source=display_path)), problems
    for name in data:
        if name not in TOP_LEVEL:
            hint = did_you_mean(name, sorted(TOP_LEVEL)) or "see https://jsonresume.org/schema"
            problems.append(Problem(display_path, data.line_of(name), f"unknown JSON Resume section '{name}'", hint))
    interests = _interests(data.get("interests"))
    profile = None
    if isinstance(data.get("basics"), LineDict):
        profile = _profile(data["basics"], display_path, problems)
        if profile is not None:
            profile = replace(profile, interests=interests)
    sections: dict[str, tuple[CVEntry, ...]] = {}
    for name, mapping in SECTION_FIELDS.items():
        items = data.get(name)
        if items is None:
            continue
        if not isinstance(items, LineList):
            problems.append(Problem(display_path, data.line_of(name), f"'{name}' must be a list", ""))
            continue
        entries = []
        for index, item in enumerate(items):
            if isinstance(item, LineDict):
                entries.append(_entry(item, name, mapping, display_path, problems, index))
            else:
                problems.append(
                    Problem(display_path, items.line_of(index), f"{name}: each entry must be an object", "")
                )
        sections[name] = tuple(entries)
    return Resume(CV(sections=sections, source=display_path), profile, interests), problems


def _interests(items: object) -> tuple[Interest, ...]:
    """`interests: [{name, keywords}]` -> the names (the section itself is reported below)."""
    if not isinstance(items, list):
        return ()
    names = (str(item.get("name") or "").strip() for item in items if isinstance(item, dict))
    return tuple(Interest(name) for name in names if name)


def _entry(
    item: LineDict, section: str, mapping: dict[str, str], path: str, problems: list[Problem], order: int
) -> CVEntry:
    values: dict[str, object] = {}
    for key, value in item.items():
        if key in IGNORED_FIELDS or key in DATE_FIELDS:
            continue
        target = mapping.get(key)
        if target == "note" and section == "projects" and "description" not in item:
            target = "summary"  # a project's summary is its description when it has none
        if target is None:
            hint = did_you_mean(key, [*mapping, *DATE_FIELDS]) or f"known fields: {', '.join([*mapping, *DATE_FIELDS])}"
            problems.append(
                Problem(path, item.line_of(key), f"{section}: unknown field '{key}'; it is not shown", hint)
            )
            continue
        if isinstance(value, list):
            texts = tuple(str(v).strip() for v in value if isinstance(v, (str, int, float)) and str(v).strip())
            values[target] = texts if target in {"highlights", "items"} else ", ".join(texts)
        elif value not in (None, ""):
            values[target] = str(value).strip()
    url = str(values.pop("url", ""))
    if url and not safe_url(url):
        problems.append(
            Problem(path, item.line_of("url"), f"{section}: link '{url[:60]}' is not http(s); left out", "")
        )
        url = ""
    title = str(values.pop("title", "")) or str(values.get("organization", "")) or section
    return CVEntry(
        title_md=title,
        source=Source(path, item.line),
        area=str(values.get("area", "")),
        organization_md=str(values.get("organization", "")) if values.get("organization") != title else "",
        url=url,
        location=str(values.get("location", "")),
        when=_when(item, section, path, problems),
        status=str(values.get("status", "")),
        summary_md=str(values.get("summary", "")),
        highlights_md=tuple(values.get("highlights", ())),  # type: ignore[arg-type]
        items_md=tuple(values.get("items", ())),  # type: ignore[arg-type]
        level=str(values.get("level", "")),
        score=str(values.get("score", "")),
        note_md=str(values.get("note", "")),
        order=order,
    )


def _date(item: LineDict, key: str, section: str, path: str, problems: list[Problem]) -> PartialDate | None:
    value = item.get(key)
    if value in (None, ""):
        return None
    parsed = parse_partial_date(value)
    if parsed is None:
        problems.append(
            Problem(
                path,
                item.line_of(key),
                f"{section}: '{key}' '{value}' is not a date",
                "write YYYY-MM-DD, YYYY-MM or YYYY",
            )
        )
    return parsed


def _when(item: LineDict, section: str, path: str, problems: list[Problem]) -> DateRange | None:
    single = _date(item, "date", section, path, problems) or _date(item, "releaseDate", section, path, problems)
    if single is not None:
        return DateRange(start=single)
    start = _date(item, "startDate", section, path, problems)
    end = _date(item, "endDate", section, path, problems)
    if start is None and end is None:
        return None
    if start is not None and end is None and "endDate" not in item:
        return DateRange(start=start, ongoing=True)
    if start is not None and end is not None and start == end:
        return DateRange(start=start)
    return DateRange(start=start, end=end)


def _profile(basics: LineDict, path: str, problems: list[Problem]) -> Profile | None:
    for key in basics:
        if key not in BASICS_FIELDS and key not in IGNORED_FIELDS:
            hint = did_you_mean(key, sorted(BASICS_FIELDS)) or ""
            problems.append(Problem(path, basics.line_of(key), f"basics: unknown field '{key}'; it is not shown", hint))
    name = str(basics.get("name") or "").strip()
    if not name:
        problems.append(Problem(path, basics.line, "basics: missing 'name'; the profile is not shown", ""))
        return None
    links: list[Link] = []
    url = str(basics.get("url") or "")
    if url and safe_url(url):
        links.append(Link("website", url))
    profiles = basics.get("profiles")
    for entry in profiles if isinstance(profiles, list) else []:
        if not isinstance(entry, dict):
            continue
        network = str(entry.get("network") or "link")
        target = str(entry.get("url") or "")
        if target and safe_url(target):
            kind = link_kind(network)
            links.append(Link(kind, target, "" if kind in KNOWN_LINK_KINDS else network))
        elif not target:
            where = entry.line if isinstance(entry, LineDict) else basics.line_of("profiles")
            problems.append(Problem(path, where, f"basics.profiles: '{network}' has no url; it is not shown", ""))
    location = basics.get("location")
    place = ""
    if isinstance(location, dict):
        place = ", ".join(
            str(location[key]) for key in ("city", "region", "countryCode") if str(location.get(key) or "").strip()
        )
    image = str(basics.get("image") or "")
    return Profile(
        name=name,
        source=Source(path, basics.line),
        photo=image if safe_url(image) else "",
        position=str(basics.get("label") or ""),
        location=place,
        email=str(basics.get("email") or ""),
        phone=str(basics.get("phone") or ""),
        links=tuple(links),
        bio_md=str(basics.get("summary") or ""),
    )
