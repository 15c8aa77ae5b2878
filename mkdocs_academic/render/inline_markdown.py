"""Markdown inside data values (news lines, highlights, bios), rendered safely and inline."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from functools import lru_cache

import markdown
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

from ..data.fields import safe_url

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


class _DropUnsafeLinks(Treeprocessor):
    """Remove `href`/`src` values whose scheme is not http(s), mailto or relative."""

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            for attribute in ("href", "src"):
                value = element.get(attribute)
                if value is not None and not safe_url(value):
                    del element.attrib[attribute]


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


@lru_cache(maxsize=2)
def _markdown(allow_html: bool) -> markdown.Markdown:
    return InlineMarkdown(allow_html)._converter()


@lru_cache(maxsize=4096)
def _convert(allow_html: bool, text: str) -> str:
    for code, emoji in _EMOJI.items():
        text = text.replace(code, emoji)
    return _markdown(allow_html).reset().convert(text)
