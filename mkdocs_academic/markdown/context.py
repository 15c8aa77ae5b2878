"""What the blocks need while a page is converted: data, renderer, defaults and the page.

The MkDocs plugin makes one `BuildContext` and keeps it across rebuilds; without MkDocs the
extension makes its own from its configuration.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..data.store import Dataset, DataStore
from ..render.environment import Renderer
from ..render.urls import OutputUrls

#: Loggers under `mkdocs.` count towards `mkdocs build --strict`; the name needs no import of MkDocs.
log = logging.getLogger("mkdocs.plugins.academic")
PREFIX = "academic: "


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
    _reported: Dataset | None = None

    def dataset(self) -> Dataset:
        """The current data (loaded, or reloaded when a file changed)."""
        dataset = self.store.load()
        if self.report_data_problems and dataset is not self._reported:
            self._reported = dataset
            report_problems(dataset)
        return dataset

    def block_defaults(self, block: str) -> Mapping[str, Any]:
        return self.defaults.get(block, {})

    def warn(self, block: str, message: str) -> None:
        """A warning about a block on the current page."""
        where = f"{self.page}: " if self.page else ""
        log.warning("%s%s/// %s: %s", PREFIX, where, block, message)


def report_problems(dataset: Dataset) -> None:
    """Log every data problem as a warning (so `mkdocs build --strict` fails)."""
    for problem in dataset.problems:
        log.warning("%s%s", PREFIX, problem)
