"""The documentation site (docs/mkdocs.yml) builds with `--strict` and documents every option.

The site is built with the plugin itself: each block page shows the block rendered live from
the small data files in docs/data/, and the Python API page is rendered by mkdocstrings.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from docs_text import DOCS, docs_pages
from mkdocs.config.base import get_schema
from sitebuilder import Built, build

from mkdocs_academic.config import AcademicConfig
from mkdocs_academic.messages import MARKER, MESSAGES
from mkdocs_academic.options import BLOCK_OPTIONS, OPTION_ALIASES, SITE_OPTIONS

#: The page that documents each block's options, under docs/pages/.
BLOCK_PAGES = {
    "publications": "blocks/publications.md",
    "publication": "blocks/publication.md",
    "news": "blocks/news.md",
    "experience": "blocks/experience.md",
    "profile": "blocks/profile.md",
    "bibliography": "blocks/citations.md",
}


@pytest.fixture(scope="module")
def docs_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Built, float]:
    site = tmp_path_factory.mktemp("docs-site") / "site"
    start = time.perf_counter()
    built = build(DOCS, site_dir=site)
    return built, time.perf_counter() - start


def test_the_docs_site_builds_strict_and_quickly(docs_site: tuple[Built, float]) -> None:
    built, seconds = docs_site
    assert built.ok, built.output
    assert built.warnings() == [], built.output
    assert seconds < 20, f"the docs build took {seconds:.1f} s (keep it under ~10 s)"


def test_every_block_page_shows_its_live_example(docs_site: tuple[Built, float]) -> None:
    built, _ = docs_site
    publications = built.html("blocks/publications/")
    entries = re.findall(r'<li[^>]*class="academic-pub[ "][^>]*data-key="([^"]+)"', publications)
    assert len(entries) >= 4 + 2, entries  # every entry, then the selected ones
    assert "lovelace1843notes" in entries and "lovelace2024tone" in entries
    assert '<mark class="academic-me' in publications or "academic-me" in publications
    news = built.html("blocks/news/")
    assert news.count('class="academic academic-news') == 2
    assert "recruiting <strong>PhD students</strong>" in news
    experience = built.html("blocks/experience/")
    assert "Professor of Computing" in experience and "Outstanding paper award" in experience
    assert "Hidden with" not in experience.split("Outstanding paper award")[1].split("</div>")[0]
    profile = built.html("blocks/profile/")
    assert 'class="academic academic-profile' in profile and "Analytical engines" in profile
    publication = built.html("blocks/publication/")
    assert 'class="academic academic-publication' in publication and "Notes on the Analytical Engine" in publication
    assert (built.site / "publications" / "lovelace1843notes" / "index.html").is_file()


def test_no_block_is_left_as_text(docs_site: tuple[Built, float]) -> None:
    built, _ = docs_site
    for page in sorted(built.site.rglob("*.html")):
        text = re.sub(r"<(pre|code)\b.*?</\1>", "", page.read_text(encoding="utf-8"), flags=re.S)
        assert not re.search(r"<p>/// (publications|publication|news|experience|profile|bibliography)\b", text), page


def test_the_api_page_and_the_figures_are_rendered(docs_site: tuple[Built, float]) -> None:
    built, _ = docs_site
    api = built.html("markdown-extension/")
    assert 'id="mkdocs_academic.markdown.AcademicExtension"' in api
    assert 'id="mkdocs_academic.markdown.makeExtension"' in api
    performance = built.html("performance/")
    assert "Listing page: one page showing every entry" in performance  # from bench/RESULTS.md
    assert "--8&lt;--" not in performance


def test_the_messages_page_is_rendered_from_the_code_catalogue(docs_site: tuple[Built, float]) -> None:
    built, _ = docs_site
    page = built.html("messages/")
    assert MARKER not in page and "Reading this file on a code host" not in page
    for message in MESSAGES:
        assert f"<td><code>{message.id}</code></td>" in page, message.id
    assert page.count("<tr>") >= len(MESSAGES)
    assert "Stricter than BibTeX" in page and "How to fix" in page


def _default_cell(text: str, name: str) -> str:
    """The "default" cell of the options-table row of `name` (the first row that names it)."""
    header: list[str] = []
    for line in text.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")] if line.startswith("|") else []
        if "default" in cells:
            header = cells
        elif header and cells and cells[0].startswith(f"`{name}`"):
            return cells[header.index("default")] if len(cells) == len(header) else ""
    return ""


def _documented(text: str, name: str) -> bool:
    """`name` in a table row of the page (`| `name` |…`): the options tables."""
    rows = "\n".join(line for line in text.splitlines() if line.startswith("|"))
    return f"`{name}`" in rows


def test_every_site_option_is_in_the_options_page() -> None:
    page = docs_pages()["options.md"]
    names = set(SITE_OPTIONS) | {name for name, _ in get_schema(AcademicConfig)}
    missing = sorted(name for name in names if not _documented(page, name))
    assert not missing, f"plugin options not documented in docs/pages/options.md: {missing}"


@pytest.mark.parametrize("block", sorted(BLOCK_OPTIONS))
def test_every_block_option_and_spelling_is_on_the_block_page(block: str) -> None:
    pages = docs_pages()
    # A block added later has its page at blocks/<name>.md, or on any block page that shows it.
    name = BLOCK_PAGES.get(block) or next(
        (path for path in pages if path == f"blocks/{block}.md"),
        next((path for path, text in pages.items() if path.startswith("blocks/") and f"/// {block}" in text), ""),
    )
    assert name, f"no page under docs/pages/blocks/ documents /// {block}"
    page = pages[name]
    names = set(BLOCK_OPTIONS[block]) | set(OPTION_ALIASES.get(block, {}))
    missing = sorted(name for name in names if not _documented(page, name))
    assert not missing, f"/// {block} options not documented in docs/pages/{name}: {missing}"
    # Each option whose default is a word or true/false shows it in the table's "default" column.
    wrong = []
    for option, (default, _) in BLOCK_OPTIONS[block].items():
        shown = "true" if default is True else "false" if default is False else default
        if isinstance(shown, str) and shown and f"`{shown}`" not in _default_cell(page, option):
            wrong.append(f"{option}: `{shown}`")
    assert not wrong, f"/// {block} defaults not shown in docs/pages/{name}: {wrong}"


def test_the_readme_links_into_the_docs(repo_root: Path) -> None:
    readme = (repo_root / "README.md").read_text(encoding="utf-8")
    assert readme.lstrip().startswith("# mkdocs-academic")
    assert len(readme.splitlines()) <= 200, "README.md is the front door: the rest goes in docs/pages/"
    assert readme.index("make serve") < readme.index("make test") < 1200  # the two commands first
    links = re.findall(r"\]\((docs/[^)#]+)", readme)
    assert links, "README.md links into docs/"
    for link in links:
        assert (repo_root / link).is_file(), link


def test_the_citations_page_is_live(docs_site: tuple[Built, float]) -> None:
    built, _ = docs_site
    page = built.html("blocks/citations/")
    assert 'class="academic-cite"' in page and 'href="#ref-lovelace1843notes"' in page
    assert 'id="ref-lovelace1843notes"' in page and 'href="#cite-lovelace1843notes-1"' in page
    assert "<code>[@lovelace1843notes]</code>" in page
