"""Rendered block HTML as plain lines, for builders that cannot take HTML (LaTeX, text, man).

Each list item of the shared renderer's HTML (a publication, a news item, a CV entry) becomes
one entry of lines (title, authors, venue...); text outside list items becomes entries of one
line per block element. Abstracts and BibTeX (`<details>`), links, badges and buttons are left
out: they make no sense on paper.
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser

#: Elements whose text is left out.
SKIP_TAGS = {"details", "button", "svg", "script", "style", "template"}
#: Classes whose element's text is left out.
SKIP_CLASSES = {
    "academic-pub-links",
    "academic-pub-aside",
    "academic-copy",
    "academic-pin",
    "academic-more",
    "academic-tag",
    "academic-profile-links",
}
#: Classes of elements that hold one entry, as a list item does (the profile card).
ENTRY_CLASSES = {"academic-profile-card"}
#: Classes of elements whose every child is a line of its own (the profile's contact line).
SPLIT_CLASSES = {"academic-profile-contact"}
#: Elements that end a line.
BLOCK_TAGS = {"p", "div", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "table", "tr"}
#: Classes of inline elements that are a line of their own (the title, authors, venue...).
LINE_CLASSES = {
    "academic-pub-title",
    "academic-pub-authors",
    "academic-pub-venue",
    "academic-when",
    "academic-news-text",
    "academic-cv-title",
    "academic-cv-org",
    "academic-cv-line",
}
VOID_TAGS = {"br", "img", "hr", "input", "meta", "link", "source", "wbr"}


class Entry(list[str]):
    """The lines of one entry; `item`: a list item or card (a publication, a news item, a CV
    entry, the profile), not a paragraph of text outside them (a bio, a notice)."""

    def __init__(self, lines: list[str] | None = None, *, item: bool = True) -> None:
        super().__init__(lines or [])
        self.item = item


@dataclass
class _Open:
    """An open element: its tag, whether it ends a line, holds an entry, splits its children."""

    tag: str
    breaks: bool = False
    holds: bool = False
    splits: bool = False
    skipped: bool = False


class _Lines(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.entries: list[Entry] = []
        self.item: Entry | None = None
        self.buffer: list[str] = []
        self.stack: list[_Open] = []
        self.skipping = 0
        self.depth = 0  # of elements holding an entry

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID_TAGS:
            return
        classes = set((dict(attrs).get("class") or "").split())
        if self.skipping or tag in SKIP_TAGS or classes & SKIP_CLASSES:
            self.skipping += 1
            self.stack.append(_Open(tag, skipped=True))
            return
        split_parent = bool(self.stack) and self.stack[-1].splits
        element = _Open(
            tag,
            breaks=tag in BLOCK_TAGS or bool(classes & LINE_CLASSES) or split_parent,
            holds=tag == "li" or bool(classes & ENTRY_CLASSES),
            splits=bool(classes & SPLIT_CLASSES),
        )
        if element.breaks:
            self.end_line()
        if element.holds:
            if self.depth == 0:
                self.item = Entry()
            self.depth += 1
        self.stack.append(element)

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID_TAGS or tag not in {element.tag for element in self.stack}:
            return
        while self.stack:
            element = self.stack.pop()
            if element.skipped:
                self.skipping -= 1
            else:
                self.close_element(element)
            if element.tag == tag:
                break

    def close_element(self, element: _Open) -> None:
        if element.breaks:
            self.end_line()
        if element.holds:
            self.depth -= 1
            if self.depth == 0 and self.item is not None:
                if self.item:
                    self.entries.append(self.item)
                self.item = None

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.buffer.append(data)

    def end_line(self) -> None:
        text = " ".join("".join(self.buffer).split())
        self.buffer = []
        if not text:
            return
        if self.item is not None:
            self.item.append(text)
        else:
            self.entries.append(Entry([text], item=False))


def plain_entries(html: str) -> list[Entry]:
    """The entries of `html`, each a list of lines of text (the first is the entry's title)."""
    parser = _Lines()
    parser.feed(html)
    parser.close()
    parser.end_line()
    return parser.entries
