"""Highwire, OpenGraph/Twitter and JSON-LD for crawlers: pure functions and the head template,
read back with an HTML parser and a JSON parser."""

from __future__ import annotations

import json
import re

import pytest
from crawler import parse_head

from mkdocs_academic.data.models import Link, PartialDate, Person, Publication, Source
from mkdocs_academic.data.profile import Profile
from mkdocs_academic.render.environment import Renderer
from mkdocs_academic.render.format import resolve_near_url
from mkdocs_academic.render.meta import (
    absolute_url,
    author_name,
    highwire_tags,
    page_range,
    profile_person,
    scholarly_article,
    script_json,
    social_tags,
)
from mkdocs_academic.render.urls import OutputUrls, assign_slugs

SITE = "https://example.org/ada/"
PAGE = "https://example.org/ada/publications/lovelace1843notes/"

ARTICLE = Publication(
    key="lovelace1843notes",
    entry_type="article",
    title="Notes on the Analytical Engine",
    source=Source("papers.bib", 3),
    authors=(
        Person(first="Ada", last="Lovelace"),
        Person(first="Charles", last="Babbage", marks="*"),
        Person(literal="Royal Society"),
        Person(literal="others"),
    ),
    date=PartialDate(1843, 9),
    venue="Journal of Engines",
    volume="3",
    number="2",
    pages="1–42",
    publisher="Taylor",
    doi="10.1000/engine.1843",
    arxiv="1843.00001",
    abstract="We describe the engine.",
    keywords=("engines", "computing"),
    links=(Link("pdf", "papers/notes.pdf"), Link("code", "https://github.com/ada/engine")),
    preview="img/engine.png",
)


# ---------------------------------------------------------------------------- Highwire


def test_highwire_tags_follow_google_scholar() -> None:
    tags = [(tag.key, tag.content) for tag in highwire_tags(ARTICLE, site_url=SITE, page_url=PAGE)]
    assert tags == [
        ("citation_title", "Notes on the Analytical Engine"),
        ("citation_author", "Lovelace, Ada"),
        ("citation_author", "Babbage, Charles"),
        ("citation_author", "Royal Society"),
        ("citation_publication_date", "1843/09"),
        ("citation_journal_title", "Journal of Engines"),
        ("citation_volume", "3"),
        ("citation_issue", "2"),
        ("citation_firstpage", "1"),
        ("citation_lastpage", "42"),
        ("citation_publisher", "Taylor"),
        ("citation_doi", "10.1000/engine.1843"),
        ("citation_arxiv_id", "1843.00001"),
        ("citation_keywords", "engines; computing"),
        ("citation_abstract_html_url", PAGE),
        ("citation_pdf_url", "https://example.org/ada/papers/notes.pdf"),
    ]


def test_conference_thesis_and_report_venues() -> None:

    def keys(pub: Publication) -> dict[str, str]:
        return {tag.key: tag.content for tag in highwire_tags(pub)}

    assert keys(ARTICLE._replace(entry_type="inproceedings"))["citation_conference_title"] == "Journal of Engines"
    assert "citation_journal_title" not in keys(ARTICLE._replace(entry_type="inproceedings"))
    assert keys(ARTICLE._replace(entry_type="phdthesis"))["citation_dissertation_institution"] == "Journal of Engines"
    report = keys(ARTICLE._replace(entry_type="techreport"))
    assert report["citation_technical_report_institution"] == "Journal of Engines"
    assert report["citation_technical_report_number"] == "2"
    assert "citation_issue" not in report
    assert keys(ARTICLE._replace(date=PartialDate(2024, 5, 7)))["citation_publication_date"] == "2024/05/07"


def test_pdf_url_only_when_the_site_hosts_it() -> None:

    def pdf(pub: Publication, site_url: str = SITE) -> str:
        return {tag.key: tag.content for tag in highwire_tags(pub, site_url=site_url)}.get("citation_pdf_url", "")

    assert pdf(ARTICLE) == "https://example.org/ada/papers/notes.pdf"
    assert pdf(ARTICLE, site_url="") == ""  # no absolute URL without site_url
    elsewhere = ARTICLE._replace(links=(Link("pdf", "https://arxiv.org/pdf/1843.00001"),))
    assert pdf(elsewhere) == ""
    same_host = ARTICLE._replace(links=(Link("pdf", "https://example.org/ada/files/n.pdf"),))
    assert pdf(same_host) == "https://example.org/ada/files/n.pdf"
    root_relative = ARTICLE._replace(links=(Link("pdf", "/files/n.pdf"),))
    assert pdf(root_relative) == "https://example.org/files/n.pdf"


