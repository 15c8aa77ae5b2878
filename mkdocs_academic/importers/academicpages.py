"""Import an academicpages site (Jekyll, Minimal Mistakes).

| academicpages | becomes |
| --- | --- |
| `_publications/*.md` | `publications.yml`: title, date, venue, `category` as the type, `paperurl` (pdf), `slidesurl`, `bibtexurl`, `excerpt` as a note, the page text as the abstract |
| `markdown_generator/publications.tsv` | `publications.yml`, for rows that have no `_publications` page |
| `_talks/*.md`, `markdown_generator/talks.tsv` | `cv.yml` section `talks` (title, venue, location, date, type, text or page) |
| `_teaching/*.md` | `cv.yml` section `teaching` |
| `_data/cv.json` | `profile.yml` from `basics`, other sections to `cv.yml` (entries already imported are skipped) |
| `_config.yml` `author:` | the profile (name, avatar, location, employer, links) when `cv.json` has none; the sidebar `bio` is the `position` line |
| `_pages/about.md` | the profile's `bio` (the page text) and `news.yml` (its dated list items, see `about.py`) |

Listed in the report: each publication's formatted `citation` (ours is made from the fields; the
pages have no author list), `permalink`s, `_data/navigation.yml`, `authors.yml`, `_posts`,
`_portfolio`, files under `files/`.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Any

from ..slugs import slugify
from .about import read_about
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
    read_front_matter,
    read_yaml,
    relative,
    unique_key,
)
from .jsonresume import convert_resume, load_json

#: academicpages publication `category` -> our entry type.
CATEGORIES = {
    "manuscripts": "article",
    "conferences": "inproceedings",
    "books": "book",
    "theses": "phdthesis",
    "preprints": "misc",
}
PUBLICATION_KEYS = {
    "title", "collection", "category", "permalink", "excerpt", "date", "venue",
    "slidesurl", "paperurl", "bibtexurl", "citation",
}  # fmt: skip
EVENT_KEYS = {"title", "collection", "type", "permalink", "venue", "date", "location"}
#: `_data/cv.json` sections that are not JSON Resume sections.
CV_JSON_SECTIONS = {
    "presentations": {"name": "title", "event": "organization", "location": "location", "description": "summary"},
    "teaching": {"course": "title", "institution": "organization", "role": "note", "description": "summary"},
    "portfolio": {"name": "title", "category": "note", "url": "url", "description": "summary"},
}
#: `_config.yml` `author:` keys -> profile link names and URL templates.
AUTHOR_LINKS = {
    "googlescholar": ("scholar", "{}"),
    "orcid": ("orcid", "{}"),
    "github": ("github", "https://github.com/{}"),
    "linkedin": ("linkedin", "https://www.linkedin.com/in/{}"),
    "twitter": ("twitter", "https://twitter.com/{}"),
    "researchgate": ("researchgate", "{}"),
    "bluesky": ("bluesky", "https://bsky.app/profile/{}"),
    "uri": ("website", "{}"),
}


def import_academicpages(source: Path) -> ImportResult:
    """Convert the academicpages site in `source`."""
    result = ImportResult()
    publications = _publications(source, result)
    talks = _events(source, "_talks", "talks", result)
    talks += _talks_tsv(source, result, {entry["title"] for entry in talks})
    teaching = _events(source, "_teaching", "teaching", result)
    sections: dict[str, list[dict[str, Any]]] = {}
    if talks:
        sections["talks"] = talks
    if teaching:
        sections["teaching"] = teaching
    profile, cv_sections = _cv_json(source, result, publications, sections)
    for name, entries in cv_sections.items():
        sections.setdefault(name, []).extend(entries)
    if not profile:
        profile = _config_author(source, result)
    profile = _tagline_as_position(profile, source, result)
    about = _about_page(source)
    if about is not None:
        page = read_about(about, relative(about, source), result)
        if page.bio:
            profile["bio"] = page.bio
        if page.news:
            result.add_yaml(f"{DATA}/news.yml", page.news, f"Imported from academicpages ({relative(about, source)}).")
            result.count("news items", len(page.news))
        if page.bio and not profile.get("name"):
            result.skip(
                relative(about, source), "the bio", "no name found (_data/cv.json or _config.yml) for a profile"
            )
    profile = {key: profile[key] for key in PROFILE_ORDER if profile.get(key)}
    if publications:
        result.add_yaml(f"{DATA}/publications.yml", publications, "Imported from academicpages (_publications/).")
        result.count("publications", len(publications))
    if sections:
        result.add_yaml(f"{DATA}/cv.yml", sections, "Imported from academicpages (_talks/, _teaching/, _data/cv.json).")
        result.count("CV entries", len(talks) + len(teaching))
    if profile.get("name"):
        result.add_yaml(f"{DATA}/profile.yml", profile, "Imported from academicpages.")
        result.owner = profile["name"]
        result.count("profile")
    _leftovers(source, result, about)
    return result


#: The order of the fields in the profile.yml we write.
PROFILE_ORDER = ("name", "photo", "position", "affiliation", "location", "email", "phone", "links", "bio")


def _about_page(source: Path) -> Path | None:
    """The about page: `_pages/about.md`, else the page of `_pages/` whose permalink is `/`."""
    pages = source / "_pages"
    if (pages / "about.md").is_file():
        return pages / "about.md"
    for path in sorted(pages.glob("*.md")) if pages.is_dir() else []:
        if clean(read_front_matter(path)[0].get("permalink")) == "/":
            return path
    return None


def _tagline_as_position(profile: dict[str, Any], source: Path, result: ImportResult) -> dict[str, Any]:
    """The sidebar's short `bio` (`author.bio`, `basics.summary` of cv.json) is a position line."""
    tagline = profile.pop("bio", "")
    if not tagline:
        return profile
    if not profile.get("position"):
        return {**profile, "position": tagline}
    label = "_data/cv.json" if (source / "_data" / "cv.json").is_file() else "_config.yml"
    result.skip(label, f"the sidebar bio '{tagline[:40]}'", "the profile has a position already")
    return profile


