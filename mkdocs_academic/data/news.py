"""`news.yml`: dated one-line announcements, newest first.

- date: 2025-12-03          # or 2025-12, Dec 2025, 2025
  text: Our paper on **tone** was accepted at ACL :tada:
  url: publications/#marquez2025tone   # optional "more" link
  tags: [papers]                         # optional
  pinned: true                           # optional: kept at the top
  id: acl-2025                           # optional: the item's element id (else made from date and text)

Every item gets an id that is the same on every page that shows it (`news-2025-12-03-our-paper-on`),
so that anyone, and the feed, can link to `page/#<id>`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from ..slugs import slugify
from .models import PartialDate, Source
from .problems import Problem
from .schema import ItemReader, top_level_list
from .yamlfile import LineDict, load_data_file

NEWS_FIELDS = frozenset({"date", "text", "url", "tags", "pinned", "id"})
NEWS_HINTS = {
    "title": "text",
    "content": "text",
    "body": "text",
    "message": "text",
    "link": "url",
    "tag": "tags",
    "pin": "pinned",
    "sticky": "pinned",
    "when": "date",
    "year": "date",
    "anchor": "id",
    "slug": "id",
}
#: How many words of the text go into an automatic id, and its longest text part.
ID_WORDS = 3
ID_TEXT_LENGTH = 40
# Markdown that is not words of the text: link targets, HTML tags, emoji shortcodes.
_LINK_TARGET = re.compile(r"\]\([^)]*\)")
_HTML_TAG = re.compile(r"<[^>]*>")
_SHORTCODE = re.compile(r":[a-z0-9_+-]+:")


@dataclass(frozen=True)
class NewsItem:
    """One announcement; `text_md` is one line of Markdown."""

    date: PartialDate
    text_md: str
    source: Source
    url: str = ""
    tags: tuple[str, ...] = ()
    pinned: bool = False
    order: int = 0
    #: The item's element id, the same on every page (`id:` of news.yml, else `automatic_id`).
    id: str = ""


def automatic_id(date: PartialDate, text_md: str) -> str:
    """The id of an item without `id:`: `news-<date>-<first words of the text>`.

    `2025-12-03`, "Our paper on **tone** is out :tada:" -> `news-2025-12-03-our-paper-on`.
    Markdown marks, link targets, HTML tags and emoji shortcodes are left out; text with no
    ASCII letters or digits gives `news-<date>-item` (`news-<year>` is a year heading's id).
    """
    plain = _SHORTCODE.sub(" ", _HTML_TAG.sub(" ", _LINK_TARGET.sub("] ", text_md)))
    words = slugify(plain, non_ascii="separate").split("-")[:ID_WORDS]
    text = slugify("-".join(words), max_length=ID_TEXT_LENGTH)
    return f"news-{date.iso()}-{text or 'item'}"


def _given_id(reader: ItemReader, line: int) -> str:
    """The item's own `id:`, when it is usable as an element id (else a problem and "")."""
    value = reader.text("id")
    if not value:
        return ""
    if slugify(value, keep_underscores=True) == value and value[:1].isalpha():
        return value
    suggestion = slugify(value, keep_underscores=True, prefix="news")
    reader.report(
        reader.line("id") or line,
        f"field 'id': '{value}' cannot be an element id; the automatic id is used",
        f"use lower-case letters, digits, '-' and '_', starting with a letter, such as `id: {suggestion}`",
    )
    return ""


def load_news(path: Path, display_path: str) -> tuple[list[NewsItem], list[Problem]]:
    """Read `news.yml`: a list of items (or a mapping with a `news:` list)."""
    problems: list[Problem] = []
    data = load_data_file(path, display_path, problems)
    if data is None:
        return [], problems
    items = top_level_list(data, "news", display_path, problems, "news items")
    if items is None:
        return [], problems
    news: list[NewsItem] = []
    given: dict[int, str] = {}  # index in `news` -> the item's own id
    for index, item in enumerate(items):
        line = items.line_of(index)
        if not isinstance(item, LineDict):
            problems.append(
                Problem(
                    display_path, line, "a news item must be a mapping", "write `- date: 2025-12` and `  text: ...`"
                )
            )
            continue
        reader = ItemReader(item, display_path, problems, fields=NEWS_FIELDS, what="news item", hints=NEWS_HINTS)
        date = reader.date("date", required=True)
        text = reader.text("text", required=True)
        url = reader.url("url")
        tags = reader.text_list("tags", split_commas=True)
        pinned = reader.boolean("pinned")
        wanted = _given_id(reader, line)
        if date is None or not text:
            continue  # the missing or bad field is already reported
        if wanted:
            given[len(news)] = wanted
        news.append(NewsItem(date, text, Source(display_path, line), url=url, tags=tags, pinned=pinned, order=index))
    return with_ids(news, given, problems), problems


def load_news_items(path: Path, display_path: str) -> tuple[tuple[NewsItem, ...], list[Problem]]:
    """`news.yml` as the tuple `Dataset.news` holds."""
    items, problems = load_news(path, display_path)
    return tuple(items), problems


def with_ids(items: list[NewsItem], given: dict[int, str], problems: list[Problem]) -> list[NewsItem]:
    """`items` with their ids: `given[i]` for item i when no earlier item has it, else an
    automatic id; a clash gets `-2`, `-3`, ... in date order, oldest first (a new item never
    takes the id of an older one). An id given twice is a problem."""
    ids: dict[int, str] = {}
    owner: dict[str, int] = {}  # id -> index of its item
    for index, wanted in given.items():
        if wanted in owner:
            continue
        ids[index] = wanted
        owner[wanted] = index
    oldest_first = sorted(
        (index for index in range(len(items)) if index not in ids),
        key=lambda index: (items[index].date.sort_key, -items[index].order),
    )
    for index in oldest_first:
        base = given.get(index) or automatic_id(items[index].date, items[index].text_md)
        candidate, number = base, 1
        while candidate in owner:
            number += 1
            candidate = f"{base}-{number}"
        ids[index] = candidate
        owner[candidate] = index
        if index in given:
            first = items[owner[base]].source
            problems.append(
                Problem(
                    items[index].source.path,
                    items[index].source.line,
                    f"news item: id '{base}' is also the id of the item at line {first.line}; this one gets '{candidate}'",
                    "give each item its own `id:`",
                )
            )
    return [replace(item, id=ids[index]) for index, item in enumerate(items)]


def select_news(
    items: Iterable[NewsItem],
    *,
    limit: int | None = None,
    since: PartialDate | None = None,
    pinned: bool | None = None,
    tags: tuple[str, ...] = (),
    pinned_first: bool = True,
) -> list[NewsItem]:
    """Filter and sort news: newest first; pinned items first when `pinned_first`."""
    wanted = {tag.lower() for tag in tags}
    chosen = [
        item
        for item in items
        if (since is None or item.date.sort_key >= since.sort_key)
        and (pinned is None or item.pinned == pinned)
        and (not wanted or wanted & {tag.lower() for tag in item.tags})
    ]
    chosen.sort(key=lambda item: (item.date.sort_key, -item.order), reverse=True)
    if pinned_first:
        chosen.sort(key=lambda item: not item.pinned)
    return chosen[:limit] if limit else chosen


def group_news_by_year(items: list[NewsItem]) -> list[tuple[int, list[NewsItem]]]:
    """Consecutive items of the same year, in the order given."""
    groups: list[tuple[int, list[NewsItem]]] = []
    for item in items:
        if groups and groups[-1][0] == item.date.year:
            groups[-1][1].append(item)
        else:
            groups.append((item.date.year, [item]))
    return groups
