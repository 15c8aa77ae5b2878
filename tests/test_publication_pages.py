"""Full `mkdocs build`s: a page per publication with citation tags and JSON-LD, the downloads
and the news feed, read back the way crawlers, reference managers and feed readers do."""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as etree
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import bibtexparser
import jsonschema
import pytest
import yaml
from crawler import parse_head, title_links
from sitebuilder import Built, build, write_site

from mkdocs_academic.data.store import DataStore

CSL_SCHEMA = json.loads(
    (Path(__file__).parent / "fixtures" / "csl" / "csl-data.schema.json").read_text(encoding="utf-8")
)
ATOM = "{http://www.w3.org/2005/Atom}"

BIB = r"""
@article{lovelace1843notes,
  title    = {Notes on the {Analytical Engine}},
  author   = {Lovelace, Ada and Babbage, Charles},
  journal  = {Journal of Engines},
  volume   = {3},
  number   = {2},
  pages    = {1--42},
  year     = {1843},
  month    = sep,
  doi      = {10.1000/engine.1843},
  abstract = {We describe the engine.},
  pdf      = {papers/notes.pdf},
  selected = {true},
}
@inproceedings{Babbage:1830,
  title     = {</script><script>alert("x")</script> On the Difference Engine},
  author    = {Babbage, Charles},
  booktitle = {Proceedings of the Royal Society},
  pages     = {7--9},
  year      = {1830},
  arxiv     = {1830.00001},
}
@misc{babbage-1830,
  title  = {A Key That Slugs Like Another},
  author = {Babbage, Charles},
  year   = {1830},
}
"""
NEWS = """
- date: 2025-12-03
  text: Our paper on **engines** is out
  url: publications/#lovelace1843notes
- date: 2025-11
  text: A talk & a <b>demo</b>
"""
PAGES = {
    "index.md": "# Home\n\n/// publications\n    selected: true\n///\n",
    "publications.md": "# Publications\n\n/// publications\n///\n",
    "papers/notes.pdf": "%PDF-1.4 fake\n",
}
SITE_URL = "https://example.org/ada/"
NAV = [{"Home": "index.md"}, {"Publications": "publications.md"}]


def make_site(tmp_path: Path, *, theme: str = "mkdocs", plugin: dict | None = None, **extra: object) -> Path:
    config = {"site_url": SITE_URL, "nav": NAV, **extra}
    config = {key: value for key, value in config.items() if value is not None}
    return write_site(
        tmp_path,
        pages=dict(PAGES),
        data={"papers.bib": BIB},
        plugin={"me": ["Ada Lovelace"], **(plugin or {})},
        theme=theme,
        extra_config=config,
    )


def built(root: Path) -> Built:
    result = build(root)
    assert result.ok, result.output
    assert result.warnings() == []
    return result


def publications(root: Path):
    return DataStore(root / "data").load().publications


def crawl_publication_pages(result: Built, page: str, site_url: str) -> dict[str, str]:
    """Follow each entry's title link from `page`, as a crawler would: key -> page HTML."""
    html = result.html(page)
    keys = re.findall(r'data-key="([^"]+)"', html)
    found: dict[str, str] = {}
    base = urljoin(site_url, page)
    for key, href in zip(keys, title_links(html), strict=True):
        target = urlsplit(urljoin(base, href)).path.removeprefix(urlsplit(site_url).path)
        path = result.site / target / "index.html" if target.endswith("/") or not target else result.site / target
        assert path.is_file(), f"{key}: {href} leads nowhere"
        found[key] = path.read_text(encoding="utf-8")
    return found


