"""Filter, sort and group publications: pure functions over the model."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from .models import Publication
from .names import MeMatcher

#: Categories used by `group_by: type` and accepted by the `type` filter, in display order.
CATEGORIES: tuple[str, ...] = (
    "article",
    "inproceedings",
    "preprint",
    "book",
    "incollection",
    "thesis",
    "techreport",
    "patent",
    "software",
    "dataset",
    "other",
)
_CATEGORY_OF_TYPE = {
    "article": "article",
    "inproceedings": "inproceedings",
    "proceedings": "book",
    "book": "book",
    "booklet": "book",
    "incollection": "incollection",
    "inbook": "incollection",
    "phdthesis": "thesis",
    "mastersthesis": "thesis",
    "thesis": "thesis",
    "techreport": "techreport",
    "manual": "techreport",
    "patent": "patent",
    "software": "software",
    "dataset": "dataset",
    "preprint": "preprint",
}
SORTS = ("newest", "oldest", "title", "file")
GROUPINGS = ("year", "type", "none")


def category(pub: Publication) -> str:
    """The category of a publication: its entry type folded into CATEGORIES."""
    found = _CATEGORY_OF_TYPE.get(pub.entry_type)
    if found:
        return found
    if pub.arxiv or pub.status.lower() == "preprint":
        return "preprint"
    return "other"


@dataclass(frozen=True)
class PublicationQuery:
    """Which publications a block shows, in which order. Empty filters let everything pass."""

    selected: bool | None = None
    year_from: int | None = None
    year_to: int | None = None
    types: frozenset[str] = frozenset()
    keywords: frozenset[str] = frozenset()
    authors: tuple[str, ...] = ()
    keys: tuple[str, ...] = ()
    sort: str = "newest"
    limit: int | None = None
    _author_matcher: MeMatcher | None = field(default=None, compare=False, repr=False)

    def author_matcher(self) -> MeMatcher | None:
        if not self.authors:
            return None
        if self._author_matcher is None:
            object.__setattr__(self, "_author_matcher", MeMatcher(list(self.authors)))
        return self._author_matcher


def select(publications: Iterable[Publication], query: PublicationQuery) -> list[Publication]:
    """The publications the query asks for: filtered, sorted and cut to `limit`."""
    pool = list(publications)
    if query.keys:
        by_key = {pub.key.lower(): pub for pub in pool}
        pool = [by_key[key.lower()] for key in query.keys if key.lower() in by_key]
    matcher = query.author_matcher()
    wanted_keywords = {word.lower() for word in query.keywords}
    wanted_types = {word.lower() for word in query.types}
    chosen = [
        pub
        for pub in pool
        if (query.selected is None or pub.selected == query.selected)
        and _in_years(pub, query.year_from, query.year_to)
        and (not wanted_types or pub.entry_type in wanted_types or category(pub) in wanted_types)
        and (not wanted_keywords or wanted_keywords & {word.lower() for word in pub.keywords})
        and (matcher is None or any(matcher.matches(person) for person in pub.authors + pub.editors))
    ]
    chosen = sort_publications(chosen, query.sort)
    return chosen[: query.limit] if query.limit is not None else chosen


def _in_years(pub: Publication, year_from: int | None, year_to: int | None) -> bool:
    if year_from is None and year_to is None:
        return True
    if pub.year is None:
        return False
    return (year_from is None or pub.year >= year_from) and (year_to is None or pub.year <= year_to)


def sort_publications(publications: Sequence[Publication], how: str) -> list[Publication]:
    """Newest first (undated work in progress on top), oldest first, by title, or as given.

    Within a year, entries with a later month come first, then file order decides, so the
    result never depends on anything but the data.
    """
    if how == "file":
        return list(publications)
    if how == "title":
        return sorted(publications, key=lambda pub: (pub.title.casefold(), pub.order))
    if how == "oldest":
        return sorted(publications, key=lambda pub: (*_date_key(pub, newest=False), pub.order))
    return sorted(publications, key=lambda pub: (*_date_key(pub, newest=True), pub.order))


def _date_key(pub: Publication, newest: bool) -> tuple[int, int, int, int]:
    if pub.date is None:
        # Unfinished work (a status, no date) is the newest; undated without status the oldest.
        rank = 0 if pub.status else 2
        return (rank if newest else 2 - rank, 0, 0, 0)
    year, month, day = pub.date.sort_key
    sign = -1 if newest else 1
    return (1, sign * year, sign * month, sign * day)


def group_publications(publications: Sequence[Publication], by: str) -> list[tuple[str, list[Publication]]]:
    """Consecutive groups as (label key, entries): a year ("2024", or "" when undated), a
    category, or one group with an empty label for `none`. Keeps the order it is given."""
    if by == "none":
        return [("", list(publications))] if publications else []
    if by == "type":
        buckets: dict[str, list[Publication]] = {}
        for pub in publications:
            buckets.setdefault(category(pub), []).append(pub)
        return [(name, buckets[name]) for name in CATEGORIES if name in buckets]
    groups: list[tuple[str, list[Publication]]] = []
    for pub in publications:
        label = str(pub.year) if pub.year is not None else ""
        if groups and groups[-1][0] == label:
            groups[-1][1].append(pub)
        else:
            groups.append((label, [pub]))
    return groups
