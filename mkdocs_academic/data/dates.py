"""Dates as people write them in news and CV files, at their own precision.

`2024`, `2024-05`, `2024-05-17`, `May 2024`, `Dec 2025`, `17 May 2024`, `May 17, 2024`, and
ranges such as `2020–2022`, `Sep 2020 - Jun 2024` or `2019 – present`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .fields import MONTHS, parse_date
from .models import PartialDate

#: Words meaning "still going on" in place of an end date.
PRESENT_WORDS = frozenset({"present", "now", "current", "today", "ongoing", "heute", "actualidad", "至今"})

_MONTH_YEAR = re.compile(r"^([A-Za-z]+)\.?\s+(\d{4})$")
_MONTH_DAY_YEAR = re.compile(r"^([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$")
_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})\.?\s+([A-Za-z]+)\.?,?\s+(\d{4})$")
_RANGE = re.compile(r"^(.+?)\s*(?:–|—|\s-\s|-(?=\s*[A-Za-z])|\bto\b|\.\.)\s*(.+)$")
_YEAR_RANGE = re.compile(r"^(\d{4})\s*[-–—]\s*(\d{4}|[A-Za-z]+)$")


@dataclass(frozen=True)
class DateRange:
    """When something happened: one date, a start and an end, or a start that is ongoing.

    A single date (an award, a talk) has only `start`; an entry with only an end date (a
    degree) has only `end`; `ongoing` means the end is "Present".
    """

    start: PartialDate | None = None
    end: PartialDate | None = None
    ongoing: bool = False

    @property
    def sort_key(self) -> tuple[int, int, int, int, int, int]:
        """Newest last: by end ("Present" after everything), then by start."""
        far = (9999, 99, 99)
        end = far if self.ongoing else (self.end or self.start or PartialDate(0)).sort_key
        start = (self.start or self.end or PartialDate(0)).sort_key
        return (*end, *start)

    @property
    def latest(self) -> PartialDate | None:
        """The last date of the range (None when ongoing)."""
        return None if self.ongoing else (self.end or self.start)


def parse_partial_date(value: object) -> PartialDate | None:
    """One date at its own precision, or None when `value` is not a date we can read."""
    if isinstance(value, bool) or value is None:
        return None
    text = " ".join(str(value).split())
    if re.fullmatch(r"\d{4}(?:[-/]\d{1,2}(?:[-/]\d{1,2})?)?(?:[T ][\d:.+\-Z]*)?", text):
        return parse_date(text)
    for pattern, order in ((_MONTH_YEAR, "my"), (_MONTH_DAY_YEAR, "mdy"), (_DAY_MONTH_YEAR, "dmy")):
        match = pattern.fullmatch(text)
        if match is None:
            continue
        parts = dict(zip(order, match.groups(), strict=True))
        month = MONTHS.get(parts["m"].lower())
        day = int(parts["d"]) if "d" in parts else None
        if month is None or (day is not None and not 1 <= day <= 31):
            return None
        return PartialDate(int(parts["y"]), month, day)
    return None


def is_present(value: object) -> bool:
    """True for `present`, `now`, `current` and the like."""
    return isinstance(value, str) and value.strip().lower() in PRESENT_WORDS


def parse_date_range(value: object) -> DateRange | None:
    """A single date or a range written in one value (`2020–2022`, `Sep 2020 - present`)."""
    if isinstance(value, bool) or value is None:
        return None
    text = " ".join(str(value).split())
    single = parse_partial_date(text)
    if single is not None:
        return DateRange(start=single)
    match = _YEAR_RANGE.fullmatch(text) or _RANGE.fullmatch(text)
    if match is None:
        return None
    start = parse_partial_date(match.group(1))
    if start is None:
        return None
    if is_present(match.group(2)):
        return DateRange(start=start, ongoing=True)
    end = parse_partial_date(match.group(2))
    if end is None or end.sort_key < start.sort_key:
        return None
    return DateRange(start=start, end=end)