def check_citation_page(html: str, pub, page_url: str) -> None:
    """A publication page has complete Highwire tags and a ScholarlyArticle, matching the data."""
    head_html = html[: html.index("</head>")]
    head = parse_head(head_html)
    tags: dict[str, list[str]] = {}
    for name, content in head.meta:
        tags.setdefault(name, []).append(content)
    assert tags["citation_title"] == [pub.title]
    assert tags["citation_author"] == [
        f"{person.family}, {person.first}" if person.first else person.family for person in pub.authors
    ]
    assert tags["citation_publication_date"] == [pub.date.iso().replace("-", "/")]
    if pub.entry_type == "article":
        assert tags["citation_journal_title"] == [pub.venue]
        assert tags["citation_volume"] == [pub.volume]
        assert tags["citation_issue"] == [pub.number]
    if pub.entry_type == "inproceedings":
        assert tags["citation_conference_title"] == [pub.venue]
    if pub.pages:
        first, last = re.split(r"–|-+", pub.pages)
        assert (tags["citation_firstpage"], tags["citation_lastpage"]) == ([first], [last])
    assert tags.get("citation_doi", [""]) == [pub.doi]
    assert tags.get("citation_arxiv_id", [""]) == [pub.arxiv]
    assert tags["og:title"] == [pub.title]
    assert tags["og:url"] == [page_url]
    articles = [item for item in head.json_ld if item.get("@type") == "ScholarlyArticle"]
    assert len(articles) == 1
    article = articles[0]
    assert (article["headline"], article["url"]) == (pub.title, page_url)
    assert [author["name"] for author in article["author"]] == [person.full for person in pub.authors]
    assert article["datePublished"] == pub.date.iso()
    # The page body shows the entry, as one element carrying the key.
    assert f'data-key="{pub.key}"' in html


# ------------------------------------------------------------------------------- the pages


@pytest.mark.parametrize("theme", ["mkdocs", "material"])
def test_every_publication_gets_a_page_with_citation_tags(tmp_path: Path, theme: str) -> None:
    root = make_site(tmp_path, theme=theme)
    result = built(root)  # strict, with an explicit nav that does not list the generated pages
    pubs = publications(root)
    pages = crawl_publication_pages(result, "publications/", SITE_URL)
    assert sorted(pages) == sorted(pub.key for pub in pubs)
    slugs = {"lovelace1843notes": "lovelace1843notes", "Babbage:1830": "babbage-1830", "babbage-1830": "babbage-1830-2"}
    for pub in pubs:
        page_url = f"{SITE_URL}publications/{slugs[pub.key]}/"
        check_citation_page(pages[pub.key], pub, page_url)
        assert f"<loc>{page_url}</loc>" in (result.site / "sitemap.xml").read_text(encoding="utf-8")
    notes = pages["lovelace1843notes"]
    assert ("citation_pdf_url", f"{SITE_URL}papers/notes.pdf") in parse_head(notes[: notes.index("</head>")]).meta
    assert "We describe the engine." in notes
    assert "<title>Notes on the Analytical Engine" in notes
    # A title with </script> in it neither breaks the JSON-LD nor runs.
    evil = pages["Babbage:1830"]
    assert '<script>alert("x")</script>' not in evil
    # The generated pages stay out of the navigation.
    home = result.html()
    assert "lovelace1843notes/" not in home.split('data-key="lovelace1843notes"')[0]


def test_a_publication_page_is_a_page_like_any_other(tmp_path: Path) -> None:
    """Rendered without Markdown, a generated page still has its title and table of contents
    (the title, then "Abstract"), ids that other pages' links are checked against, and the
    content that other plugins' hooks see (here, the search index)."""
    root = make_site(tmp_path, plugin={}, validation={"anchors": "warn"}, plugins=None)
    config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    config["plugins"] = ["search", *config["plugins"]]
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    links = "[the abstract](publications/lovelace1843notes/index.md#abstract) [nowhere](publications/lovelace1843notes/index.md#nowhere)\n"
    (root / "docs" / "index.md").write_text("# Home\n\n" + links, encoding="utf-8")
    result = build(root, strict=False)
    assert result.ok, result.output
    # The link to a missing anchor warns; the one to the page's Abstract does not.
    assert (
        [line for line in result.warnings() if "#" in line]
        == [line for line in result.warnings() if "#nowhere" in line]
        != []
    )
    page = (result.site / "publications/lovelace1843notes/index.html").read_text(encoding="utf-8")
    toc = re.findall(r'class="nav-link">([^<]+)</a>', page)
    assert toc[-2:] == ["Notes on the Analytical Engine", "Abstract"], toc
    assert '<h1 id="notes-on-the-analytical-engine">Notes on the Analytical Engine</h1>' in page
    assert re.search(r'<h2 id="abstract">Abstract</h2>', page)
    search = json.loads((result.site / "search/search_index.json").read_text(encoding="utf-8"))
    found = [doc for doc in search["docs"] if doc["location"].startswith("publications/lovelace1843notes/")]
    assert found and found[0]["title"] == "Notes on the Analytical Engine"
    assert any("We describe the engine." in doc["text"] for doc in found)


