"""Import a Hugo Blox site (the "academic-cv" template, current and earlier profile formats).

| Hugo Blox | becomes |
| --- | --- |
| `content/publications/*/index.md` (+ `cite.bib`) | `publications.yml`: the front matter (title, authors with `me` resolved, date, CSL type, venue, abstract, tags, `featured`, DOI and arXiv ids, links, equal-contribution notes) completed by `cite.bib` (journal, volume, pages, ...); the page text becomes the publication's own page `docs/publications/<key>/index.md` |
| `data/authors/*.yaml` (`hugoblox/author/v1`), or `content/authors/*/_index.md` (earlier format) | `profile.yml` (name, role, affiliation, links, bio) and `cv.yml`: `education`, `experience`, `skills`, `languages`, `awards`, `interests` |
| `content/events/*/index.md` (`content/talk/`) | `cv.yml` section `talks`; the page text becomes a page `docs/talks/<name>.md` |
| `content/post/`, `content/blog/` | `news.yml` (date, title, a page with the text) |

Listed in the report: landing-page layout (`content/_index.md`, `experience.md`), images,
slides and projects links, icons and skill levels, other authors' profiles.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..data.bibtex import parse_bib_text
from ..slugs import slugify, slugify_key
from .common import (
    DATA,
    SLUG_LENGTH,
    ImportResult,
    clean,
    compact,
    date_text,
    describe_keys,
    is_simple_body,
    one_line,
    plain_list,
    read_front_matter,
    read_yaml,
    relative,
)

#: CSL `publication_types` -> BibTeX entry type.
CSL_TYPES = {
    "paper-conference": "inproceedings",
    "article-journal": "article",
    "article": "misc",
    "preprint": "misc",
    "book": "book",
    "chapter": "incollection",
    "thesis": "phdthesis",
    "report": "techreport",
    "patent": "patent",
    "manuscript": "unpublished",
    "dataset": "dataset",
    "software": "software",
    "0": "misc",
    "1": "inproceedings",
    "2": "article",
    "3": "misc",
    "4": "techreport",
    "5": "book",
    "6": "incollection",
    "7": "phdthesis",
    "8": "patent",
}
#: Hugo Blox link `type` -> our publication link field.
LINK_TYPES = {
    "pdf": "pdf",
    "code": "code",
    "dataset": "data",
    "slides": "slides",
    "video": "video",
    "poster": "poster",
    "project": "project",
    "source": "url",
    "preprint": "arxiv",
}
#: Front matter keys of a publication page that are only about the Hugo page (reported once).
HUGO_PAGE_KEYS = ("publishDate", "image", "projects", "slides", "draft", "lastmod", "weight", "url_pdf")
BIB_FIELDS = (
    "journal", "booktitle", "volume", "number", "issue", "pages", "publisher", "organization", "school",
    "institution", "address", "edition", "series", "month", "note", "isbn", "issn", "doi", "url",
)  # fmt: skip
#: Profile link icons -> our link names.
ICONS = {
    "at-symbol": "email",
    "envelope": "email",
    "brands/x": "x",
    "brands/twitter": "twitter",
    "brands/github": "github",
    "brands/gitlab": "gitlab",
    "brands/linkedin": "linkedin",
    "brands/bluesky": "bluesky",
    "brands/mastodon": "mastodon",
    "academicons/google-scholar": "scholar",
    "academicons/orcid": "orcid",
    "academicons/semantic-scholar": "semantic_scholar",
    "academicons/dblp": "dblp",
    "academicons/researchgate": "researchgate",
    "academicons/cv": "cv",
    "globe": "website",
}


def import_hugoblox(source: Path) -> ImportResult:
    """Convert the Hugo Blox site in `source`."""
    result = ImportResult()
    profile, sections, owner_slug = _authors(source, result)
    owner = profile.get("name", "")
    publications = _publications(source, result, owner, owner_slug)
    talks = _events(source, result)
    if talks:
        sections["talks"] = talks
        result.count("CV entries", len(talks))
    news = _posts(source, result)
    if publications:
        result.add_yaml(f"{DATA}/publications.yml", publications, "Imported from Hugo Blox (content/publications/).")
        result.count("publications", len(publications))
    if sections:
        result.add_yaml(f"{DATA}/cv.yml", sections, "Imported from Hugo Blox (author profile and events).")
    if news:
        result.add_yaml(f"{DATA}/news.yml", news, "Imported from Hugo Blox (posts).")
        result.count("news items", len(news))
    if owner:
        result.add_yaml(f"{DATA}/profile.yml", profile, "Imported from Hugo Blox (author profile).")
        result.owner = owner
        result.count("profile")
    for name in ("_index.md", "experience.md"):
        if (source / "content" / name).is_file():
            result.skip(
                f"content/{name}",
                "the landing-page blocks",
                "layout, not data: the pages of `--site` show the same blocks",
            )
    return result


# --- the author profile ------------------------------------------------------------------------


def _authors(source: Path, result: ImportResult) -> tuple[dict[str, Any], dict[str, list[dict[str, Any]]], str]:
    """(profile, CV sections, profile slug) of the site owner."""
    candidates: list[tuple[str, str, dict[str, Any], str]] = []
    for path in sorted((source / "data" / "authors").glob("*.y*ml")):
        data = read_yaml(path)
        if isinstance(data, dict):
            candidates.append((relative(path, source), clean(data.get("slug")) or path.stem, data, ""))
    for path in sorted((source / "content" / "authors").glob("*/_index.md")):
        meta, body = read_front_matter(path)
        if meta.get("title"):
            candidates.append((relative(path, source), path.parent.name, meta, body.strip()))
    if not candidates:
        return {}, {}, ""
    owner = next((item for item in candidates if item[2].get("is_owner") or item[2].get("superuser")), candidates[0])
    for label, _, data, _ in candidates:
        if data is not owner[2]:
            result.skip(label, "another author's profile", "only the site owner's profile is imported")
    label, owner_slug, data, body = owner
    if data.get("schema") or isinstance(data.get("name"), dict):
        profile, sections = _profile_v1(data, label, result)
    else:
        profile, sections = _profile_legacy(data, body, label, result)
    return profile, sections, owner_slug


def _name(data: dict[str, Any]) -> str:
    name = data.get("name")
    if isinstance(name, dict):
        return clean(name.get("display")) or " ".join(clean(name.get(key)) for key in ("given", "family")).strip()
    return clean(name) or clean(data.get("title"))


def _links(items: Any) -> tuple[dict[str, str], str]:
    """Profile links by icon, and the e-mail address."""
    links: dict[str, str] = {}
    email = ""
    for item in plain_list(items):
        if not isinstance(item, dict) or not clean(item.get("url")):
            continue
        url = clean(item["url"])
        icon = clean(item.get("icon"))
        name = ICONS.get(icon) or clean(item.get("label")) or icon.rpartition("/")[2] or "link"
        if name == "email" or url.startswith("mailto:"):
            email = url.removeprefix("mailto:")
            continue
        links[name] = url
    return links, email


def _profile_v1(data: dict[str, Any], label: str, result: ImportResult) -> tuple[dict[str, Any], dict[str, Any]]:
    """The `hugoblox/author/v1` profile (`data/authors/<slug>.yaml`)."""
    used = {"schema", "slug", "is_owner", "name", "postnominals", "role", "bio", "affiliations", "links",
            "interests", "education", "experience", "skills", "languages", "awards"}  # fmt: skip
    affiliations = [item for item in plain_list(data.get("affiliations")) if isinstance(item, dict)]
    links, email = _links(data.get("links"))
    name = _name(data)
    postnominals = ", ".join(clean(item) for item in plain_list(data.get("postnominals")))
    name_data = data["name"] if isinstance(data.get("name"), dict) else {}
    extras = [key for key in ("pronouns", "alternate", "pronunciation") if clean(name_data.get(key))]
    if extras:
        result.skip(label, f"name: {describe_keys(extras)}", "the profile has no field for it; add it to `bio:`")
    if data.get("status"):
        result.skip(label, "`status` (emoji)", "not shown")
    profile = compact(
        {
            "name": f"{name}, {postnominals}" if postnominals else name,
            "position": clean(data.get("role")),
            "affiliation": "; ".join(clean(item.get("name")) for item in affiliations),
            "affiliation_url": clean(affiliations[0].get("url")) if len(affiliations) == 1 else "",
            "email": email,
            "links": links,
            "bio": clean(data.get("bio")),
        }
    )
    if len(affiliations) > 1:
        result.skip(label, "the affiliations' links", "one affiliation link only; the names are all kept")
    sections: dict[str, list[dict[str, Any]]] = {}
    sections["education"] = [
        _cv_entry(item, label, result, title="degree", organization="institution", start="start", end="end")
        for item in plain_list(data.get("education"))
        if isinstance(item, dict)
    ]
    sections["experience"] = [
        _cv_entry(item, label, result, title="role", organization="org", start="start", end="end")
        for item in plain_list(data.get("experience"))
        if isinstance(item, dict)
    ]
    _shared_sections(data, sections, label, result, skill_label="label", language_level="label")
    unknown = [key for key in data if key not in used and key != "status"]
    if unknown:
        result.skip(label, describe_keys(unknown), "no matching field")
    return profile, _non_empty(sections, result)


def _profile_legacy(
    data: dict[str, Any], body: str, label: str, result: ImportResult
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The earlier profile format (`content/authors/<name>/_index.md` front matter)."""
    used = {"title", "first_name", "last_name", "role", "organizations", "profiles", "interests", "education",
            "work", "skills", "languages", "awards", "superuser", "highlight_name", "name_pronunciation",
            "pronouns", "status", "bio", "email", "user_groups"}  # fmt: skip
    organizations = [item for item in plain_list(data.get("organizations")) if isinstance(item, dict)]
    links, email = _links(data.get("profiles"))
    profile = compact(
        {
            "name": _name(data),
            "position": clean(data.get("role")),
            "affiliation": "; ".join(clean(item.get("name")) for item in organizations),
            "affiliation_url": clean(organizations[0].get("url")) if len(organizations) == 1 else "",
            "email": email or clean(data.get("email")),
            "links": links,
            "bio": body or clean(data.get("bio")),
        }
    )
    if clean(data.get("pronouns")):
        result.skip(label, "`pronouns`", "the profile has no field for it; add it to `bio:`")
    sections: dict[str, list[dict[str, Any]]] = {}
    sections["education"] = [
        _cv_entry(item, label, result, title="area", organization="institution", start="date_start", end="date_end")
        for item in plain_list(data.get("education"))
        if isinstance(item, dict)
    ]
    sections["experience"] = [
        _cv_entry(
            item,
            label,
            result,
            title="position",
            organization="company_name",
            start="date_start",
            end="date_end",
            url="company_url",
        )  # fmt: skip
        for item in plain_list(data.get("work"))
        if isinstance(item, dict)
    ]
    _shared_sections(data, sections, label, result, skill_label="name", language_level="")
    unknown = [key for key in data if key not in used]
    if unknown:
        result.skip(label, describe_keys(unknown), "no matching field")
    return profile, _non_empty(sections, result)


