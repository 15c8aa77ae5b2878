"""A status that names the venue and year, as CVs write it ("Accepted by COLM 2024")."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sitebuilder import build, write_site

from mkdocs_academic.data.fields import publication_from_fields, status_year_and_venue
from mkdocs_academic.data.models import Source
from mkdocs_academic.data.problems import Problem
from mkdocs_academic.render.entry_parts import EntryParts
from mkdocs_academic.render.labels import Labels


@pytest.mark.parametrize(
    ("status", "year", "venue"),
    [
        ("Accepted by COLM 2024", 2024, "COLM"),
        ("Accepted at ICML 2022", 2022, "ICML"),
        ("To appear in NeurIPS 2025", 2025, "NeurIPS"),
        ("Accepted to the Findings of ACL 2024", 2024, "Findings of ACL"),
        ("Forthcoming in Journal of Semantics, 2025", 2025, "Journal of Semantics"),
        ("Accepted for presentation at ICML 2022 (oral)", 2022, "ICML"),
        ("Accepted 2023", 2023, ""),
        ("Under review", None, ""),
        ("Submitted 2023, accepted at TACL 2024", 2024, "TACL"),
        # Not (yet) at that venue: the year only, so no metadata claims the venue.
        ("Submitted to ICLR 2026", 2026, ""),
        ("Under review at NeurIPS 2025", 2025, ""),
        ("Major revision at JASA (2025)", 2025, ""),
        ("Accepted at the 2024 Conference on Robots", 2024, ""),
    ],
)
def test_status_year_and_venue(status: str, year: int | None, venue: str) -> None:
    assert status_year_and_venue(status) == (year, venue)


def _pub(**fields: str):  # type: ignore[no-untyped-def]
    problems: list[Problem] = []
    pub = publication_from_fields(
        "k",
        fields.pop("type", "inproceedings"),
        {"title": "T", "author": "Ada Lovelace", **fields},
        Source("p.bib", 1),
        problems=problems,
        bibtex="@inproceedings{k,\n  title = {T},\n}",
    )
    return pub, problems


def test_status_gives_year_and_venue_when_missing() -> None:
    pub, problems = _pub(status="Accepted by COLM 2024")
    assert not problems
    assert pub.year == 2024 and pub.date_from_status
    assert pub.venue == "COLM" and pub.venue_from_status
    assert pub.status == "Accepted by COLM 2024"
    assert "pubstate = {Accepted by COLM 2024}" in pub.bibtex
    line = str(EntryParts(Labels("en")).venue_line(pub))
    # the status as written, and neither the venue nor the year a second time
    assert line == '<span class="academic-status">Accepted by COLM 2024</span>'


def test_written_venue_and_year_win() -> None:
    pub, _ = _pub(status="Accepted by COLM 2024", booktitle="Conference on Language Modeling")
    assert pub.venue == "Conference on Language Modeling" and not pub.venue_from_status
    assert pub.year == 2024
    line = str(EntryParts(Labels("en")).venue_line(pub))
    assert "Conference on Language Modeling" in line and "<time" not in line
    pub, _ = _pub(status="Accepted by COLM 2024", year="2023")
    assert pub.year == 2023 and not pub.date_from_status and pub.venue == ""


BIB = r"""
@inproceedings{colm,
  title = {Accepted Paper},
  author = {Ada Lovelace},
  status = {Accepted by COLM 2024},
}
@misc{wip,
  title = {Unfinished Paper},
  author = {Ada Lovelace},
  status = {under review},
}
@article{old,
  title = {Old Paper},
  author = {Ada Lovelace},
  journal = {J},
  year = {2023},
}
"""


def test_build_puts_accepted_paper_under_its_year(tmp_path: Path) -> None:
    page = "# P\n\n/// publications\n///\n\n## Only 2024\n\n/// publications\n    year: 2024\n///\n"
    root = write_site(tmp_path, pages={"index.md": page}, data={"papers.bib": BIB})
    built = build(root)
    assert built.ok, built.output
    html = built.html()
    first, second = html.split('<h1 id="p">', 1)[1].split('<h2 id="only-2024">', 1)
    headings = re.findall(r"<h2[^>]*>([^<]+)</h2>", first)
    assert headings == ["In progress", "2024", "2023"]
    in_progress = first.split(">In progress<", 1)[1].split(">2024<", 1)[0]
    assert 'data-key="wip"' in in_progress and 'data-key="colm"' not in in_progress
    assert re.findall(r'data-key="([^"]+)"', second) == ["colm"]
    entry = first.split('data-key="colm"', 1)[1]
    venue = re.search(r'<span class="academic-pub-venue">(.*?)</span>\s*\n', entry)
    assert venue is not None
    assert venue.group(1) == '<span class="academic-status">Accepted by COLM 2024</span>'
    assert "pubstate = {Accepted by COLM 2024}" in entry.split("</li>", 1)[0]
