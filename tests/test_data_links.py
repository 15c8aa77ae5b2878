"""Links and Markdown in data files, in full builds (issue 13).

Covered: a nested list indented by 2 or 3 spaces (GitHub, kramdown) stays nested; a
placeholder link (`#`, an empty address) is a warning naming file:line and is not shown; a
relative link to a file the site lacks is a warning (the MkDocs plugin knows the site's files;
the Markdown extension alone does not check); bare `pdf` / `preview` names are looked up in
`pdf_dir` / `preview_dir` (al-folio's folders by default) from a page at any depth; files
written after the pages (feed, sitemap, 404 page) are not dead; a link to a page's source
(`cv.md`) names the page's URL; links inside Markdown values start at the site root, as the
data's other links do, on a page at any depth, and a dead one is a warning too.
"""

from __future__ import annotations

import re
from pathlib import Path

import markdown
from sitebuilder import build, write_site

from mkdocs_academic.data.models import Source
from mkdocs_academic.data.site_files import SiteLink, dead_site_links
from mkdocs_academic.render.inline_markdown import InlineMarkdown, normalise_list_indentation, relink

PUBLICATIONS = "/// publications\n    group_by: none\n///\n"


def bib(**fields: str) -> str:
    """One BibTeX entry `k2024` with `fields` on their own lines (title on line 2)."""
    extra = "".join(f"  {name} = {{{value}}},\n" for name, value in fields.items())
    return f"@article{{k2024,\n  title = {{Engines}},\n  author = {{Lovelace, Ada}},\n  journal = {{J}},\n  year = 2024,\n{extra}}}\n"


def links_of(html: str) -> list[str]:
    """The hrefs of the entry's link buttons."""
    return re.findall(r'class="academic-link academic-link-\w+" href="([^"]*)"', html)


# ------------------------------------------------------------------------ nested lists

BIO = """name: Ada Lovelace
bio: |
  I work on:

  - engines
    - analytical
    - difference
  - notes
     1. on Bernoulli numbers
"""


def test_a_bio_list_nested_by_two_spaces_stays_nested(tmp_path: Path) -> None:
    root = write_site(tmp_path, pages={"index.md": "/// profile\n///\n"}, data={"profile.yml": BIO})
    result = build(root)
    assert result.ok, result.output
    bio = result.html().split('<div class="academic-bio">', 1)[1].split("</div>", 1)[0]
    assert re.search(r"<li>engines\s*<ul>\s*<li>analytical</li>\s*<li>difference</li>\s*</ul>\s*</li>", bio), bio
    assert re.search(r"<li>notes\s*<ol>\s*<li>on Bernoulli numbers</li>\s*</ol>", bio), bio
    assert bio.count("<ul>") == 2


def test_list_indentation_is_normalised_only_where_needed() -> None:
    four = "- a\n    - b\n"
    assert normalise_list_indentation(four) is four
    assert normalise_list_indentation("- a\n  - b\n    text of b\n- c\n") == "- a\n    - b\n        text of b\n- c\n"
    # A fenced block in an item moves with it, its own indentation kept.
    fenced = "- a\n  - b\n\n    ```\n      code\n    ```\n"
    assert normalise_list_indentation(fenced) == "- a\n    - b\n\n        ```\n          code\n        ```\n"
    html = str(InlineMarkdown().block("1. one\n   1. sub\n2. two"))
    assert re.search(r"<li>one\s*<ol>\s*<li>sub</li>", html), html


# ------------------------------------------------------------------- placeholder links


