"""A page with citations in a real browser: readable at 390 px in both themes, links both ways,
the hover card (academic.js), and the `title` that does the same with JavaScript off.

Screenshots land in tests/.artifacts/layout/citations-<theme>-390.png (git-ignored).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from layout_checks import layout_problems
from playwright.sync_api import Browser, Page, expect
from sitebuilder import build, write_site

SCREENSHOTS = Path(__file__).resolve().parents[1] / ".artifacts" / "layout"

BIB = r"""
@article{lovelace1843,
  title = {Notes on the Analytical Engine, with a Rather Long Title to Wrap at Phone Widths},
  author = {Lovelace, Ada and Babbage, Charles and Somerville, Mary and Herschel, John},
  journal = {Scientific Memoirs, Selected from the Transactions of Foreign Academies of Science},
  year = {1843},
  doi = {10.1000/notes},
}
@book{babbage1864,
  title = {Passages from the Life of a Philosopher},
  author = {Babbage, Charles},
  publisher = {Longman},
  year = {1864},
}
"""

PAGE = """# Notes

The engine was described early [@lovelace1843, pp. 691--731], and @babbage1864 recalls it at
length [see @babbage1864, chap. 8; @lovelace1843]. Write to ada@example.org.

""" + "\n\n".join(f"Paragraph {n} of filler text, so that the references are further down." for n in range(12))


@pytest.fixture(scope="module", params=["mkdocs", "material"])
def citation_site(request: pytest.FixtureRequest, served_root: Path, site_origin: str) -> str:
    """The URL of the page, built --strict with the theme."""
    theme = request.param
    project = write_site(
        served_root.parent / f"citations-project-{theme}",
        pages={"index.md": PAGE},
        data={"refs.bib": BIB},
        plugin={"me": ["Ada Lovelace"], "citation_style": "author-year"},
        theme=theme,
    )
    built = build(project, site_dir=served_root / f"citations-{theme}")
    assert built.ok, built.output
    return f"{site_origin}/citations-{theme}/"


def test_citations_at_390_px(page: Page, citation_site: str) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(citation_site)
    assert layout_problems(page) == []
    theme = citation_site.rstrip("/").rsplit("-", 1)[1]
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.locator(".academic-bibliography").scroll_into_view_if_needed()
    page.screenshot(path=SCREENSHOTS / f"citations-{theme}-390.png", full_page=True)
    # Text of citations and entries at a readable size.
    sizes = page.locator(".academic-cite, .academic-references .academic-pub-title").evaluate_all(
        "els => els.map(e => parseFloat(getComputedStyle(e).fontSize))"
    )
    assert sizes and min(sizes) >= 12


def test_links_both_ways(page: Page, citation_site: str) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(citation_site)
    page.locator("a#cite-babbage1864-2").click()
    expect(page).to_have_url(citation_site + "#ref-babbage1864")
    expect(page.locator("#ref-babbage1864")).to_be_in_viewport()
    page.locator('#ref-babbage1864 a.academic-backref[href="#cite-babbage1864-1"]').click()
    expect(page).to_have_url(citation_site + "#cite-babbage1864-1")
    expect(page.locator("#cite-babbage1864-1")).to_be_in_viewport()


def test_hover_card_and_escape(page: Page, citation_site: str) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(citation_site)
    link = page.locator("a#cite-lovelace1843-1")
    link.hover()
    card = page.locator("#academic-cite-card")
    expect(card).to_be_visible()
    expect(card).to_contain_text("Notes on the Analytical Engine")
    box, width = card.bounding_box(), page.evaluate("document.documentElement.clientWidth")
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width
    expect(link).to_have_attribute("aria-describedby", "academic-cite-card")
    page.keyboard.press("Escape")
    expect(card).to_have_count(0)


def test_without_javascript_the_title_tells(browser: Browser, citation_site: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(citation_site)
        title = page.locator("a#cite-lovelace1843-1").get_attribute("title") or ""
        assert title.startswith("Ada Lovelace, Charles Babbage") and "(1843)" in title
        page.locator("a#cite-lovelace1843-1").hover()
        expect(page.locator("#academic-cite-card")).to_have_count(0)
    finally:
        context.close()
