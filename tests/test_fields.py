"""Unit tests: one entry's fields -> Publication (dates, status, links, types, problems)."""

from __future__ import annotations

import pytest

from mkdocs_academic.data.dates import parse_date, parse_month
from mkdocs_academic.data.fields import publication_from_fields
from mkdocs_academic.data.models import PartialDate, Source
from mkdocs_academic.data.problems import Problem
from mkdocs_academic.data.urls import safe_url


def build(fields: dict[str, object], entry_type: str = "article", latex: bool = True):
    problems: list[Problem] = []
    pub = publication_from_fields(
        "k", entry_type, fields, Source("data/x.bib", 3), field_lines={"pdf": 7}, latex=latex, problems=problems
    )
    return pub, problems


BASE = {"title": "T", "author": "Lovelace, Ada", "year": "2024"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("May", (5, None)),
        ("may", (5, None)),
        ("5", (5, None)),
        ("05", (5, None)),
        ("May 12", (5, 12)),
        ("12 May", (5, 12)),
        ("Sept.", (9, None)),
        ("bogus", (None, None)),
    ],
)
def test_parse_month(text: str, expected: tuple[int | None, int | None]) -> None:
    assert parse_month(text) == expected


def test_parse_date_keeps_precision() -> None:
    assert parse_date("2024") == PartialDate(2024)
    assert parse_date("2024-05") == PartialDate(2024, 5)
    assert parse_date("2024-05-17") == PartialDate(2024, 5, 17)
    assert parse_date("2024-13") is None
    assert parse_date("soon") is None


def test_year_and_month_make_a_month_date() -> None:
    pub, problems = build({**BASE, "month": "March"})
    assert pub.date == PartialDate(2024, 3)
    assert problems == []


def test_year_alone_stays_a_year() -> None:
    pub, _ = build(BASE)
    assert pub.date == PartialDate(2024) and pub.date.iso() == "2024"


@pytest.mark.parametrize(
    ("field", "value", "status"),
    [
        ("status", "under review", "Under review"),
        ("year", "in press", "In press"),
        ("pubstate", "forthcoming", "To appear"),
        ("year", "To appear", "To appear"),
    ],
)
def test_status_instead_of_year(field: str, value: str, status: str) -> None:
    fields = {"title": "T", "author": "A, B", field: value}
    pub, problems = build(fields)
    assert pub.status == status
    assert problems == []


def test_missing_year_without_status_is_a_problem() -> None:
    _, problems = build({"title": "T", "author": "A, B"})
    assert [p.message for p in problems] == ["entry 'k': missing year"]
    assert problems[0].line == 3


def test_links_order_doi_and_arxiv_normalised() -> None:
    pub, _ = build(
        {
            **BASE,
            "doi": "https://dx.doi.org/10.1/ABC",
            "eprint": "2101.00001",
            "archiveprefix": "arXiv",
            "code": "https://c",
            "pdf": "p.pdf",
            "url": "https://doi.org/10.1/ABC",
        }
    )
    assert [(link.kind, link.url) for link in pub.links] == [
        ("pdf", "p.pdf"),
        ("arxiv", "https://arxiv.org/abs/2101.00001"),
        ("doi", "https://doi.org/10.1/ABC"),
        ("code", "https://c"),
    ]
    assert pub.doi == "10.1/ABC" and pub.arxiv == "2101.00001"


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD4=",
        "vbscript:msgbox(1)",
    ],
)
def test_unsafe_link_is_dropped_with_problem_at_its_line(url: str) -> None:
    pub, problems = build({**BASE, "pdf": url})
    assert pub.links == ()
    assert problems[0].line == 7 and "left out" in problems[0].message
    assert not safe_url(url)


def test_safe_urls() -> None:
    assert all(safe_url(u) for u in ["https://a", "http://a", "mailto:a@b", "papers/x.pdf", "/x", "#frag", "../x"])


def test_unknown_type_is_misc_with_problem() -> None:
    pub, problems = build(BASE, entry_type="weird_thing")
    assert pub.entry_type == "misc"
    assert "unknown entry type '@weird_thing'" in problems[0].message


@pytest.mark.parametrize(
    ("alias", "kind"),
    [
        ("conference", "inproceedings"),
        ("web_page", "online"),
        ("book_section", "incollection"),
        ("thesis", "thesis"),
        ("report", "techreport"),
    ],
)
def test_type_aliases_are_silent(alias: str, kind: str) -> None:
    pub, problems = build({**BASE, "journal": "J"}, entry_type=alias)
    assert pub.entry_type == kind
    assert problems == []


def test_al_folio_fields() -> None:
    pub, problems = build(
        {
            **BASE,
            "abbr": "PRL",
            "selected": "true",
            "bibtex_show": "false",
            "award": "Best Paper",
            "preview": "img.png",
            "additional_info": "**Oral**",
            "html": "https://h",
            "website": "https://w",
        }
    )
    assert (pub.abbr, pub.selected, pub.show_bibtex, pub.award, pub.preview) == (
        "PRL",
        True,
        False,
        "Best Paper",
        "img.png",
    )
    assert pub.additional_info_md == "**Oral**"
    assert [link.kind for link in pub.links] == ["html", "website"]
    assert problems == []


def test_highlights_from_bibtex_bullets_and_yaml_lists() -> None:
    pub, _ = build({**BASE, "highlights": "- one\n- **two**"})
    assert pub.highlights_md == ("one", "**two**")
    pub, _ = build({**BASE, "highlights": ["a", "b"]}, latex=False)
    assert pub.highlights_md == ("a", "b")


def test_venue_by_type() -> None:
    assert build({**BASE, "booktitle": "Proc"}, "inproceedings")[0].venue == "Proc"
    assert build({**BASE, "school": "MIT"}, "phdthesis")[0].venue == "MIT"
    assert build({**BASE, "institution": "Lab"}, "techreport")[0].venue == "Lab"


def test_google_scholar_arxiv_preprint_gets_its_arxiv_link() -> None:
    pub, problems = build({**BASE, "journal": "arXiv preprint arXiv:2401.01234"})
    assert pub.arxiv == "2401.01234"
    assert [link.url for link in pub.links] == ["https://arxiv.org/abs/2401.01234"]
    assert problems == []


def test_dblp_doi_and_url_in_other_case_are_one_link() -> None:
    pub, _ = build(
        {
            **BASE,
            "doi": "10.18653/V1/2023.ACL-LONG.1",
            "url": "https://doi.org/10.18653/v1/2023.acl-long.1",
            "eprinttype": "arXiv",
            "eprint": "2401.01235",
        }
    )
    assert [link.kind for link in pub.links] == ["arxiv", "doi"]


def test_arxiv_export_without_venue_names_the_preprint() -> None:
    pub, _ = build(
        {
            "title": "T",
            "author": "A, B",
            "year": "2024",
            "eprint": "2401.01236",
            "archiveprefix": "arXiv",
            "primaryclass": "cs.CL",
        },
        entry_type="misc",
    )
    assert pub.venue == "arXiv:2401.01236 [cs.CL]"
