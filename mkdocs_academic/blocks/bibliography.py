"""`bibliography`: where a page's references go (the works cited on it, or every work).

The block can only be filled once the whole page is read, when its citations are known: a host
that supports citations (the Markdown extension, `markdown/citations.py`) gives the block's page
a `place_bibliography(options)` and fills the place at the end of the page. Any other host
says that it does not support them, instead of showing an empty block without a word.
"""

from __future__ import annotations

from typing import Any

from .context import BuildContext
from .parts import BlockPage, Rendered


def bibliography(
    options: dict[str, Any], context: BuildContext, page: BlockPage, argument: str | None, out: Rendered
) -> None:
    """Hand the checked options to the host, which fills the block at the end of the page."""
    place = getattr(page, "place_bibliography", None)
    if callable(place):
        place(options)
    else:
        page.warn("citations and bibliographies are not supported by this host yet; the block stays empty")
