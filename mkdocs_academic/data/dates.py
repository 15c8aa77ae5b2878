"""Dates as people write them, at their own precision.

In BibTeX and publication fields: ISO-like dates (`parse_date`: `2024`, `2024-05`,
`2024-05-17`, biblatex ranges), biblatex/EDTF dates as biber reads them (`parse_edtf`: seasons,
negative years, `199X`, open ranges), years as BibTeX styles print them (`parse_year_field`) and months (`parse_month`: `May`, `5`, `May 12`). In news and CV
files also `May 2024`, `Dec 2025`, `17 May 2024`, `May 17, 2024`, and ranges such as
`2020–2022`, `Sep 2020 - Jun 2024` or `2019 – present`.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ..lazy_pattern import LazyPattern
from .models import PartialDate

#: Month names and abbreviations (lower case) and their numbers.
MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}

#: Words meaning "still going on" in place of an end date.
PRESENT_WORDS = frozenset({"present", "now", "current", "today", "ongoing", "heute", "actualidad", "至今"})

_MONTH_YEAR = LazyPattern(r"^([A-Za-z]+)\.?\s+(\d{4})$")
_MONTH_DAY_YEAR = LazyPattern(r"^([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$")
_DAY_MONTH_YEAR = LazyPattern(r"^(\d{1,2})\.?\s+([A-Za-z]+)\.?,?\s+(\d{4})$")
_RANGE = LazyPattern(r"^(.+?)\s*(?:–|—|\s-\s|-(?=\s*[A-Za-z])|\bto\b|\.\.)\s*(.+)$")
_YEAR_RANGE = LazyPattern(r"^(\d{4})\s*[-–—]\s*(\d{4}|[A-Za-z]+)$")
_MONTH_TOKENS = re.compile(r"[\s,.\-/~]+")
_ISO_DATE = re.compile(r"^\s*(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?)?")
_RANGE_START = re.compile(r"\s*\d{4}(?:-\d{1,2}(?:-\d{1,2})?)?\s*")
_RANGE_END = re.compile(r"\s*(?:\d{4}|\.\.)")  # `..` is biblatex's open end


def parse_month(text: str) -> tuple[int | None, int | None]:
    """Month (and day, when written) from `May`, `may`, `5`, `05`, `May 12` or `12 May`."""
    month: int | None = None
    day: int | None = None
    for token in _MONTH_TOKENS.split(text.strip().lower()):
        if not token:
            continue
        if token in MONTHS and month is None:
            month = MONTHS[token]
        elif token.isdigit():
            number = int(token)
            if month is None and 1 <= number <= 12 and not any(t in MONTHS for t in text.lower().split()):
                month = number
            elif day is None and 1 <= number <= 31:
                day = number
    return month, day


def parse_date(text: str) -> PartialDate | None:
    """An ISO-like date at any precision: `2024`, `2024-05`, `2024-05-17`, `2024/05/17`.

    A biblatex range (`2022-11/2022-12`, `2022/2023`, open-ended `2022/`) gives its start."""
    start, slash, end = text.partition("/")
    if slash and _RANGE_START.fullmatch(start) and (not end.strip() or _RANGE_END.match(end)):
        text = start
    match = _ISO_DATE.match(text)
    if not match:
        return None
    year = int(match.group(1))
    month = int(match.group(2)) if match.group(2) else None
    day = int(match.group(3)) if match.group(3) else None
    if month is not None and not 1 <= month <= 12:
        return None
    if day is not None and not 1 <= day <= 31:
        return None
    return PartialDate(year, month, day)


# One EDTF date as biber reads it: `-0380`, `2003`, `2003-05`, `2003-05-17`, a season
# `2003-21`…`2003-24`, unspecified digits `199X`, `19XX` (a time after `T` is ignored).
_EDTF_DATE = re.compile(r"(-?)(\d{4}|\d{3}X|\d{2}XX)(?:-(\d{2})(?:-(\d{2})(?:T[\d:.+\-Z]*)?)?)?")
# A year field as BibTeX styles print it: a year with a letter (`2024b`), a negative or short
# year (`-380`, `800`), unspecified digits (`199X`) or a range of years (`1995--1996`, `1985/1986`).
_YEAR_FIELD = re.compile(r"(-\d{1,4}|\d{3,4}|\d{3}X|\d{2}XX)[a-z]?")
_YEAR_FIELD_RANGE = LazyPattern(r"(-\d{1,4}|\d{3,4})\s*(?:--?|–|/)\s*(-\d{1,4}|\d{3,4})")


def _edtf_date(text: str) -> PartialDate | None:
    # `2004?` (uncertain), `2004~` (approximate), `2004%` (both): biblatex prints the plain
    # date unless a style asks for "circa" (options `datecirca`, `dateuncertain`)
    match = _EDTF_DATE.fullmatch(text.rstrip("?~%"))
    if match is None:
        return None
    sign, digits, month_text, day_text = match.groups()
    unspecified = digits.count("X")
    year = int(digits.replace("X", "0")) * (-1 if sign else 1)
    if unspecified and (sign or month_text):
        return None
    month = int(month_text) if month_text else None
    day = int(day_text) if day_text else None
    if month is not None and 21 <= month <= 24 and day is None:
        return PartialDate(year, season=month)
    if month is not None and not 1 <= month <= 12:
        return None
    if day is not None and not 1 <= day <= 31:
        return None
    return PartialDate(year, month, day, unspecified=unspecified)


def parse_edtf(text: str) -> PartialDate | None:
    """A biblatex `date` as biber reads it (EDTF level 0 and 1), or None.

    One date (`2024`, `2024-05-17`, `-0380`, a season `2003-21`, `199X`, `1590~`), a range
    (`2022-11/2022-12`, `1985/1986`), or a range with an open or unknown end (`2006/..`,
    `2006/`) or start (`../2004-01-01`, `/2004`). A range is its start with its `end`; an open
    start gives the end date with `open_start`."""
    text = text.strip()
    start_text, slash, end_text = text.partition("/")
    start_text, end_text = start_text.strip(), end_text.strip()
    if not slash:
        return _edtf_date(text)
    if start_text in ("", ".."):
        end = _edtf_date(end_text)
        return end._replace(open_start=True) if end is not None and not end.unspecified else None
    start = _edtf_date(start_text)
    if start is None:
        return None
    if end_text in ("", ".."):
        return start._replace(open_end=True)
    end = _edtf_date(end_text)
    if end is None or end.sort_key < start.sort_key:
        return None
    return start if end == start else start._replace(end=end)


def parse_year_field(text: str) -> PartialDate | None:
    """A BibTeX `year` as BibTeX styles print it, or None: `2024`, `2024b`, `-380`, `199X`,
    or a range of years `1995--1996` / `1985/1986` (shown with an en dash, sorted by its start)."""
    text = text.strip()
    match = _YEAR_FIELD.fullmatch(text)
    if match is not None:
        return _edtf_date(match.group(1)) if "X" in match.group(1) else PartialDate(int(match.group(1)))
    match = _YEAR_FIELD_RANGE.fullmatch(text)
    if match is None:
        return None
    start, end = int(match.group(1)), int(match.group(2))
    if end < start:
        return None
    return PartialDate(start) if end == start else PartialDate(start, end=PartialDate(end))


class DateRange(NamedTuple):
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
