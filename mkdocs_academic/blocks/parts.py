"""What a block produces, whatever the host: a sequence of parts, and what it needs from the page.

A block yields headings (which each host turns into its own real headings, so they reach the
page's table of contents) and pieces of rendered HTML (which a host inserts untouched). The
host gives the block a `BlockPage`: how to report a problem, how to make an id unique on the
page, and the heading level below the last heading before the block.
"""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass, field
from typing import NamedTuple, Protocol


class Heading(NamedTuple):
    """A heading the host makes a real one (`id`: the one to use, or None to let the host choose)."""

    level: int
    text: str
    id: str | None = None


class Html(NamedTuple):
    """Rendered HTML, to insert as it is."""

    markup: str


Part = Heading | Html


@dataclass
class Rendered:
    """A block's output: its parts in order, and attributes for its outer element."""

    parts: list[Part] = field(default_factory=list)
    #: Extra attributes of the block's outer element (`id` and `data-key` of `publication`).
    attributes: dict[str, str] = field(default_factory=dict)

    def add_html(self, html: object) -> None:
        """Append rendered HTML (nothing for an empty string)."""
        markup = str(html)
        if markup:
            self.parts.append(Html(markup))

    def add_heading(self, level: int, text: str, id: str | None = None) -> None:
        """Append a heading."""
        self.parts.append(Heading(level, text, id))


def claim_id(slug: str, used: set[str], taken: Container[str] = frozenset()) -> str:
    """The first of `slug`, `slug-2`, `slug-3`... neither in `used` nor in `taken`, added to
    `used`: how every host's page makes the ids of its blocks unique."""
    candidate, number = slug, 1
    while candidate in used or candidate in taken:
        number += 1
        candidate = f"{slug}-{number}"
    used.add(candidate)
    return candidate


class BlockPage(Protocol):
    """What a host tells a block about the page it is on."""

    def warn(self, message: str) -> None:
        """Report a problem of this block (the host adds the page and line)."""

    def unique_id(self, slug: str) -> str:
        """An id not used yet on the page by our blocks (`slug`, then `slug-2`, ...)."""

    def auto_heading_level(self) -> int:
        """One below the last heading before the block on the page (at most 6)."""
