"""The outputs of "Be found and cited" for Sphinx's HTML builder.

- a page per publication, `<publication_pages_dir>/<slug>.html` (through `html-collect-pages`,
  so it has the theme around it): the `publication` block, with the Google Scholar
  `citation_*` tags, OpenGraph/Twitter tags and schema.org `ScholarlyArticle` JSON-LD in its
  head (`metatags`);
- `publications.bib`, `publications.json` (CSL-JSON) and `<publication_pages_dir>/<slug>.bib`;
- `feed.xml`, an Atom feed of the news (it needs absolute URLs: `html_baseurl`), linked from
  every page's head; entries link to their item on the news archive (the first document with a
  `news` directive that shows every item).

The writers are the core's (`render/exports`, `render/feed`, `render/meta`), as for MkDocs.
"""

from __future__ import annotations

import html
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

from ..blocks import run_block
from ..blocks.html import StandalonePage, block_html
from ..data.news import select_news
from ..render.exports import bibtex_bibliography, bibtex_entry, csl_json
from ..render.feed import atom_feed, news_entries
from ..render.meta import highwire_tags, profile_person, scholarly_article, script_json, social_tags
from ..render.urls import OutputUrls, assign_slugs
from .site import Site, site_for

logger = logging.getLogger(__name__)

#: Builders whose pages are `<docname>.html` (the URLs below assume that).
PAGE_BUILDERS = {"html"}


def _site(app: Sphinx) -> Site | None:
    site = site_for(app.srcdir)
    if site is None or not site.options.enabled or getattr(app.builder, "name", "") not in PAGE_BUILDERS:
        return None
    return site


def _site_url(app: Sphinx) -> str:
    url = str(app.config.html_baseurl or "")
    return url if not url or url.endswith("/") else url + "/"


def plan_outputs(app: Sphinx, *args: Any) -> None:
    """Before the documents are read: the URLs of each publication's page and `.bib` file, so
    the blocks link to them (parallel readers inherit them)."""
    site = _site(app)
    if site is None:
        return
    options = site.options
    publications = site.context.dataset().publications
    if not publications or not (options.publication_pages or options.exports):
        site.context.output_urls = OutputUrls()
        return
    slugs = assign_slugs(pub.key for pub in publications)
    folder = options.publication_pages_dir
    pages = {pub.key: f"{folder}/{slugs[pub.key]}.html" for pub in publications} if options.publication_pages else {}
    bibs = (
        {pub.key: f"{folder}/{slugs[pub.key]}.bib" for pub in publications if bibtex_entry(pub)}
        if options.exports
        else {}
    )
    site.context.output_urls = OutputUrls(pages=pages, bib_files=bibs)


def _warn_on_page(pagename: str, message: str) -> None:
    logger.warning("academic: %s: %s", pagename, message, type="academic", subtype="block")


def publication_pages(app: Sphinx) -> Iterator[tuple[str, dict[str, Any], str]]:
    """`html-collect-pages`: one page per publication, its head with the citation tags."""
    site = _site(app)
    if site is None or not site.options.publication_pages:
        return
    context = site.context
    site_url = _site_url(app)
    renderer = context.renderer
    for key, url in context.output_urls.pages.items():
        pub = context.dataset().publication(key)
        if pub is None:
            continue
        pagename = url.removesuffix(".html")
        if pagename in app.env.found_docs:
            logger.info("academic: %s", f"{pagename} is a document of yours; it is used instead of the generated page")
            continue
        page = StandalonePage(partial(_warn_on_page, pagename))
        context.page = pagename
        context.base_url = "../" * pagename.count("/")
        body = block_html(
            "publication", run_block("publication", {"key": key, "heading_level": 1}, context, page), page
        ).html
        page_url = site_url + url if site_url else ""
        meta = highwire_tags(pub, site_url=site_url, page_url=page_url)
        if site.options.publication_pages_social:
            meta += social_tags(pub, site_name=str(app.config.project), site_url=site_url, page_url=page_url)
        json_ld = [script_json(scholarly_article(pub, site_url=site_url, page_url=page_url))]
        head = str(renderer.render("head.html", meta=meta, json_ld=json_ld, feeds=_feeds(app, site)))
        yield pagename, {"title": html.escape(pub.title), "body": body, "academic_head": head}, "page.html"


def _feed_url(app: Sphinx, site: Site) -> str:
    """The feed's absolute URL, or "" when this build writes no feed."""
    if site.options.feed is False or not site.context.dataset().news_items():
        return ""
    site_url = _site_url(app)
    if not site_url:
        if site.options.feed:
            logger.warning(
                "academic: %s",
                "no news feed: a feed needs absolute URLs, so set `html_baseurl` in conf.py, "
                "or turn the feed off with `academic_feed = False`",
                type="academic",
                subtype="config",
            )
        return ""
    return site_url + site.options.feed_file


def _feed_title(app: Sphinx, site: Site) -> str:
    if site.options.feed_title:
        return site.options.feed_title
    news = site.context.renderer.labels["news"]
    return f"{app.config.project}: {news}" if app.config.project else news


def _feeds(app: Sphinx, site: Site) -> list[tuple[str, str]]:
    url = _feed_url(app, site)
    return [(_feed_title(app, site), url)] if url else []


