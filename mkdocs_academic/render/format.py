"""Small formatting helpers shared by the templates: dates, author lists, element text and URLs."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from markupsafe import Markup

from ..data.dates import DateRange
from ..data.models import PartialDate, Person
from ..data.names import MeMatcher
from ..data.urls import safe_url
from .labels import Labels

#: What each contribution mark means, for the legend under a list.
MARK_MEANINGS: dict[str, str] = {
    "*": "equal_contribution",
    "#": "equal_contribution",
    "†": "corresponding_author",
    "‡": "equal_contribution",
}


class AuthorItem(NamedTuple):
    """One name as a template shows it.

    A named tuple, not a frozen dataclass: a list of a thousand entries makes thousands of
    these, and a tuple is made about three times faster."""

    name: str
    me: bool = False
    marks: str = ""
    url: str = ""
    others: bool = False
    #: Names left out between the cut and the site owner: shown as "…".
    gap: bool = False


#: "and others": shown as "et al." (one immutable item serves every list).
_ET_AL = AuthorItem(name="", others=True)
_GAP = AuthorItem(name="", gap=True)


_SEASONS = {21: "season_spring", 22: "season_summer", 23: "season_autumn", 24: "season_winter"}


def format_date(date: PartialDate | None, labels: Labels, short: bool = False) -> str:
    """A date at its own precision: "2024", "May 2024" or "May 17, 2024" (per language).

    biblatex dates too: "spring 2003", "1990s", "1900–1999" (`19XX`), "-380", a range
    "1995–1996", an open end "2006–" and an open start "until January 1, 2004"."""
    if date is None:
        return ""
    if date.open_start:
        return labels["date_until"].format(date=_one_date(date, labels, short))
    text = _one_date(date, labels, short)
    if date.open_end:
        return f"{text}–"
    if date.end is not None:
        return f"{text}–{_one_date(date.end, labels, short)}"
    return text


def _one_date(date: PartialDate, labels: Labels, short: bool) -> str:
    if date.unspecified == 1:
        return labels["date_decade"].format(decade=date.year)
    if date.unspecified:
        return f"{date.year}–{date.year + 10**date.unspecified - 1}"
    if date.season in _SEASONS:
        return labels[_SEASONS[date.season]].format(year=date.year)
    if not date.month:
        return str(date.year)
    month = labels.month(date.month, short=short)
    if not date.day:
        return labels["date_month"].format(month=month, year=date.year)
    return labels["date_day"].format(month=month, day=date.day, year=date.year)


def format_date_range(when: DateRange | None, labels: Labels, short: bool = True) -> str:
    """A date range at its own precision: "2019 – Present", "Sep 2020 – Jun 2024", "2021"."""
    if when is None:
        return ""
    start = format_date(when.start, labels, short)
    end = labels["present"] if when.ongoing else format_date(when.end, labels, short)
    if start and end and start != end:
        return labels["date_range"].format(start=start, end=end)
    return start or end


def author_items(
    people: Sequence[Person],
    me: MeMatcher,
    max_authors: int | None = None,
    base_url: str = "",
    resolve: Callable[[str, str], str] | None = None,
) -> list[AuthorItem]:
    """Names for display; with `max_authors`, the list is cut but the site owner stays visible.

    An author's relative `url` (a page of the site) is made relative to the page (`base_url`,
    by `resolve`, `resolve_url` unless given)."""
    resolve = resolve or resolve_url
    anyone = bool(me)  # an empty matcher matches nobody: no need to ask it for each name
    # Positional arguments: this runs for every name of every entry of a list.
    items = [
        _ET_AL
        if person.is_others
        else AuthorItem(
            person.full,
            anyone and me.matches(person),
            person.marks,
            resolve(person.url, base_url) if person.url else "",
        )
        for person in people
    ]
    if max_authors and len(items) > max_authors:
        kept = items[:max_authors]
        mine = next((index for index, item in enumerate(items) if item.me), None)
        if mine is not None and mine >= max_authors:
            # The owner after the cut keeps their place: "A, B, …, Owner, et al."
            kept += [] if mine == max_authors else [_GAP]
            kept.append(items[mine])
            mine += 1
        else:
            mine = max_authors
        items = [*kept, _ET_AL] if mine < len(items) else kept
    return items


def text_content(value: Any) -> Markup:
    """`value` escaped for element text (not for an attribute): only `&`, `<` and `>`.

    Quotes need no escaping there; leaving them as they are keeps BibTeX such as
    `{\\'e}` short in the page (`'` instead of `&#39;`)."""
    if hasattr(value, "__html__"):
        return Markup(value.__html__())
    return Markup(str(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))


# Compiled once: this runs for every link of every entry.
_NOT_RELATIVE = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:|^/|^#")


def resolve_url(url: str, base: str) -> str:
    """A link as the page needs it: relative paths are made relative to the site root.

    `base` is the path from the current page to the site root (such as "../"), or "".
    Returns "" for a URL with an unsafe scheme.
    """
    if not safe_url(url):
        return ""
    if _NOT_RELATIVE.match(url):
        return url
    return base + url


def resolve_near_url(url: str, base: str, page_dir: str) -> str:
    """`resolve_url` for a site path, made short when it is under the page's own folder
    (`page_dir`, such as "publications/" for the page at that URL): `x/`, not
    `../publications/x/`. A 10,000-entry list links to each entry's page and `.bib` file,
    so every character saved per link is two fewer per entry in a page of megabytes."""
    if page_dir and url.startswith(page_dir) and base == "../" * page_dir.count("/") and safe_url(url):
        return url[len(page_dir) :] or "./"
    return resolve_url(url, base)
