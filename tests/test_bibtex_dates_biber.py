"""Dates as biber and BibTeX read them (issue 14): EDTF dates, year ranges, sorting macros.

biber reads `date` as EDTF (negative years, seasons, `199X`, open ranges); BibTeX styles print
`year` as written (`1995--1996`); `@preamble` sorting macros (`\\noopsort`) print nothing.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sitebuilder import build, write_site

from mkdocs_academic.data.bibtex import parse_bib_text
from mkdocs_academic.data.bibtex.split import split_text
from mkdocs_academic.data.fields import publication_from_fields
from mkdocs_academic.data.models import Publication
from mkdocs_academic.data.problems import Problem
from mkdocs_academic.render.format import format_date
from mkdocs_academic.render.labels import Labels


def read(bib: str) -> tuple[list[Publication], list[Problem]]:
    """The publications of `bib` and every problem found on the way."""
    parsed = parse_bib_text(bib, "refs.bib")
    problems = list(parsed.problems)
    pubs = [
        publication_from_fields(
            entry.key,
            entry.entry_type,
            entry.fields,
            entry.source,
            field_lines=entry.field_lines,
            problems=problems,
        )
        for entry in parsed.entries
    ]
    return pubs, problems


def shown(field: str, value: str, language: str = "en") -> tuple[str, list[Problem]]:
    pubs, problems = read(f"@misc{{a, title = {{T}}, author = {{A, B}}, {field} = {{{value}}}}}\n")
    return format_date(pubs[0].date, Labels(language)), problems


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("date", "-0380", "-380"),  # biblatex's default dateera=astronomical
        ("date", "2003-21", "spring 2003"),
        ("date", "2003-22", "summer 2003"),
        ("date", "2003-23", "autumn 2003"),
        ("date", "2003-24", "winter 2003"),
        ("date", "199X", "1990s"),
        ("date", "19XX", "1900–1999"),
        ("date", "../2004-01-01", "until January 1, 2004"),
        ("date", "2006/..", "2006–"),
        ("date", "2006/", "2006–"),
        ("date", "1985/1986", "1985–1986"),
        ("date", "2022-11/2022-12", "November 2022–December 2022"),
        ("date", "2024-05-17", "May 17, 2024"),
        ("date", "1590~", "1590"),  # approximate, uncertain: biblatex prints the plain date
        ("date", "1256?/1273%", "1256–1273"),
        ("year", "1995--1996", "1995–1996"),
        ("year", "1985/1986", "1985–1986"),
        ("year", "-380", "-380"),
        ("year", "199X", "1990s"),
        ("year", "2024b", "2024"),
    ],
)
def test_biber_dates_are_shown_at_their_precision_without_a_warning(field: str, value: str, expected: str) -> None:
    text, problems = shown(field, value)
    assert text == expected
    assert problems == []


def test_seasons_and_open_starts_are_translated() -> None:
    assert shown("date", "2003-21", "de")[0] == "Frühjahr 2003"
    assert shown("date", "2003-24", "fr")[0] == "hiver 2003"
    assert shown("date", "../2004", "es")[0] == "hasta 2004"
    assert shown("date", "2003-23", "zh")[0] == "2003年秋"


@pytest.mark.parametrize(("field", "value"), [("date", "2003-25"), ("date", "2024-13"), ("year", "20x0")])
def test_what_biber_rejects_is_still_a_warning(field: str, value: str) -> None:
    text, problems = shown(field, value)
    assert text == ""
    assert [f"is not a {field}" in problem.message for problem in problems] == [True]


def test_ranges_sort_by_their_start_and_open_starts_by_their_end() -> None:
    pubs, problems = read(
        "@misc{late, title = {T}, date = {2006/..}}\n"
        "@misc{range, title = {T}, year = {1995--1996}}\n"
        "@misc{until, title = {T}, date = {../2004-01-01}}\n"
        "@misc{spring, title = {T}, date = {2003-21}}\n"
        "@misc{summer, title = {T}, date = {2003-22}}\n"
        "@misc{old, title = {T}, date = {-0380}}\n"
        "@misc{decade, title = {T}, date = {199X}}\n"
    )
    assert problems == []
    ordered = sorted(pubs, key=lambda pub: pub.date.sort_key if pub.date else (0, 0, 0))
    assert [pub.key for pub in ordered] == ["old", "decade", "range", "spring", "summer", "until", "late"]
    assert {pub.key: pub.year for pub in pubs} == {
        "late": 2006,
        "range": 1995,
        "until": 2004,
        "spring": 2003,
        "summer": 2003,
        "old": -380,
        "decade": 1990,
    }


PREAMBLE_BIB = r"""@preamble{"\newcommand{\noopsort}[1]{} \def\Sortkey#1{}"}
@book{knuth, title = {The Art of Computer Programming}, author = {Knuth, Donald}, year = "{\noopsort{1973c}}1981"}
@book{other, title = {\Sortkey{b}Second}, author = {Knuth, Donald}, year = {1990}}
@book{plain, title = {\SortNoop{b}x}, author = {Knuth, Donald}, year = {1990}}
"""


def test_preamble_sorting_macros_are_dropped_from_what_is_shown() -> None:
    pubs, problems = read(PREAMBLE_BIB)
    assert problems == []
    by_key = {pub.key: pub for pub in pubs}
    assert by_key["knuth"].year == 1981
    assert by_key["other"].title == "Second"
    assert by_key["plain"].title == "x"  # \SortNoop: the usual name, read so without a preamble
    assert "noopsort" not in by_key["knuth"].fields["year"]


def test_preamble_macros_are_read_the_same_with_and_without_the_fast_path() -> None:
    fast, slow = split_text(PREAMBLE_BIB, "refs.bib", fast=True), split_text(PREAMBLE_BIB, "refs.bib", fast=False)
    assert fast.noop_macros == slow.noop_macros == {"noopsort", "Sortkey"}


def test_a_macro_the_preamble_does_not_define_is_kept() -> None:
    pubs, problems = read("@misc{a, title = {\\Sortkey{b}Second}, year = {1990}}\n")
    assert pubs[0].title == "bSecond"  # as before: only a preamble makes \Sortkey a sorting macro


PAGE = (
    "# Publications\n\n/// publications\n    group_by: none\n///\n\n"
    "## Recent\n\n/// publications\n    year: 2004-\n    group_by: none\n///\n"
)


def test_a_site_shows_biber_dates_and_filters_by_their_year(tmp_path: Path) -> None:
    bib = (
        "@misc{spring, title = {Spring}, author = {A, B}, date = {2003-21}}\n"
        "@misc{open, title = {Open}, author = {A, B}, date = {2006/..}}\n"
        "@misc{range, title = {Range}, author = {A, B}, year = {1995--1996}}\n"
        + PREAMBLE_BIB.replace("Knuth, Donald", "A, B")
    )
    root = write_site(tmp_path, pages={"index.md": PAGE}, data={"refs.bib": bib})
    result = build(root)
    assert result.ok, result.output
    assert result.warnings() == []
    html = result.html()
    assert "spring 2003" in html
    assert "2006–" in html
    assert "1995–1996" in html
    assert re.search(r"<time[^>]*>1981</time>", html)
    assert "1973c" not in html
    keys = re.findall(r'data-key="([^"]+)"', html)
    assert keys[:6] == ["open", "spring", "range", "other", "plain", "knuth"]  # newest first
    assert keys[6:] == ["open"]  # `year: 2004-`