def add_head_tags(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    """`html-page-context`: the feed link on every page, the citation tags on publication
    pages, the owner's `Person` JSON-LD on the page with the profile."""
    site = _site(app)
    if site is None:
        return
    head = context.pop("academic_head", None)
    if head is None:
        json_ld = []
        if pagename == person_page(app):
            owner, _ = site.context.dataset().owner_profile()
            if owner is not None:
                site_url = _site_url(app)
                page_url = site_url if pagename == app.config.root_doc else f"{site_url}{pagename}.html"
                json_ld.append(
                    script_json(profile_person(owner, site_url=site_url, page_url=page_url if site_url else ""))
                )
        feeds = _feeds(app, site)
        renderer = site.context.renderer
        head = str(renderer.render("head.html", meta=[], json_ld=json_ld, feeds=feeds)) if feeds or json_ld else ""
    if head.strip():
        context["metatags"] = context.get("metatags", "") + head


def person_page(app: Sphinx) -> str:
    """The document that gets the owner's `Person` JSON-LD (once per site): the root document
    when it has a `profile` directive or no document has, else the first that has one."""
    showing = sorted(app.env.domaindata.get("academic", {}).get("profile_pages", {}))
    root = str(app.config.root_doc)
    return root if root in showing or not showing else showing[0]


def note_block_page(env: BuildEnvironment, docname: str) -> None:
    """Note that `docname` has a directive of ours (it depends on the data)."""
    env.domaindata.setdefault("academic", {}).setdefault("block_pages", {})[docname] = True


def outdated_block_pages(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """`env-get-outdated`: the documents with a directive, when a data file was added (the
    data files themselves are dependencies, Sphinx sees them change or go) or the builder
    is another one than when they were read (their links depend on it: `dirhtml` pages are
    one folder deeper, publication pages exist in `html` only)."""
    site = site_for(app.srcdir)
    if site is None:
        return []
    state = (str(getattr(app.builder, "name", "")), tuple(str(path) for path in site.context.store.data_files()))
    before = getattr(env, "academic_read_state", None)
    env.academic_read_state = state  # type: ignore[attr-defined]
    if before is None or before == state:
        return []
    return sorted(doc for doc in env.domaindata.get("academic", {}).get("block_pages", {}) if doc not in removed)


def note_profile_page(env: BuildEnvironment, docname: str) -> None:
    """Note that `docname` has a `profile` directive."""
    env.domaindata.setdefault("academic", {}).setdefault("profile_pages", {})[docname] = True


def note_news_page(env: BuildEnvironment, docname: str, shows_all: bool) -> None:
    """Note that `docname` has a `news` directive (`shows_all`: it shows every item)."""
    pages: dict[str, bool] = env.domaindata.setdefault("academic", {}).setdefault("news_pages", {})
    pages[docname] = pages.get(docname, False) or shows_all


def purge_doc(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    """`env-purge-doc`: forget what the document's directives noted."""
    for noted in env.domaindata.get("academic", {}).values():
        noted.pop(docname, None)


def merge_info(app: Sphinx, env: BuildEnvironment, docnames: set[str], other: BuildEnvironment) -> None:
    """`env-merge-info`: what a parallel reader noted about its documents."""
    theirs = other.domaindata.get("academic", {})
    for docname in docnames:
        if docname in theirs.get("news_pages", {}):
            note_news_page(env, docname, theirs["news_pages"][docname])
        if docname in theirs.get("profile_pages", {}):
            note_profile_page(env, docname)
        if docname in theirs.get("block_pages", {}):
            note_block_page(env, docname)


def write_files(app: Sphinx, exception: Exception | None) -> None:
    """`build-finished`: the BibTeX and CSL-JSON downloads and the Atom feed."""
    site = _site(app)
    if site is None or exception is not None:
        return
    out = Path(app.outdir)
    options = site.options
    dataset = site.context.dataset()
    publications = list(dataset.publications)
    if options.exports and publications:
        _write(out / options.exports_bibtex, bibtex_bibliography(publications))
        _write(out / options.exports_csl_json, csl_json(publications))
        for key, url in site.context.output_urls.bib_files.items():
            pub = dataset.publication(key)
            if pub is not None:
                _write(out / url, bibtex_entry(pub))
    feed_url = _feed_url(app, site)
    if not feed_url:
        return
    site_url = _site_url(app)
    news_pages: dict[str, bool] = app.env.domaindata.get("academic", {}).get("news_pages", {})
    archive = next((doc for doc in sorted(news_pages) if news_pages[doc]), "") or next(iter(sorted(news_pages)), "")
    page_url = f"{site_url}{archive}.html" if archive else site_url
    renderer = site.context.renderer
    entries = news_entries(
        select_news(dataset.news_items(), pinned_first=False),
        site_url=site_url,
        feed_url=feed_url,
        page_url=page_url,
        to_html=lambda text: str(renderer.markdown.inline(text)),
        link_items=bool(archive and news_pages[archive]),
    )
    author = str(app.config.author or "")
    if not author or author == "Author name not set":  # Sphinx's default
        author = str(app.config.project or "mkdocs-academic")
    title = _feed_title(app, site)
    _write(
        out / options.feed_file, atom_feed(entries, title=title, feed_url=feed_url, site_url=site_url, author=author)
    )


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def setup_outputs(app: Sphinx) -> None:
    """Connect the outputs' events."""
    app.connect("env-before-read-docs", plan_outputs, priority=400)
    app.connect("html-collect-pages", publication_pages)
    app.connect("html-page-context", add_head_tags)
    app.connect("env-get-outdated", outdated_block_pages)
    app.connect("env-purge-doc", purge_doc)
    app.connect("env-merge-info", merge_info)
    app.connect("build-finished", write_files)