def test_a_placeholder_link_warns_with_file_and_line_and_is_not_shown(tmp_path: Path) -> None:
    publications = "- key: y2024\n  title: Tables\n  author: Lovelace, Ada\n  year: 2024\n  links:\n    paper: '#'\n"
    news = "- date: 2024-05\n  text: Hello\n  url: '#'\n"
    cv = "education:\n  - title: PhD\n    links:\n      thesis: ''\n"
    root = write_site(
        tmp_path,
        pages={"index.md": PUBLICATIONS + "\n/// news\n///\n\n/// experience | education\n///\n"},
        data={"p.bib": bib(pdf="#"), "publications.yml": publications, "news.yml": news, "cv.yml": cv},
    )
    result = build(root)
    assert not result.ok
    warnings = result.warnings()
    for expected in (
        "academic: data/p.bib:6: entry 'k2024': field 'pdf': placeholder link '#': give the real URL or remove it",
        "academic: data/publications.yml:5: entry 'y2024': field 'links' ('paper'): placeholder link '#': give the",
        "academic: data/news.yml:3: news item: field 'url': placeholder link '#': give the real URL or remove it",
        "academic: data/cv.yml:4: education: field 'links': empty link: give the real URL or remove it",
    ):
        assert any(warning.startswith(expected) for warning in warnings), (expected, warnings)

    relaxed = build(root, strict=False)
    assert relaxed.ok, relaxed.output
    html = relaxed.html()
    assert 'href="#"' not in html and 'href=""' not in html
    assert "academic-more" not in html  # the news item's "more" link is left out
    assert "academic-pub" in html and "Hello" in html  # the items themselves are shown


# ---------------------------------------------------------------------- missing files


def test_a_link_to_a_file_the_site_lacks_warns_and_an_existing_one_does_not(tmp_path: Path) -> None:
    data = {"p.bib": bib(pdf="papers/engines.pdf", slides="papers/slides.pdf")}
    pages = {"index.md": PUBLICATIONS, "papers/slides.pdf": "%PDF-1.1\n"}
    root = write_site(tmp_path, pages=pages, data=data)
    result = build(root)
    assert not result.ok
    dead = [warning for warning in result.warnings() if "the link is dead" in warning]
    assert dead == [
        "academic: data/p.bib:6: field 'pdf': link 'papers/engines.pdf' is not a file of the site; the link is "
        "dead (put the file at docs/papers/engines.pdf, or correct the path (it starts at the site root); a bare "
        "file name in `pdf` is looked up in `pdf_dir`)"
    ]

    (root / "docs" / "papers" / "engines.pdf").write_text("%PDF-1.1\n", encoding="utf-8")
    result = build(root)
    assert result.ok, result.output
    assert links_of(result.html()) == ["papers/engines.pdf", "papers/slides.pdf"]


def test_profile_news_and_cv_links_are_checked_too(tmp_path: Path) -> None:
    profile = (
        "name: Ada Lovelace\nphoto: me.jpg\nlinks:\n  cv: cv.pdf\n  notes: notes/\n"
        "interests:\n  - {name: Engines, url: engines/}\n  - {name: Notes, url: notes/}\n"
    )
    news = "- date: 2024-05\n  text: Hello\n  url: publications/#k2024\n"
    cv = "talks:\n  - title: Engines\n    url: talks/engines.pdf\n"
    pages = {"index.md": "/// profile\n///\n", "publications.md": PUBLICATIONS, "notes/index.md": "# Notes\n"}
    root = write_site(
        tmp_path, pages=pages, data={"p.bib": bib(), "profile.yml": profile, "news.yml": news, "cv.yml": cv}
    )
    result = build(root)
    dead = sorted(warning.split(" is not ")[0] for warning in result.warnings() if "the link is dead" in warning)
    assert dead == [
        "academic: data/cv.yml:3: field 'url': link 'talks/engines.pdf'",
        "academic: data/profile.yml:2: field 'photo': link 'me.jpg'",
        "academic: data/profile.yml:4: field 'links': link 'cv.pdf'",
        "academic: data/profile.yml:7: field 'interests': link 'engines/'",
    ]  # `notes/` and `publications/#k2024` are pages of the site


