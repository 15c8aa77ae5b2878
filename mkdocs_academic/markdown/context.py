"""What the blocks need while a page is converted: data, renderer, defaults and the page.

The MkDocs plugin makes one `BuildContext` and keeps it across rebuilds; without MkDocs the
extension makes its own from its configuration. The context also keeps, for each page, what
the blocks put on it (`PageRecord`): the plugin reads it to add head tags (a `Person` on the
page with the profile) instead of searching the page's HTML.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..data.dataset import Dataset
from ..data.names import MeMatcher
from ..data.store import DataStore
from ..log import log
from ..options import SiteOptions
from ..render.environment import Renderer
from ..render.labels import Labels
from ..render.urls import OutputUrls


@dataclass
class PageRecord:
    """What the academic blocks put on one page, noted while the page is converted."""

    #: The names of the blocks rendered on the page, at any depth (inside admonitions and tabs too).
    blocks: set[str] = field(default_factory=set)
    #: The blocks among them that show every item of their data (no limit, no filter): a
    #: `/// news` without options is the news archive, where the feed links to each item.
    complete: set[str] = field(default_factory=set)

    def shows(self, block: str) -> bool:
        """Whether the page shows a `/// <block>` (`shows("profile")`)."""
        return block in self.blocks

    def shows_all(self, block: str) -> bool:
        """Whether a `/// <block>` of the page shows every item (`shows_all("news")`)."""
        return block in self.complete


@dataclass
class BuildContext:
    """Shared state of one site's conversion."""

    store: DataStore
    renderer: Renderer
    defaults: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    #: Report data problems when a new dataset is loaded (the plugin reports them itself).
    report_data_problems: bool = True
    #: The page being converted, as shown in messages ("publications.md"), or "".
    page: str = ""
    #: Path from the current page to the site root ("../"), for relative links.
    base_url: str = ""
    #: Site-relative URLs of each publication's page and .bib file (set by the plugin).
    output_urls: OutputUrls = field(default_factory=OutputUrls)
    #: What the blocks put on each page, by page (as given to `set_page`), since the context was made.
    pages: dict[str, PageRecord] = field(default_factory=dict)
    _reported: Dataset | None = None
    # Reads the current page's text as written (front matter included), for the line of a
    # block message: read only when a message needs it, then kept for the page.
    _read_source: Callable[[], str] | None = None
    _source: str | None = None
    _headers: dict[str, list[int]] | None = None  # block name -> lines of its headers

    @classmethod
    def from_options(
        cls,
        options: SiteOptions,
        *,
        store: DataStore,
        labels: Labels,
        theme_dirs: tuple[Path, ...] = (),
        report_data_problems: bool = True,
    ) -> BuildContext:
        """The context every host builds from its checked options: the renderer searches the
        host's theme folders (`theme_dirs`, e.g. MkDocs' `custom_dir`), then `template_dirs`."""
        renderer = Renderer(
            labels=labels,
            me=MeMatcher(list(options.me)),
            template_dirs=[*theme_dirs, *options.template_dirs],
            allow_html=options.allow_html,
            max_authors=options.max_authors or None,
        )
        return cls(
            store=store,
            renderer=renderer,
            defaults=options.block_defaults(),
            report_data_problems=report_data_problems,
        )

    def dataset(self) -> Dataset:
        """The current data (loaded, or reloaded when a file changed)."""
        dataset = self.store.load()
        if self.report_data_problems and dataset is not self._reported:
            self._reported = dataset
            report_problems(dataset)
        return dataset

    def block_defaults(self, block: str) -> Mapping[str, Any]:
        return self.defaults.get(block, {})

    def warn(self, block: str, message: str, line: int = 0) -> None:
        """A warning about a block on the current page (`line`: its header's line, 0 if unknown)."""
        where = f"{self.page}:{line}: " if self.page and line else f"{self.page}: " if self.page else ""
        log.warning("%s/// %s: %s", where, block, message)

    def set_page(self, page: str, read_source: Callable[[], str] | None = None) -> None:
        """The page converted next (as shown in messages) and how to read its text.

        Its `PageRecord` starts empty: a page converted again records its blocks again."""
        self.page = page
        self._read_source, self._source, self._headers = read_source, None, None
        self.pages[page] = PageRecord()

    def record_block(self, block: str, *, complete: bool = False) -> None:
        """Note that the page being converted shows a `/// <block>` (`complete`: every item)."""
        record = self.pages.setdefault(self.page, PageRecord())
        record.blocks.add(block)
        if complete:
            record.complete.add(block)

    def page_record(self, page: str) -> PageRecord:
        """What the blocks put on `page` when it was last converted (an empty record if never)."""
        return self.pages.get(page) or PageRecord()

    def _page_text(self) -> str:
        if self._source is None:
            self._source = self._read_source() if self._read_source is not None else ""
        return self._source

    def block_line(self, name: str, occurrence: int) -> int:
        """The line of the `occurrence`-th (from 0) `/// name` header of the page, or 0."""
        if self._headers is None:
            self._headers = _block_headers(self._page_text())
        lines = self._headers.get(name.lower(), [])
        return lines[occurrence] if occurrence < len(lines) else 0

    def line_of(self, text: str) -> int:
        """The first line of the page that reads `text` (blanks around it aside), or 0."""
        wanted = text.strip()
        for number, line in enumerate(self._page_text().splitlines(), start=1):
            if line.strip() == wanted:
                return number
        return 0


_HEADER = re.compile(r"^\s*/{3,}\s*([A-Za-z_-]+)")
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")


def _block_headers(source: str) -> dict[str, list[int]]:
    """The lines of the block headers (`/// name`) of a page, by block name; fenced code skipped."""
    headers: dict[str, list[int]] = {}
    fence = ""
    for number, line in enumerate(source.splitlines(), start=1):
        found = _FENCE.match(line)
        if found:
            marker = found.group(1)
            if not fence:
                fence = marker
            elif marker[0] == fence[0] and len(marker) >= len(fence):
                fence = ""
            continue
        if fence:
            continue
        header = _HEADER.match(line)
        if header:
            headers.setdefault(header.group(1).lower(), []).append(number)
    return headers


def report_problems(dataset: Dataset) -> None:
    """Log every data problem as a warning (so `mkdocs build --strict` fails)."""
    for problem in dataset.problems:
        log.warning("%s", problem)
