"""`news.yml`: dated one-line announcements, newest first.

- date: 2025-12-03          # or 2025-12, Dec 2025, 2025
  text: Our paper on **tone** was accepted at ACL :tada:
  url: publications/#marquez2025tone   # optional "more" link
  tags: [papers]                         # optional
  pinned: true                           # optional: kept at the top
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .models import PartialDate, Source
from .problems import Problem
from .schema import ItemReader, top_level_list
from .yamlfile import LineDict, load_data_file

NEWS_FIELDS = frozenset({"date", "text", "url", "tags", "pinned"})
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
}


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
        if date is None or not text:
            continue  # the missing or bad field is already reported
        news.append(NewsItem(date, text, Source(display_path, line), url=url, tags=tags, pinned=pinned, order=index))
    return news, problems


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