def _publications(source: Path, result: ImportResult) -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = []
    keys: set[str] = set()
    citations = 0
    for path in sorted((source / "_publications").glob("*.md")):
        meta, body = read_front_matter(path)
        label = relative(path, source)
        stem = path.stem[11:] if path.stem[:4].isdigit() and len(path.stem) > 11 else path.stem
        key = unique_key(slugify(stem, max_length=SLUG_LENGTH, fallback="publication"), keys)
        date = date_text(meta.get("date"))
        entry: dict[str, Any] = {
            "key": key,
            "type": CATEGORIES.get(clean(meta.get("category")), "article"),
            "title": clean(meta.get("title")),
            "date": date,
            "venue": html_to_markdown(clean(meta.get("venue")))[0],
            "note": html_to_markdown(clean(meta.get("excerpt")))[0],
        }
        entry.update(_paper_links(clean(meta.get("paperurl")), clean(meta.get("slidesurl"))))
        if meta.get("bibtexurl"):
            entry["links"] = [{"label": "BibTeX", "url": clean(meta["bibtexurl"])}]
        text = body.strip()
        if text:
            entry["abstract"] = text
        authors = authors_from_citation(clean(meta.get("citation")))
        if authors:
            entry = {**entry, "authors": authors}
            citations += 1
        unknown = [name for name in meta if name not in PUBLICATION_KEYS]
        if unknown:
            result.skip(label, f"front matter {describe_keys(unknown)}", "no matching publication field")
        if meta.get("category") and clean(meta.get("category")) not in CATEGORIES:
            result.skip(label, f"category `{meta['category']}`", "shown as an article; set `type:` by hand")
        entries.append(compact(entry))
    if citations:
        result.skip(
            "_publications",
            f"`citation` of {citations} publications",
            "the formatted citation is not kept (ours is made from the fields); the author list was read "
            "from it: check `authors:` in publications.yml",
        )
        result.skip("_publications", "`permalink`", "publication pages are now at publications/<key>/")
    entries += _publications_tsv(source, result, {entry["title"] for entry in entries}, keys)
    return entries


def authors_from_citation(citation: str) -> list[str]:
    """The author names at the start of a formatted citation ("Doe, J., & Roe, A. (2020). ...").

    academicpages keeps no author list, only this text. Names written "Last, First" come in
    pairs; anything we cannot pair is kept as one name each (nothing is dropped).
    """
    text = html_to_markdown(citation)[0]
    match = re.match(r"^\s*(.+?)\s*\(\s*\d{4}[a-z]?\s*\)", text)
    if match is None:
        return []
    part = match.group(1).strip()
    if part.endswith(".") and not re.search(r"\b[A-Z]\.$", part):
        part = part[:-1]  # the full stop before "(2009)", not an initial
    tokens = [token.strip() for token in re.split(r",?\s+(?:&|and)\s+|,\s*", part) if token.strip()]
    given = re.compile(r"^(?:(?:[A-Z]\.-?\s*)+|[A-Z][\w'-]+\.?)$")
    initial_first = re.compile(r"^[A-Z]\.\s")
    pairs = range(0, len(tokens), 2)
    if (
        len(tokens) % 2 == 0
        and all(given.match(tokens[index + 1]) for index in pairs)
        and not any(initial_first.match(tokens[index]) for index in pairs)
    ):
        return [f"{tokens[index]}, {tokens[index + 1]}" for index in range(0, len(tokens), 2)]
    return tokens


