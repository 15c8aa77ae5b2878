"""Read built HTML the way crawlers do: `<head>` meta tags, JSON-LD and feed links, entry links."""

from __future__ import annotations

import json
from html.parser import HTMLParser


class HeadParser(HTMLParser):
    """Collects `<meta>`, JSON-LD scripts and `<link rel=alternate>` like a crawler does."""

    def __init__(self) -> None:
        super().__init__()
        self.meta: list[tuple[str, str]] = []
        self.json_ld: list[object] = []
        self.feeds: list[dict[str, str | None]] = []
        self._in_json = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "meta" and (attributes.get("name") or attributes.get("property")):
            self.meta.append(
                (str(attributes.get("name") or attributes.get("property")), str(attributes.get("content")))
            )
        elif tag == "script" and attributes.get("type") == "application/ld+json":
            self._in_json = True
        elif tag == "link" and attributes.get("rel") == "alternate":
            self.feeds.append(attributes)

    def handle_data(self, data: str) -> None:
        if self._in_json:
            self.json_ld.append(json.loads(data))

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_json = False


def parse_head(html: str) -> HeadParser:
    parser = HeadParser()
    parser.feed(html)
    parser.close()
    return parser


class Links(HTMLParser):
    """The href of every link inside a publication title."""

    def __init__(self) -> None:
        super().__init__()
        self.titles: list[str] = []
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "span" and attributes.get("class") == "academic-pub-title":
            self._in_title = True
        elif tag == "a" and self._in_title:
            self.titles.append(str(attributes["href"]))

    def handle_endtag(self, tag: str) -> None:
        if tag == "span":
            self._in_title = False


def title_links(html: str) -> list[str]:
    parser = Links()
    parser.feed(html)
    return parser.titles
