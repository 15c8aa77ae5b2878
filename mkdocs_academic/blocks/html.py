"""A block's parts as one HTML fragment, for a host that writes a page's HTML itself.

Sphinx's generated publication pages and MkDocs' (`outputs.PublicationPage`) have no source to
convert: their content is the `publication` block, written here with the same markup as a block
in a page (the outer `<div class="academic academic-<name>">`, headings as `<hN id>`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import escape

from ..slugs import slugify
from .parts import BlockPage, Heading, Rendered, claim_id


@dataclass(frozen=True)
class BlockHtml:
    """A block's HTML and its headings, each with the id it was given (for a table of contents)."""

    html: str
    headings: list[Heading]


def block_html(block: str, rendered: Rendered, page: BlockPage, slug: Callable[[str], str] | None = None) -> BlockHtml:
    """The parts of `block` inside its `<div>`; a heading without an id gets one from its text
    (`slug`: the host's way, by default ours), unique on the page (`page.unique_id`)."""
    slug = slug or _slug
    attributes = {"class": f"academic academic-{block}", **rendered.attributes}
    out = ["<div " + " ".join(f'{name}="{escape(value)}"' for name, value in attributes.items()) + ">"]
    headings: list[Heading] = []
    for part in rendered.parts:
        if isinstance(part, Heading):
            heading_id = part.id or page.unique_id(slug(part.text) or "section")
            headings.append(Heading(part.level, part.text, heading_id))
            # `escape` writes each literal dollar of a title (`data.latex.DollarText`) as a span.
            out.append(f'<h{part.level} id="{escape(heading_id)}">{escape(part.text)}</h{part.level}>')
        else:
            out.append(part.markup)
    out.append("</div>")
    return BlockHtml("\n".join(out), headings)


def _slug(text: str) -> str:
    return slugify(text, non_ascii="separate")


class StandalonePage:
    """The `BlockPage` of a page whose whole content is one block (a generated publication
    page): problems go to `warn`, ids are unique on the page, the block's headings start at 1."""

    def __init__(self, warn: Callable[[str], None]) -> None:
        self._warn = warn
        self.ids: set[str] = set()

    def warn(self, message: str) -> None:
        """Report a problem of the block."""
        self._warn(message)

    def unique_id(self, slug: str) -> str:
        """An id not used yet on the page (`slug`, then `slug-2`, ...)."""
        return claim_id(slug, self.ids)

    def auto_heading_level(self) -> int:
        """The page has no heading before the block."""
        return 1