def _cv_entry(
    item: dict[str, Any],
    label: str,
    result: ImportResult,
    *,
    title: str,
    organization: str,
    start: str,
    end: str,
    url: str = "url",
) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "title": clean(item.get(title)),
        "organization": clean(item.get(organization)),
        "url": clean(item.get(url)),
        "location": clean(item.get("location")),
        "start": date_text(item.get(start)),
        "end": date_text(item.get(end)),
        "summary": _summary(clean(item.get("summary"))),
    }
    if not entry["start"] and entry["end"]:
        entry["date"] = entry.pop("end")
    button = item.get("button")
    if isinstance(button, dict) and clean(button.get("url")):
        entry["links"] = {clean(button.get("text")) or "Link": clean(button["url"]).lstrip("/") or "./"}
    known = {title, organization, start, end, url, "summary", "button", "icon", "location"}
    unknown = [key for key in item if key not in known]
    if unknown:
        result.skip(label, f"{describe_keys(unknown)} of '{entry['title']}'", "no matching CV field")
    return compact(entry)


def _summary(text: str) -> str:
    """A summary of one paragraph stays one line; several paragraphs are kept as written."""
    return one_line(text) if "\n\n" not in text else text


def _shared_sections(
    data: dict[str, Any],
    sections: dict[str, list[dict[str, Any]]],
    label: str,
    result: ImportResult,
    *,
    skill_label: str,
    language_level: str,
) -> None:
    """`interests`, `skills`, `languages`, `awards`: the same in both profile formats."""
    interests = [clean(item) for item in plain_list(data.get("interests")) if clean(item)]
    if interests:
        sections["interests"] = [{"title": "Interests", "items": interests}]
    skills = []
    levels = 0
    for group in plain_list(data.get("skills")):
        if not isinstance(group, dict):
            continue
        items = []
        for item in plain_list(group.get("items")):
            if isinstance(item, dict):
                items.append(clean(item.get(skill_label) or item.get("name") or item.get("label")))
                levels += any(key in item for key in ("level", "percent"))
            elif clean(item):
                items.append(clean(item))
        skills.append(compact({"title": clean(group.get("name")), "items": [item for item in items if item]}))
    if levels:
        result.skip(label, f"the level of {levels} skills", "skill bars are not shown; the skills are listed")
    sections["skills"] = skills
    languages = []
    for item in plain_list(data.get("languages")):
        if isinstance(item, dict):
            level = clean(item.get(language_level)) if language_level else ""
            if not level and item.get("percent") is not None:
                level = f"{clean(item['percent'])} %"
            languages.append(compact({"title": clean(item.get("name")), "level": level}))
    sections["languages"] = languages
    sections["awards"] = [
        compact(
            {
                "title": clean(item.get("title")),
                "organization": clean(item.get("awarder")),
                "url": clean(item.get("url")),
                "date": date_text(item.get("date")),
                "summary": _summary(clean(item.get("summary"))),
            }
        )
        for item in plain_list(data.get("awards"))
        if isinstance(item, dict)
    ]
    icons = sum(
        1
        for key in ("education", "experience", "work", "awards")
        for item in plain_list(data.get(key))
        if isinstance(item, dict) and clean(item.get("icon"))
    )
    if icons:
        result.skip(label, f"`icon` of {icons} entries", "icons are not shown in CV lists")


