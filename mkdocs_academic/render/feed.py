"""An Atom feed (RFC 4287) of dated items, such as the news: a pure function over `FeedEntry`.

The writer knows nothing of where the items come from: the plugin turns news items into
`FeedEntry` objects with absolute URLs. The XML is written by `xml.etree.ElementTree`, so
every value is escaped by an XML serializer, and the same entries give byte-identical text
(the feed's `updated` is its newest entry's date, never the time of the build).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import re
import xml.etree.ElementTree as etree
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..data.models import PartialDate
from .meta import absolute_url

if TYPE_CHECKING:
    from ..data.news import NewsItem

ATOM = "http://www.w3.org/2005/Atom"
#: Used as the feed's `updated` only when it has no entries.
EPOCH = dt.date(1970, 1, 1)


@dataclass(frozen=True)
class FeedEntry:
    """One item of the feed. `id` and `link` are absolute URLs; `content_html` is HTML."""

    id: str
    title: str
    date: PartialDate | dt.date | dt.datetime
    link: str = ""
    content_html: str = ""


def rfc3339(value: PartialDate | dt.date | dt.datetime) -> str:
    """A date as Atom wants it: `2024-05-17T00:00:00Z` (a partial date starts its period)."""
    if isinstance(value, PartialDate):
        value = dt.date(value.year, value.month or 1, value.day or 1)
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(dt.timezone.utc).replace(tzinfo=None)
        return value.replace(microsecond=0).isoformat() + "Z"
    return f"{value.isoformat()}T00:00:00Z"


def _sort_key(entry: FeedEntry) -> str:
    return rfc3339(entry.date)


def html_to_text(fragment: str) -> str:
    """The text of an HTML fragment: tags dropped, entities decoded, spaces collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]*>", "", fragment)).split())


def news_entries(
    items: Iterable[NewsItem],
    *,
    site_url: str,
    feed_url: str,
    page_url: str,
    to_html: Callable[[str], str],
    link_items: bool = False,
) -> list[FeedEntry]:
    """Feed entries for news items: the text as title (plain) and content (`to_html`), the
    item's own `url` as link, else the item on `page_url`, the page that shows the news
    (`<page_url>#<item id>` with `link_items`, for a page that shows every item).

    An entry's id is `<feed_url>#<date>-<hash of the text>`: the same item keeps its id from
    build to build wherever it moves in `news.yml`.
    """
    entries = []
    for item in items:
        content = to_html(item.text_md)
        digest = hashlib.sha1(item.text_md.encode("utf-8")).hexdigest()[:10]
        entries.append(
            FeedEntry(
                id=f"{feed_url}#{item.date.iso()}-{digest}",
                title=html_to_text(content),
                date=item.date,
                link=absolute_url(site_url, item.url) if item.url else _item_link(page_url, item.id, link_items),
                content_html=content,
            )
        )
    return entries


def _item_link(page_url: str, item_id: str, link_items: bool) -> str:
    """`page_url`, with `#item_id` when the page shows the item."""
    if not (link_items and item_id and page_url):
        return page_url
    return f"{page_url.split('#', 1)[0]}#{item_id}"


def atom_feed(
    entries: Iterable[FeedEntry],
    *,
    title: str,
    feed_url: str,
    site_url: str,
    author: str,
    limit: int | None = None,
) -> str:
    """The Atom document: newest entries first (ties keep their given order), cut to `limit`."""
    items = sorted(entries, key=_sort_key, reverse=True)  # stable: ties keep their order
    if limit is not None:
        items = items[:limit]
    etree.register_namespace("", ATOM)

    def sub(parent: etree.Element, tag: str, text: str | None = None, **attributes: str) -> etree.Element:
        element = etree.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
        if text is not None:
            element.text = text
        return element

    # Relative links in the entries' HTML resolve against the site's root.
    feed = etree.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}base": site_url})
    sub(feed, "id", feed_url)
    sub(feed, "title", title)
    sub(feed, "updated", rfc3339(items[0].date) if items else rfc3339(EPOCH))
    sub(feed, "link", rel="self", type="application/atom+xml", href=feed_url)
    sub(feed, "link", rel="alternate", type="text/html", href=site_url)
    sub(sub(feed, "author"), "name", author)
    sub(feed, "generator", "mkdocs-academic", uri="https://pypi.org/project/mkdocs-academic/")
    for item in items:
        entry = sub(feed, "entry")
        sub(entry, "id", item.id)
        sub(entry, "title", item.title)
        sub(entry, "updated", rfc3339(item.date))
        if item.link:
            sub(entry, "link", rel="alternate", type="text/html", href=item.link)
        if item.content_html:
            sub(entry, "content", item.content_html, type="html")
    etree.indent(feed, space="  ")
    return '<?xml version="1.0" encoding="utf-8"?>\n' + etree.tostring(feed, encoding="unicode") + "\n"
