"""The Sphinx extension (`mkdocs_academic.sphinx`): temporary Sphinx projects built in this process.

Each test writes a small project (conf.py, reST or MyST pages, the data of
tests/fixtures/sphinx/data) and builds it with `sphinx.application.Sphinx`, or with
`sphinx.cmd.build.build_main` when the exit code of `sphinx-build -W` is the point.
"""

from __future__ import annotations

import io
import re
import shutil
import textwrap
from pathlib import Path

import markdown
import pytest

from mkdocs_academic.blocks import claim_id
from mkdocs_academic.data.store import DataStore

pytest.importorskip("sphinx")
pytest.importorskip("myst_parser")

from sphinx.application import Sphinx  # noqa: E402
from sphinx.cmd.build import build_main  # noqa: E402
from sphinx.util.docutils import docutils_namespace  # noqa: E402

ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")  # colours and line erases (FORCE_COLOR in CI)

DATA = Path(__file__).resolve().parent / "fixtures" / "sphinx" / "data"
KEYS = {
    "lovelace2020engines",
    "babbage2019difference",
    "somerville2018connexion",
    "herschel2017chapter",
    "lovelace2016thesis",
    "lovelace2021review",
}


def write_project(root: Path, pages: dict[str, str], conf: str = "") -> Path:
    """A Sphinx project in `root`: conf.py (the extension, MyST, `academic_me`), the pages, the data."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copytree(DATA, root / "data", dirs_exist_ok=True)
    (root / "conf.py").write_text(
        textwrap.dedent(
            """\
            project = "Test"
            extensions = ["mkdocs_academic.sphinx", "myst_parser"]
            academic_me = ["Ada Lovelace"]
            """
        )
        + textwrap.dedent(conf),
        encoding="utf-8",
    )
    for name, text in pages.items():
        (root / name).write_text(textwrap.dedent(text), encoding="utf-8")
    return root


def build(
    root: Path, builder: str = "html", *, parallel: int = 0, status: io.StringIO | None = None
) -> tuple[Sphinx, str]:
    """Build the project in `root` (incrementally, into root/_build); the app and its warnings."""
    warnings = io.StringIO()
    with docutils_namespace():  # node and directive registrations of one app stay with it
        app = Sphinx(
            str(root),
            str(root),
            str(root / "_build" / builder),
            str(root / "_build" / "doctrees" / builder),
            builder,
            status=status,
            warning=warnings,
            parallel=parallel,
        )
        app.build()
    return app, ANSI.sub("", warnings.getvalue())


def strict(root: Path, *extra: str) -> tuple[int, str]:
    """`sphinx-build -W` on the project: its exit code and what it printed on stderr."""
    err = io.StringIO()
    from contextlib import redirect_stderr

    with redirect_stderr(err):
        code = build_main(["-W", "-q", "-b", "html", *extra, str(root), str(root / "_build" / "strict")])
    return code, ANSI.sub("", err.getvalue())


def page_keys(html: str) -> list[str]:
    """The keys of the publications on a page, in order."""
    return re.findall(r'<li class="academic-pub[^"]*" id="[^"]+" data-key="([^"]+)"', html)


INDEX = textwrap.dedent(
    """\
    Home
    ====

    .. toctree::

       cv
       news

    Publications
    ------------

    .. publications::
    """
)


def test_rest_publications_are_the_markdown_blocks_list(tmp_path: Path) -> None:
    """`.. publications::` gives the list a MkDocs user gets: the same HTML, year sections in the toc."""
    pages = {"index.rst": INDEX, "cv.rst": "CV\n==\n", "news.rst": "News\n====\n"}
    # Without publication pages and downloads, as the Markdown extension renders without MkDocs.
    root = write_project(tmp_path / "site", pages, "academic_publication_pages = False\nacademic_exports = False\n")
    app, warnings = build(root)
    assert warnings == ""
    html = (root / "_build/html/index.html").read_text(encoding="utf-8")
    assert set(page_keys(html)) == KEYS
    assert '<div class="academic academic-publications">' in html
    assert "<strong>Ada Lovelace</strong>" in html  # the owner is highlighted
    # The same lists as the Markdown extension renders from the same data.
    expected = markdown.markdown(
        "# Publications\n\n/// publications\n///\n",
        extensions=["mkdocs_academic.markdown"],
        extension_configs={"mkdocs_academic.markdown": {"data_dir": str(root / "data"), "me": ["Ada Lovelace"]}},
    )
    lists = re.compile(r'<ol class="academic-pub-list.*?</ol>', re.DOTALL)
    assert lists.findall(html) == lists.findall(expected) != []
    # Year headings are sections with the ids MkDocs gives them, and they reach the page's toc.
    assert re.search(r'<section class="academic-heading" id="publications-2020">\s*<h3>2020', html)
    toc = app.env.tocs["index"].astext()
    assert "2020" in toc and "In progress" in toc
    # The shared stylesheet and script are copied and linked.
    assert (root / "_build/html/_static/academic.css").is_file()
    assert (root / "_build/html/_static/academic.js").is_file()
    assert 'href="_static/academic.css' in html and 'src="_static/academic.js' in html


def test_myst_directives_take_the_same_options(tmp_path: Path) -> None:
    """MyST fences run the same directives with the same option names and values."""
    pages = {
        "index.md": """\
            # Home

            ```{publications}
            :selected: true
            :group_by: none
            ```

            ```{publications}
            :year: 2018-2019
            :style: compact
            ```

            ```{experience} education
            ```

            ```{news}
            :limit: 1
            ```

            ```{profile}
            :bio: false
            ```

            ```{publication}
            :key: lovelace2016thesis
            ```
            """,
    }
    root = write_project(tmp_path / "site", pages, 'academic_publications = {"abstract": False}\n')
    _, warnings = build(root)
    assert warnings == ""
    html = (root / "_build/html/index.html").read_text(encoding="utf-8")
    assert page_keys(html) == ["lovelace2020engines", "babbage2019difference", "somerville2018connexion"]
    assert "academic-style-compact" in html
    assert "academic-abstract" not in html.split('class="academic academic-publication"')[0]  # conf.py default
    assert '<ul class="academic-cv-list academic-cv-education">' in html
    assert html.count('class="academic-news-item') == 1
    assert "academic-profile-card" in html and "academic-bio" not in html
    assert 'class="academic academic-publication" id="lovelace2016thesis" data-key="lovelace2016thesis"' in html


def test_a_bad_option_fails_sphinx_build_w_at_the_directive_line(tmp_path: Path) -> None:
    pages = {
        "index.rst": """\
            Home
            ====

            .. publications::
               :group_by: decade
               :selectd: true
            """
    }
    root = write_project(tmp_path / "site", pages)
    code, err = strict(root)
    assert code != 0
    assert "index.rst:4: WARNING: academic: publications directive: option 'group_by': expected one of" in err
    assert "unknown option 'selectd' (did you mean 'selected'?)" in err
    assert "Traceback" not in err
    # Hints are in directive syntax, not in that of a Markdown block.
    root = write_project(tmp_path / "other", {"index.rst": "Home\n====\n\n.. publication::\n\n.. news:: all\n"})
    code, err = strict(root, "--keep-going")
    assert code != 0
    assert (
        "index.rst:4: WARNING: academic: publication directive: option 'key' is missing (write `:key: yourkey2024`"
        in err
    )
    assert "use options such as `:limit: 5`" in err
    assert "under the header" not in err


def test_a_bad_bib_file_fails_sphinx_build_w_at_its_line(tmp_path: Path) -> None:
    root = write_project(tmp_path / "site", {"index.rst": INDEX, "cv.rst": "CV\n==\n", "news.rst": "News\n====\n"})
    with (root / "data/publications.bib").open("a", encoding="utf-8") as bib:
        bib.write("\n@article{broken2024,\n  title = {One},\n  title = {Two},\n  year = {2024},\n}\n")
    code, err = strict(root)
    assert code != 0
    assert re.search(r"data/publications\.bib:\d+: WARNING: academic: .*title", err), err
    # The data file is named by its full path, as Sphinx names documents (whatever the current folder).
    assert f"{root / 'data' / 'publications.bib'}:" in err
    assert "Traceback" not in err


def test_a_bad_conf_value_is_a_clear_configuration_error(tmp_path: Path) -> None:
    root = write_project(tmp_path / "site", {"index.rst": INDEX}, "academic_max_authors = -1\n")
    code, err = strict(root)
    assert code != 0
    assert "ERROR: academic: conf.py: academic_max_authors: expected a whole number of at least 0, got -1" in err
    assert "Traceback" not in err
    # A misspelt block default is a warning, which -W turns into a failure.
    root = write_project(tmp_path / "other", {"index.rst": INDEX}, 'academic_news = {"limt": 3}\n')
    code, err = strict(root)
    assert code != 0 and "academic_news: unknown option 'limt' (did you mean 'limit'?)" in err
    # Sphinx ignores a name it does not know: a misspelt `academic_*` name is a warning of ours.
    root = write_project(tmp_path / "third", {"index.rst": INDEX}, 'academic_data_directory = "data"\n')
    code, err = strict(root)
    assert code != 0
    assert "unknown option 'academic_data_directory' (did you mean 'academic_data_dir'?)" in err
    assert "Traceback" not in err


def test_an_edited_data_file_rebuilds_the_pages_that_use_it(tmp_path: Path) -> None:
    pages = {"index.rst": INDEX, "cv.rst": "CV\n==\n\n.. experience:: positions\n", "news.rst": "News\n====\n"}
    root = write_project(tmp_path / "site", pages)
    app, _ = build(root)

    def dependencies(docname: str) -> set[str]:
        return {
            Path(root, dep).resolve().relative_to(root.resolve()).as_posix() for dep in app.env.dependencies[docname]
        }

    assert dependencies("index") >= {"data/publications.bib", "data/news.yml"}
    # Files only: Sphinx takes a folder dependency for a missing file, and reads the page every time.
    assert "data" not in dependencies("index")
    assert "data/cv.yml" in dependencies("cv")
    assert "news" not in app.env.dependencies  # a page without blocks depends on no data
    bib = root / "data/publications.bib"
    bib.write_text(bib.read_text(encoding="utf-8").replace("Notes on the {Analytical Engine}", "Notes, edited"))
    status = io.StringIO()
    _, warnings = build(root, status=status)
    assert warnings == ""
    html = (root / "_build/html/index.html").read_text(encoding="utf-8")
    assert "Notes, edited" in html and "Notes on the Analytical Engine" not in html
    reading = [line for line in ANSI.sub("", status.getvalue()).splitlines() if line.startswith("reading sources")]
    assert reading and "index" in reading[-1] and "news" not in "".join(reading)


def test_an_unchanged_project_is_not_read_again_and_a_new_data_file_is_seen(tmp_path: Path) -> None:
    pages = {"index.rst": INDEX, "cv.rst": "CV\n==\n\n.. experience:: positions\n", "news.rst": "News\n====\n"}
    root = write_project(tmp_path / "site", pages)
    build(root)

    def read_documents() -> str:
        status = io.StringIO()
        _, warnings = build(root, status=status)
        assert warnings == ""
        return "".join(
            line for line in ANSI.sub("", status.getvalue()).splitlines() if line.startswith("reading sources")
        )

    assert "index" not in read_documents()  # nothing changed: nothing is read
    (root / "data/more.bib").write_text(
        "@misc{lovelace2024more, author = {Lovelace, Ada}, title = {One More}, year = {2024}}\n", encoding="utf-8"
    )
    reading = read_documents()
    assert "index" in reading and "cv" in reading and "news" not in reading
    assert "One More" in (root / "_build/html/index.html").read_text(encoding="utf-8")
    assert "index" not in read_documents()


def test_relative_data_links_follow_the_builders_page_paths(tmp_path: Path) -> None:
    """A data link (`publications/#key` in news.yml, the photo) is relative to the site root,
    from the page as each HTML builder writes it."""
    pages = {
        "index.rst": "Home\n====\n\n.. toctree::\n\n   sub/news\n",
        "sub/news.rst": "News\n====\n\n.. news::\n\n.. profile::\n",
    }
    (tmp_path / "site/sub").mkdir(parents=True)
    root = write_project(tmp_path / "site", pages)
    expected = {
        "html": ("sub/news.html", "../"),
        "dirhtml": ("sub/news/index.html", "../../"),
        "singlehtml": ("index.html", ""),
    }
    # One doctree folder for all builders, as `sphinx-build -M` and `make` have it.
    for builder, (page, prefix) in expected.items():
        out, doctrees = root / "_build" / builder, root / "_build" / "doctrees"
        assert build_main(["-q", "-W", "-b", builder, "-d", str(doctrees), str(root), str(out)]) == 0
        html = (out / page).read_text(encoding="utf-8")
        assert f'href="{prefix}publications/#lovelace2020engines"' in html, builder
        assert f'src="{prefix}assets/ada.svg"' in html, builder


def test_text_and_latex_builders_get_the_entries(tmp_path: Path) -> None:
    pages = {
        "index.rst": INDEX + "\n.. news::\n\n.. experience:: education\n",
        "cv.rst": "CV\n==\n",
        "news.rst": "News\n====\n",
    }
    root = write_project(tmp_path / "site", pages)
    _, warnings = build(root, "text")
    assert warnings == ""
    text = (root / "_build/text/index.txt").read_text(encoding="utf-8")
    words = " ".join(text.split())
    assert "**Notes on the Analytical Engine** — Ada Lovelace, Charles Babbage, and Mary Somerville" in words
    assert "2020\n----" in text  # the year headings are headings there too
    assert "I am recruiting students" in words and "PhD in Mathematics" in words
    assert "<" not in text and "BibTeX" not in text
    _, warnings = build(root, "latex")
    assert warnings == ""
    tex = next((root / "_build/latex").glob("*.tex")).read_text(encoding="utf-8")
    assert r"\sphinxstylestrong{Notes on the Analytical Engine}" in tex
    assert r"\subsection{2020}" in tex or r"\section{2020}" in tex


def test_an_epub_gets_the_entries_as_well_formed_xhtml(tmp_path: Path) -> None:
    """EPUB pages are XHTML: the shared renderer's HTML (`&nbsp;`, `<img>`) is not, so an
    EPUB gets the entries as document nodes, as the issue promised."""
    from xml.dom import minidom

    pages = {"index.rst": INDEX + "\n.. profile::\n\n.. news::\n", "cv.rst": "CV\n==\n", "news.rst": "News\n====\n"}
    root = write_project(tmp_path / "site", pages, 'version = "1"\ncopyright = "2025"\n')
    _, warnings = build(root, "epub")
    assert "academic" not in warnings
    xhtml = (root / "_build/epub/index.xhtml").read_text(encoding="utf-8")
    minidom.parseString(xhtml.encode("utf-8"))  # well-formed
    assert "Notes on the Analytical Engine" in xhtml and "academic-pub-list" not in xhtml
    assert (root / "_build/epub/_static/academic.css").is_file()  # it links to it: it is in the book


def test_a_parallel_build_is_the_same(tmp_path: Path) -> None:
    pages = {f"page{n}.rst": f"Page {n}\n=======\n\n.. publications::\n   :year: {2016 + n}\n" for n in range(5)}
    pages["index.rst"] = "Home\n====\n\n.. toctree::\n   :glob:\n\n   page*\n"
    root = write_project(tmp_path / "site", pages)
    app, warnings = build(root, parallel=2)
    assert warnings == ""
    for n in range(5):
        html = (root / f"_build/html/page{n}.html").read_text(encoding="utf-8")
        assert len(page_keys(html)) == 1
    assert page_keys((root / "_build/html/page4.html").read_text(encoding="utf-8")) == ["lovelace2020engines"]


def test_a_directive_inside_an_admonition_has_rubrics(tmp_path: Path) -> None:
    pages = {"index.rst": "Home\n====\n\n.. note::\n\n   .. publications::\n      :keys: lovelace2016thesis\n"}
    root = write_project(tmp_path / "site", pages)
    _, warnings = build(root)
    assert warnings == ""
    html = (root / "_build/html/index.html").read_text(encoding="utf-8")
    assert re.search(r'<p class="[^"]*rubric" id="publications-2016">2016</p>', html)
    assert page_keys(html) == ["lovelace2016thesis"]


def test_beside_sphinxcontrib_bibtex(tmp_path: Path) -> None:
    """sphinxcontrib-bibtex keeps `:cite:` and `.. bibliography::`; ours keeps its blocks."""
    pytest.importorskip("sphinxcontrib.bibtex")
    pages = {
        "index.rst": """\
            Home
            ====

            As shown by :cite:`lovelace2020engines`.

            .. publications::
               :group_by: none

            .. bibliography::
            """
    }
    conf = """\
        extensions.append("sphinxcontrib.bibtex")
        bibtex_bibfiles = ["data/publications.bib"]
        """
    root = write_project(tmp_path / "site", pages, conf)
    _, warnings = build(root)
    assert "academic" not in warnings
    html = (root / "_build/html/index.html").read_text(encoding="utf-8")
    assert set(page_keys(html)) == KEYS
    assert 'class="citation"' in html or "docutils citation" in html or 'role="doc-biblioentry"' in html


@pytest.mark.parametrize("theme", ["alabaster", "furo", "sphinx_rtd_theme", "pydata_sphinx_theme"])
def test_each_theme_builds_with_w(tmp_path: Path, theme: str) -> None:
    """Each supported theme builds `-W` clean, with the blocks' HTML and our stylesheet."""
    pytest.importorskip(theme)
    pages = {"index.rst": INDEX + "\n.. news::\n   :limit: 2\n", "cv.rst": "CV\n==\n", "news.rst": "News\n====\n"}
    root = write_project(tmp_path / "site", pages, f'html_theme = "{theme}"\n')
    code, err = strict(root)
    assert code == 0, err
    html = (root / "_build/strict/index.html").read_text(encoding="utf-8")
    assert set(page_keys(html)) == KEYS
    assert 'href="_static/academic.css' in html
    assert html.count('class="academic-news-item') == 2