def _non_empty(sections: dict[str, list[dict[str, Any]]], result: ImportResult) -> dict[str, Any]:
    kept = {name: [entry for entry in entries if entry.get("title")] for name, entries in sections.items()}
    kept = {name: entries for name, entries in kept.items() if entries}
    result.count("CV entries", sum(len(entries) for entries in kept.values()))
    return kept


# --- publications --------------------------------------------------------------------------------


def _publications(source: Path, result: ImportResult, owner: str, owner_slug: str) -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = []
    page_keys: set[str] = set()
    hugo_keys: set[str] = set()
    for path in sorted((source / "content" / "publications").glob("*/index.md")):
        meta, body = read_front_matter(path)
        label = relative(path, source)
        bib = _cite_bib(path.parent / "cite.bib", source, result)
        key = bib.get("key") or slugify(path.parent.name, max_length=SLUG_LENGTH, fallback="publication")
        entry: dict[str, Any] = {
            "key": key,
            "type": bib.get("type") or _csl_type(meta.get("publication_types")),
            "title": clean(meta.get("title")) or bib.get("title", ""),
        }
        authors = _authors_of(meta, owner, owner_slug, label, result)
        if authors:
            entry["authors"] = authors
        elif bib.get("author"):
            entry["author"] = bib["author"]
        entry["date"] = date_text(meta.get("date"))
        fields = {name: bib[name] for name in BIB_FIELDS if bib.get(name)}
        if not any(name in fields for name in ("journal", "booktitle", "publisher", "school", "institution")):
            venue = clean(meta.get("publication")).removeprefix("In ").strip()
            if venue:
                entry["venue"] = venue
        elif clean(meta.get("publication")):
            result.skip(label, "`publication` (Markdown venue)", "the venue is taken from cite.bib")
        entry.update(fields)
        short = clean(meta.get("publication_short")).removeprefix("In ").strip("* ")
        if short:
            entry["abbr"] = short
        entry["abstract"] = clean(meta.get("abstract"))
        if clean(meta.get("summary")) and clean(meta.get("summary")) not in entry["abstract"]:
            entry["note"] = clean(meta.get("summary"))
        entry["keywords"] = [clean(tag) for tag in plain_list(meta.get("tags")) if clean(tag)]
        if meta.get("featured") is True:
            entry["selected"] = True
        ids = (meta.get("hugoblox") or {}).get("ids") if isinstance(meta.get("hugoblox"), dict) else None
        for name in ("doi", "arxiv"):
            value = clean((ids or {}).get(name) or meta.get(name))
            if value:
                entry.setdefault(name, value)
        entry.update(_publication_links(meta.get("links"), entry))
        hugo_keys |= {name for name in HUGO_PAGE_KEYS if meta.get(name)}
        known = {"title", "authors", "author_notes", "date", "publication_types", "publication", "publication_short",
                 "abstract", "summary", "tags", "featured", "hugoblox", "links", "doi", *HUGO_PAGE_KEYS}  # fmt: skip
        unknown = [name for name in meta if name not in known]
        if unknown:
            result.skip(label, f"front matter {describe_keys(unknown)}", "no matching publication field")
        text = body.strip()
        if text:
            page_key = slugify_key(key)
            page = f"---\nacademic_publication: {key}\n---\n\n/// publication\n    key: {key}\n///\n\n{text}\n"
            result.files[f"docs/publications/{page_key}/index.md"] = page
            page_keys.add(key)
        entries.append(compact(entry))
    if hugo_keys:
        result.skip(
            "content/publications",
            f"Hugo page settings {describe_keys(sorted(hugo_keys))}",
            "about the Hugo page (scheduling, featured image, related projects and slides), not the publication",
        )
    if page_keys:
        result.todo.append(
            f"{len(page_keys)} publication pages were written under docs/publications/ with the text of the Hugo "
            "pages; check their links (Hugo paths such as /publications/x/ may differ)"
        )
    return entries


