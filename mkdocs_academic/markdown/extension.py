"""The Python-Markdown extension: usable on its own, in MkDocs (through the plugin) or Zensical.

import markdown
html = markdown.markdown(text, extensions=["mkdocs_academic.markdown"],
                         extension_configs={"mkdocs_academic.markdown": {
                             "data_dir": "data", "me": ["Ada Lovelace"]}})
"""

from __future__ import annotations

import re
import weakref
import xml.etree.ElementTree as etree
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from markdown import Markdown
from markdown.treeprocessors import Treeprocessor
from pymdownx.blocks import BlocksExtension, BlocksProcessor

from ..data.store import DataStore
from ..log import log
from ..options import BLOCK_OPTIONS, SITE_OPTIONS, SiteOptions, build_site_options
from ..render.labels import Labels
from .bibliography_block import BibliographyBlock
from .blocks import AcademicBlock, PublicationsBlock, unknown_block_hint
from .citations import register_citations
from .context import BuildContext
from .cv_blocks import ExperienceBlock, NewsBlock, ProfileBlock
from .publication_block import PublicationBlock

#: Every block the extension registers.
BLOCKS: list[type[AcademicBlock]] = [
    PublicationsBlock,
    PublicationBlock,
    NewsBlock,
    ExperienceBlock,
    ProfileBlock,
    BibliographyBlock,
]


#: How messages name this extension's options: `mkdocs_academic.markdown: max_authors: ...`.
EXTENSION_NAME = "mkdocs_academic.markdown"


class _Unset:
    """The value of an extension option that was not given."""

    def __repr__(self) -> str:
        return "(default)"


UNSET = _Unset()


class AcademicExtension(BlocksExtension):
    """Registers the academic blocks with pymdown-extensions Blocks."""

    def __init__(self, **kwargs: Any) -> None:
        # The options of the MkDocs plugin, by the same names (the core table); an option not
        # given stays UNSET and takes the core default. (A `None` or boolean default here would
        # make Python-Markdown coerce the value before the core could check it.)
        self.config = {name: [UNSET, option.doc] for name, option in SITE_OPTIONS.items()}
        self.config["defaults"] = [UNSET, "Per-block defaults in one mapping: {'publications': {'group_by': 'type'}}"]
        super().__init__(**kwargs)
        self._context: BuildContext | None = None
        self._options: SiteOptions | None = None
        self._last_markdown: weakref.ref[Markdown] | None = None

    @property
    def context(self) -> BuildContext:
        """The build context: set by the MkDocs plugin, else made from this extension's config."""
        if self._context is None:
            self._context = self._own_context()
        return self._context

    @context.setter
    def context(self, value: BuildContext) -> None:
        self._context = value

    @property
    def options(self) -> SiteOptions:
        """This extension's options, checked once by the core; each problem is a warning
        (a bad value then takes its default). Relative paths start at the current folder."""
        if self._options is None:
            given = {name: value for name, value in self.getConfigs().items() if value is not UNSET}
            raw, written_as = _unfold_defaults(given)
            self._options, problems = build_site_options(
                raw, Path.cwd(), name_in_messages=lambda name: f"{EXTENSION_NAME}: {written_as.get(name, name)}"
            )
            for problem in problems:
                if problem.level == "info":
                    log.info("%s", problem)
                else:
                    log.warning("%s", problem)
        return self._options

    def _own_context(self) -> BuildContext:
        options = self.options
        return BuildContext.from_options(
            options,
            store=DataStore(options.data_dir, Path.cwd(), link_folders=(options.pdf_dir, options.preview_dir)),
            labels=Labels(options.labels_language(), options.labels),
        )

    def release_stash(self) -> None:
        """Empty the HTML stash of the page just converted (the last `Markdown` this extension
        was added to); a host calls it once the page's HTML is made.

        The stash holds every rendered block until that instance converts again, and a page's
        `Markdown` is kept alive by its own reference cycles until Python's cycle collector runs,
        which can be long after the host has dropped it: a 10,000-entry list is ~22 MB of
        stashed HTML beside the page while the host writes it, the build's peak of memory.
        (Not a last postprocessor: MkDocs runs the postprocessors on each page's title too.)
        """
        md = self._last_markdown() if self._last_markdown is not None else None
        if md is not None:
            md.htmlStash.reset()

    def extendMarkdownBlocks(self, md: Markdown, block_mgr: BlocksProcessor) -> None:
        if self._context is None and not self.options.enabled:
            return  # `enabled: false`: the blocks stay text, as with the plugin switched off
        for block in BLOCKS:
            block_mgr.register(block, {"get_context": lambda: self.context})
        # `[@key]` in prose and the page's references (markdown/citations.py).
        register_citations(md, lambda: self.context)
        md.treeprocessors.register(
            LeftoverBlockWarning(md, lambda: self.context, [block.NAME for block in BLOCKS]),
            "academic_leftover_blocks",
            # After Blocks has run, before inline patterns would rewrite the text.
            21,
        )
        self._last_markdown = weakref.ref(md)


def _unfold_defaults(given: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
    """The options with `defaults: {block: {...}}` (an accepted spelling) spread under each
    block's name, and how messages name those options (`defaults.publications`)."""
    raw = dict(given)
    defaults = raw.pop("defaults", None)
    written_as: dict[str, str] = {}
    if defaults is None:
        return raw, written_as
    if not isinstance(defaults, Mapping):
        log.warning("defaults: expected a mapping of block names to options, got %r", defaults)
        return raw, written_as
    for block, options in defaults.items():
        if block not in BLOCK_OPTIONS:
            log.warning("defaults: unknown block '%s' (%s)", block, unknown_block_hint(str(block), list(BLOCK_OPTIONS)))
        elif block in raw:
            log.warning("defaults.%s: the block's defaults are also given as `%s:`, which is used", block, block)
        else:
            raw[block] = options
            written_as[block] = f"defaults.{block}"
    return raw, written_as


class LeftoverBlockWarning(Treeprocessor):
    """Warn about `/// publications` lines left as text: a block Blocks could not parse."""

    _LINE = re.compile(r"^\s*/{3,}\s*([A-Za-z_-]+)", re.MULTILINE)

    def __init__(self, md: Markdown, get_context: Any, names: list[str]) -> None:
        super().__init__(md)
        self.get_context = get_context
        self.names = names

    def run(self, root: etree.Element) -> None:
        for element in root.iter("p"):
            for match in self._LINE.finditer(element.text or ""):
                name = match.group(1).lower()
                context: BuildContext = self.get_context()
                line = context.line_of(match.group(0))
                where = (
                    f"{context.page}:{line}: " if context.page and line else f"{context.page}: " if context.page else ""
                )
                if name in self.names:
                    log.warning(
                        "%s/// %s was left as text: its header is not valid. Options go on the "
                        "lines right under the header, indented 4 spaces, as YAML (`    selected: true`); "
                        "an argument goes after a bar (`/// experience | education`).",
                        where,
                        name,
                    )
                elif difflib_close(name, self.names):
                    log.warning(
                        "%s/// %s is not a block of mkdocs-academic (%s)",
                        where,
                        name,
                        unknown_block_hint(name, self.names),
                    )


def difflib_close(name: str, names: list[str]) -> bool:
    """True when `name` looks like a misspelt block name."""
    import difflib

    return bool(difflib.get_close_matches(name, names, n=1, cutoff=0.75))


def makeExtension(**kwargs: Any) -> AcademicExtension:  # noqa: N802 - Markdown's convention
    """Entry point for `markdown.markdown(extensions=["mkdocs_academic.markdown"])`."""
    return AcademicExtension(**kwargs)