def test_the_example_site_builds_with_w(tmp_path: Path, repo_root: Path) -> None:
    """example-sphinx: the researcher of example-site, from its very data files."""
    code, err = strict_dir(repo_root / "example-sphinx", tmp_path / "out")
    assert code == 0, err
    publications = (tmp_path / "out/publications.html").read_text(encoding="utf-8")
    data = DataStore(repo_root / "example-site/data", repo_root).load()
    assert not data.problems
    assert set(page_keys(publications)) == {pub.key for pub in data.publications} != set()
    assert (tmp_path / "out/assets/elena.svg").is_file()  # the profile photo
    index = (tmp_path / "out/index.html").read_text(encoding="utf-8")
    assert "academic-profile-card" in index and 'src="assets/elena.svg"' in index


def strict_dir(source: Path, out: Path) -> tuple[int, str]:
    """`sphinx-build -W` of the project in `source` into `out`."""
    err = io.StringIO()
    from contextlib import redirect_stderr

    with redirect_stderr(err):
        code = build_main(["-W", "-q", "-b", "html", str(source), str(out), "-d", str(out / ".doctrees")])
    return code, ANSI.sub("", err.getvalue())


class FakePage:
    """A host's page for the core blocks, without Markdown or Sphinx."""

    def __init__(self) -> None:
        self.warnings: list[str] = []
        self.ids: set[str] = set()

    def warn(self, message: str) -> None:
        self.warnings.append(message)

    def unique_id(self, slug: str) -> str:
        return claim_id(slug, self.ids)

    def auto_heading_level(self) -> int:
        return 2