def _cite_bib(path: Path, source: Path, result: ImportResult) -> dict[str, str]:
    """The fields of the single entry of a `cite.bib` (LaTeX kept, as BibTeX writes it)."""
    if not path.is_file():
        return {}
    bib = parse_bib_text(path.read_text(encoding="utf-8", errors="replace"), relative(path, source))
    if not bib.entries:
        result.skip(relative(path, source), "the whole file", "no BibTeX entry could be read from it")
        return {}
    if len(bib.entries) > 1:
        result.skip(relative(path, source), f"{len(bib.entries) - 1} more entries", "only the first one is used")
    entry = bib.entries[0]
    return {"key": entry.key, "type": entry.entry_type.lower(), **entry.fields}


def _csl_type(types: Any) -> str:
    first = clean(plain_list(types)[0]) if plain_list(types) else ""
    return CSL_TYPES.get(first, "misc")


def _authors_of(meta: dict[str, Any], owner: str, owner_slug: str, label: str, result: ImportResult) -> list[str]:
    """Author names, with the owner's profile slug (`me`, `admin`) replaced by their name.

    `author_notes` that all say "Equal contribution" become `*` marks; other notes are reported.
    """
    slugs = {owner_slug, "me", "admin"} - {""}
    names = []
    for author in plain_list(meta.get("authors")):
        name = clean(author)
        if name in slugs:
            name = owner or name
            if not owner:
                result.skip(label, f"author `{author}`", "a profile name, but no author profile was found")
        names.append(name)
    notes = [clean(note) for note in plain_list(meta.get("author_notes"))]
    if any(notes):
        if all(note.lower() == "equal contribution" for note in notes if note):
            names = [f"{name}*" if index < len(notes) and notes[index] else name for index, name in enumerate(names)]
        else:
            result.skip(label, "`author_notes`", "only 'Equal contribution' notes become marks (*)")
    return names


