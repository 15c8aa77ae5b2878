"""BibTeX as real tools export it (DBLP, Google Scholar, arXiv, Zotero, Mendeley, IEEE, ACM).

Each case is the shape a tool really writes, built into a site and read back from the HTML.
"""

from __future__ import annotations

from pathlib import Path

from sitebuilder import build, write_site

from mkdocs_academic.data.dates import parse_date
from mkdocs_academic.data.fields import publication_from_fields
from mkdocs_academic.data.latex import latex_to_unicode
from mkdocs_academic.data.models import PartialDate, Source
from mkdocs_academic.data.names import parse_name

PAGE = "# Papers\n\n/// publications\n///\n"

DBLP_CROSSREF = """@inproceedings{DBLP:conf/acl/SmithL21,
  author       = {Ada Smith and
                  Wei Wang 0001},
  title        = {Parsing {ACL} Things},
  booktitle    = {Proceedings of ACL 2021},
  pages        = {1--10},
  year         = {2021},
  crossref     = {DBLP:conf/acl/2021-1},
}

@proceedings{DBLP:conf/acl/2021-1,
  editor       = {Chengqing Zong and Fei Xia},
  title        = {Proceedings of the 59th Annual Meeting of the ACL},
  publisher    = {Association for Computational Linguistics},
  year         = {2021},
}
"""


def _publication(fields: dict[str, str], entry_type: str = "article"):
    problems: list = []
    fields = {"title": "T", "author": "A, B", "year": "2020", **fields}
    pub = publication_from_fields("k", entry_type, fields, Source("x.bib", 1), problems=problems)
    return pub, problems


def test_dblp_crossref_parent_is_not_a_publication_of_its_own(tmp_path: Path) -> None:
    root = write_site(tmp_path, pages={"index.md": PAGE}, data={"dblp.bib": DBLP_CROSSREF}, plugin={"me": ["Wei Wang"]})
    result = build(root)
    assert result.ok, result.output
    html = result.html()
    assert html.count('class="academic-pub ') == 1
    assert 'data-key="DBLP:conf/acl/2021-1"' not in html
    assert "crossref" not in (result.site / "publications.bib").read_text(encoding="utf-8")


def test_dblp_homonym_number_is_not_part_of_the_name(tmp_path: Path) -> None:
    assert parse_name("Wei Wang 0001").full == "Wei Wang"
    assert parse_name("Wang 0002, Wei").full == "Wei Wang"
    assert parse_name("Studio 1984").full == "Studio 1984"  # a single word before it: kept
    root = write_site(tmp_path, pages={"index.md": PAGE}, data={"dblp.bib": DBLP_CROSSREF}, plugin={"me": ["Wei Wang"]})
    html = build(root).html()
    assert "0001" not in html.split('class="academic-pub-authors"')[1].split("</span>\n")[0]
    assert '<span class="academic-author academic-me"><strong>Wei Wang</strong></span>' in html


def test_biblatex_date_ranges_give_their_start() -> None:
    assert parse_date("2022-11/2022-12") == PartialDate(2022, 11)
    assert parse_date("2022/2023") == PartialDate(2022)
    assert parse_date("2021-03-04/") == PartialDate(2021, 3, 4)
    assert parse_date("2019/..") == PartialDate(2019)
    assert parse_date("2024/05/17") == PartialDate(2024, 5, 17)  # a date written with slashes
    pub, problems = _publication({"title": "T", "author": "A, B", "date": "2022/2023"})
    assert pub.year == 2022 and not problems


def _links(fields: dict[str, str]) -> list[tuple[str, str]]:
    pub, _ = _publication({"title": "T", "author": "A, B", "year": "2020", **fields})
    return [(link.kind, link.url) for link in pub.links]