def test_the_core_blocks_need_no_host() -> None:
    """`blocks.run_block` gives headings and HTML parts, and reports through the page."""
    from mkdocs_academic.blocks import BuildContext, Heading, Html, run_block
    from mkdocs_academic.options import build_site_options
    from mkdocs_academic.render.labels import Labels

    options, problems = build_site_options({"me": ["Ada Lovelace"]}, DATA.parent)
    assert not problems
    context = BuildContext.from_options(options, store=DataStore(DATA, DATA.parent), labels=Labels("en"))
    page = FakePage()
    out = run_block(
        "publications", {"keys": "lovelace2020engines, nokey", "group_by": "year", "limt": 2}, context, page
    )
    assert [part.text for part in out.parts if isinstance(part, Heading)] == ["2020"]
    assert out.parts[0] == Heading(2, "2020", "publications-2020")
    assert 'data-key="lovelace2020engines"' in "".join(part.markup for part in out.parts if isinstance(part, Html))
    assert page.warnings == [
        "unknown option 'limt' (did you mean 'limit'?)",
        "key 'nokey' is not in the data (check the key in your .bib file)",
    ]
    assert context.page_record("").shows("publications")
    one = run_block("publication", {"key": "lovelace2016thesis"}, context, FakePage())
    assert one.attributes == {"id": "lovelace2016thesis", "data-key": "lovelace2016thesis"}


