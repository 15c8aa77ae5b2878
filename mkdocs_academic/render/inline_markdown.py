"""Markdown inside data values (news lines, highlights, bios), rendered safely and inline."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from collections.abc import Callable
from functools import lru_cache
from html import escape
from html.parser import HTMLParser

import markdown
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

from ..data.latex import DOLLAR_HTML, MARKDOWN_DOLLAR
from ..data.urls import safe_url
from ..lazy_pattern import LazyPattern

_EMOJI = {
    ":sparkles:": "✨",
    ":tada:": "🎉",
    ":rocket:": "🚀",
    ":trophy:": "🏆",
    ":star:": "⭐",
    ":fire:": "🔥",
    ":books:": "📚",
    ":mortar_board:": "🎓",
    ":microphone:": "🎤",
    ":smile:": "😄",
    ":wave:": "👋",
    ":memo:": "📝",
    ":newspaper:": "📰",
    ":airplane:": "✈️",
    ":computer:": "💻",
    ":bulb:": "💡",
    ":medal:": "🏅",
    ":confetti_ball:": "🎊",
    ":page_facing_up:": "📄",
    ":loudspeaker:": "📢",
    ":heart:": "❤️",
    ":+1:": "👍",
}


#: Attributes that hold a URL a browser may follow or load.
_URL_ATTRIBUTES = ("href", "src", "action", "formaction", "xlink:href", "poster", "background", "srcset", "data")


def _is_safe(value: str) -> bool:
    # Browsers decode character references before looking at the scheme: `&#106;avascript:`.
    return safe_url(html.unescape(value))


class _DropUnsafeLinks(Treeprocessor):
    """Remove `href`/`src` values whose scheme is not http(s), mailto or relative."""

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            for attribute in _URL_ATTRIBUTES:
                value = element.get(attribute)
                if value is not None and not _is_safe(value):
                    del element.attrib[attribute]


class _Reserialiser(HTMLParser):
    """Re-writes HTML from what a parser makes of it, leaving out unsafe URL attributes.

    Each tag is written anew from its parsed name and attributes (values quoted and escaped),
    so a malformed tag cannot mean one thing to this check and another to the browser.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self._raw_text = False

    def _tag(self, tag: str, attrs: list[tuple[str, str | None]], close: str) -> str:
        kept = [
            f' {name}="{escape(value, quote=True)}"' if value is not None else f" {name}"
            for name, value in attrs
            if not (name in _URL_ATTRIBUTES and value is not None and not safe_url(value))
        ]
        return f"<{tag}{''.join(kept)}{close}>"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.out.append(self._tag(tag, attrs, ""))
        self._raw_text = tag in {"script", "style"}

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.out.append(self._tag(tag, attrs, " /"))

    def handle_endtag(self, tag: str) -> None:
        self.out.append(f"</{tag}>")
        self._raw_text = False

    def handle_data(self, data: str) -> None:
        self.out.append(data if self._raw_text else escape(data, quote=False))

    def handle_comment(self, data: str) -> None:
        self.out.append(f"<!--{data}-->")


def drop_unsafe_url_attributes(text: str) -> str:
    """`text` (HTML, raw HTML included) without URL attributes whose scheme is unsafe."""
    if "<" not in text:
        return text
    parser = _Reserialiser()
    parser.feed(text)
    parser.close()
    return "".join(parser.out)


# An href or src attribute in HTML written here: values are in double quotes, and `"`, `<` and
# `>` inside them are escaped (by Python-Markdown, or by `_Reserialiser` for raw HTML).
_LINK_ATTRIBUTE = LazyPattern(r'(<[a-zA-Z][^<>]*?\s(?:href|src)=")([^"]+)"')


def relink(text: str, link: Callable[[str], str]) -> str:
    """`text` (HTML from `InlineMarkdown`) with each `href` and `src` value passed through
    `link`, which makes a site path relative to the page showing it (`Renderer.link`)."""
    if 'href="' not in text and 'src="' not in text:
        return text

    def one(match: re.Match[str]) -> str:
        return f'{match.group(1)}{escape(link(html.unescape(match.group(2))), quote=True)}"'

    return _LINK_ATTRIBUTE.sub(one, text)


