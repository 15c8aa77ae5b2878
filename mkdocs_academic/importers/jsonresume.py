"""Import a JSON Resume (`resume.json`) as `profile.yml` and `cv.yml`.

The mapping is the one the README documents for reading `resume.json` directly: `basics`
becomes the profile, every other section a CV section of the same name. Writing our YAML
instead of keeping the JSON gives a file you can edit and comment. al-folio's
`assets/json/resume.json` and academicpages' `_data/cv.json` go through the same functions.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..data.jsonresume import DATE_FIELDS, IGNORED_FIELDS, SECTION_FIELDS
from ..data.schema import KNOWN_LINK_KINDS, link_kind
from .common import DATA, ImportResult, clean, compact, date_text, describe_keys, plain_list, relative

#: JSON Resume section -> field -> our CV entry field: the same mapping the build reads.
SECTIONS = SECTION_FIELDS
#: Fields written for other tools: read past, listed once in the report.
DISPLAY_ONLY = IGNORED_FIELDS
ENTRY_ORDER = (
    "title",
    "area",
    "organization",
    "url",
    "location",
    "date",
    "start",
    "end",
    "status",
    "summary",
    "highlights",
    "items",
    "level",
    "score",
    "note",
    "links",
)


def import_jsonresume(source: Path) -> ImportResult:
    """Convert the JSON Resume in `source` (a folder or the file itself)."""
    result = ImportResult()
    path = find_resume(source)
    if path is None:
        result.skip(str(source), "no resume.json", "nothing to import: put `resume.json` in the folder")
        return result
    label = relative(path, source) if source.is_dir() else path.name
    data = load_json(path, label, result)
    if data is None:
        return result
    profile, sections = convert_resume(data, label, result)
    if profile:
        result.add_yaml(f"{DATA}/profile.yml", profile, f"Imported from {label} (JSON Resume `basics`).")
        result.owner = str(profile.get("name", ""))
        result.count("profile")
    if sections:
        result.add_yaml(f"{DATA}/cv.yml", sections, f"Imported from {label} (JSON Resume).")
    return result


def find_resume(source: Path) -> Path | None:
    """`resume.json` in `source` (or `*.resume.json`, or the only `.json` file)."""
    if source.is_file():
        return source
    for name in ("resume.json", "assets/json/resume.json"):
        if (source / name).is_file():
            return source / name
    named = sorted(source.glob("*.resume.json"))
    if named:
        return named[0]
    others = sorted(source.glob("*.json"))
    return others[0] if len(others) == 1 else None


def load_json(path: Path, label: str, result: ImportResult) -> dict[str, Any] | None:
    """The JSON object in `path` (None, with a report line, when it cannot be read)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        result.skip(label, "the whole file", f"it is not valid JSON ({error})")
        return None
    if not isinstance(data, dict):
        result.skip(label, "the whole file", "a JSON Resume is an object with `basics`, `work`, ...")
        return None
    return data


def convert_resume(
    data: dict[str, Any],
    label: str,
    result: ImportResult,
    *,
    extra_sections: dict[str, dict[str, str]] | None = None,
    skip_sections: dict[str, str] | None = None,
) -> tuple[dict[str, Any], dict[str, list[dict[str, Any]]]]:
    """(profile, CV sections) from a JSON Resume object.

    `extra_sections` adds section mappings (academicpages' `presentations`, `teaching`);
    `skip_sections` maps a section name to the reason it is left out (reported).
    """
    mappings = {**SECTIONS, **(extra_sections or {})}
    skip = skip_sections or {}
    profile: dict[str, Any] = {}
    sections: dict[str, list[dict[str, Any]]] = {}
    icons = 0
    for name, value in data.items():
        if name == "basics":
            if isinstance(value, dict):
                profile = convert_basics(value, label, result)
            continue
        if name in ("meta", "$schema"):
            result.skip(label, f"`{name}`", "information about the file itself, not shown on a homepage")
            continue
        if name in skip:
            if value:
                result.skip(label, f"section `{name}` ({len(plain_list(value))} entries)", skip[name])
            continue
        mapping = mappings.get(name)
        if mapping is None:
            result.skip(label, f"section `{name}`", "not a JSON Resume section we know")
            continue
        entries = []
        for item in plain_list(value):
            if not isinstance(item, dict):
                result.skip(label, f"an entry of `{name}`", "it is not an object")
                continue
            icons += bool(item.get("icon"))
            entry = convert_entry(item, name, mapping, label, result)
            if entry:
                entries.append(entry)
        if entries:
            sections[name] = entries
            result.count("CV entries", len(entries))
    if icons:
        result.skip(label, f"`icon` of {icons} entries", "Font Awesome icons are not shown in CV lists")
    return profile, sections