def test_plain_entries_of_the_shared_html() -> None:
    from mkdocs_academic.sphinx.plain import plain_entries

    html = (
        '<ol><li class="academic-pub"><div class="academic-pub-aside"><span>JEng</span></div>'
        '<span class="academic-pub-title">A <em>title</em></span>'
        '<span class="academic-pub-authors">Ada and Bob</span>'
        '<div class="academic-pub-links"><a href="x">DOI</a><details><summary>BibTeX</summary>'
        "<pre>@article{}</pre></details></div></li></ol><p>After the list</p>"
    )
    assert plain_entries(html) == [["A title", "Ada and Bob"], ["After the list"]]
    assert [entry.item for entry in plain_entries(html)] == [True, False]


def test_text_outside_the_entries_is_a_plain_paragraph() -> None:
    """A bio or notice is a paragraph for LaTeX and text, not a bold list item."""
    from docutils import nodes

    from mkdocs_academic.sphinx.nodes import plain_nodes

    html = '<div class="academic-bio"><p>I study <em>engines</em>.</p></div><ul><li><span class="academic-when">2020</span>Talk</li></ul>'
    paragraph, items = plain_nodes(html)
    assert isinstance(paragraph, nodes.paragraph) and not list(paragraph.findall(nodes.strong))
    assert paragraph.astext() == "I study engines."
    assert isinstance(items, nodes.bullet_list) and items.astext() == "2020 — Talk"