def test_a_publication_page_follows_the_sites_toc_and_nav(tmp_path: Path) -> None:
    """Its headings get the permalinks that `toc` gives every other heading of the site, and a
    label given to it in `nav` is its title there and in `<title>`, as for a page of Markdown."""
    nav = [*NAV, {"Featured paper": "publications/lovelace1843notes/index.md"}]
    toc = {"toc": {"permalink": True, "permalink_title": "Link here"}}
    root = make_site(tmp_path, markdown_extensions=[toc], nav=nav)
    result = built(root)
    page = (result.site / "publications/lovelace1843notes/index.html").read_text(encoding="utf-8")
    assert (
        '<h1 id="notes-on-the-analytical-engine">Notes on the Analytical Engine'
        '<a class="headerlink" href="#notes-on-the-analytical-engine" title="Link here">\N{PILCROW SIGN}</a></h1>'
    ) in page
    assert '<h2 id="abstract">Abstract<a class="headerlink" href="#abstract" title="Link here">' in page
    assert "<title>Featured paper" in page
    assert re.search(r'href="[^"]*lovelace1843notes/"[^>]*>\s*Featured paper', result.html())
    # Without `permalink`, no link (the mkdocs theme's default).
    plain = built(make_site(tmp_path / "plain")).site / "publications/lovelace1843notes/index.html"
    assert "headerlink" not in plain.read_text(encoding="utf-8")


def test_home_page_entries_link_to_their_pages(tmp_path: Path) -> None:
    result = built(make_site(tmp_path))
    assert title_links(result.html()) == ["publications/lovelace1843notes/"]
    assert title_links(result.html("publications/lovelace1843notes/")) == []


def test_pages_work_without_directory_urls_and_without_site_url(tmp_path: Path) -> None:
    root = make_site(tmp_path, use_directory_urls=False, site_url=None)
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(re.sub(r"site_url: .*\n", "", config), encoding="utf-8")
    result = built(root)
    index = (result.site / "publications.html").read_text(encoding="utf-8")
    assert 'href="publications/lovelace1843notes/index.html"' in index
    page = (result.site / "publications/lovelace1843notes/index.html").read_text(encoding="utf-8")
    head = dict(parse_head(page[: page.index("</head>")]).meta)
    assert head["citation_title"] == "Notes on the Analytical Engine"
    assert "citation_pdf_url" not in head and "og:url" not in head  # no absolute URL without site_url


def test_publication_pages_can_be_switched_off(tmp_path: Path) -> None:
    result = built(make_site(tmp_path, plugin={"publication_pages": False, "exports": False}))
    assert not (result.site / "publications" / "lovelace1843notes").exists()
    assert not (result.site / "publications.bib").exists()
    assert not (result.site / "publications.json").exists()
    assert title_links(result.html("publications/")) == []
    assert "citation_title" not in result.html("publications/")