def test_helpers() -> None:
    assert page_range("211--229") == ("211", "229")
    assert page_range("211–229") == ("211", "229")
    assert page_range("e1001") == ("e1001", "")
    assert page_range("") == ("", "")
    assert author_name(Person(first="Ludwig", von="van", last="Beethoven", jr="Jr.")) == "van Beethoven, Ludwig, Jr."
    assert author_name(Person(last="Plato")) == "Plato"
    assert absolute_url(SITE, "a/b/") == "https://example.org/ada/a/b/"
    assert absolute_url("https://example.org/ada", "a/") == "https://example.org/ada/a/"
    assert absolute_url("", "a/") == ""
    assert absolute_url("", "https://x.org/") == "https://x.org/"


# ------------------------------------------------------------------------- social cards


def test_social_tags_carry_title_authors_and_venue() -> None:
    tags = {
        tag.key: (tag.attribute, tag.content)
        for tag in social_tags(ARTICLE, site_name="Ada", site_url=SITE, page_url=PAGE)
    }
    assert tags["og:title"] == ("property", ARTICLE.title)
    assert tags["og:type"] == ("property", "article")
    assert tags["og:url"] == ("property", PAGE)
    assert tags["og:site_name"] == ("property", "Ada")
    assert tags["og:image"] == ("property", "https://example.org/ada/img/engine.png")
    description = "Ada Lovelace, Charles Babbage, Royal Society · Journal of Engines, 1843"
    assert tags["og:description"] == ("property", description)
    assert tags["twitter:description"] == ("name", description)
    assert tags["twitter:card"] == ("name", "summary_large_image")
    assert tags["article:published_time"] == ("property", "1843-09")


# ------------------------------------------------------------------------------ JSON-LD


def test_scholarly_article() -> None:
    data = scholarly_article(ARTICLE, site_url=SITE, page_url=PAGE)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "ScholarlyArticle"
    assert data["url"] == PAGE
    assert data["headline"] == ARTICLE.title
    assert [author["name"] for author in data["author"]] == ["Ada Lovelace", "Charles Babbage", "Royal Society"]
    assert data["author"][2]["@type"] == "Organization"
    assert data["datePublished"] == "1843-09"
    issue = data["isPartOf"]
    assert issue["@type"] == "PublicationIssue" and issue["issueNumber"] == "2"
    assert issue["isPartOf"]["volumeNumber"] == "3"
    assert issue["isPartOf"]["isPartOf"] == {"@type": "Periodical", "name": "Journal of Engines"}
    assert (data["pageStart"], data["pageEnd"]) == ("1", "42")
    assert data["sameAs"] == ["https://doi.org/10.1000/engine.1843", "https://arxiv.org/abs/1843.00001"]
    assert data["encoding"]["contentUrl"] == "https://example.org/ada/papers/notes.pdf"
    json.dumps(data)  # plain JSON types only


def test_script_json_cannot_break_out_of_the_script_element() -> None:
    nasty = {"name": "</script><script>alert(1)</script> & <!-- \u2028"}
    text = str(script_json(nasty))
    assert "<" not in text and ">" not in text and "&" not in text
    assert "\\u003c/script\\u003e" in text
    assert json.loads(text) == nasty


def test_person_from_profile() -> None:
    profile = Profile(
        name="Ada Lovelace",
        source=Source("profile.yml", 1),
        photo="img/ada.jpg",
        position="Analyst",
        affiliation_md="[Analytical Society](https://example.org/as) *London*",
        email="ada@example.org",
        links=(
            Link("scholar", "https://scholar.google.com/citations?user=ADA"),
            Link("orcid", "https://orcid.org/0000-0000-0000-0001"),
            Link("cv", "cv.pdf"),
            Link("email", "mailto:ada@example.org"),
        ),
    )
    data = profile_person(profile, site_url=SITE, page_url=SITE)
    assert data == {
        "@context": "https://schema.org",
        "@type": "Person",
        "name": "Ada Lovelace",
        "url": SITE,
        "jobTitle": "Analyst",
        "affiliation": {"@type": "Organization", "name": "Analytical Society London"},
        "sameAs": ["https://scholar.google.com/citations?user=ADA", "https://orcid.org/0000-0000-0000-0001"],
        "image": "https://example.org/ada/img/ada.jpg",
        "email": "ada@example.org",
    }


# ------------------------------------------------------------------------ head template


def test_head_template_renders_parseable_tags() -> None:

    pub = ARTICLE._replace(title='Engines "&" <script>alert(1)</script>')
    meta = highwire_tags(pub, site_url=SITE, page_url=PAGE) + social_tags(pub, page_url=PAGE)
    html = str(
        Renderer().render(
            "head.html",
            meta=meta,
            json_ld=[script_json(scholarly_article(pub, page_url=PAGE))],
            feeds=[("News", "https://example.org/ada/feed.xml")],
        )
    )
    assert "<script>alert" not in html
    head = parse_head(html)
    assert head.meta == [(tag.key, tag.content) for tag in meta]
    assert ("citation_title", pub.title) in head.meta
    assert head.json_ld == [scholarly_article(pub, page_url=PAGE)]
    assert head.feeds == [
        {
            "rel": "alternate",
            "type": "application/atom+xml",
            "title": "News",
            "href": "https://example.org/ada/feed.xml",
        }
    ]


