"""`/// bibliography`: where the page's references go.

    /// bibliography
        style: author-year   # the page's citation style (default: front matter, then the site's)
        all: true            # every work of the data, cited or not (mkdocs-bibtex's \\full_bibliography)
    ///

The block only marks the place and keeps its checked options (`blocks.bibliography`): the
citations of the whole page are known at its end, when `citations.CitationsTreeprocessor` fills
the block. A page has one bibliography; without a block, the references go at the end of the page.
"""

from __future__ import annotations

from typing import Any

from .blocks import AcademicBlock
from .citations import CitationsTreeprocessor


class BibliographyBlock(AcademicBlock):
    """`/// bibliography`: the works cited on the page (or every work), in the style's order."""

    NAME = "bibliography"

    def place_bibliography(self, options: dict[str, Any]) -> None:
        """Keep this block's place and options for the end of the page (called by the core block)."""
        processors = self.md.treeprocessors
        finisher = processors["academic_citations"] if "academic_citations" in processors else None  # noqa: SIM401
        if not isinstance(finisher, CitationsTreeprocessor):
            return
        if finisher.page.blocks:
            self.warn("a page has one bibliography (the first); this one stays empty")
            return
        own_style = options["style"] if "style" in self.given_options else None
        finisher.page.blocks.append((self.element, options, own_style))
