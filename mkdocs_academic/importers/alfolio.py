"""Import an al-folio site (Jekyll): BibTeX, news, CV, socials.

| al-folio | becomes |
| --- | --- |
| `_bibliography/*.bib` | copied as they are to `data/` (front matter and al-folio fields are read) |
| `_news/*.md` | `news.yml`; a long announcement (`inline: false`) also gets its page `docs/news/<name>.md` |
| `_data/cv.yml` (`map`, `time_table`, `list`, `nested_list`) | `cv.yml`, a section per title |
| `assets/json/resume.json` | `profile.yml` from `basics`; its sections that `_data/cv.yml` lacks go to `cv.yml` (an entry that repeats one of `_data/cv.yml`, such as a `work` role listed under Experience, is merged into it) |
| `_data/socials.yml` | the profile's `email` and `links` |
| `_config.yml` `first_name`/`last_name`, `scholar.last_name`/`first_name` | the profile name, `me:` |

Listed in the report: `_data/coauthors.yml`, `venues.yml`, `citations.yml`, other `_data` files,
`_posts`, `_projects`, `_pages`, BibTeX fields we do not show (`altmetric`, `dimensions`, ...).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ..data.bibtex import parse_bib_text
from ..data.dates import parse_date_range, parse_partial_date
from ..data.fields import LINK_FIELDS
from ..data.models import PartialDate
from ..data.urls import in_site_folder, site_path
from ..slugs import slugify
from .common import (
    DATA,
    DOCS,
    SLUG_LENGTH,
    ImportResult,
    clean,
    compact,
    date_text,
    describe_keys,
    html_to_markdown,
    is_simple_body,
    one_line,
    plain_list,
    read_front_matter,
    read_yaml,
    relative,
    section_name,
)
from .jsonresume import ENTRY_ORDER, convert_resume, load_json

#: al-folio BibTeX fields that we read but do not show (badges fetched from other hosts).
UNSHOWN_BIB_FIELDS = ("altmetric", "dimensions", "google_scholar_id", "inspirehep_id", "numpages")
#: socials.yml key -> (our link name, URL template).
SOCIALS: dict[str, tuple[str, str]] = {
    "scholar_userid": ("scholar", "https://scholar.google.com/citations?user={}"),
    "orcid_id": ("orcid", "https://orcid.org/{}"),
    "github_username": ("github", "https://github.com/{}"),
    "gitlab_username": ("gitlab", "https://gitlab.com/{}"),
    "linkedin_username": ("linkedin", "https://www.linkedin.com/in/{}"),
    "x_username": ("x", "https://x.com/{}"),
    "twitter_username": ("twitter", "https://twitter.com/{}"),
    "bluesky_url": ("bluesky", "{}"),
    "mastodon_username": ("mastodon", "https://{}"),
    "dblp_url": ("dblp", "{}"),
    "semanticscholar_id": ("semantic_scholar", "https://www.semanticscholar.org/author/{}"),
    "research_gate_profile": ("researchgate", "https://www.researchgate.net/profile/{}"),
    "work_url": ("website", "{}"),
    "blogger_url": ("Blog", "{}"),
    "inspirehep_id": ("INSPIRE-HEP", "https://inspirehep.net/authors/{}"),
    "arxiv_id": ("arXiv", "https://arxiv.org/a/{}"),
    "acm_id": ("ACM DL", "https://dl.acm.org/profile/{}"),
    "ieee_id": ("IEEE Xplore", "https://ieeexplore.ieee.org/author/{}"),
    "hal_id": ("HAL", "https://hal.science/{}"),
    "osf_id": ("OSF", "https://osf.io/{}/"),
    "publons_id": ("Publons", "https://publons.com/a/{}/"),
    "scopus_id": ("Scopus", "https://www.scopus.com/authid/detail.uri?authorId={}"),
    "lattes_id": ("Lattes", "http://lattes.cnpq.br/{}"),
    "wikidata_id": ("Wikidata", "https://www.wikidata.org/wiki/{}"),
    "wikipedia_id": ("Wikipedia", "https://wikipedia.org/wiki/User:{}"),
    "kaggle_id": ("Kaggle", "https://www.kaggle.com/{}"),
    "medium_username": ("Medium", "https://medium.com/@{}"),
    "youtube_id": ("YouTube", "https://youtube.com/@{}"),
    "stackoverflow_id": ("Stack Overflow", "https://stackoverflow.com/users/{}"),
    "instagram_id": ("Instagram", "https://instagram.com/{}"),
    "facebook_id": ("Facebook", "https://facebook.com/{}"),
    "zotero_username": ("Zotero", "https://www.zotero.org/{}"),
    "leetcode_id": ("LeetCode", "https://leetcode.com/u/{}/"),
    "quora_username": ("Quora", "https://www.quora.com/profile/{}"),
    "keybase_username": ("Keybase", "https://keybase.io/{}"),
    "unsplash_id": ("Unsplash", "https://unsplash.com/@{}"),
    "telegram_username": ("Telegram", "https://telegram.me/{}"),
    "flickr_id": ("Flickr", "https://www.flickr.com/{}"),
    "pinterest_id": ("Pinterest", "https://www.pinterest.com/{}"),
    "spotify_id": ("Spotify", "https://open.spotify.com/user/{}"),
    "lastfm_id": ("Last.fm", "https://www.last.fm/user/{}"),
    "strava_userid": ("Strava", "https://www.strava.com/athletes/{}"),
}
CV_ENTRY_FIELDS = {"title", "institution", "year", "description", "location", "items", "contents"}
#: Folders of pages that are not data (reported with their number of files).
PAGE_FOLDERS = ("_posts", "_projects", "_pages", "_teachings", "_books")
#: `_data` files this importer reads.
READ_DATA = {"cv.yml", "socials.yml"}
WHY_DATA = {
    "coauthors.yml": "links on coauthors' names have no place in our data; keep the links in your pages",
    "venues.yml": "venue links and badge colours are not configurable; style `.academic-badge` in extra_css",
    "citations.yml": "a cache of Google Scholar citation counts; citation counts are not shown",
    "repositories.yml": "GitHub repository cards are not a block of ours; link them from a page",
}


def import_alfolio(source: Path) -> ImportResult:
    """Convert the al-folio site in `source`."""
    result = ImportResult()
    config = read_yaml(source / "_config.yml") if (source / "_config.yml").is_file() else None
    _bibliography(source, result)
    _news(source, result)
    cv_sections = _cv(source, result)
    profile, resume_sections = _resume(source, result, set(cv_sections))
    resume_sections = merge_duplicates(cv_sections, resume_sections, result)
    sections = {**cv_sections, **resume_sections}
    if sections:
        result.add_yaml(f"{DATA}/cv.yml", sections, "Imported from al-folio (_data/cv.yml, assets/json/resume.json).")
    profile = _socials(source, result, profile)
    if not profile.get("name") and isinstance(config, dict):
        name = " ".join(clean(config.get(key)) for key in ("first_name", "middle_name", "last_name")).split()
        if name:
            profile = {"name": " ".join(name), **profile}
    if profile.get("name"):
        result.add_yaml(f"{DATA}/profile.yml", _ordered_profile(profile), "Imported from al-folio.")
        result.owner = profile["name"]
        result.count("profile")
    elif profile:
        result.skip(
            "_data/socials.yml", "the profile links", "no name found (resume.json or _config.yml) for a profile"
        )
    _leftovers(source, result)
    return result


#: Link fields whose value may be a file of the site (`arxiv` and `doi` are identifiers).
_PATH_LINK_FIELDS = (*(name for name in LINK_FIELDS if name not in ("arxiv", "doi")), "preview")
#: Where al-folio's `bib.liquid` looks for a relative value of these fields (any other field is
#: a path as written).
_ALFOLIO_FOLDERS = {
    "pdf": "assets/pdf",
    "slides": "assets/pdf",
    "poster": "assets/pdf",
    "supp": "assets/pdf",
    "preview": "assets/img/publication_preview",
}
#: Where we look: a bare `pdf`/`preview` name in `pdf_dir`/`preview_dir` (the same folders by
#: default); any other relative value from the site root.
_OUR_FOLDERS = {"pdf": "assets/pdf", "preview": "assets/img/publication_preview"}


def _copy_linked_file(source: Path, key: str, name: str, value: str, result: ImportResult) -> None:
    """Copy the file a relative link field names from where al-folio finds it to where our link
    points (`slides = {talk.pdf}`: al-folio's `assets/pdf/talk.pdf` to `docs/talk.pdf`), or name it
    in the report when the al-folio site lacks it."""
    ours = site_path(in_site_folder(value, _OUR_FOLDERS.get(name, ""))) if value else None
    if not ours:
        return
    folder = _ALFOLIO_FOLDERS.get(name)
    theirs = f"{folder}/{value.split('#', 1)[0].split('?', 1)[0]}" if folder else ours
    _copy_site_file(source, theirs, f"`{name}={{{value}}}` in {key}", result, target=ours)


def _bibliography(source: Path, result: ImportResult) -> None:
    unshown: set[str] = set()
    for path in sorted((source / "_bibliography").glob("*.bib")):
        data = path.read_bytes()
        result.files[f"{DATA}/{path.name}"] = data
        bib = parse_bib_text(data.decode("utf-8", errors="replace"), relative(path, source))
        result.count("publications", len(bib.entries))
        for entry in bib.entries:
            unshown |= {name for name in UNSHOWN_BIB_FIELDS if name in entry.fields}
            for name in _PATH_LINK_FIELDS:
                _copy_linked_file(source, entry.key, name, entry.fields.get(name, "").strip(), result)
    if unshown:
        result.skip(
            "_bibliography",
            f"BibTeX fields {describe_keys(sorted(unshown))}",
            "badges and counts fetched from other hosts are not shown (the fields stay in the .bib)",
        )


def _news(source: Path, result: ImportResult) -> None:
    items = []
    for path in sorted((source / "_news").glob("*.md")):
        meta, body = read_front_matter(path)
        label = relative(path, source)
        date = date_text(meta.get("date")) or path.stem[:10]
        title = clean(meta.get("title"))
        text, html_left = html_to_markdown(body.strip())
        inline = meta.get("inline")
        item: dict[str, Any] = {"date": date}
        if (inline is True or not title) and is_simple_body(text):
            item["text"] = one_line(text)
        else:
            item["text"] = title or one_line(text)[:80]
            page = f"# {title or 'News'}\n\n*{date}*\n\n{body.strip()}\n"
            name = slugify(path.stem, max_length=SLUG_LENGTH, fallback="news")
            item["url"] = result.add_page(f"news/{name}.md", page)
            html_left = False  # the page keeps the body as it is (Markdown with HTML)
        if html_left:
            result.skip(label, "HTML in the text", "it is shown escaped; rewrite it in Markdown (or set allow_html)")
        unknown = [key for key in meta if key not in ("layout", "date", "inline", "related_posts", "title")]
        if unknown:
            result.skip(label, f"front matter {describe_keys(unknown)}", "a news item has date, text, url, tags")
        items.append(item)
    if items:
        items.sort(key=lambda item: item["date"], reverse=True)
        result.add_yaml(f"{DATA}/news.yml", items, "Imported from al-folio (_news/).")
        result.count("news items", len(items))


def _cv(source: Path, result: ImportResult) -> dict[str, list[dict[str, Any]]]:
    path = source / "_data" / "cv.yml"
    if not path.is_file():
        return {}
    data = read_yaml(path)
    if not isinstance(data, list):
        result.skip("_data/cv.yml", "the whole file", "expected al-folio's list of sections")
        return {}
    sections: dict[str, list[dict[str, Any]]] = {}
    for section in data:
        if not isinstance(section, dict):
            continue
        title = clean(section.get("title")) or "CV"
        kind = clean(section.get("type"))
        contents = plain_list(section.get("contents"))
        name = section_name(title)
        if kind == "map":
            entries = [
                compact({"title": clean(item.get("name")), "items": clean(item.get("value"))})
                for item in contents
                if isinstance(item, dict)
            ]
        elif kind == "list":
            entries = [{"title": _markdown(clean(item), result)} for item in contents if clean(item)]
        elif kind == "nested_list":
            entries = [
                compact(
                    {"title": _markdown(clean(item.get("title")), result), "items": _texts(item.get("items"), result)}
                )
                for item in contents
                if isinstance(item, dict)
            ]
        elif kind == "time_table":
            entries = [
                entry for item in contents if isinstance(item, dict) for entry in _time_table(item, title, result)
            ]
        else:
            result.skip("_data/cv.yml", f"section '{title}' of type `{kind}`", "a type al-folio's cv.yml did not have")
            continue
        entries = [entry for entry in entries if entry.get("title")]
        if entries:
            sections[name] = entries
            result.count("CV entries", len(entries))
    return sections


def _time_table(item: dict[str, Any], section: str, result: ImportResult) -> list[dict[str, Any]]:
    unknown = [key for key in item if key not in CV_ENTRY_FIELDS]
    if unknown:
        result.skip("_data/cv.yml", f"{section}: {describe_keys(unknown)}", "no matching field in cv.yml")
    date = clean(item.get("year"))
    if not item.get("title") and item.get("items"):
        # "Honors and Awards": a year with a list of items -> one entry per item.
        return [{"title": text, "date": date} for text in _texts(item.get("items"), result)]
    entry: dict[str, Any] = {
        "title": _markdown(clean(item.get("title")), result),
        "organization": clean(item.get("institution")),
        "location": clean(item.get("location")),
        "date": date,
    }
    description = item.get("description")
    if isinstance(description, str):
        entry["summary"] = _markdown(description.strip(), result)
    elif isinstance(description, list):
        entry["highlights"] = [_highlight(part, result) for part in description if _highlight(part, result)]
    if item.get("items"):
        entry["items"] = _texts(item.get("items"), result)
    return [compact(entry)]


def _highlight(part: Any, result: ImportResult) -> str:
    """A description line; `{title, contents}` becomes "**title** a; b"."""
    if isinstance(part, dict):
        head = _markdown(clean(part.get("title")), result)
        rest = "; ".join(_texts(part.get("contents"), result))
        return f"**{head}** {rest}".strip() if head else rest
    return _markdown(clean(part), result)


def _texts(value: Any, result: ImportResult) -> list[str]:
    return [_markdown(clean(item), result) for item in plain_list(value) if clean(item)]


def _markdown(text: str, result: ImportResult) -> str:
    converted, html_left = html_to_markdown(text)
    if html_left:
        result.skip("_data/cv.yml", f"HTML in '{text[:40]}'", "it is shown escaped; rewrite it in Markdown")
    return converted


def _resume(source: Path, result: ImportResult, taken: set[str]) -> tuple[dict[str, Any], dict[str, Any]]:
    path = source / "assets" / "json" / "resume.json"
    if not path.is_file():
        return {}, {}
    label = relative(path, source)
    data = load_json(path, label, result)
    if data is None:
        return {}, {}
    why = "`_data/cv.yml` has this section already (al-folio shows one CV or the other)"
    skip = {name: why for name in data if name in taken}
    profile, sections = convert_resume(data, label, result, skip_sections=skip)
    return profile, sections


#: The fields that say when: an entry keeps those of one side only (never `date` and `start`).
DATE_KEYS = ("date", "start", "end", "status")
RESUME_LABEL = "assets/json/resume.json"


def merge_duplicates(
    cv_sections: dict[str, list[dict[str, Any]]],
    resume_sections: dict[str, list[dict[str, Any]]],
    result: ImportResult,
) -> dict[str, list[dict[str, Any]]]:
    """`resume_sections` without the entries that repeat one of `cv_sections`.

    The same role listed twice (`_data/cv.yml` Experience and resume.json `work`: the same
    organisation, title and start) becomes one entry, in its `_data/cv.yml` place, with the
    fields of both (see `merge_entries`); the report says so.
    """
    known = [(name, entry) for name, entries in cv_sections.items() for entry in entries]
    kept: dict[str, list[dict[str, Any]]] = {}
    for name, entries in resume_sections.items():
        fresh = []
        for entry in entries:
            match = next((pair for pair in known if same_role(pair[1], entry)), None)
            if match is None:
                fresh.append(entry)
                continue
            section, twin = match
            merged = merge_entries(twin, entry)
            twin.clear()
            twin.update(merged)
            result.skip(
                RESUME_LABEL,
                f"`{name}` entry '{entry['title'][:40]}'",
                f"the same as in `_data/cv.yml` (section `{section}`): merged into one entry",
            )
            result.count("CV entries", -1)
        if fresh:
            kept[name] = fresh
    return kept


def _words(text: Any) -> str:
    """Text compared without case, punctuation or Markdown: "Inst. for X, Y" ~ "inst for x y"."""
    return " ".join(re.sub(r"[^\w]+", " ", re.sub(r"\]\([^)]*\)", "", str(text or ""))).lower().split())


def _start(entry: dict[str, Any]) -> PartialDate | None:
    if entry.get("start"):
        return parse_partial_date(entry["start"])
    dates = parse_date_range(entry.get("date"))
    return (dates.start or dates.end) if dates else None


def same_role(one: dict[str, Any], other: dict[str, Any]) -> bool:
    """The same organisation, title and start (compared at the coarser of the two precisions)."""
    if not _words(one.get("title")) or _words(one.get("title")) != _words(other.get("title")):
        return False
    if _words(one.get("organization")) != _words(other.get("organization")):
        return False
    first, second = _start(one), _start(other)
    if first is None or second is None:
        return False
    pairs = [(first.year, second.year), (first.month, second.month), (first.day, second.day)]
    for mine, theirs in pairs:
        if mine is None or theirs is None:
            return True
        if mine != theirs:
            return False
    return True


def _richness(entry: dict[str, Any]) -> tuple[int, int]:
    return len(entry), sum(len(str(value)) for value in entry.values())


def merge_entries(one: dict[str, Any], other: dict[str, Any]) -> dict[str, Any]:
    """One entry from two that describe the same thing: the richer one (more fields, then more
    text), with the fields only the other has, and list fields (`highlights`, `items`) joined."""
    rich, poor = (one, other) if _richness(one) >= _richness(other) else (other, one)
    merged = dict(rich)
    has_dates = any(key in rich for key in DATE_KEYS)
    for key, value in poor.items():
        if key in DATE_KEYS and has_dates:
            continue
        if key not in merged:
            merged[key] = value
        elif isinstance(merged[key], list) and isinstance(value, list):
            seen = {_words(part) for part in merged[key]}
            merged[key] = [*merged[key], *(part for part in value if _words(part) not in seen)]
    order = [key for key in ENTRY_ORDER if key in merged] + [key for key in merged if key not in ENTRY_ORDER]
    return {key: merged[key] for key in order}


def _socials(source: Path, result: ImportResult, profile: dict[str, Any]) -> dict[str, Any]:
    path = source / "_data" / "socials.yml"
    if not path.is_file():
        return profile
    data = read_yaml(path)
    if not isinstance(data, dict):
        return profile
    links = dict(profile.get("links") or {})
    for key, value in data.items():
        if value in (None, ""):
            continue
        if key == "email":
            profile.setdefault("email", clean(value))
        elif key == "cv_pdf":
            links["cv"] = clean(value).lstrip("/")
            _copy_site_file(source, links["cv"], "the CV link (`cv_pdf`)", result)
        elif key in SOCIALS:
            name, template = SOCIALS[key]
            links.setdefault(name, template.format(clean(value)))
        elif isinstance(value, dict) and value.get("url"):
            links[clean(value.get("title")) or key] = clean(value["url"])
            if value.get("logo"):
                result.skip("_data/socials.yml", f"`{key}.logo`", "custom icons are not shown; the link is")
        elif key == "rss_icon":
            result.skip("_data/socials.yml", "`rss_icon`", "feed.xml is linked from every page's head instead")
        else:
            result.skip("_data/socials.yml", f"`{key}`", "no link pattern known for it; add it to `links:` by hand")
    if links:
        profile["links"] = links
    return profile


def _copy_site_file(
    source: Path, relative_path: str, what: str, result: ImportResult, target: str | None = None
) -> None:
    """Copy a file the site links to (`assets/pdf/x.pdf`) to the same path under `docs/` (or to
    `target`), or say what to do when the al-folio site does not have it."""
    path = source / relative_path
    target = target or relative_path
    if path.is_file():
        result.files[f"{DOCS}/{target}"] = path.read_bytes()
        result.count("linked files")
    elif f"{DOCS}/{target}" not in result.files:
        result.todo.append(
            f"{what}: `{relative_path}` is not in the al-folio site; put the file at `docs/{target}` "
            "(the build warns about the dead link until then)"
        )


def _ordered_profile(profile: dict[str, Any]) -> dict[str, Any]:
    order = ("name", "photo", "position", "affiliation", "location", "email", "phone", "links", "bio")
    return {key: profile[key] for key in order if profile.get(key)}


def _leftovers(source: Path, result: ImportResult) -> None:
    data_dir = source / "_data"
    if data_dir.is_dir():
        for path in sorted(data_dir.iterdir()):
            if path.is_file() and path.name not in READ_DATA:
                why = WHY_DATA.get(path.name, "not an al-folio data file we know how to map")
                result.skip(relative(path, source), "the whole file", why)
    for folder in PAGE_FOLDERS:
        pages = sorted((source / folder).glob("*.md")) if (source / folder).is_dir() else []
        if pages:
            result.skip(folder, f"{len(pages)} pages", "pages, not data: copy them into docs/ as Markdown pages")