def test_every_option_is_in_the_sphinx_docs_page(repo_root: Path) -> None:
    """docs/pages/sphinx.md names every site option as its conf.py value, and every directive."""
    from mkdocs_academic.options import SITE_OPTIONS
    from mkdocs_academic.sphinx.directives import DIRECTIVES

    page = (repo_root / "docs/pages/sphinx.md").read_text(encoding="utf-8")
    missing = [name for name in SITE_OPTIONS if f"`academic_{name}`" not in page]
    assert not missing, f"conf.py values not in docs/pages/sphinx.md: {missing}"
    assert all(f".. {name}::" in page for name in DIRECTIVES)


def test_be_found_and_cited_outputs(tmp_path: Path) -> None:
    """HTML builds get the publication pages (citation tags, JSON-LD), downloads and the feed."""
    import json
    import xml.etree.ElementTree as etree

    pages = {
        "index.rst": INDEX,
        "cv.rst": "CV\n==\n\n.. profile::\n",
        "news.rst": "News\n====\n\n.. news::\n",
        "sub/deep.rst": ":orphan:\n\nDeep\n====\n\n.. publications::\n   :keys: lovelace2016thesis\n",
    }
    (tmp_path / "site/sub").mkdir(parents=True)
    root = write_project(tmp_path / "site", pages, 'html_baseurl = "https://example.org/ada/"\n')
    _, warnings = build(root)
    assert warnings == ""
    out = root / "_build/html"
    page = (out / "publications/lovelace2020engines.html").read_text(encoding="utf-8")
    assert '<meta name="citation_title" content="Notes on the Analytical Engine">' in page
    assert (
        '<meta name="citation_abstract_html_url" content="https://example.org/ada/publications/lovelace2020engines.html">'
        in page
    )
    assert '"@type": "ScholarlyArticle"' in page
    assert '<h1 id="notes-on-the-analytical-engine">Notes on the Analytical Engine' in page
    assert 'href="_static/academic.css' not in page and 'href="../_static/academic.css' in page
    # The lists link each title to its page and each entry to its own .bib file.
    index = (out / "index.html").read_text(encoding="utf-8")
    assert '<a href="publications/lovelace2020engines.html">Notes on the Analytical Engine</a>' in index
    assert 'href="publications/lovelace2020engines.bib" download' in index
    deep = (out / "sub/deep.html").read_text(encoding="utf-8")
    assert '<a href="../publications/lovelace2016thesis.html">' in deep
    assert "@article{lovelace2020engines," in (out / "publications/lovelace2020engines.bib").read_text(encoding="utf-8")
    assert (out / "publications.bib").read_text(encoding="utf-8").count("\n@") + 1 >= len(KEYS)
    assert {item["id"] for item in json.loads((out / "publications.json").read_text(encoding="utf-8"))} == KEYS
    # The feed: linked from every page's head; its entries link to their item on the news archive.
    assert (
        '<link rel="alternate" type="application/atom+xml" title="Test: News" href="https://example.org/ada/feed.xml">'
        in index
    )
    feed = etree.parse(out / "feed.xml").getroot()
    atom = "{http://www.w3.org/2005/Atom}"
    links: list[str] = []
    for entry in feed.iter(f"{atom}entry"):
        link = entry.find(f"{atom}link")
        assert link is not None, "a feed entry without a link"
        links.append(str(link.get("href")))
    assert links and all(
        link.startswith("https://example.org/ada/news.html#news-") or "example.org/" in link for link in links
    )
    assert any(link.startswith("https://example.org/ada/news.html#news-") for link in links)
    # The owner's Person JSON-LD: on the one page with the profile (the root page has none).
    assert '"@type": "Person"' in (out / "cv.html").read_text(encoding="utf-8")
    assert '"@type": "Person"' not in index


