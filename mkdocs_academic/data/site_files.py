"""Links from the data to files of the site: where a bare file name goes, and which links are dead.

al-folio writes `pdf = {paper.pdf}` and `preview = {fig.png}` and looks those names up in
`assets/pdf/` and `assets/img/publication_preview/`: `with_link_folders` gives a publication's
bare names the same folders (the `pdf_dir` and `preview_dir` options).

`dead_site_links` takes the paths of the built site (a host that knows them: the MkDocs
plugin, from its `Files`) and every relative link of a `Dataset` (`site_links`), and returns a
`Problem` for each link to a file the site does not have, at the line of the field that names
it. The models keep no line per field, so that line is found again in the data file: the
first line from the item's own line on that holds the link as written.

Pure functions: no MkDocs here (data layer).
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Collection, Iterable, Iterator
from typing import NamedTuple

from .dataset import Dataset
from .models import Link, Person, Publication, Source
from .problems import Problem
from .urls import in_site_folder, markdown_link_targets, site_path

#: How far below an item's first line its field is looked for (a long BibTeX entry fits).
_SEARCH_LINES = 200


def with_link_folders(pub: Publication, pdf_dir: str, preview_dir: str) -> Publication:
    """`pub` with a bare file name in `pdf` (a link of kind `pdf`) or `preview` put in its folder."""
    links = tuple(
        link._replace(url=in_site_folder(link.url, pdf_dir)) if link.kind == "pdf" else link for link in pub.links
    )
    preview = in_site_folder(pub.preview, preview_dir) if pub.preview else ""
    if preview == pub.preview and links == pub.links:
        return pub
    return pub._replace(links=links, preview=preview)


class SiteLink(NamedTuple):
    """A relative link of the data: the value as stored, the field that gave it, and its item."""

    url: str
    field: str
    source: Source


def site_links(dataset: Dataset) -> list[SiteLink]:
    """Every link of the data that is a path in the site (not a URL, `/path` or `#anchor`)."""
    return [link for link in _all_links(dataset) if site_path(link.url) is not None]


def _all_links(dataset: Dataset) -> Iterator[SiteLink]:
    for pub in dataset.publications:
        for link in pub.links:
            yield SiteLink(link.url, _field_of(link), pub.source)
        if pub.preview:
            yield SiteLink(pub.preview, "preview", pub.source)
        yield from _people_links((*pub.authors, *pub.editors), "author", pub.source)
        yield from _markdown_links(
            pub.source,
            award=pub.award,
            additional_info=pub.additional_info_md,
            annotation=pub.annotation_md,
            highlights=pub.highlights_md,
        )
    for item in dataset.news_items():
        if item.url:
            yield SiteLink(item.url, "url", item.source)
        yield from _markdown_links(item.source, text=item.text_md)
    profiles = [dataset.profile, dataset.resume.profile if dataset.resume is not None else None]
    for profile in profiles:
        if profile is None:
            continue
        for name, url in (("photo", profile.photo), ("affiliation_url", profile.affiliation_url)):
            if url:
                yield SiteLink(url, name, profile.source)
        yield from _links_of(profile.links, profile.source)
        for interest in profile.interests:
            if interest.url:
                yield SiteLink(interest.url, "interests", profile.source)
        yield from _markdown_links(
            profile.source,
            affiliation=profile.affiliation_md,
            notice=profile.notice_md,
            bio=profile.bio_md,
            interests=tuple(interest.text_md for interest in profile.interests),
        )
    cvs = [dataset.cv, dataset.resume.cv if dataset.resume is not None else None]
    for cv in cvs:
        for entries in cv.sections.values() if cv is not None else ():
            for entry in entries:
                if entry.url:
                    yield SiteLink(entry.url, "url", entry.source)
                yield from _links_of(entry.links, entry.source)
                for role, people in entry.people:
                    yield from _people_links(people, role, entry.source)
                yield from _markdown_links(
                    entry.source,
                    title=entry.title_md,
                    organization=entry.organization_md,
                    department=entry.department_md,
                    thesis=entry.thesis_md,
                    summary=entry.summary_md,
                    note=entry.note_md,
                    highlights=entry.highlights_md,
                    items=entry.items_md,
                )


def _markdown_links(source: Source, **fields: str | tuple[str, ...]) -> Iterator[SiteLink]:
    """The links written inside Markdown values (`[slides](talks/x.pdf)`), by field name."""
    for name, value in fields.items():
        for text in (value,) if isinstance(value, str) else value:
            for url in markdown_link_targets(text) if text else ():
                yield SiteLink(url, name, source)


def _field_of(link: Link) -> str:
    # A publication's link fields are named by their kind (`pdf`, `slides`); `links:` entries otherwise.
    return "links" if link.label or link.kind == "other" else link.kind


def _links_of(links: Iterable[Link], source: Source) -> Iterator[SiteLink]:
    for link in links:
        yield SiteLink(link.url, "links", source)


def _people_links(people: Iterable[Person], field: str, source: Source) -> Iterator[SiteLink]:
    for person in people:
        if person.url:
            yield SiteLink(person.url, field, source)


def site_has(files: Collection[str], path: str) -> bool:
    """Whether the built site has `path`: a file, or a page by its URL (`cv/` or `cv`)."""
    path = posixpath.normpath(path) if path not in ("", ".") else ""
    if path in ("", "."):
        return "index.html" in files
    return path in files or f"{path.rstrip('/')}/index.html" in files


def dead_site_links(
    links: Iterable[SiteLink],
    files: Collection[str],
    read_lines: Callable[[str], list[str]],
    *,
    docs_dir: str = "docs",
) -> list[Problem]:
    """A warning for each link to a file the site does not have.

    `files` are the paths of the built site (`assets/pdf/x.pdf`, `cv/index.html`);
    `read_lines(path)` the lines of a data file as messages name it (`[]` when unreadable),
    used to find the line of the field; `docs_dir` is how messages name the site's source folder.
    """
    problems: list[Problem] = []
    lines_of: dict[str, list[str]] = {}
    for link in links:
        path = site_path(link.url)
        if path is None or site_has(files, path):
            continue
        if link.source.path not in lines_of:
            lines_of[link.source.path] = read_lines(link.source.path)
        line = _field_line(lines_of[link.source.path], link)
        where = "a file" if posixpath.splitext(path.rstrip("/"))[1] else "a file or page"
        hint = f"put the file at {docs_dir}/{path}, or correct the path (it starts at the site root)"
        if link.field in ("pdf", "preview") and "/" in link.url:
            hint += f"; a bare file name in `{link.field}` is looked up in `{link.field}_dir`"
        page_url = _page_url_for(files, path)
        if page_url:
            hint = f"link the page by its URL, `{page_url}`" + (", not its source file" if path.endswith(".md") else "")
        problems.append(
            Problem(
                link.source.path,
                line,
                f"field '{link.field}': link '{link.url[:80]}' is not {where} of the site; the link is dead",
                hint,
            )
        )
    return problems


def _page_url_for(files: Collection[str], path: str) -> str:
    """The URL of the built page that `path` names another way, or "": its source (`cv.md` ->
    `cv/` or `cv.html`), or its directory URL without `use_directory_urls` (`cv/` -> `cv.html`)."""
    if path.endswith("/") and f"{posixpath.normpath(path)}.html" in files:
        return f"{posixpath.normpath(path)}.html"
    stem, ext = posixpath.splitext(posixpath.normpath(path))
    if ext.lower() not in (".md", ".markdown"):
        return ""
    if posixpath.basename(stem) in ("index", "README"):  # `notes/index.md` is the page `notes/`
        folder = posixpath.dirname(stem)
        return (f"{folder}/" if folder else "./") if site_has(files, folder) else ""
    if f"{stem}/index.html" in files:
        return f"{stem}/"
    return f"{stem}.html" if f"{stem}.html" in files else ""


def _field_line(lines: list[str], link: SiteLink) -> int:
    """The line of the item's field holding the link (its value as written), else the item's line."""
    start = max(link.source.line, 1)
    # A bare name put in its folder is written bare: look for the name as well.
    wanted = [link.url, posixpath.basename(link.url)] if "/" in link.url else [link.url]
    for needle in wanted:
        if not needle:
            continue
        for number in range(start, min(len(lines), start + _SEARCH_LINES) + 1):
            if needle in lines[number - 1]:
                return number
    return link.source.line
