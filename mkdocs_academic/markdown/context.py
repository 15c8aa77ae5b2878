"""The build context of the Markdown hosts: the core context plus the page's Markdown source.

The core `BuildContext` (`mkdocs_academic.blocks.context`) holds the data, renderer and
defaults; here it also learns how to read the page being converted, so a block's message
names the line of its `/// name` header. The MkDocs plugin makes one and keeps it across
rebuilds; without MkDocs the extension makes its own from its configuration.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..blocks.context import BuildContext as CoreContext
from ..blocks.context import PageRecord, report_problems
from ..lazy_pattern import LazyPattern
from ..log import log

__all__ = ["BuildContext", "MarkdownContext", "PageRecord", "report_problems"]


@dataclass
class MarkdownContext(CoreContext):
    """The core context, with the lines of the current page's block headers for messages."""

    # Reads the current page's text as written (front matter included), for the line of a
    # block message: read only when a message needs it, then kept for the page.
    _read_source: Callable[[], str] | None = None
    _source: str | None = None
    _headers: dict[str, list[int]] | None = None  # block name -> lines of its headers

    def warn(self, block: str, message: str, line: int = 0) -> None:
        """A warning about a block on the current page (`line`: its header's line, 0 if unknown)."""
        where = f"{self.page}:{line}: " if self.page and line else f"{self.page}: " if self.page else ""
        log.warning("%s/// %s: %s", where, block, message)

    def set_page(self, page: str, read_source: Callable[[], str] | None = None) -> None:
        """The page converted next (as shown in messages) and how to read its text.

        Its `PageRecord` starts empty: a page converted again records its blocks again."""
        self.start_page(page)
        self._read_source, self._source, self._headers = read_source, None, None

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


#: The name the MkDocs plugin and the extension use.
BuildContext = MarkdownContext

_HEADER = LazyPattern(r"^\s*/{3,}\s*([A-Za-z_-]+)")
_FENCE = LazyPattern(r"^\s*(`{3,}|~{3,})")


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