def _publication_links(links: Any, entry: dict[str, Any]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    other: list[dict[str, str]] = []
    for link in plain_list(links):
        if not isinstance(link, dict):
            continue
        kind = clean(link.get("type"))
        url = clean(link.get("url"))
        if kind == "preprint" and clean(link.get("provider")) == "arxiv" and clean(link.get("id")):
            if "arxiv" not in entry:
                found["arxiv"] = clean(link["id"])
            continue
        if not url or url == "#":
            continue
        field = LINK_TYPES.get(kind)
        if field and field not in entry and field not in found:
            found[field] = url
        else:
            other.append({"label": clean(link.get("label") or link.get("name")) or kind.title() or "Link", "url": url})
    if other:
        found["links"] = other
    return found


# --- events and posts ----------------------------------------------------------------------------


def _events(source: Path, result: ImportResult) -> list[dict[str, Any]]:
    entries = []
    paths = sorted((source / "content" / "events").glob("*/index.md")) + sorted(
        (source / "content" / "talk").glob("*/index.md")
    )
    for path in paths:
        meta, body = read_front_matter(path)
        label = relative(path, source)
        start, end = date_text(meta.get("event_start")), date_text(meta.get("event_end"))
        address = meta["address"] if isinstance(meta.get("address"), dict) else {}
        place = ", ".join(clean(address.get(key)) for key in ("city", "region", "country") if clean(address.get(key)))
        location = clean(meta.get("location"))
        entry: dict[str, Any] = {
            "title": clean(meta.get("title")),
            "organization": clean(meta.get("event_name") or meta.get("event")),
            "url": clean(meta.get("event_url")),
            "location": f"{location} ({place})" if location and place else location or place,
            "summary": _summary(clean(meta.get("summary"))),
            "note": _summary(clean(meta.get("abstract"))),
        }
        if start and end and start != end:
            entry.update({"start": start, "end": end})
        else:
            entry["date"] = start or date_text(meta.get("date"))
        if clean(address.get("street")) or clean(address.get("postcode")):
            result.skip(label, "address: `street`, `postcode`", "a CV shows the city, not the street")
        links = [
            {"label": clean(link.get("name") or link.get("label")) or "Link", "url": clean(link["url"])}
            for link in plain_list(meta.get("links"))
            if isinstance(link, dict) and clean(link.get("url"))
        ]
        text = body.strip()
        if text:
            page = f"# {entry['title']}\n\n{text}\n"
            name = slugify(path.parent.name, max_length=SLUG_LENGTH, fallback="talk")
            links.append({"label": "Notes", "url": result.add_page(f"talks/{name}.md", page)})
        if links:
            entry["links"] = links
        ignored = [key for key in ("slides", "projects", "image", "tags", "featured") if meta.get(key)]
        if ignored:
            result.skip(label, describe_keys(ignored), "Hugo page settings, not part of a CV entry")
        known = {"title", "date", "event_name", "event", "event_url", "location", "address", "summary", "abstract",
                 "event_start", "event_end", "event_all_day", "authors", "links", "slides", "projects", "image",
                 "tags", "featured", "publishDate"}  # fmt: skip
        unknown = [key for key in meta if key not in known]
        if unknown:
            result.skip(label, f"front matter {describe_keys(unknown)}", "no matching CV field")
        entries.append(compact(entry))
    return entries


def _posts(source: Path, result: ImportResult) -> list[dict[str, Any]]:
    items = []
    for folder in ("post", "blog"):
        for path in sorted((source / "content" / folder).glob("*/index.md")):
            meta, body = read_front_matter(path)
            title = clean(meta.get("title"))
            if not title:
                continue
            item: dict[str, Any] = {"date": date_text(meta.get("date")), "text": title}
            text = body.strip()
            if text and not is_simple_body(text) or len(text) > 200:
                name = slugify(path.parent.name, max_length=SLUG_LENGTH, fallback="news")
                item["url"] = result.add_page(f"news/{name}.md", f"# {title}\n\n{text}\n")
            elif text:
                item["text"] = f"**{title}** {one_line(text)}"
            items.append(item)
    items.sort(key=lambda item: item["date"], reverse=True)
    return items