def test_a_page_of_the_user_at_that_path_wins(tmp_path: Path) -> None:
    root = make_site(tmp_path, plugin={"publication_pages_dir": "papers/"})
    own = root / "docs" / "papers" / "lovelace1843notes" / "index.md"
    own.parent.mkdir(parents=True)
    own.write_text(
        "---\nacademic_publication: lovelace1843notes\n---\n# My own page\n\nHand-written.\n", encoding="utf-8"
    )
    result = built(root)
    page = result.html("papers/lovelace1843notes/")
    assert "Hand-written." in page
    assert dict(parse_head(page[: page.index("</head>")]).meta)["citation_title"] == "Notes on the Analytical Engine"
    assert (result.site / "papers" / "babbage-1830" / "index.html").is_file()
    assert (result.site / "papers" / "lovelace1843notes.bib").is_file()


def test_a_bad_pages_dir_is_a_clear_error(tmp_path: Path) -> None:
    result = build(make_site(tmp_path, plugin={"publication_pages_dir": "../outside"}))
    assert not result.ok
    assert "publication_pages_dir" in result.output
    assert "Traceback" not in result.output


def venue_lines(html: str) -> list[str]:
    """The content of each venue element (`<span>` in a list, `<p>` on a page), badge left out."""
    found = re.findall(r'<(?:span|p) class="academic-pub-venue">(.*?)</(?:span|p)>\n', html)
    return [re.sub(r'^<span class="academic-badge academic-abbr">[^<]*</span> ', "", line) for line in found]


@pytest.mark.parametrize(
    ("entry_type", "venue_field", "expected"),
    [
        # An article: series, publisher and address are not part of where it appeared.
        (
            "article",
            "journal",
            '<cite class="academic-venue">Journal of Engines</cite>, vol.&nbsp;12, pp.&nbsp;1–20, '
            '<time datetime="2020">2020</time>',
        ),
        # A part of a book: they are.
        (
            "incollection",
            "booktitle",
            'In <cite class="academic-venue">Journal of Engines</cite>, LNCS, vol.&nbsp;12, pp.&nbsp;1–20, '
            'Springer, Berlin, <time datetime="2020">2020</time>',
        ),
    ],
)
def test_an_entry_shows_the_same_venue_line_in_a_list_and_on_its_page(
    tmp_path: Path, entry_type: str, venue_field: str, expected: str
) -> None:
    bib = f"""
@{entry_type}{{engines2020,
  title     = {{Engines}},
  author    = {{Lovelace, Ada}},
  {venue_field} = {{Journal of Engines}},
  series    = {{LNCS}},
  volume    = {{12}},
  pages     = {{1--20}},
  publisher = {{Springer}},
  address   = {{Berlin}},
  year      = {{2020}},
}}
"""
    root = write_site(
        tmp_path,
        pages={"index.md": "# Home\n\n/// publications\n///\n"},
        data={"papers.bib": bib},
        extra_config={"site_url": SITE_URL},
    )
    result = built(root)
    in_list = venue_lines(result.html())
    on_page = venue_lines(result.html("publications/engines2020/"))
    assert len(in_list) == len(on_page) == 1
    assert in_list == on_page == [expected]


# ----------------------------------------------------------------------------- the exports


