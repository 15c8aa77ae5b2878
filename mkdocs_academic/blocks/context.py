"""What the blocks need while a page is converted, in any host: data, renderer, defaults, page.

Each host makes one `BuildContext` from its checked options (`BuildContext.from_options`) and
keeps it for the build (the MkDocs plugin: across rebuilds). The context also keeps, for each
page, what the blocks put on it (`PageRecord`): the MkDocs plugin reads it to add head tags (a
`Person` on the page with the profile) instead of searching the page's HTML.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from ..data.dataset import Dataset
from ..data.names import MeMatcher
from ..data.store import DataStore
from ..log import log
from ..options import SiteOptions
from ..render.environment import Renderer
from ..render.labels import Labels
from ..render.urls import OutputUrls

#: A `BuildContext` or a host's own subclass of it.
ContextT = TypeVar("ContextT", bound="BuildContext")


@dataclass(slots=True)
class PageRecord:
    """What the academic blocks put on one page, noted while the page is converted.

    Frozen sets, replaced when a block is noted and shared by the pages that note the same
    blocks: a site has a record per page (10,000 generated publication pages, each noting
    `publication`), and a set is ~200 bytes."""

    #: The names of the blocks rendered on the page, at any depth (inside admonitions and tabs too).
    blocks: frozenset[str] = frozenset()
    #: The blocks among them that show every item of their data (no limit, no filter): a
    #: `/// news` without options is the news archive, where the feed links to each item.
    complete: frozenset[str] = frozenset()

    def shows(self, block: str) -> bool:
        """Whether the page shows a `/// <block>` (`shows("profile")`)."""
        return block in self.blocks

    def shows_all(self, block: str) -> bool:
        """Whether a `/// <block>` of the page shows every item (`shows_all("news")`)."""
        return block in self.complete


_SHARED_SETS: dict[frozenset[str], frozenset[str]] = {}


def _shared(names: frozenset[str]) -> frozenset[str]:
    """One object for each set of block names (a handful per site)."""
    return _SHARED_SETS.setdefault(names, names)


@dataclass
class BuildContext:
    """Shared state of one site's conversion."""

    store: DataStore
    renderer: Renderer
    defaults: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    #: Report data problems when a new dataset is loaded (the hosts may report them themselves).
    report_data_problems: bool = True
    #: The page being converted, as shown in messages ("publications.md"), or "".
    page: str = ""
    #: Path from the current page to the site root ("../"), for relative links.
    base_url: str = ""
    #: The folder of the current page's URL in the site ("publications/" for the page at
    #: `publications/`, "" at the root or when unknown): links below it skip `base_url`.
    page_dir: str = ""
    #: Site-relative URLs of each publication's page and .bib file (set by the host).
    output_urls: OutputUrls = field(default_factory=OutputUrls)
    #: What the blocks put on each page, by page (as given to `set_page`), since the context was made.
    pages: dict[str, PageRecord] = field(default_factory=dict)
    _reported: Dataset | None = None
    _held: Dataset | None = None

    @classmethod
    def from_options(
        cls: type[ContextT],
        options: SiteOptions,
        *,
        store: DataStore,
        labels: Labels,
        theme_dirs: tuple[Path, ...] = (),
        report_data_problems: bool = True,
    ) -> ContextT:
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
        """The current data (loaded, or reloaded when a file changed; the held one, if any)."""
        if self._held is not None:
            return self._held
        dataset = self.store.load()
        if self.report_data_problems and dataset is not self._reported:
            self._reported = dataset
            report_problems(dataset)
        return dataset

    def hold_dataset(self, dataset: Dataset | None) -> None:
        """Give every block `dataset` until it is released (`None`), without looking at the
        files again: a host whose builds have a start (MkDocs' `on_pre_build`) reads the data
        there, once, instead of checking every data file for each block of each page."""
        self._held = dataset

    def block_defaults(self, block: str) -> Mapping[str, Any]:
        """The site-wide defaults of `block`'s options."""
        return self.defaults.get(block, {})

    def start_page(self, page: str) -> None:
        """The page converted next (as shown in messages); its `PageRecord` starts empty:
        a page converted again records its blocks again."""
        self.page = page
        self.pages[page] = PageRecord()

    def record_block(self, block: str, *, complete: bool = False) -> None:
        """Note that the page being converted shows a `/// <block>` (`complete`: every item)."""
        record = self.pages.setdefault(self.page, PageRecord())
        if block not in record.blocks:
            record.blocks = _shared(record.blocks | {block})
        if complete and block not in record.complete:
            record.complete = _shared(record.complete | {block})

    def page_record(self, page: str) -> PageRecord:
        """What the blocks put on `page` when it was last converted (an empty record if never)."""
        return self.pages.get(page) or PageRecord()


def report_problems(dataset: Dataset) -> None:
    """Log every data problem as a warning (so `mkdocs build --strict` fails)."""
    for problem in dataset.problems:
        log.warning("%s", problem)
