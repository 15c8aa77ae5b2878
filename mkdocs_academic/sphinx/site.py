"""The Sphinx project's academic state: its checked options and build context, per process.

`conf.py` values named `academic_<option>` (the names of `options.SITE_OPTIONS`) are checked
by the core's `build_site_options` when the configuration is read. The context (data store,
renderer) is made once per process and source folder: forked parallel readers inherit it,
and a project built again in the same process (sphinx-autobuild, tests) keeps its data cache.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util import logging

from ..blocks import BuildContext
from ..data.store import DataStore
from ..data.urls import site_path
from ..data.yamlfile import did_you_mean
from ..options import SITE_OPTIONS, SiteOptions, build_site_options
from ..render.labels import Labels

logger = logging.getLogger(__name__)

#: How messages name an option: the conf.py variable.
PREFIX = "academic_"


@dataclass
class Site:
    """One Sphinx project's checked options and the context its directives render with."""

    options: SiteOptions
    context: BuildContext
    #: The builder's name and its `get_target_uri` (set before the documents are read).
    builder: str = ""
    target_uri: Callable[[str], str] | None = None
    #: The project's documents (set before they are read), for `page_path`.
    docnames: frozenset[str] = frozenset()

    def page_path(self, url: str) -> str:
        """A link of the data to a document of the project, written as MkDocs serves that
        page (`cv/`, `publications/#key`, `cv.md`), as this builder writes it (`cv.html`,
        `publications.html#key`); any other link as it is. The same data files then link
        right from both hosts."""
        path = site_path(url)
        if path is None or self.target_uri is None:
            return url
        name = path.strip("/")
        for suffix in (".md", ".rst", ".html"):
            name = name.removesuffix(suffix)
        for docname in (name, f"{name}/index" if name else "index"):
            if docname in self.docnames:
                uri, fragment = self.target_uri(docname), url.partition("#")[2]
                # singlehtml's pages are anchors of one page (`#document-cv`): a fragment wins.
                return f"{uri.partition('#')[0]}#{fragment}" if fragment else uri
        return url

    def root_prefix(self, docname: str) -> str:
        """The relative path from the output page of `docname` to the site root (`../`): a
        document `a/b` is `a/b.html` in `html`, `a/b/index.html` in `dirhtml`, and part of
        the root page in `singlehtml`."""
        if self.builder == "singlehtml":
            return ""
        uri = self.target_uri(docname) if self.target_uri is not None else docname
        return "../" * uri.split("#", 1)[0].count("/")


#: Source folder -> its site (per process).
_SITES: dict[str, Site] = {}
#: (data folder, conf folder, link folders) -> its store, kept across builds in one process.
_STORES: dict[tuple[str, str, tuple[str, str]], DataStore] = {}


def add_config_values(app: Sphinx) -> None:
    """Register `academic_<name>` for every site option (None: not set, the core default)."""
    for name, option in SITE_OPTIONS.items():
        app.add_config_value(f"{PREFIX}{name}", None, "env", description=option.doc)


def given_options(config: Config) -> dict[str, Any]:
    """The `academic_*` values the project sets."""
    given = {}
    for name in SITE_OPTIONS:
        value = getattr(config, f"{PREFIX}{name}", None)
        if value is not None:
            given[name] = value
    return given


def on_config_inited(app: Sphinx, config: Config) -> None:
    """Check the options and make the project's context. A mistake is reported as Sphinx
    reports its own bad config values: a message naming the `academic_*` value (an error for
    an unusable value, which then takes its default; `-W` fails on both), no traceback."""
    confdir = Path(app.confdir)
    options, problems = build_site_options(
        given_options(config), confdir, name_in_messages=lambda name: f"{PREFIX}{name}"
    )
    for name in unknown_names(getattr(config, "_raw_config", {})):
        logger.warning("academic: conf.py: %s", name, type="academic", subtype="config")
    for problem in problems:
        if problem.level == "info":
            logger.info("academic: %s", problem)
        elif problem.level == "error":
            logger.error("academic: conf.py: %s", problem)  # the default is used
        else:
            logger.warning("academic: conf.py: %s", problem, type="academic", subtype="config")
    _SITES[str(app.srcdir)] = make_site(options, confdir, config.language)


def unknown_names(raw: Iterable[str]) -> list[str]:
    """A message for each `academic_*` name of conf.py that is no option (Sphinx ignores
    unknown names: `academic_data_directory` would silently do nothing)."""
    messages = []
    for name in sorted(raw):
        if name.startswith(PREFIX) and name.removeprefix(PREFIX) not in SITE_OPTIONS:
            close = did_you_mean(name.removeprefix(PREFIX), list(SITE_OPTIONS)).replace("'", f"'{PREFIX}", 1)
            hint = close or "it is ignored; the options are on the Sphinx page of the docs"
            messages.append(f"unknown option '{name}' ({hint})")
    return messages


def make_site(options: SiteOptions, confdir: Path, host_language: str | None) -> Site:
    """The site of these options (its store reused when the same data was read before)."""
    link_folders = (options.pdf_dir, options.preview_dir)
    key = (str(options.data_dir), str(confdir), link_folders)
    store = _STORES.get(key)
    if store is None:
        store = _STORES[key] = DataStore(options.data_dir, confdir, incremental=True, link_folders=link_folders)
    context = BuildContext.from_options(
        options,
        store=store,
        labels=Labels(options.labels_language(host_language), options.labels),
        report_data_problems=False,  # reported once per build, by `report_data_problems`
    )
    return Site(options, context)


def site_for(srcdir: str | Path) -> Site | None:
    """The site of the project in `srcdir`, or None when the extension was not set up."""
    return _SITES.get(str(srcdir))


def report_data_problems(app: Sphinx, *args: Any) -> None:
    """Each data problem as a warning at its file and line (so `sphinx-build -W` fails); the
    data is loaded here, before the documents are read, so parallel readers inherit it."""
    site = site_for(app.srcdir)
    if site is None or not site.options.enabled:
        return
    site.builder = str(getattr(app.builder, "name", ""))
    # Only HTML builders know a page's URI before the documents are read (and need it).
    site.target_uri = app.builder.get_target_uri if getattr(app.builder, "format", "") == "html" else None
    site.docnames = frozenset(app.env.found_docs)
    site.context.renderer.site_path = site.page_path
    try:
        dataset = site.context.dataset()
    except OSError as error:
        logger.warning("academic: cannot read the data directory: %s", error, type="academic", subtype="data")
        return
    for problem in dataset.problems:
        message = f"{problem.message} ({problem.hint})" if problem.hint else problem.message
        message = message.replace("`data_dir` in mkdocs.yml", "`academic_data_dir` in conf.py")
        path = os.path.normpath(Path(app.confdir, problem.path))  # absolute, as Sphinx names documents
        if problem.line:
            where = f"{path}:{problem.line}"
            logger.warning("academic: %s", message, location=where, type="academic", subtype="data")
        else:  # a location without a line would be read as a document name
            logger.warning("academic: %s: %s", path, message, type="academic", subtype="data")
