"""The Python-Markdown extension: usable on its own, in MkDocs (through the plugin) or Zensical.

import markdown
html = markdown.markdown(text, extensions=["mkdocs_academic.markdown"],
                         extension_configs={"mkdocs_academic.markdown": {
                             "data_dir": "data", "me": ["Ada Lovelace"]}})
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from pathlib import Path
from typing import Any

from markdown import Markdown
from markdown.treeprocessors import Treeprocessor
from pymdownx.blocks import BlocksExtension, BlocksProcessor

from ..data.names import MeMatcher
from ..data.store import DataStore
from ..log import log
from ..render.environment import Renderer
from ..render.labels import Labels
from .blocks import AcademicBlock, PublicationsBlock, unknown_block_hint
from .context import BuildContext
from .cv_blocks import ExperienceBlock, NewsBlock, ProfileBlock
from .options import BLOCK_OPTIONS, parse_options
from .publication_block import PublicationBlock

#: Every block the extension registers. Other modules append theirs before `extendMarkdown`.
BLOCKS: list[type[AcademicBlock]] = [PublicationsBlock, PublicationBlock, NewsBlock, ExperienceBlock, ProfileBlock]


class AcademicExtension(BlocksExtension):
    """Registers the academic blocks with pymdown-extensions Blocks."""

    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "data_dir": ["data", "Folder with the .bib, .yml and .json data files"],
            "me": [[], "Name variants of the site owner, highlighted in author lists"],
            "language": ["en", "Language of the labels: en, de, fr, es or zh"],
            "labels": [{}, "Labels to override, such as {'abstract': 'Summary'}"],
            "defaults": [{}, "Default options per block: {'publications': {'group_by': 'type'}}"],
            "template_dirs": [[], "Folders searched for academic/*.html before the built-in templates"],
            "allow_html": [False, "Let raw HTML inside Markdown data values through"],
            "max_authors": [0, "Cut author lists after this many names (0: never)"],
        }
        super().__init__(**kwargs)
        self._context: BuildContext | None = None

    @property
    def context(self) -> BuildContext:
        """The build context: set by the MkDocs plugin, else made from this extension's config."""
        if self._context is None:
            self._context = self._own_context()
        return self._context

    @context.setter
    def context(self, value: BuildContext) -> None:
        self._context = value

    def _own_context(self) -> BuildContext:
        config = self.getConfigs()
        data_dir = Path(config["data_dir"])
        renderer = Renderer(
            labels=Labels(config["language"], config["labels"]),
            me=MeMatcher(list(config["me"])),
            template_dirs=[Path(folder) for folder in config["template_dirs"]],
            allow_html=bool(config["allow_html"]),
            max_authors=int(config["max_authors"]) or None,
        )
        defaults = config["defaults"] or {}
        for block, given in defaults.items():  # checked once here; blocks report only their own options
            if block not in BLOCK_OPTIONS:
                log.warning("defaults: unknown block '%s' (%s)", block, unknown_block_hint(block, list(BLOCK_OPTIONS)))
                continue
            for error in parse_options(block, given or {})[1]:
                log.warning("defaults.%s: %s", block, error)
        return BuildContext(store=DataStore(data_dir, Path.cwd()), renderer=renderer, defaults=defaults)

    def extendMarkdownBlocks(self, md: Markdown, block_mgr: BlocksProcessor) -> None:
        for block in BLOCKS:
            block_mgr.register(block, {"get_context": lambda: self.context})
        md.treeprocessors.register(
            LeftoverBlockWarning(md, lambda: self.context, [block.NAME for block in BLOCKS]),
            "academic_leftover_blocks",
            # After Blocks has run, before inline patterns would rewrite the text.
            21,
        )


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