# --------------------------------------------------------------------------------- URLs


def test_slugs_are_unique_and_independent_of_order() -> None:
    keys = ["Smith:2020", "smith-2020", "smith-2020-2", "Ünal2021", "2019paper"]
    slugs = assign_slugs(keys)
    assert slugs == assign_slugs(reversed(keys))
    assert len(set(slugs.values())) == len(keys)
    assert slugs["Smith:2020"] == "smith-2020"  # sorts first: keeps the plain slug
    assert slugs["smith-2020-2"] == "smith-2020-2"  # a real slug is never taken by a collision
    assert slugs["smith-2020"] == "smith-2020-3"
    assert slugs["Ünal2021"] == "unal2021"
    assert slugs["2019paper"] == "pub-2019paper"


def test_publication_entry_links_to_its_page_and_bib() -> None:
    urls = OutputUrls(
        pages={ARTICLE.key: "publications/lovelace1843notes/"},
        bib_files={ARTICLE.key: "publications/lovelace1843notes.bib"},
    )
    renderer = Renderer()

    def entry(entry_urls: OutputUrls | None) -> str:
        """The one `<li>` of a list of ARTICLE."""
        html = str(renderer.publication_list([ARTICLE], make_id=lambda slug: slug, base_url="../", urls=entry_urls))
        item = re.search(r"<li\b.*</li>", html, re.S)
        assert item is not None
        return item.group(0)

    assert '<a href="../publications/lovelace1843notes/">Notes on the Analytical Engine</a>' in entry(urls)
    assert "publications/lovelace1843notes/" not in entry(None)
    # From the page at publications/ the links skip the way up and back down.
    near = str(
        renderer.publication_list(
            [ARTICLE], make_id=lambda slug: slug, base_url="../", urls=urls, page_dir="publications/"
        )
    )
    assert '<a href="lovelace1843notes/">Notes on the Analytical Engine</a>' in near
    assert "../publications/" not in near


@pytest.mark.parametrize(
    ("url", "base", "page_dir", "expected"),
    [
        ("publications/x/", "../", "publications/", "x/"),
        ("publications/x.bib", "../", "publications/", "x.bib"),
        ("publications/", "../", "publications/", "./"),
        ("publications/x/", "../../", "sub/publications/", "../../publications/x/"),  # not under the page
        ("publications/x/", "", "", "publications/x/"),  # the root page
        ("publications/x/", "../", "", "../publications/x/"),  # a host that gives no folder (Sphinx)
        ("https://example.org/x", "../", "publications/", "https://example.org/x"),
    ],
)
def test_links_under_the_page_folder_are_short(url: str, base: str, page_dir: str, expected: str) -> None:
    assert resolve_near_url(url, base, page_dir) == expected


# -------------------------------------------------------------- the /// publication block


def test_publication_block_renders_one_entry_in_full(tmp_path, caplog) -> None:
    import logging

    import markdown

    (tmp_path / "papers.bib").write_text(
        "@article{lovelace1843notes, title = {Notes}, author = {Lovelace, Ada}, journal = {J}, year = 1843,"
        " abstract = {About engines.}}\n",
        encoding="utf-8",
    )

    def render(text: str) -> str:
        return markdown.markdown(
            text,
            extensions=["mkdocs_academic.markdown", "toc"],
            extension_configs={"mkdocs_academic.markdown": {"data_dir": str(tmp_path)}},
        )

    html = render("/// publication\n    key: lovelace1843notes\n    heading_level: 1\n///\n")
    assert 'class="academic academic-publication"' in html
    assert 'data-key="lovelace1843notes"' in html and 'id="lovelace1843notes"' in html
    assert re.search(r"<h1[^>]*>Notes</h1>", html)
    assert re.search(r"<h2[^>]*>Abstract</h2>", html) and "About engines." in html
    assert "@article{lovelace1843notes," in html
    assert "academic-bib-download" not in html  # no .bib file outside MkDocs
    with caplog.at_level(logging.WARNING):
        render("/// publication\n    key: lovelace1843note\n///\n")
        render("/// publication\n///\n")
    messages = [record.getMessage() for record in caplog.records]
    assert any(
        "key 'lovelace1843note' is not in the data" in message and "lovelace1843notes" in message
        for message in messages
    )
    assert any("option 'key' is missing" in message for message in messages)
