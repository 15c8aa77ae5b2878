"""The files the plugin adds to a site, and the tags it adds to pages' `<head>` (MkDocs glue).

- a page per publication, `<publication_pages_dir>/<slug>/`, whose content is the
  `publication` block (`PublicationPage`: it goes through the theme like any page) and whose head gets the
  Highwire `citation_*` tags, OpenGraph/Twitter tags and schema.org `ScholarlyArticle` JSON-LD;
- `publications.bib`, `publications.json` (CSL-JSON) and `<publication_pages_dir>/<slug>.bib`;
- `feed.xml`, an Atom feed of the news, linked from every page's head; each entry links to its
  item on the news archive (the first page with a `/// news` block that shows every item);
- schema.org `Person` JSON-LD on one page, the home page: the site root page when it shows the
  `/// profile` block or no page does, else the first page that shows it (the blocks note what
  they put on each page: `markdown.context.PageRecord`).

Tags go into the head in `on_post_page`, right before `</head>`: that works with every theme
(mkdocs, Material, ...) without overriding a theme template. The writers themselves are pure
functions in `render/` (`exports`, `feed`, `meta`).
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterator, Mapping
from functools import partial
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from .blocks import Heading
from .blocks.html import BlockHtml
from .data.dataset import Dataset
from .data.models import Publication
from .lazy_pattern import LazyPattern
from .log import log
from .markdown.context import PageRecord
from .options import SiteOptions
from .render.environment import Renderer
from .render.exports import bibtex_bibliography, bibtex_entry, clean_entry, csl_json
from .render.meta import description, highwire_tags, profile_person, scholarly_article, script_json, social_tags
from .render.urls import OutputUrls, assign_slugs


class TextOnDemand(File):
    """A generated file whose text is made when MkDocs writes it, and not kept.

    MkDocs keeps the text of a generated file for the whole build; at 10,000 entries the
    downloads (a `.bib` per entry, the site's `.bib` and CSL-JSON) would hold ~20 MB that
    nothing reads before the files are written. MkDocs reads the text through `_content`
    (`copy_file`, `content_string`); here that makes it."""

    _make: Callable[[], str | bytes] | None

    @classmethod
    def make(
        cls, config: MkDocsConfig, src_uri: str, text: Callable[[], str], inclusion: InclusionLevel
    ) -> TextOnDemand:
        """A file at `src_uri` of the site whose text is `text()`."""
        file = cls.generated(config, src_uri, content="", inclusion=inclusion)
        assert isinstance(file, TextOnDemand)
        file._make = text
        return file

    @property
    def _content(self) -> str | bytes | None:
        return self._make() if self._make is not None else None

    @_content.setter
    def _content(self, value: str | bytes | None) -> None:
        # `File.generated` and a plugin that sets `content_string` give the text itself; None
        # (a plugin pointing the file at `abs_src_path`) means "copy that file", as in MkDocs.
        self._make = None if value is None else partial(_same, value)

    def is_modified(self) -> bool:
        """Generated: always written (MkDocs' own check would make the text to see it exists)."""
        return True


def _same(value: str | bytes) -> str | bytes:
    return value


def _nav_labels(nav: object) -> Iterator[tuple[str, str]]:
    """(path, label) of each page that `nav` in mkdocs.yml lists with a label."""
    if isinstance(nav, list):
        for item in nav:
            yield from _nav_labels(item)
    elif isinstance(nav, dict):
        for label, value in nav.items():
            if isinstance(value, str):
                yield value.lstrip("/"), str(label)
            else:
                yield from _nav_labels(value)


class PublicationPage(Page):
    """A generated publication page: the `publication` block of one entry, rendered by the core.

    It has no Markdown to convert: a Markdown page holding the block would cost a Markdown
    conversion and a YAML parse of the block's two options, more than the entry itself (and
    more than a hand-written Markdown page of the same content). `render` sets what MkDocs'
    own `render` would: the content, the table of contents (the title, "Abstract"), the ids
    that links may point to. Other plugins see it as any page: `on_page_markdown` gets an
    empty text, `on_page_content` and `on_post_page` its HTML."""

    def __init__(
        self, file: File, config: MkDocsConfig, pub: Publication, fill: FillPage, title: str | None = None
    ) -> None:
        # `title`: the page's label in the user's `nav`, which wins over the entry's title, as
        # for any page (MkDocs takes a page made before the nav as it is).
        super().__init__(title, file, config)
        self.key = pub.key
        self._pub = pub
        self._fill = fill

    def read_source(self, config: MkDocsConfig) -> None:
        """No source: the page's metadata is what its front matter would say."""
        self.markdown, self.meta = "", publication_page_meta(self._pub)

    def render(self, config: MkDocsConfig, files: Files) -> None:
        """The block's HTML, its headings as the table of contents."""
        filled = self._fill(self)
        self.content = filled.html
        self.toc = get_toc(_toc_tokens(filled.headings))

    @property
    def present_anchor_ids(self) -> set[str] | None:
        """The ids of the page's elements, found when a link to one of them is checked (MkDocs
        keeps a set for every page until the end of the build; most are never asked for)."""
        return set(_ELEMENT_ID.findall(self.content)) if self.content is not None else None

    @present_anchor_ids.setter
    def present_anchor_ids(self, value: set[str] | None) -> None:
        pass  # set by MkDocs' own `render`, which this page does not run


#: Renders the block of a `PublicationPage` (the plugin's, which holds the build's context).
FillPage = Callable[[PublicationPage], BlockHtml]

_ELEMENT_ID = LazyPattern(r'\sid="([^"]+)"')


def _toc_tokens(headings: list[Heading]) -> list[Any]:
    """The headings nested by level, as the `toc` extension gives them to MkDocs' `get_toc`."""
    top: list[Any] = []
    open_tokens: list[dict[str, Any]] = []
    for heading in headings:
        token = {"level": heading.level, "id": heading.id or "", "name": str(escape(heading.text)), "children": []}
        while open_tokens and open_tokens[-1]["level"] >= heading.level:
            open_tokens.pop()
        (open_tokens[-1]["children"] if open_tokens else top).append(token)
        open_tokens.append(token)
    return top


def publication_page_meta(pub: Publication) -> dict[str, str]:
    """The metadata of a generated publication page (what its front matter would say)."""
    # Themes print `title` and `description` without escaping them (MkDocs' own titles are HTML).
    return {
        "title": html.escape(pub.title),
        "description": html.escape(description(pub)),
        "academic_publication": pub.key,
    }


class SiteOutputs:
    """The generated files and head tags of one site; lives as long as the plugin."""

    def __init__(self, options: SiteOptions) -> None:
        self.options = options
        self.dataset = Dataset()
        self.site_url = ""
        self.site_name = ""
        #: src_uri of each publication page (generated or the user's own) -> BibTeX key.
        self.page_keys: dict[str, str] = {}
        self.feed_url = ""
        #: src_uri -> canonical URL of each page that shows a `/// news` block, in this build.
        self.news_page_urls: dict[str, str] = {}
        #: src_uri of the site's Markdown pages in build order, and of its root page ("" if none).
        self.site_pages: list[str] = []
        self.root_page = ""
        #: src_uri of the page that carries the `Person` JSON-LD, once known in this build.
        self._person_page: str | None = None

    # -------------------------------------------------------------------- on_files

    def add_files(self, files: Files, config: MkDocsConfig, dataset: Dataset, fill: FillPage) -> OutputUrls:
        """Add the publication pages (`fill` renders each one's block), the exports, and decide
        on the feed; return the URLs."""
        self.dataset = dataset
        self.site_url = config.site_url or ""
        self.site_name = config.site_name
        self.page_keys = {}
        self.news_page_urls = {}
        documentation = files.documentation_pages()
        self.site_pages = [file.src_uri for file in documentation]
        self.root_page = next((file.src_uri for file in documentation if file.dest_uri == "index.html"), "")
        self._person_page = None
        publications = list(dataset.publications)
        if not publications or not (self.options.publication_pages or self.options.exports):
            self._plan_feed()
            return OutputUrls()
        folder = self.options.publication_pages_dir
        slugs = assign_slugs(pub.key for pub in publications)
        nav_titles = dict(_nav_labels(config.nav))
        dest_uris = {file.dest_uri: file for file in files}
        pages: dict[str, str] = {}
        bib_files: dict[str, str] = {}

        def add(
            src_uri: str, content: Callable[[], str], inclusion: InclusionLevel = InclusionLevel.UNDEFINED
        ) -> tuple[File, bool]:
            """Add a generated file (its text made by `content` when it is written), unless
            the user has one at that path (theirs wins); the file and whether it is ours."""
            generated = TextOnDemand.make(config, src_uri, content, inclusion)
            # `src_uris`, not `get_file_from_path`: our paths are POSIX already (no PurePath each)
            existing = files.src_uris.get(src_uri) or dest_uris.get(generated.dest_uri)
            if existing is not None:
                log.info("%s exists in docs_dir; it is used instead of the generated one", src_uri)
                return existing, False
            files.append(generated)
            dest_uris[generated.dest_uri] = generated
            return generated, True

        for pub in publications:
            slug = slugs[pub.key]
            if self.options.publication_pages:
                page, generated = add(f"{folder}/{slug}/index.md", str, InclusionLevel.NOT_IN_NAV)
                pages[pub.key] = page.url
                self.page_keys[page.src_uri] = pub.key
                if generated:
                    PublicationPage(page, config, pub, fill, nav_titles.get(page.src_uri))
            if self.options.exports and clean_entry(pub):
                bib_files[pub.key] = add(f"{folder}/{slug}.bib", partial(bibtex_entry, pub))[0].url
        if self.options.exports:
            add(self.options.exports_bibtex, partial(bibtex_bibliography, publications))
            add(self.options.exports_csl_json, partial(csl_json, publications))
        self._plan_feed()
        return OutputUrls(pages=pages, bib_files=bib_files)

    def _plan_feed(self) -> None:
        """Decide whether this build writes the news feed (pages link to it from their head).

        `feed` unset: a feed when there is news and a `site_url`. `feed: true` without
        `site_url` is a warning (a feed needs absolute URLs); `feed: false`: never a feed.
        """
        self.feed_url = ""
        if self.options.feed is False or not self.dataset.news_items():
            return
        if not self.site_url:
            message = (
                "no news feed: a feed needs absolute URLs, so set `site_url` in mkdocs.yml "
                "(for example `site_url: https://example.org/`)%s"
            )
            if self.options.feed:
                log.warning(message, ", or turn the feed off with `feed: false`")
            else:
                log.info(message, "")
            return
        self.feed_url = self._absolute(self.options.feed_file)

    def _absolute(self, url: str) -> str:
        base = self.site_url if self.site_url.endswith("/") else self.site_url + "/"
        return base + url

    # ---------------------------------------------------------------- on_post_page

    def head_tags(self, page: Page, shown: PageRecord, renderer: Renderer, pages: Mapping[str, PageRecord]) -> Markup:
        """What goes into this page's `<head>`: citation, social and JSON-LD tags, feed link.

        `shown` is what the blocks put on the page, `pages` what they put on every page (by
        src_uri): `Person` JSON-LD goes on one page (`person_page`); the URLs of the pages with
        news are noted for the feed's links (`news_archive`)."""
        meta = []
        json_ld = []
        page_url = page.canonical_url or ""
        key = self.page_keys.get(page.file.src_uri) or page.meta.get("academic_publication")
        pub = self.dataset.publication(str(key)) if key else None
        if pub is not None:
            meta += highwire_tags(pub, site_url=self.site_url, page_url=page_url)
            if self.options.publication_pages_social:
                meta += social_tags(pub, site_name=self.site_name, site_url=self.site_url, page_url=page_url)
            json_ld.append(script_json(scholarly_article(pub, site_url=self.site_url, page_url=page_url)))
        if page.file.src_uri == self.person_page(pages):
            owner, _ = self.dataset.owner_profile()
            if owner is not None:
                # The root page is the site's URL (not `.../index.html` without directory URLs).
                person_url = self.site_url if page.file.src_uri == self.root_page else page_url
                json_ld.append(script_json(profile_person(owner, site_url=self.site_url, page_url=person_url)))
        if shown.shows("news"):
            self.news_page_urls[page.file.src_uri] = page_url
        feeds = [(self._feed_title(renderer), self.feed_url)] if self.feed_url else []
        if not (meta or json_ld or feeds):
            return Markup("")
        return renderer.render("head.html", meta=meta, json_ld=json_ld, feeds=feeds)

    def person_page(self, pages: Mapping[str, PageRecord]) -> str:
        """The src_uri of the page that gets the owner's `Person` JSON-LD (once per site): the
        root page when it shows `/// profile` or when no page does, else the first page that does.

        Called once all pages are converted (from `on_post_page`), so `pages` is complete."""
        if self._person_page is None:
            showing = [src for src in self.site_pages if src in pages and pages[src].shows("profile")]
            self._person_page = self.root_page if self.root_page in showing or not showing else showing[0]
        return self._person_page

    def _feed_title(self, renderer: Renderer) -> str:
        if self.options.feed_title:
            return self.options.feed_title
        news = renderer.labels["news"]
        return f"{self.site_name}: {news}" if self.site_name else news

    # --------------------------------------------------------------- on_post_build

    def news_archive(self, pages: Mapping[str, PageRecord]) -> tuple[str, bool]:
        """The URL of the page the feed entries link to, and whether it shows every item.

        The news archive: the first page (in build order) with a `/// news` block that shows
        every item (no `limit`, `since`, `pinned` or `tag`). Without one, the first page with
        news (or the site's root), with a note; entries then link to that page, not to the item."""
        order = {src: index for index, src in enumerate(self.site_pages)}
        with_news = sorted(self.news_page_urls, key=lambda src: order.get(src, len(order)))
        archive = next((src for src in with_news if src in pages and pages[src].shows_all("news")), "")
        if archive:
            return self.news_page_urls[archive], True
        fallback = with_news[0] if with_news else ""
        log.info(
            "%s: no page shows every news item, so the feed's entries link to %s, not to their item; "
            "a `/// news` block without `limit`, `since`, `pinned` or `tag` (a news page) fixes that",
            self.options.feed_file,
            fallback or "the home page",
        )
        return (self.news_page_urls[fallback] if fallback else self.site_url), False

    def write_feed(self, config: MkDocsConfig, renderer: Renderer, pages: Mapping[str, PageRecord]) -> None:
        """Write the Atom feed into the built site (after the pages: entries link to the news
        archive, `news_archive`; `pages` is what the blocks put on each page)."""
        if not self.feed_url:
            return
        from .data.news import select_news  # imported only for a site with news
        from .render.feed import atom_feed, news_entries

        items = select_news(self.dataset.news_items(), pinned_first=False)
        page_url, shows_all = self.news_archive(pages)
        entries = news_entries(
            items,
            site_url=self.site_url,
            feed_url=self.feed_url,
            page_url=page_url or self.site_url,
            to_html=lambda text: str(renderer.markdown.inline(text)),
            link_items=shows_all,
        )
        text = atom_feed(
            entries,
            title=self._feed_title(renderer),
            feed_url=self.feed_url,
            site_url=self.site_url,
            author=config.site_author or self.site_name or "mkdocs-academic",
        )
        path = Path(config.site_dir) / self.options.feed_file
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def insert_into_head(output: str, tags: str) -> str:
    """`output` with `tags` right before its first `</head>` (unchanged when it has none)."""
    if not tags:
        return output
    # One `replace`, not slices joined: a long page is copied once, not twice.
    return output.replace("</head>", f"{tags}\n</head>", 1)