def test_one_link_per_resource_whatever_the_export_writes() -> None:
    # DBLP before 2022: CoRR with an arXiv url beside eprint
    assert _links({"eprint": "1810.04805", "archiveprefix": "arXiv", "url": "http://arxiv.org/abs/1810.04805"}) == [
        ("arxiv", "https://arxiv.org/abs/1810.04805")
    ]
    # Zotero arXiv item: arXiv's DOI and url
    assert _links(
        {"doi": "10.48550/arXiv.2401.01234", "url": "http://arxiv.org/abs/2401.01234v2", "eprint": "2401.01234"}
    ) == [("arxiv", "https://arxiv.org/abs/2401.01234")]
    # Crossref / ORCID: the DOI again as a percent-escaped URL; Mendeley: dx.doi.org
    assert [
        kind
        for kind, _ in _links(
            {"doi": "10.1103/physrevlett.124.050401", "url": "https://doi.org/10.1103%2Fphysrevlett.124.050401"}
        )
    ] == ["doi"]
    assert [kind for kind, _ in _links({"doi": "10.1000/abc.def", "url": "http://dx.doi.org/10.1000/ABC.def"})] == [
        "doi"
    ]
    # different resources stay: the PDF and the abstract page, a project page
    assert [
        kind
        for kind, _ in _links(
            {
                "eprint": "2401.01234",
                "archiveprefix": "arXiv",
                "pdf": "https://arxiv.org/pdf/2401.01234",
                "url": "https://example.org/project",
            }
        )
    ] == ["pdf", "arxiv", "url"]


def test_latex_that_reference_managers_write() -> None:
    assert latex_to_unicode(r"{\TeX} and \LaTeX{} in Titles") == "TeX and LaTeX in Titles"
    # Zotero and Mendeley escape HTML in titles this way: it reads as the text it was
    assert latex_to_unicode(r"{\textless}i{\textgreater}in vivo{\textless}/i{\textgreater}") == "<i>in vivo</i>"
    assert (
        latex_to_unicode(r"\S 3, \copyright{} 2020, \pounds 5, {\textquotedbl}x{\textquotedbl}")
        == '§3, © 2020, £5, "x"'
    )
    # a letter with two accents: Vietnamese names
    assert latex_to_unicode(r"Tr{\`\^a}n") == latex_to_unicode(r"Tr\`{\^a}n") == "Trần"
    assert latex_to_unicode(r"Nguy{\~{\^e}}n") == "Nguyễn"


def _rendered_entry(tmp_path: Path, bib: str, **plugin: object) -> str:
    root = write_site(
        tmp_path, pages={"index.md": PAGE}, data={"p.bib": bib}, plugin={"publication_pages": False, **plugin}
    )
    result = build(root, strict=False)
    return result.html()


def test_venue_line_without_a_venue_starts_without_a_comma(tmp_path: Path) -> None:
    html = _rendered_entry(
        tmp_path, "@techreport{r, title = {T}, author = {A, B}, number = {TR-1}, pages = {1--22}, year = 2015}\n"
    )
    assert (
        '<span class="academic-pub-venue">no.&nbsp;TR-1, pp.&nbsp;1–22, <time datetime="2015">2015</time></span>'
        in html
    )


def test_book_details_series_edition_publisher_address(tmp_path: Path) -> None:
    bib = (
        "@book{b, title = {Numerical Optimization}, author = {Nocedal, Jorge and Wright, Stephen},"
        " series = {Springer Series in Operations Research}, edition = {2nd}, publisher = {Springer},"
        " address = {New York}, year = 2006}\n"
    )
    html = _rendered_entry(tmp_path, bib)
    assert (
        '<cite class="academic-venue">Springer</cite>, Springer Series in Operations Research, 2nd ed., New York, '
        in html
    )


def test_dblp_corr_is_an_arxiv_preprint_and_ieee_pages_take_a_dash() -> None:
    pub, _ = _publication(
        {"title": "T", "author": "A, B", "journal": "CoRR", "volume": "abs/2001.01234", "year": "2020"}
    )
    assert (pub.venue, pub.volume, pub.arxiv) == ("arXiv:2001.01234", "", "2001.01234")
    pub, _ = _publication({"title": "T", "author": "A, B", "journal": "J", "pages": "1600-1612", "year": "2020"})
    assert pub.pages == "1600–1612"


def test_private_fields_of_reference_managers_stay_out_of_the_bibtex(tmp_path: Path) -> None:
    bib = (
        "@article{m, title = {T}, author = {A, B}, journal = {J}, year = 2020,"
        " mendeley-groups = {Thesis/Chapter 1}, comment = {my notes}, annotation = {Cited **twice**}}\n"
    )
    html = _rendered_entry(tmp_path, bib, exports=True)
    bibtex = html.split("<pre><code>")[1].split("</code></pre>")[0]
    assert "mendeley" not in bibtex and "my notes" not in bibtex and "annotation" not in bibtex
    assert '<span class="academic-pub-info academic-annotation">Cited <strong>twice</strong></span>' in html


