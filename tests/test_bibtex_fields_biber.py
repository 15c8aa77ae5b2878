"""Fields and links as BibTeX and biber read them (issue 14): DOIs, link fields, the venue line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sitebuilder import build, write_site

from mkdocs_academic.data.fields import publication_from_fields
from mkdocs_academic.data.models import Publication, Source
from mkdocs_academic.data.problems import Problem
from mkdocs_academic.render.entry_parts import EntryParts
from mkdocs_academic.render.labels import Labels

BASE = {"title": "T", "author": "Lovelace, Ada", "year": "2024"}


def build_pub(fields: dict[str, object], entry_type: str = "article") -> tuple[Publication, list[Problem]]:
    problems: list[Problem] = []
    pub = publication_from_fields(
        "k",
        entry_type,
        {**BASE, **fields},
        Source("data/x.bib", 3),
        field_lines={"doi": 9, "html": 8},
        problems=problems,
    )
    return pub, problems


def urls(pub: Publication) -> list[tuple[str, str]]:
    return [(link.kind, link.url) for link in pub.links]


def venue(pub: Publication, language: str = "en") -> str:
    return str(EntryParts(Labels(language)).venue_line(pub))


# --- DOIs ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "written",
    [
        "10.1000/xyz.1",
        "https://doi.org/10.1000/xyz.1",
        "http://dx.doi.org/10.1000/xyz.1",
        "http://doi.acm.org/10.1000/xyz.1",
        "doi:10.1000/xyz.1",
        "DOI: 10.1000/xyz.1",
        r"\url{https://doi.org/10.1000/xyz.1}",
    ],
)
def test_doi_field_is_stripped_to_the_doi(written: str) -> None:
    pub, problems = build_pub({"doi": written})
    assert pub.doi == "10.1000/xyz.1"
    assert urls(pub) == [("doi", "https://doi.org/10.1000/xyz.1")]
    assert problems == []


def test_handle_url_in_doi_is_a_link_of_its_own_with_a_warning() -> None:
    pub, problems = build_pub({"doi": "http://hdl.handle.net/10125/12345"})
    assert pub.doi == ""
    assert urls(pub) == [("url", "http://hdl.handle.net/10125/12345")]
    assert not any("doi.org/http" in url for _, url in urls(pub))
    assert len(problems) == 1 and problems[0].line == 9
    assert "not a DOI" in problems[0].message and "field 'doi'" in problems[0].message


def test_text_in_doi_is_left_out_with_a_warning() -> None:
    pub, problems = build_pub({"doi": "ISBN 978-3-16"})
    assert pub.doi == "" and urls(pub) == []
    assert len(problems) == 1 and "not a DOI" in problems[0].message


def test_doi_written_in_url_is_a_doi_link() -> None:
    pub, problems = build_pub({"url": "doi:10.1000/xyz.1"})
    assert pub.doi == "10.1000/xyz.1"
    assert urls(pub) == [("doi", "https://doi.org/10.1000/xyz.1")]
    assert problems == []
    # with a `doi` field as well: one link, not a broken `doi:` URL
    pub, problems = build_pub({"url": "doi:10.1000/xyz.1", "doi": "10.1000/xyz.1"})
    assert urls(pub) == [("doi", "https://doi.org/10.1000/xyz.1")] and problems == []


# --- link fields that hold words -------------------------------------------------------------


def test_html_holding_the_booktitle_does_not_steal_the_venue() -> None:
    pub, problems = build_pub({"booktitle": "Proceedings of ICML", "html": "Proceedings of ICML"}, "inproceedings")
    assert pub.venue == "Proceedings of ICML"
    assert urls(pub) == []
    assert "Proceedings of ICML</cite>" in venue(pub)
    assert len(problems) == 1 and problems[0].line == 8
    assert "field 'html'" in problems[0].message and "not an address or a file" in problems[0].message


@pytest.mark.parametrize(
    ("value", "is_link"),
    [
        ("paper.pdf", True),  # al-folio: a file of pdf_dir
        ("my paper.pdf", True),  # a file name with spaces is still a file
        ("papers/x.pdf", True),
        ("https://example.org/x", True),
        ("available on request", False),
    ],
)
def test_which_values_of_a_link_field_are_links(value: str, is_link: bool) -> None:
    pub, problems = build_pub({"pdf": value, "code": value})
    assert bool(pub.links) is is_link
    assert bool(problems) is not is_link


# --- the venue line --------------------------------------------------------------------------


def test_inproceedings_shows_series_publisher_address_and_editors() -> None:
    pub, problems = build_pub(
        {
            "booktitle": "Proceedings of ACL",
            "editor": "Editor, Bea and Other, Carl",
            "series": "LNCS",
            "publisher": "ACL",
            "address": "Vienna",
            "pages": "1--10",
        },
        "inproceedings",
    )
    assert problems == []
    line = venue(pub)
    assert line.startswith('In <span class="academic-editors">Bea Editor and Carl Other (eds.)</span>, <cite')
    assert "Proceedings of ACL</cite>, LNCS, pp.&nbsp;1–10, ACL, Vienna, <time" in line


def test_one_editor_reads_ed() -> None:
    pub, _ = build_pub({"booktitle": "Proceedings", "editor": "Editor, Bea"}, "inproceedings")
    assert '<span class="academic-editors">Bea Editor (ed.)</span>' in venue(pub)
    assert "(Hrsg.)" in venue(pub, "de")


@pytest.mark.parametrize(
    ("edition", "language", "shown"),
    [
        ("2", "en", "2nd ed."),
        ("3", "en", "3rd ed."),
        ("11", "en", "11th ed."),
        ("21", "en", "21st ed."),
        ("2", "de", "2. Aufl."),
        ("2nd ed", "en", "2nd ed,"),
        ("Second edition", "en", "Second edition,"),
        ("Second", "en", "Second ed.,"),
    ],
)
def test_edition_reads_once(edition: str, language: str, shown: str) -> None:
    pub, _ = build_pub({"publisher": "P", "edition": edition}, "book")
    line = venue(pub, language)
    assert shown in line
    assert "ed ed." not in line and "ed. ed." not in line


BIB = r"""
@book{taocp,
  author = {Knuth, Donald E.},
  title = {The Art of Computer Programming},
  publisher = {Addison-Wesley},
  year = {1968},
}
@inbook{knuth-ch1,
  crossref = {taocp},
  chapter = {1},
  pages = {1--100},
}
@inproceedings{icml,
  title = {Venue Thief},
  author = {Lovelace, Ada},
  booktitle = {Proceedings of ICML},
  html = {Proceedings of ICML},
  doi = {http://hdl.handle.net/10125/12345},
  year = {2024},
}
@proceedings{procs,
  title = {Edited Volume},
  editor = {Editor, Bea and Other, Carl},
  year = {2020},
}
"""


def test_build_reads_crossref_inbook_doi_handle_and_html_text(tmp_path: Path) -> None:
    root = write_site(tmp_path, pages={"index.md": "# P\n\n/// publications\n///\n"}, data={"papers.bib": BIB})
    built = build(root, strict=False)
    html = built.html()
    chapter = html.split('data-key="knuth-ch1"', 1)[1].split("</li>", 1)[0]
    line = re.search(r'<span class="academic-pub-venue">(.*?)</span>\s*\n', chapter)
    assert line is not None
    assert "The Art of Computer Programming" not in line.group(1)  # the title says it once
    assert "pp.&nbsp;1–100" in line.group(1)
    thief = html.split('data-key="icml"', 1)[1].split("</li>", 1)[0]
    assert "Proceedings of ICML</cite>" in thief
    assert 'href="http://hdl.handle.net/10125/12345"' in thief and "doi.org/http" not in thief
    procs = html.split('data-key="procs"', 1)[1].split("</li>", 1)[0]
    assert "Bea Editor and Carl Other (eds.)" in procs
    warnings = built.warnings()
    assert any("papers.bib:18" in w and "field 'doi'" in w for w in warnings), warnings
    assert any("papers.bib:17" in w and "field 'html'" in w for w in warnings), warnings
    assert not build(root).ok  # --strict fails on them