def _paper_links(paper: str, slides: str) -> dict[str, str]:
    links = {}
    if paper:
        links["pdf" if paper.lower().endswith(".pdf") else "url"] = paper
    if slides:
        links["slides"] = slides
    return links


def _read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            {key: (value or "").strip() for key, value in row.items() if key}
            for row in csv.DictReader(handle, delimiter="\t")
        ]


def _publications_tsv(source: Path, result: ImportResult, titles: set[str], keys: set[str]) -> list[dict[str, Any]]:
    path = source / "markdown_generator" / "publications.tsv"
    if not path.is_file():
        return []
    entries = []
    duplicates = 0
    for row in _read_tsv(path):
        if row.get("title", "") in titles:
            duplicates += 1
            continue
        name = row.get("url_slug") or row.get("title", "")
        key = unique_key(slugify(name, max_length=SLUG_LENGTH, fallback="publication"), keys)
        entry = {
            "key": key,
            "title": row.get("title", ""),
            "date": row.get("pub_date", ""),
            "venue": row.get("venue", ""),
            "note": row.get("excerpt", ""),
            "authors": authors_from_citation(row.get("citation", "")),
            **_paper_links(row.get("paper_url", ""), row.get("slides_url", "")),
        }
        entries.append(compact(entry))
    if duplicates:
        result.skip(
            relative(path, source),
            f"{duplicates} rows",
            "the same publications as `_publications/` (imported from there)",
        )
    if entries:
        result.skip(
            relative(path, source),
            "column `citation`",
            "the formatted citation is not kept; the authors were read from it",
        )
    return entries


def _events(source: Path, folder: str, section: str, result: ImportResult) -> list[dict[str, Any]]:
    """Talks or teaching pages as CV entries (a long text gets a page of its own)."""
    entries = []
    for path in sorted((source / folder).glob("*.md")):
        meta, body = read_front_matter(path)
        label = relative(path, source)
        entry: dict[str, Any] = {
            "title": clean(meta.get("title")),
            "organization": clean(meta.get("venue")),
            "location": clean(meta.get("location")),
            "date": date_text(meta.get("date")),
            "note": clean(meta.get("type")),
        }
        text = body.strip()
        if text and is_simple_body(text):
            entry["summary"] = one_line(text)
        elif text:
            page = f"# {entry['title']}\n\n{text}\n"
            name = slugify(path.stem, max_length=SLUG_LENGTH, fallback=section)
            entry["url"] = result.add_page(f"{section}/{name}.md", page)
        unknown = [name for name in meta if name not in EVENT_KEYS]
        if unknown:
            result.skip(label, f"front matter {describe_keys(unknown)}", "no matching CV field")
        entries.append(compact(entry))
    if entries:
        result.skip(folder, "`permalink`", f"the text of long entries is now a page under {section}/")
    return entries


def _talks_tsv(source: Path, result: ImportResult, titles: set[str]) -> list[dict[str, Any]]:
    path = source / "markdown_generator" / "talks.tsv"
    if not path.is_file():
        return []
    entries = []
    duplicates = 0
    for row in _read_tsv(path):
        if row.get("title", "") in titles:
            duplicates += 1
            continue
        entry = {
            "title": row.get("title", ""),
            "organization": row.get("venue", ""),
            "url": row.get("talk_url", ""),
            "location": row.get("location", ""),
            "date": row.get("date", ""),
            "note": row.get("type", ""),
            "summary": row.get("description", ""),
        }
        entries.append(compact(entry))
    if duplicates:
        result.skip(relative(path, source), f"{duplicates} rows", "the same talks as `_talks/` (imported from there)")
    return entries