def convert_entry(
    item: dict[str, Any], section: str, mapping: dict[str, str], label: str, result: ImportResult
) -> dict[str, Any]:
    """One JSON Resume entry as a `cv.yml` entry (empty when it holds nothing)."""
    values: dict[str, Any] = {}
    unknown = []
    for key, value in item.items():
        if key in DATE_FIELDS or key in DISPLAY_ONLY or value in (None, "", []):
            continue
        target = mapping.get(key)
        if target == "note" and section == "projects" and "description" not in item:
            target = "summary"
        if target is None:
            unknown.append(key)
            continue
        if isinstance(value, list):
            texts = [clean(part) for part in value if isinstance(part, (str, int, float)) and clean(part)]
            value = texts if target in ("highlights", "items") else ", ".join(texts)
        elif isinstance(value, dict):
            unknown.append(key)
            continue
        else:
            value = clean(value)
        if target in values:
            values[target] = f"{values[target]}; {value}" if target != "highlights" else [*values[target], *value]
        else:
            values[target] = value
    if unknown:
        result.skip(label, f"{section}: field {describe_keys(unknown)}", "no matching field in cv.yml")
    if not values.get("title"):
        # An education entry without `studyType` ("Ph.D in Version Control Theory" in `area`).
        fallback = values.pop("area", "") or values.get("organization", "")
        if not fallback:
            if values or any(item.get(key) for key in DATE_FIELDS):
                result.skip(label, f"an entry of `{section}`", "it has no title, name or organization")
            return {}
        values["title"] = fallback
        if values.get("organization") == fallback:
            values.pop("organization")
    values.update(entry_dates(item))
    return {key: values[key] for key in ENTRY_ORDER if key in values}


def entry_dates(item: dict[str, Any]) -> dict[str, str]:
    """`date`, or `start`/`end` as cv.yml writes them (a start without an end is ongoing)."""
    single = date_text(item.get("date") or item.get("releaseDate"))
    if single:
        return {"date": single}
    start, end = date_text(item.get("startDate")), date_text(item.get("endDate"))
    if start and end:
        return {"date": start} if start == end else {"start": start, "end": end}
    if start:
        return {"start": start}  # ongoing
    return {"date": end} if end else {}


def convert_basics(basics: dict[str, Any], label: str, result: ImportResult) -> dict[str, Any]:
    """JSON Resume `basics` as `profile.yml`."""
    links: dict[str, str] = {}
    website = clean(basics.get("url") or basics.get("website"))
    if website:
        links["website"] = website
    for entry in plain_list(basics.get("profiles")):
        if not isinstance(entry, dict):
            continue
        network = clean(entry.get("network")) or "link"
        url = clean(entry.get("url"))
        if not url:
            result.skip(label, f"basics.profiles: {network}", "it has no `url` (a user name alone cannot be linked)")
            continue
        kind = link_kind(network)
        links[kind if kind in KNOWN_LINK_KINDS else network] = url
    location = basics["location"] if isinstance(basics.get("location"), dict) else {}
    place = ", ".join(clean(location.get(key)) for key in ("city", "region", "countryCode") if clean(location.get(key)))
    hidden = [key for key in ("address", "postalCode") if clean(location.get(key))]
    if hidden:
        result.skip(label, f"basics.location: {describe_keys(hidden)}", "a homepage shows the city, not the street")
    known = {"name", "label", "image", "email", "phone", "url", "website", "summary", "location", "profiles"}
    unknown = [key for key in basics if key not in known and basics[key] not in (None, "", [])]
    if unknown:
        result.skip(label, f"basics: {describe_keys(unknown)}", "no matching field in profile.yml")
    return compact(
        {
            "name": clean(basics.get("name")),
            "photo": clean(basics.get("image")),
            "position": clean(basics.get("label")),
            "location": place,
            "email": clean(basics.get("email")),
            "phone": clean(basics.get("phone")),
            "links": links,
            "bio": clean(basics.get("summary")),
        }
    )