def test_links_to_files_written_after_the_pages_are_not_dead(tmp_path: Path) -> None:
    # The feed, the sitemap and the 404 page are written after the check: still the site's files.
    profile = "name: Ada Lovelace\nlinks:\n  feed: feed.xml\n  map: sitemap.xml\n  lost: 404.html\n  gone: gone.xml\n"
    news = "- date: 2024-05\n  text: Hello\n"
    pages = {"index.md": "/// profile\n///\n\n/// news\n///\n"}
    root = write_site(
        tmp_path,
        pages=pages,
        data={"profile.yml": profile, "news.yml": news},
        extra_config={"site_url": "https://example.org/"},
    )
    result = build(root)
    assert (result.site / "feed.xml").is_file()
    dead = [warning.split(" is not ")[0] for warning in result.warnings() if "the link is dead" in warning]
    assert dead == ["academic: data/profile.yml:6: field 'links': link 'gone.xml'"]


def test_the_markdown_extension_alone_does_not_check_files(tmp_path: Path) -> None:
    (tmp_path / "p.bib").write_text(bib(pdf="missing.pdf"), encoding="utf-8")
    html = markdown.markdown(
        PUBLICATIONS,
        extensions=["mkdocs_academic.markdown"],
        extension_configs={"mkdocs_academic.markdown": {"data_dir": str(tmp_path)}},
    )
    assert links_of(html) == ["assets/pdf/missing.pdf"]  # resolved, not checked: no list of the site's files


def test_the_check_on_its_own() -> None:
    lines = ["- date: 2024", "  text: Hi", "  url: old/x.pdf"]
    links = [
        SiteLink("old/x.pdf", "url", Source("data/news.yml", 1)),
        SiteLink("cv/", "url", Source("data/news.yml", 1)),
    ]
    problems = dead_site_links(links, {"cv/index.html"}, lambda path: lines, docs_dir="src")
    assert [(problem.line, problem.message) for problem in problems] == [
        (3, "field 'url': link 'old/x.pdf' is not a file of the site; the link is dead")
    ]
    assert "src/old/x.pdf" in problems[0].hint


def test_a_link_to_a_page_source_names_its_url() -> None:
    links = [SiteLink(url, "url", Source("data/news.yml", 1)) for url in ("cv.md", "notes/index.md", "index.md")]
    hints = [
        problem.hint
        for problem in dead_site_links(links, {"cv/index.html", "notes/index.html", "index.html"}, lambda path: [])
    ]
    assert hints == [f"link the page by its URL, `{url}`, not its source file" for url in ("cv/", "notes/", "./")]
    (flat,) = dead_site_links(links[:1], {"cv.html"}, lambda path: [])  # use_directory_urls: false
    assert "`cv.html`" in flat.hint
    (directory,) = dead_site_links([SiteLink("cv/", "url", Source("data/news.yml", 1))], {"cv.html"}, lambda path: [])
    assert directory.hint == "link the page by its URL, `cv.html`"


# ------------------------------------------------------------------------ bare names


def test_a_bare_pdf_name_is_in_assets_pdf_from_a_page_at_any_depth(tmp_path: Path) -> None:
    pages = {
        "index.md": PUBLICATIONS,
        "research/papers/all.md": PUBLICATIONS,
        "assets/pdf/x.pdf": "%PDF-1.1\n",
        "assets/img/publication_preview/fig.png": "png",
    }
    root = write_site(tmp_path, pages=pages, data={"p.bib": bib(pdf="x.pdf", preview="fig.png")})
    result = build(root)
    assert result.ok, result.output
    assert links_of(result.html()) == ["assets/pdf/x.pdf"]
    deep = result.html("research/papers/all")
    assert links_of(deep) == ["../../../assets/pdf/x.pdf"]
    assert 'src="../../../assets/img/publication_preview/fig.png"' in deep
    # A path with a slash and a URL are kept as they are.
    kept = write_site(
        tmp_path / "kept",
        pages={"index.md": PUBLICATIONS, "a/x.pdf": "%"},
        data={"p.bib": bib(pdf="a/x.pdf", url="https://example.org/x.pdf")},
    )
    assert links_of(build(kept).html()) == ["a/x.pdf", "https://example.org/x.pdf"]