def test_exports_reparse_to_the_same_data(tmp_path: Path) -> None:
    root = make_site(tmp_path)
    result = built(root)
    pubs = publications(root)
    whole = (result.site / "publications.bib").read_text(encoding="utf-8")
    library = bibtexparser.parse_string(whole)
    assert library.failed_blocks == []
    assert [entry.key for entry in library.entries] == [pub.key for pub in pubs]
    again = root / "again"
    again.mkdir()
    (again / "all.bib").write_text(whole, encoding="utf-8")
    reread = DataStore(again).load()
    assert reread.problems == []
    assert [(p.key, p.title, p.authors, p.date, p.venue, p.pages, p.doi, p.arxiv) for p in reread.publications] == [
        (p.key, p.title, p.authors, p.date, p.venue, p.pages, p.doi, p.arxiv) for p in pubs
    ]
    for pub, slug in (("lovelace1843notes", "lovelace1843notes"), ("Babbage:1830", "babbage-1830")):
        one = bibtexparser.parse_string((result.site / "publications" / f"{slug}.bib").read_text(encoding="utf-8"))
        assert [entry.key for entry in one.entries] == [pub]
        assert "pdf" not in one.entries[0].fields_dict and "abstract" not in one.entries[0].fields_dict
    csl = json.loads((result.site / "publications.json").read_text(encoding="utf-8"))
    jsonschema.validate(csl, CSL_SCHEMA)
    assert [(item["id"], item["title"]) for item in csl] == [(pub.key, pub.title) for pub in pubs]
    # The BibTeX of an entry offers its own file.
    assert 'href="lovelace1843notes.bib" download' in result.html("publications/")
    assert (result.site / "publications" / "lovelace1843notes.bib").is_file()


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    root = write_site(
        tmp_path / "site",
        pages=dict(PAGES),
        data={"papers.bib": BIB, "news.yml": NEWS},
        theme="material",
        extra_config={"site_url": SITE_URL},
    )
    first = built(root)
    files = {
        path.relative_to(first.site): path.read_bytes() for path in sorted(first.site.rglob("*")) if path.is_file()
    }
    second = built(root)
    again = {
        path.relative_to(second.site): path.read_bytes() for path in sorted(second.site.rglob("*")) if path.is_file()
    }
    assert sorted(files) == sorted(again)
    changed = [str(path) for path in files if files[path] != again[path]]
    assert changed == []
    assert Path("feed.xml") in files and Path("publications.json") in files


# -------------------------------------------------------------------------------- the feed


def test_news_feed_is_valid_atom_and_linked_from_every_page(tmp_path: Path) -> None:
    root = write_site(
        tmp_path,
        pages={**PAGES, "news.md": "# News\n\n/// news\n///\n"},
        data={"papers.bib": BIB, "news.yml": NEWS},
        extra_config={"site_url": SITE_URL, "site_author": "Ada Lovelace"},
    )
    result = built(root)
    feed = etree.fromstring((result.site / "feed.xml").read_bytes())
    assert feed.tag == f"{ATOM}feed"
    assert feed.findtext(f"{ATOM}id") == f"{SITE_URL}feed.xml"
    assert feed.findtext(f"{ATOM}title") == "Test site: News"
    assert feed.findtext(f"{ATOM}author/{ATOM}name") == "Ada Lovelace"
    assert feed.findtext(f"{ATOM}updated") == "2025-12-03T00:00:00Z"
    entries = feed.findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == [
        "Our paper on engines is out",
        "A talk & a <b>demo</b>",  # raw HTML is not allowed in news by default: shown as text
    ]
    assert [entry.find(f"{ATOM}link").get("href") for entry in entries] == [
        f"{SITE_URL}publications/#lovelace1843notes",
        f"{SITE_URL}news/#news-2025-11-a-talk-a",  # the item on the news archive
    ]
    assert "<strong>engines</strong>" in entries[0].findtext(f"{ATOM}content")
    for page in ("", "publications/", "news/", "publications/lovelace1843notes/"):
        html = result.html(page)
        feeds = parse_head(html[: html.index("</head>")]).feeds
        assert {
            "rel": "alternate",
            "type": "application/atom+xml",
            "title": "Test site: News",
            "href": f"{SITE_URL}feed.xml",
        } in feeds


def test_feed_without_site_url(tmp_path: Path) -> None:
    # Asked for: a warning (so --strict fails) that says what to do.
    root = write_site(tmp_path, pages={"index.md": "# Home\n"}, data={"news.yml": NEWS}, plugin={"feed": True})
    result = build(root)
    assert not result.ok
    assert any("site_url" in warning and "feed" in warning for warning in result.warnings())
    assert not (result.site / "feed.xml").exists()
    # By default: a note, not a failure; switched off: nothing.
    for name, plugin in (("default", {}), ("off", {"feed": False})):
        pages = {"index.md": "# Home\n", "publications.md": "# Papers\n"}  # a news item links there
        site = write_site(tmp_path / name, pages=pages, data={"news.yml": NEWS}, plugin=plugin)
        result = build(site)
        assert result.ok, result.output
        assert not (result.site / "feed.xml").exists()
        assert "application/atom+xml" not in result.html()


