"""A block's parts as one HTML fragment, for a host that writes a page's HTML itself.

Sphinx's generated publication pages and MkDocs' (`outputs.PublicationPage`) have no source to
convert: their content is the `publication` block, written here with the same markup as a block
in a page (the outer `<div class="academic academic-<name>">`, headings as `<hN id>`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from markupsafe import escape

from ..slugs import slugify
from .parts import BlockPage, Heading, Rendered, claim_id


class BlockHtml(NamedTuple):
    """A block's HTML and its headings, each with the id it was given (for a table of contents)."""

    html: str
    headings: list[Heading]


class Permalink(NamedTuple):
    """A link to each heading from itself, as Python-Markdown's `toc` writes it with
    `permalink: true` (the host's setting, so that these headings look like the others)."""

    text: str = "\N{PILCROW SIGN}"
    css_class: str = "headerlink"
    title: str = "Permanent link"
    leading: bool = False

    def around(self, heading_id: str, inner: str) -> str:
        """The heading's inner HTML with the link before or after it."""
        title = f' title="{escape(self.title)}"' if self.title else ""
        link = f'<a class="{escape(self.css_class)}" href="#{escape(heading_id)}"{title}>{escape(self.text)}</a>'
        return link + inner if self.leading else inner + link


def block_html(
    block: str,
    rendered: Rendered,
    page: BlockPage,
    slug: Callable[[str], str] | None = None,
    permalink: Permalink | None = None,
) -> BlockHtml:
    """The parts of `block` inside its `<div>`; a heading without an id gets one from its text
    (`slug`: the host's way, by default ours), unique on the page (`page.unique_id`), and
    `permalink`, when given, a link to itself."""
    slug = slug or _slug
    attributes = {"class": f"academic academic-{block}", **rendered.attributes}
    out = ["<div " + " ".join(f'{name}="{escape(value)}"' for name, value in attributes.items()) + ">"]
    headings: list[Heading] = []
    for part in rendered.parts:
        if isinstance(part, Heading):
            heading_id = part.id or page.unique_id(slug(part.text) or "section")
            headings.append(Heading(part.level, part.text, heading_id))
            # `escape` writes each literal dollar of a title (`data.latex.DollarText`) as a span.
            inner = str(escape(part.text))
            if permalink is not None:
                inner = permalink.around(heading_id, inner)
            out.append(f'<h{part.level} id="{escape(heading_id)}">{inner}</h{part.level}>')
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