class InlineMarkdown:
    """Converts short Markdown values to HTML. Raw HTML is escaped unless `allow_html`."""

    def __init__(self, allow_html: bool = False) -> None:
        self.allow_html = allow_html

    def _converter(self) -> markdown.Markdown:
        md = markdown.Markdown(extensions=["pymdownx.tilde", "pymdownx.caret"])
        if not self.allow_html:
            md.preprocessors.deregister("html_block")
            md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_DropUnsafeLinks(md), "academic_safe_links", 0)
        return md

    def inline(self, text: str) -> Markup:
        """One paragraph of Markdown as inline HTML (no surrounding `<p>`)."""
        html = self.block(text)
        match = re.fullmatch(r"<p>(.*)</p>", str(html), flags=re.DOTALL)
        return Markup(match.group(1)) if match else html

    def block(self, text: str) -> Markup:
        """Markdown as block HTML (paragraphs, lists)."""
        return Markup(_convert(self.allow_html, text))


#: A list item indented by other than a multiple of 4 spaces (GitHub's and kramdown's 2 or 3).
_SHALLOW_ITEM = LazyPattern(r"^(?: {4})* {1,3}(?:[-*+]|\d{1,9}[.)])[ \t]", re.MULTILINE)
_ITEM = LazyPattern(r"( *)(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)")
_FENCE = re.compile(r" *(`{3,}|~{3,})")


def normalise_list_indentation(text: str) -> str:
    """Nested lists indented the way GitHub and kramdown accept (by 2 or 3 spaces: under the
    text of the item above) re-indented by 4 spaces a level, as Python-Markdown needs, so a
    nested list stays nested instead of becoming one flat list.

    Each list item's level is found from the items above it (deeper than its parent, level
    with a sibling); an indented line in a list belongs to the deepest item indented less
    than it and moves with it. Text without such a list is returned as it is.
    """
    if _SHALLOW_ITEM.search(text) is None:
        return text
    out: list[str] = []
    open_items: list[int] = []  # the indents of the list items the current line may be in
    fence = ""
    shift = 0  # how far the lines of a fenced block move (as far as its opening line)
    for line in text.split("\n"):
        indent = len(line) - len(line.lstrip(" "))
        if fence:
            closing = _FENCE.match(line)
            if closing and closing.group(1)[0] == fence[0] and len(closing.group(1)) >= len(fence):
                fence = ""
            out.append(" " * max(indent + shift, 0) + line[indent:] if line.strip() else line)
            continue
        item = _ITEM.match(line)
        if not line.strip():
            out.append(line)
            continue
        if item is not None:
            while open_items and open_items[-1] >= indent:
                open_items.pop()
            new_indent = 4 * len(open_items)
            open_items.append(indent)
        elif indent == 0:
            open_items = []  # a paragraph after the list (or a lazy line: left as it is)
            new_indent = 0
        elif open_items:
            new_indent = 4 * sum(1 for opened in open_items if opened < indent)
        else:
            new_indent = indent
        opening = _FENCE.match(line)
        if opening:
            fence, shift = opening.group(1), new_indent - indent
        out.append(" " * new_indent + line[indent:])
    return "\n".join(out)


@lru_cache(maxsize=2)
def _markdown(allow_html: bool) -> markdown.Markdown:
    return InlineMarkdown(allow_html)._converter()


@lru_cache(maxsize=4096)
def _convert(allow_html: bool, text: str) -> str:
    for code, emoji in _EMOJI.items():
        text = text.replace(code, emoji)
    text = normalise_list_indentation(text)
    converted = _markdown(allow_html).reset().convert(text)
    if MARKDOWN_DOLLAR in converted:  # a literal dollar of BibTeX (`\\$5`), never math
        converted = converted.replace(MARKDOWN_DOLLAR, DOLLAR_HTML)
    # Raw HTML (allowed site-wide) bypasses the tree; its links are checked here.
    return drop_unsafe_url_attributes(converted) if allow_html else converted
