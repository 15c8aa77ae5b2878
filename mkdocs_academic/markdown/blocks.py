"""The Blocks: `/// publications`, `/// news`, ... as thin adapters over the core blocks.

Each block becomes a `<div class="academic academic-<name>">`. What goes inside comes from
`mkdocs_academic.blocks.run_block`: rendered HTML goes in through `md.htmlStash`, and group
headings are real heading elements so they reach the table of contents.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from collections.abc import Callable
from typing import Any

from markdown.util import AtomicString
from pymdownx.blocks import BlocksProcessor
from pymdownx.blocks.block import Block, type_html_attribute_dict

from ..blocks import Heading, claim_id, run_block
from ..data.yamlfile import did_you_mean
from .context import BuildContext

#: The tracker (of pymdown's per-page trackers) that all academic blocks of a page share.
_SHARED_TRACKER = "academic"


class AcademicBlock(Block):
    """Base of our blocks: accepts any option and reports mistakes instead of vanishing."""

    NAME = ""
    ARGUMENT = None  # an argument is optional (`/// experience | education`)

    def __init__(self, length: int, tracker: Any, block_mgr: BlocksProcessor, config: Any) -> None:
        super().__init__(length, tracker, block_mgr, config)
        # Pymdown keeps a tracker per block name for the page; the ids of every academic block
        # of the page go in one set (a `/// publication` below a `/// publications` list that
        # shows the same entry gets `key-2`). The trackers are made anew for each page.
        self.page_ids: set[str] = block_mgr.trackers.setdefault(_SHARED_TRACKER, {}).setdefault("ids", set())

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
        self.element = etree.SubElement(parent, "div", {"class": f"academic academic-{self.NAME}"})
        return self.element

    def warn(self, message: str) -> None:
        """A warning about this block, with the page and the line of its header."""
        context = self.context
        line = context.block_line(self.NAME, self.occurrence) if hasattr(self, "occurrence") else 0
        context.warn(self.NAME, message, line)

    def on_end(self, block: etree.Element) -> None:
        if block.text and block.text.strip():
            self.warn("text inside the block is ignored; put it before or after the block")
        block.text = None
        self.element = block
        rendered = run_block(self.NAME, self.given_options, self.context, self, self.argument or None)
        for name, value in rendered.attributes.items():
            block.set(name, value)
        for part in rendered.parts:
            if isinstance(part, Heading):
                heading = etree.SubElement(block, f"h{part.level}")
                _set_heading_text(heading, part.text)
                if part.id:
                    heading.set("id", part.id)
            else:
                holder = etree.SubElement(block, "p")
                holder.text = self.md.htmlStash.store(part.markup)

    # What the core asks of the page (`blocks.BlockPage`) ---------------------------------

    def auto_heading_level(self) -> int:
        """One below the last heading before the block on the page (max 6)."""
        last = 1
        root = getattr(self.md.parser, "root", None)
        if root is not None:
            for element in root.iter():
                if element is self.element:
                    break
                if element.tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
                    last = int(element.tag[1])
        return min(last + 1, 6)

    def unique_id(self, slug: str) -> str:
        """An id not used yet on this page by our blocks (`key`, then `key-2`, ...)."""
        return claim_id(slug, self.page_ids)


def _set_heading_text(heading: etree.Element, text: str) -> None:
    """The text of a heading; each literal dollar of a title (`\\$5` in BibTeX, see
    `data.latex.DollarText`) in a `<span class="academic-dollar">` of its own, as in lists,
    so that MathJax and KaTeX do not read two of them as the ends of a formula."""
    literal: tuple[int, ...] = getattr(text, "literal", ())
    position = 0
    last: etree.Element | None = None
    for index in literal:
        piece = AtomicString(text[position:index])
        if last is None:
            heading.text = piece
        else:
            last.tail = piece
        last = etree.SubElement(heading, "span", {"class": "academic-dollar"})
        last.text = AtomicString("$")
        position = index + 1
    rest = AtomicString(text[position:])
    if last is None:
        heading.text = rest
    else:
        last.tail = rest


class PublicationsBlock(AcademicBlock):
    """`/// publications`: a filtered, sorted, grouped list of publications."""

    NAME = "publications"


class PublicationBlock(AcademicBlock):
    """`/// publication`: the full entry for one key (title, authors, venue, links, abstract, BibTeX)."""

    NAME = "publication"


class NewsBlock(AcademicBlock):
    """`/// news`: dated announcements from `news.yml`, newest first (pinned ones on top)."""

    NAME = "news"


class ExperienceBlock(AcademicBlock):
    """`/// experience | <section>`: one CV section (education, positions, awards, skills...)."""

    NAME = "experience"


class ProfileBlock(AcademicBlock):
    """`/// profile`: the card with photo, position, affiliation, contact, links, interests, notice and bio."""

    NAME = "profile"


def unknown_block_hint(name: str, known: list[str]) -> str:
    """A hint for a `/// name` that is not one of ours."""
    return did_you_mean(name, known) or f"known blocks: {', '.join(known)}"