def test_pdf_dir_and_preview_dir_choose_the_folders(tmp_path: Path) -> None:
    pages = {"index.md": PUBLICATIONS, "files/x.pdf": "%PDF-1.1\n", "fig.png": "png"}
    root = write_site(
        tmp_path,
        pages=pages,
        data={"p.bib": bib(pdf="x.pdf", preview="fig.png")},
        plugin={"pdf_dir": "files/", "preview_dir": "."},  # "." (or ""): the site root
    )
    result = build(root)
    assert result.ok, result.output
    assert links_of(result.html()) == ["files/x.pdf"] and 'src="fig.png"' in result.html()

    (root / "docs" / "files" / "x.pdf").unlink()
    result = build(root)
    assert not result.ok
    assert any(
        "data/p.bib:6: field 'pdf': link 'files/x.pdf' is not a file of the site" in w for w in result.warnings()
    )


# ------------------------------------------------------------------ links inside Markdown


def test_markdown_links_start_at_the_site_root_on_a_page_at_any_depth(tmp_path: Path) -> None:
    info = "See the [slides](talks/engines.pdf), [notes](#notes), [home](/) and [mail](mailto:ada@example.org)."
    data = {
        "p.bib": bib(additional_info=info),
        "news.yml": '- date: 2024-05\n  text: "New [slides](talks/engines.pdf)"\n',
    }
    block = "/// news\n///\n\n" + PUBLICATIONS
    pages = {"index.md": block, "deep/er/page.md": "# Deep\n\n" + block, "talks/engines.pdf": "%PDF-1.1\n"}
    root = write_site(tmp_path, pages=pages, data=data)
    result = build(root)
    assert result.ok, result.output

    def markdown_links(html: str) -> list[str]:
        values = re.findall(r'class="academic-(?:pub-info|news-text)">(.*?)</span>', html, re.DOTALL)
        return [href for value in values for href in re.findall(r'href="([^"]*)"', value)]

    assert markdown_links(result.html()) == [
        "talks/engines.pdf",
        "talks/engines.pdf",
        "#notes",
        "/",
        "mailto:ada@example.org",
    ]
    assert markdown_links(result.html("deep/er/page")) == [
        "../../../talks/engines.pdf",
        "../../../talks/engines.pdf",
        "#notes",
        "/",
        "mailto:ada@example.org",
    ]
    entry_page = result.html("publications/k2024")
    assert 'See the <a href="../../talks/engines.pdf">slides</a>' in entry_page


def test_a_dead_link_inside_markdown_warns_with_file_and_line(tmp_path: Path) -> None:
    news = '- date: 2024-05\n  text: Hello\n- date: 2024-06\n  text: "The [talk](talks/gone.pdf)"\n'
    data = {"p.bib": bib(highlights="Won a [prize](prizes/) and [more](https://example.org/)"), "news.yml": news}
    root = write_site(tmp_path, pages={"index.md": "/// news\n///\n\n" + PUBLICATIONS}, data=data)
    result = build(root)
    assert not result.ok
    dead = sorted(warning.split(" is not ")[0] for warning in result.warnings() if "the link is dead" in warning)
    assert dead == [
        "academic: data/news.yml:4: field 'text': link 'talks/gone.pdf'",
        "academic: data/p.bib:6: field 'highlights': link 'prizes/'",
    ]


def test_relink_rewrites_only_href_and_src_values_of_tags() -> None:
    html = (
        '<a href="a/b.pdf?x=1&amp;y=2">a</a> <img alt="src=&quot;no&quot;" src="img/x.png" /> '
        'href="text/only" <a href="https://example.org/">b</a>'
    )
    rewritten = relink(html, lambda url: "" if url.startswith("https:") else "../" + url)
    assert rewritten == (
        '<a href="../a/b.pdf?x=1&amp;y=2">a</a> <img alt="src=&quot;no&quot;" src="../img/x.png" /> '
        'href="text/only" <a href="">b</a>'
    )
    assert relink("no links", lambda url: "../" + url) == "no links"
