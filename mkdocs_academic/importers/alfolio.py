"""Import an al-folio site (Jekyll): BibTeX, news, CV, socials.

| al-folio | becomes |
| --- | --- |
| `_bibliography/*.bib` | copied as they are to `data/` (front matter and al-folio fields are read) |
| `_news/*.md` | `news.yml`; a long announcement (`inline: false`) also gets its page `docs/news/<name>.md` |
| `_data/cv.yml` (`map`, `time_table`, `list`, `nested_list`) | `cv.yml`, a section per title |
| `assets/json/resume.json` | `profile.yml` from `basics`; its sections that `_data/cv.yml` lacks go to `cv.yml` |
| `_data/socials.yml` | the profile's `email` and `links` |
| `_config.yml` `first_name`/`last_name`, `scholar.last_name`/`first_name` | the profile name, `me:` |

Listed in the report: `_data/coauthors.yml`, `venues.yml`, `citations.yml`, other `_data` files,
`_posts`, `_projects`, `_pages`, BibTeX fields we do not show (`altmetric`, `dimensions`, ...).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..data.bibtex import parse_bib_text
from ..slugs import slugify
from .common import (
    DATA,
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
from .jsonresume import convert_resume, load_json

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


def _bibliography(source: Path, result: ImportResult) -> None:
    unshown: set[str] = set()
    for path in sorted((source / "_bibliography").glob("*.bib")):
        data = path.read_bytes()
        result.files[f"{DATA}/{path.name}"] = data
        bib = parse_bib_text(data.decode("utf-8", errors="replace"), relative(path, source))
        result.count("publications", len(bib.entries))
        for entry in bib.entries:
            unshown |= {name for name in UNSHOWN_BIB_FIELDS if name in entry.fields}
            for name in ("pdf", "preview"):
                value = entry.fields.get(name, "")
                if value and "://" not in value and "/" not in value:
                    folder = "assets/pdf/" if name == "pdf" else "assets/img/publication_preview/"
                    result.todo.append(
                        f"`{name}={{{value}}}` in {entry.key}: al-folio looks it up in `{folder}`; ours are "
                        f"relative to `docs/`: copy `{folder}{value}` to `docs/{value}` (or change the field)"
                    )
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
            result.todo.append(f"copy `{clean(value).lstrip('/')}` from the al-folio site into `docs/` (the CV link)")
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
