"""`/// publication`: one publication in full, as on its own page.

    /// publication
        key: marquez2025phonotactics
    ///

The plugin makes a page per publication whose content is this block; it can also be used on
any page. The title is a real heading (level 1 on a publication page, else one below the last
heading), and so is "Abstract", so both reach the table of contents.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from typing import Any

from ..data.yamlfile import did_you_mean
from ..slugs import slugify_key
from .blocks import AcademicBlock
from .context import BuildContext


class PublicationBlock(AcademicBlock):
    """`/// publication`: the full entry for one key (title, authors, venue, links, abstract, BibTeX)."""

    NAME = "publication"

    def fill(self, block: etree.Element, options: dict[str, Any], context: BuildContext) -> None:
        key = options["key"]
        if not key:
            self.warn("option 'key' is missing (write `    key: yourkey2024` under the header)")
            return
        dataset = context.dataset()
        pub = dataset.publication(key)
        if pub is None:
            hint = did_you_mean(key, [entry.key for entry in dataset.publications]) or "check the key in your .bib file"
            self.warn(f"key '{key}' is not in the data ({hint})")
            return
        block.set("id", self.unique_id(slugify_key(pub.key)))
        block.set("data-key", pub.key)
        renderer = context.renderer
        bib_url = context.output_urls.bib(pub.key)
        level = self.heading_level(block, options["heading_level"])
        self.add_heading(block, level, pub.title)
        self.add_html(
            block, str(renderer.publication_page(pub, part="summary", base_url=context.base_url, bib_url=bib_url))
        )
        if options["abstract"] and pub.abstract:
            self.add_heading(block, min(level + 1, 6), renderer.labels["abstract"])
            self.add_html(block, str(renderer.publication_page(pub, part="abstract", base_url=context.base_url)))
        if options["bibtex"] and pub.show_bibtex and pub.bibtex:
            self.add_html(block, str(renderer.publication_page(pub, part="bibtex", base_url=context.base_url)))