def _cv_json(
    source: Path, result: ImportResult, publications: list[dict[str, Any]], sections: dict[str, list[dict[str, Any]]]
) -> tuple[dict[str, Any], dict[str, list[dict[str, Any]]]]:
    path = source / "_data" / "cv.json"
    if not path.is_file():
        return {}, {}
    label = relative(path, source)
    data = load_json(path, label, result)
    if data is None:
        return {}, {}
    profile, converted = convert_resume(data, label, result, extra_sections=CV_JSON_SECTIONS)
    # `publications`, `presentations` and `teaching` repeat the pages of _publications, _talks, _teaching.
    known = {entry.get("title") for entry in publications}
    known |= {entry.get("title") for entries in sections.values() for entry in entries}
    kept: dict[str, list[dict[str, Any]]] = {}
    for name, entries in converted.items():
        target = {"presentations": "talks"}.get(name, name)
        fresh = [entry for entry in entries if entry.get("title") not in known]
        repeated = len(entries) - len(fresh)
        if repeated:
            result.skip(label, f"{repeated} entries of `{name}`", "the same as the pages already imported")
            result.count("CV entries", -repeated)
        if name == "publications" and fresh:
            result.skip(
                label, f"{len(fresh)} publications", "not in _publications/: kept as the CV section 'publications'"
            )
        if fresh:
            kept.setdefault(target, []).extend(fresh)
    for name, entries in kept.items():
        for entry in entries:
            for key in ("summary", "title", "note"):
                if key in entry:
                    entry[key], html_left = html_to_markdown(entry[key])
                    if html_left:
                        result.skip(
                            label, f"HTML in {name}: '{entry['title'][:40]}'", "shown escaped; rewrite it in Markdown"
                        )
    return profile, kept


def _config_author(source: Path, result: ImportResult) -> dict[str, Any]:
    path = source / "_config.yml"
    config = read_yaml(path) if path.is_file() else None
    author = config.get("author") if isinstance(config, dict) else None
    if not isinstance(author, dict):
        return {}
    links = {}
    for key, (name, template) in AUTHOR_LINKS.items():
        if clean(author.get(key)):
            links[name] = template.format(clean(author[key]))
    used = {"name", "avatar", "bio", "location", "employer", "email", *AUTHOR_LINKS}
    unused = [key for key, value in author.items() if key not in used and value not in (None, "", False)]
    if unused:
        result.skip("_config.yml", f"author: {describe_keys(unused)}", "no matching profile field")
    return compact(
        {
            "name": clean(author.get("name")),
            "photo": _avatar(source, clean(author.get("avatar")), result),
            "affiliation": clean(author.get("employer")),
            "location": clean(author.get("location")),
            "email": clean(author.get("email")),
            "links": links,
            "bio": clean(author.get("bio")),
        }
    )


def _avatar(source: Path, avatar: str, result: ImportResult) -> str:
    """The profile photo: academicpages' `images/<avatar>` copied to `docs/images/` (the site then
    builds with `--strict`); a URL is kept; a missing file is left to do by hand."""
    if not avatar or "://" in avatar:
        return avatar
    name = avatar.lstrip("/")
    path = source / name if "/" in name else source / "images" / name
    target = name if "/" in name else f"images/{name}"
    if path.is_file():
        result.files[f"{DOCS}/{target}"] = path.read_bytes()
        return target
    result.todo.append(f"copy your photo `{target}` into `docs/{target}` and set `photo: {target}` in profile.yml")
    return ""


def _leftovers(source: Path, result: ImportResult, about: Path | None) -> None:
    why = {
        "navigation.yml": "the menu: write `nav:` in mkdocs.yml (the --site pages have one)",
        "authors.yml": "blog post authors; blog posts are not imported",
        "ui-text.yml": "theme labels; set `labels:` of the plugin or translate the theme",
        "comments": "comments are not part of the data",
    }
    data_dir = source / "_data"
    for path in sorted(data_dir.iterdir()) if data_dir.is_dir() else []:
        if path.name != "cv.json":
            result.skip(
                relative(path, source), "the whole file", why.get(path.name, "not an academicpages data file we map")
            )
    for folder in ("_posts", "_portfolio", "_pages", "_drafts"):
        pages = sorted((source / folder).glob("*.md")) if (source / folder).is_dir() else []
        pages = [page for page in pages if page != about]
        if pages:
            other = " other" if about is not None and about.parent.name == folder else ""
            result.skip(folder, f"{len(pages)}{other} pages", "pages, not data: copy them into docs/ as Markdown pages")
    files = (
        sorted(path for path in (source / "files").rglob("*") if path.is_file()) if (source / "files").is_dir() else []
    )
    if files:
        result.todo.append(
            f"copy the {len(files)} file(s) of `files/` into `docs/files/` if you want them served from the new site "
            "(the links still point at your old site's address)"
        )
