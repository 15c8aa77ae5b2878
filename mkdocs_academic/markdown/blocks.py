"""The Blocks: `/// publications` (and the base the other blocks share).

Each block becomes a `<div class="academic academic-<name>">`. Rendered HTML goes in through
`md.htmlStash`; group headings are real heading elements so they reach the table of contents.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from abc import abstractmethod
from collections.abc import Callable
from typing import Any

from markdown.util import AtomicString
from pymdownx.blocks.block import Block, type_html_attribute_dict

from ..data.query import PublicationQuery, group_publications, select
from ..data.yamlfile import did_you_mean
from ..options import parse_options
from ..render.environment import TemplateProblem
from ..slugs import slugify
from .context import BuildContext


class AcademicBlock(Block):
    """Base of our blocks: accepts any option and reports mistakes instead of vanishing."""

    NAME = ""
    ARGUMENT = None  # an argument is optional (`/// experience | education`)

    def _validate(self, parent: etree.Element, arg: Any, **options: Any) -> bool:
        # Pymdown rejects unknown options by turning the block into text; we keep the block
        # and report each unknown option or bad value from `on_end` instead.
        self.argument = arg
        attrs = options.pop("attrs", {})
        try:
            self.options = {"attrs": type_html_attribute_dict(attrs)}
        except Exception:
            self.options = {"attrs": {}}
            options["attrs"] = attrs
        self.given_options = options
        return True

    @property
    def context(self) -> BuildContext:
        get_context: Callable[[], BuildContext] = self.config["get_context"]
        return get_context()

    def on_markdown(self) -> str:
        return "raw"

    def on_create(self, parent: etree.Element) -> etree.Element:
        # Blocks are created in page order: the n-th block of a name has the n-th header.
        self.occurrence = self.tracker.get("created", 0)
        self.tracker["created"] = self.occurrence + 1
        return etree.SubElement(parent, "div", {"class": f"academic academic-{self.NAME}"})

    def warn(self, message: str) -> None:
        """A warning about this block, with the page and the line of its header."""
        context = self.context
        line = context.block_line(self.NAME, self.occurrence) if hasattr(self, "occurrence") else 0
        context.warn(self.NAME, message, line)

    def on_end(self, block: etree.Element) -> None:
        context = self.context
        if block.text and block.text.strip():
            self.warn("text inside the block is ignored; put it before or after the block")
        block.text = None
        values, errors = parse_options(self.NAME, self.given_options, context.block_defaults(self.NAME))
        for error in errors:
            self.warn(error)
        context.record_block(self.NAME)
        try:
            self.fill(block, values, context)
        except TemplateProblem as problem:
            self.warn(f"{problem}; fix or remove your copy of the template")

    @abstractmethod
    def fill(self, block: etree.Element, options: dict[str, Any], context: BuildContext) -> None:
        """Put the block's content into `block`."""

    # Helpers for subclasses -------------------------------------------------------------

    def add_html(self, block: etree.Element, html: str) -> None:
        """Append rendered HTML to `block` (stashed, so Markdown leaves it alone)."""
        if html:
            holder = etree.SubElement(block, "p")
            holder.text = self.md.htmlStash.store(html)

    def add_heading(self, block: etree.Element, level: int, text: str) -> None:
        """Append a real heading (it gets an id and a place in the table of contents)."""
        heading = etree.SubElement(block, f"h{level}")
        heading.text = AtomicString(text)
        if text[:1].isdigit():
            # A year heading gets `publications-2024`, not `2024`: ids starting with a digit
            # are invalid CSS selectors, and the mkdocs theme's ScrollSpy fails on them.
            heading.set("id", self.unique_id(slugify(text, non_ascii="separate", prefix=self.NAME)))

    def heading_level(self, block: etree.Element, chosen: int | None) -> int:
        """`chosen`, else one below the last heading before the block on the page (max 6)."""
        if chosen:
            return chosen
        last = 1
        root = getattr(self.md.parser, "root", None)
        if root is not None:
            for element in root.iter():
                if element is block:
                    break
                if element.tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
                    last = int(element.tag[1])
        return min(last + 1, 6)

    def unique_id(self, slug: str) -> str:
        """An id not used yet on this page by our blocks (`key`, then `key-2`, ...)."""
        used: set[str] = self.tracker.setdefault("ids", set())
        candidate, number = slug, 1
        while candidate in used:
            number += 1
            candidate = f"{slug}-{number}"
        used.add(candidate)
        return candidate


class PublicationsBlock(AcademicBlock):
    """`/// publications`: a filtered, sorted, grouped list of publications."""

    NAME = "publications"

    def fill(self, block: etree.Element, options: dict[str, Any], context: BuildContext) -> None:
        dataset = context.dataset()
        years = options["year"] or (None, None)
        query = PublicationQuery(
            selected=options["selected"],
            year_from=years[0],
            year_to=years[1],
            types=frozenset(options["type"]),
            keywords=frozenset(options["tag"]),
            authors=options["author"],
            keys=options["keys"],
            sort=options["sort"],
            limit=options["limit"],
        )
        for key in options["keys"]:
            if dataset.publication(key) is None:
                hint = did_you_mean(key, [pub.key for pub in dataset.publications]) or "check the key in your .bib file"
                self.warn(f"key '{key}' is not in the data ({hint})")
        if not dataset.publications:
            self.warn("no publications in the data: add your .bib file (or a publications.yml) to the data directory")
        publications = select(dataset.publications, query)
        renderer = context.renderer
        if not publications:
            self.add_html(block, str(renderer.render("empty.html", message=renderer.labels["no_publications"])))
            return
        level = self.heading_level(block, options["heading_level"])
        for label, entries in group_publications(publications, options["group_by"]):
            if options["group_by"] == "year":
                self.add_heading(block, level, label or renderer.labels["undated"])
            elif options["group_by"] == "type":
                self.add_heading(block, level, renderer.labels[f"type_{label}"])
            html = renderer.publication_list(
                entries,
                make_id=self.unique_id,
                style=options["style"],
                base_url=context.base_url,
                show_abstract=options["abstract"],
                show_bibtex=options["bibtex"],
                numbered=options["numbered"],
                urls=context.output_urls,
            )
            self.add_html(block, str(html))
        self.add_html(block, str(renderer.marks_legend(publications)))


def unknown_block_hint(name: str, known: list[str]) -> str:
    """A hint for a `/// name` that is not one of ours."""
    return did_you_mean(name, known) or f"known blocks: {', '.join(known)}"
