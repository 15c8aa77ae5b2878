"""The MkDocs plugin: thin glue between MkDocs events and the Markdown extension."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from markdown.extensions.toc import slugify as default_slugify
from markdown.util import parseBoolValue
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from .blocks import run_block
from .blocks.html import BlockHtml, Permalink, StandalonePage, block_html
from .config import AcademicConfig
from .data.site_files import dead_site_links, site_links
from .data.store import DataStore
from .log import log
from .markdown.blocks import PublicationBlock
from .markdown.context import BuildContext, report_problems
from .markdown.extension import AcademicExtension
from .options import SiteOptions
from .outputs import PublicationPage, SiteOutputs, insert_into_head
from .render.environment import TemplateProblem
from .render.labels import Labels

if TYPE_CHECKING:  # the server (watchdog, http.server, ssl) is for `mkdocs serve` only
    from mkdocs.livereload import LiveReloadServer

ASSETS_DIR = Path(__file__).parent / "assets"
CSS = "assets/academic/academic.css"
JS = "assets/academic/academic.js"


class AcademicPlugin(BasePlugin[AcademicConfig]):
    """Fills `/// publications` and the other academic blocks from the data directory."""

    def __init__(self) -> None:
        self.store: DataStore | None = None
        self.context: BuildContext | None = None
        self.outputs: SiteOutputs | None = None
        self.labels: dict[str, Labels] = {}
        self.options = SiteOptions()
        self._heading_slug: Callable[[str], str] = lambda text: str(default_slugify(text, "-"))
        self._permalink: Permalink | None = None
        self._extension: AcademicExtension | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup keeps this instance across `mkdocs serve` rebuilds, and with it
        # the data cache.
        self.command = command

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        # `AcademicConfig.validate` has checked every option; what it could recover from is told here.
        self.options = options = self.config.site_options
        if not options.enabled:
            return None
        for note in self.config.notes:
            if note.level == "info":
                log.info("mkdocs.yml: %s", note)
            else:
                log.warning("mkdocs.yml: %s", note)
        site_root = Path(config.config_file_path).parent if config.config_file_path else Path.cwd()
        link_folders = (options.pdf_dir, options.preview_dir)
        if self.store is None or self.store.data_dir != options.data_dir or self.store.link_folders != link_folders:
            # Only `mkdocs serve` rebuilds: a single build needs no cache between builds. Under
            # serve, a data file that stops parsing keeps its last good data (and still warns).
            incremental = getattr(self, "command", "serve") != "build"
            self.store = DataStore(
                options.data_dir,
                site_root,
                incremental=incremental,
                link_folders=link_folders,
                keep_last_good=getattr(self, "command", "") == "serve",
            )
        custom_dir = config.theme.custom_dir
        self.labels = {}  # `labels:` may have changed (mkdocs serve reloads mkdocs.yml)
        self.context = BuildContext.from_options(
            options,
            store=self.store,
            labels=self._labels(self._language(config)),
            theme_dirs=(Path(custom_dir),) if custom_dir else (),
            report_data_problems=False,  # reported in on_pre_build, once per build
        )
        self.outputs = SiteOutputs(self.options)
        # The ids of a generated page's headings, as the `toc` extension makes them on other pages.
        toc = config.mdx_configs.get("toc") or {}
        slugify, separator = toc.get("slugify") or default_slugify, toc.get("separator") or "-"
        self._heading_slug = lambda text: str(slugify(text, separator))
        self._permalink = _permalink(toc)
        extension = self._extension = AcademicExtension()
        extension.context = self.context
        # Once: an i18n plugin builds each language again with the same config.
        config.markdown_extensions[:] = [e for e in config.markdown_extensions if not isinstance(e, AcademicExtension)]
        config.markdown_extensions.append(extension)
        if self.options.assets:
            if CSS not in config.extra_css:
                config.extra_css.insert(0, CSS)
            if JS not in [str(script) for script in config.extra_javascript]:
                config.extra_javascript.append(JS)
        return config

    def _language(self, config: MkDocsConfig, page: Page | None = None) -> str:
        """The labels' language: the page's own (front matter `language`, or the locale that
        mkdocs-static-i18n gives its file), else the plugin's `language`, else the theme's."""
        if page is not None:
            own = (page.meta or {}).get("language") or getattr(page.file, "locale", None)
            if own:
                return str(own)
        theme_language = config.theme.get("language") or config.theme.get("locale")
        return self.options.labels_language(str(theme_language) if theme_language else None)

    def _labels(self, language: str) -> Labels:
        if language not in self.labels:
            self.labels[language] = Labels(language, self.options.labels)
        return self.labels[language]

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        if not self.options.enabled or self.context is None:
            return
        self.context.hold_dataset(None)  # a build that failed did not release it
        try:
            dataset = self.context.dataset()
        except OSError as error:
            raise PluginError(f"academic: cannot read the data directory: {error}") from error
        except Exception as error:  # noqa: BLE001 - last resort (the data store guards each file)
            raise PluginError(
                f"academic: internal error while reading {self.context.store.display(self.context.store.data_dir)}: "
                f"{type(error).__name__}: {error}; please report it"
            ) from error
        # An i18n plugin sets the theme's language for each build after on_config.
        self.context.renderer.set_labels(self._labels(self._language(config)))
        report_problems(dataset)
        self.context.hold_dataset(dataset)  # until on_post_build: the files are read once per build

    # After other plugins' (mkdocs-static-i18n's runs at -100 and cannot handle generated files).
    @event_priority(-110)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        if not self.options.enabled:
            return files
        if self.options.assets:
            for uri in (CSS, JS):
                if files.get_file_from_path(uri) is None:
                    files.append(
                        File.generated(config, uri, abs_src_path=str(ASSETS_DIR / uri.removeprefix("assets/")))
                    )
        if self.context is not None and self.outputs is not None:
            # Publication pages, BibTeX / CSL-JSON downloads; blocks link to them.
            self.context.output_urls = self.outputs.add_files(
                files, config, self.context.dataset(), self._fill_publication_page
            )
            self._warn_about_dead_links(files, config)
        return files

    def _warn_about_dead_links(self, files: Files, config: MkDocsConfig) -> None:
        """A warning for each relative link of the data to a file the site does not have."""
        if self.context is None:
            return
        store = self.context.store
        site_files = {file.dest_uri for file in files}
        # Written after the pages, so not in `files`: the theme's `sitemap.xml` (and MkDocs'
        # `sitemap.xml.gz`), `404.html`, and the news feed.
        site_files |= set(config.theme.static_templates)
        if "sitemap.xml" in site_files:
            site_files.add("sitemap.xml.gz")
        if self.outputs is not None and self.outputs.feed_url:
            site_files.add(self.options.feed_file)
        docs_dir = store.display(Path(config.docs_dir))
        root = store.display_root or Path.cwd()

        def read_lines(shown: str) -> list[str]:
            try:
                return (root / shown).read_text(encoding="utf-8", errors="replace").splitlines()
            except OSError:
                return []

        for problem in dead_site_links(site_links(self.context.dataset()), site_files, read_lines, docs_dir=docs_dir):
            log.warning("%s", problem)

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        if self.context is not None:
            self.context.set_page(page.file.src_uri, lambda: _page_source(page, markdown))
            self.context.base_url = "../" * page.url.count("/")
            self.context.page_dir = page.url[: page.url.rfind("/") + 1]
            self.context.renderer.set_labels(self._labels(self._language(config, page)))
        return markdown

    def _fill_publication_page(self, page: PublicationPage) -> BlockHtml:
        """The `publication` block of a generated publication page (converted as any page:
        `on_page_markdown` has made it the current page)."""
        context = self.context
        assert context is not None, "publication pages are added in on_files, after on_config"
        block = PublicationBlock.NAME
        block_page = StandalonePage(lambda message: context.warn(block, message))
        rendered = run_block(block, {"key": page.key, "heading_level": 1}, context, block_page)
        return block_html(block, rendered, block_page, self._heading_slug, self._permalink)

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        if self._extension is not None:
            self._extension.release_stash()
        return html

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        if not self.options.enabled or self.outputs is None or self.context is None:
            return output
        shown = self.context.page_record(page.file.src_uri)
        try:
            tags = self.outputs.head_tags(page, shown, self.context.renderer, self.context.pages)
        except TemplateProblem as problem:
            raise PluginError(f"academic: {page.file.src_uri}: {problem}") from problem
        return insert_into_head(output, tags)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.options.enabled and self.outputs is not None and self.context is not None:
            self.outputs.write_feed(config, self.context.renderer, self.context.pages)
            self.context.hold_dataset(None)

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Any) -> LiveReloadServer | None:
        if self.options.enabled and self.store is not None:
            docs_dir = Path(config.docs_dir).resolve()
            data_dir = self.store.data_dir.resolve()
            if data_dir.is_dir() and docs_dir not in data_dir.parents and data_dir != docs_dir:
                server.watch(str(data_dir))
            # MkDocs watches the theme's folders (custom_dir included), not `template_dirs`.
            for folder in self.options.template_dirs:
                server.watch(str(folder))
        return server


def _permalink(toc: dict[str, Any]) -> Permalink | None:
    """The `toc` extension's `permalink` setting (mkdocs.yml), read as `toc` reads it, for the
    generated pages' headings."""
    setting = parseBoolValue(toc.get("permalink", False), False)
    if setting is None:  # not a yes/no word: the link's text
        setting = toc["permalink"]
    if not setting:
        return None
    default = Permalink()
    return Permalink(
        text=default.text if setting is True else str(setting),
        css_class=str(toc.get("permalink_class", default.css_class)),
        title=str(toc.get("permalink_title", default.title)),
        leading=bool(parseBoolValue(toc.get("permalink_leading", False), False)),
    )


def _page_source(page: Page, markdown: str) -> str:
    """The page's file as written (front matter included), for the lines of block messages."""
    try:
        return page.file.content_string
    except (OSError, UnicodeDecodeError, TypeError, ValueError):
        return markdown