def test_no_feed_without_html_baseurl_and_no_outputs_for_text(tmp_path: Path) -> None:
    root = write_project(
        tmp_path / "site", {"index.rst": INDEX + "\n.. news::\n", "cv.rst": "CV\n==\n", "news.rst": "N\n=\n"}
    )
    _, warnings = build(root)
    assert warnings == ""
    assert not (root / "_build/html/feed.xml").exists()
    assert (root / "_build/html/publications/lovelace2020engines.html").is_file()
    root = write_project(tmp_path / "strict", {"index.rst": "Home\n====\n"}, "academic_feed = True\n")
    code, err = strict(root)
    assert code != 0 and "set `html_baseurl` in conf.py" in err
    _, warnings = build(tmp_path / "site", "text")
    assert warnings == ""
    assert not (root / "_build/text/publications").exists()


def test_data_links_to_pages_written_for_mkdocs_name_the_builders_pages(tmp_path: Path) -> None:
    """The same data files as in MkDocs: `publications/#key` (news.yml) and `cv/` (profile.yml)
    name documents of the project, and link to them as each HTML builder writes them."""
    pages = {
        "index.rst": "Home\n====\n\n.. toctree::\n\n   sub/news\n   publications\n   cv\n",
        "sub/news.rst": "News\n====\n\n.. news::\n\n.. profile::\n",
        "publications.rst": "Publications\n============\n\n.. publications::\n",
        "cv.rst": "CV\n==\n\nMy CV.\n",
    }
    (tmp_path / "site/sub").mkdir(parents=True)
    root = write_project(tmp_path / "site", pages)
    expected = {
        "html": ("sub/news.html", "../publications.html#lovelace2020engines", "../cv.html"),
        "dirhtml": ("sub/news/index.html", "../../publications/#lovelace2020engines", "../../cv/"),
        "singlehtml": ("index.html", "#lovelace2020engines", "#document-cv"),
    }
    for builder, (page, news_link, cv_link) in expected.items():
        out, doctrees = root / "_build" / builder, root / "_build" / "doctrees"
        assert build_main(["-q", "-W", "-b", builder, "-d", str(doctrees), str(root), str(out)]) == 0
        html = (out / page).read_text(encoding="utf-8")
        assert f'href="{news_link}"' in html, builder
        assert f'href="{cv_link}"' in html, builder