def test_yaml_authors_are_written_as_bibtex_author(tmp_path: Path) -> None:
    yaml_text = (
        "- title: A Paper\n  authors: [Ada Lovelace, Charles Babbage]\n  editors: [Mary Somerville]\n  year: 2022\n"
    )
    root = write_site(tmp_path, pages={"index.md": PAGE}, data={"publications.yml": yaml_text})
    result = build(root)
    assert result.ok, result.output
    exported = (result.site / "publications.bib").read_text(encoding="utf-8")
    assert "author = {Ada Lovelace and Charles Babbage}" in exported and "editor = {Mary Somerville}" in exported
    assert "authors =" not in exported and "editors =" not in exported


def test_urls_written_in_howpublished_or_note_become_links() -> None:
    pub, _ = _publication({"howpublished": r"\url{https://www.cs.example.edu/~wwang/talk--v2}"}, "misc")
    assert [(link.kind, link.url) for link in pub.links] == [("url", "https://www.cs.example.edu/~wwang/talk--v2")]
    assert pub.venue == ""  # the link says it all
    pub, _ = _publication({"journal": "J", "note": r"Code at \href{https://github.com/ww/x}{GitHub}"})
    assert [(link.kind, link.url) for link in pub.links] == [("url", "https://github.com/ww/x")]
    assert pub.note == "Code at GitHub"
    assert latex_to_unicode(r"see \url{https://x.org/~a/b--c}") == "see https://x.org/~a/b--c"


def test_theses_and_reports_say_what_they_are(tmp_path: Path) -> None:
    bib = (
        "@phdthesis{p, title = {T1}, author = {A, B}, school = {University of London}, year = 2019}\n"
        "@thesis{z, title = {T2}, author = {A, B}, institution = {ETH}, type = {phdthesis}, year = 2018}\n"
        "@mastersthesis{m, title = {T3}, author = {A, B}, school = {MIT}, year = 2017}\n"
        "@techreport{r, title = {T4}, author = {A, B}, institution = {CMU}, type = {Technical Report},"
        " number = {CMU-1}, year = 2016}\n"
    )
    html = _rendered_entry(tmp_path, bib, publication_pages=True)
    assert 'PhD thesis, <cite class="academic-venue">University of London</cite>, <time' in html
    assert 'PhD thesis, <cite class="academic-venue">ETH</cite>' in html
    assert 'Master&#39;s thesis, <cite class="academic-venue">MIT</cite>' in html
    assert 'Technical Report, <cite class="academic-venue">CMU</cite>, no.&nbsp;CMU-1, <time' in html
    page = tmp_path / "site" / "publications" / "r" / "index.html"
    if not page.is_file():  # the site folder of sitebuilder
        page = next(tmp_path.rglob("publications/r/index.html"))
    venue = page.read_text(encoding="utf-8").split('<p class="academic-pub-venue">')[1].split("</p>")[0]
    assert venue.startswith("Technical Report, <cite"), venue


def test_the_page_shows_the_bibtex_the_download_holds(tmp_path: Path) -> None:
    bib = (
        "@misc{w, title = {T}, author = {Lovelace*, Ada and Babbage$^\\dagger$, Charles}, status = {under review}}\n"
        + DBLP_CROSSREF
    )
    root = write_site(tmp_path, pages={"index.md": PAGE}, data={"p.bib": bib})
    result = build(root, strict=False)
    html = result.html()
    for key, slug in (("w", "w"), ("DBLP:conf/acl/SmithL21", "dblp-conf-acl-smithl21")):
        shown = html.split(f'data-key="{key}"')[1].split("<pre><code>")[1].split("</code></pre>")[0]
        download = (result.site / "publications" / f"{slug}.bib").read_text(encoding="utf-8")
        assert shown.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">") + "\n" == download
    shown_w = html.split('data-key="w"')[1].split("</code></pre>")[0]
    assert "author = {Lovelace, Ada and Babbage, Charles}" in shown_w  # no marks to print in a paper
    assert "pubstate = {Under review}" in shown_w
    assert "crossref" not in html
