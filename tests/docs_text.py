"""The user documentation as text: README.md and every page of the docs site (docs/pages/).

Tests that check that something is documented read `docs_text()`, so a section may live in
README.md or in any docs page.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs_academic.messages import insert_catalogue

REPO_ROOT = Path(__file__).resolve().parent.parent
DOCS = REPO_ROOT / "docs"
DOCS_PAGES = DOCS / "pages"


def docs_pages() -> dict[str, str]:
    """Each docs page's path under docs/pages/ (POSIX) -> its Markdown text, in path order.

    The Messages page gets its catalogue (mkdocs_academic/messages.py), as docs/hooks.py puts
    it in when the site is built."""
    return {
        path.relative_to(DOCS_PAGES).as_posix(): insert_catalogue(path.read_text(encoding="utf-8"))
        for path in sorted(DOCS_PAGES.rglob("*.md"))
    }


def docs_text() -> str:
    """README.md, then every docs page, as one text."""
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    return "\n\n".join([readme, *docs_pages().values()])


def docs_section(name: str) -> str:
    """The text between `<!-- section:name -->` and `<!-- /section:name -->`, wherever it is."""
    text = docs_text()
    start, end = f"<!-- section:{name} -->", f"<!-- /section:{name} -->"
    assert start in text, f"no {start} in README.md or docs/pages/"
    return text.split(start, 1)[1].split(end, 1)[0]