def test_profile_page_carries_person_json_ld(tmp_path: Path) -> None:
    profile = (
        "name: Ada Lovelace\nposition: Analyst\naffiliation: Analytical Society\n"
        "links:\n  orcid: https://orcid.org/0000-0000-0000-0001\n  github: https://github.com/ada\n"
    )
    root = write_site(
        tmp_path,
        pages={"index.md": "# Ada\n\n/// profile\n///\n", "other.md": "# Other\n"},
        data={"profile.yml": profile},
        extra_config={"site_url": SITE_URL},
    )
    result = built(root)
    html = result.html()
    people = [item for item in parse_head(html[: html.index("</head>")]).json_ld if item["@type"] == "Person"]
    assert len(people) == 1
    person = people[0]
    assert person["name"] == "Ada Lovelace"
    assert person["affiliation"] == {"@type": "Organization", "name": "Analytical Society"}
    assert set(person["sameAs"]) == {"https://orcid.org/0000-0000-0000-0001", "https://github.com/ada"}
    other = result.html("other/")
    assert "application/ld+json" not in other


# ----------------------------------------------------------------------- the example site


def test_example_site_every_publication_is_findable(tmp_path: Path, example_site: Path) -> None:
    copy = tmp_path / "example"
    shutil.copytree(example_site, copy, ignore=shutil.ignore_patterns("site"))
    result = built(copy)
    pubs = publications(copy)
    pages = crawl_publication_pages(result, "publications/", "https://example.org/elena/")
    assert sorted(pages) == sorted(pub.key for pub in pubs)
    for pub in pubs:
        head = parse_head(pages[pub.key][: pages[pub.key].index("</head>")])
        names = [name for name, _ in head.meta]
        assert "citation_title" in names and "citation_author" in names, pub.key
        if pub.date is not None:
            assert "citation_publication_date" in names, pub.key
        assert [item["@type"] for item in head.json_ld] == ["ScholarlyArticle"], pub.key
    jsonschema.validate(json.loads((result.site / "publications.json").read_text(encoding="utf-8")), CSL_SCHEMA)
    assert bibtexparser.parse_string((result.site / "publications.bib").read_text(encoding="utf-8")).failed_blocks == []
    etree.fromstring((result.site / "feed.xml").read_bytes())


def test_a_download_is_made_when_written_and_can_be_pointed_at_a_file(tmp_path: Path) -> None:
    from mkdocs.config import load_config
    from mkdocs.structure.files import InclusionLevel

    from mkdocs_academic.outputs import TextOnDemand

    root = write_site(tmp_path, pages={"index.md": "# Home\n"})
    config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    config.plugins._current_plugin = "academic"  # as while MkDocs runs the plugin's on_files
    made: list[str] = []

    def text() -> str:
        made.append("made")
        return "@misc{a, title = {A}}\n"

    file = TextOnDemand.make(config, "a.bib", text, InclusionLevel.UNDEFINED)
    assert made == []  # nothing is made (nor held) until MkDocs writes the file
    file.copy_file()
    assert (tmp_path / "site/a.bib").read_text(encoding="utf-8") == "@misc{a, title = {A}}\n"
    file.content_string = "replaced by a plugin"
    assert file.content_string == "replaced by a plugin"
    # A plugin that points the file at a file on disk (MkDocs: no content, an abs_src_path).
    source = tmp_path / "other.bib"
    source.write_text("@misc{b, title = {B}}\n", encoding="utf-8")
    file.abs_src_path = str(source)
    file._content = None
    file.copy_file()
    assert (tmp_path / "site/a.bib").read_text(encoding="utf-8") == "@misc{b, title = {B}}\n"
