"""The documentation site (docs/) passes the browser checks of the example site, cheaply.

`make test` runs these: the Nu HTML checker and lychee once over the whole built docs site;
axe-core on every page at desktop width (Material's header and navigation on the home page
only: they are the same on all) and on the blocks of the block pages at phone width; every
page loads with no console error and no request to another host. `make test-docs` runs the
example site's whole browser suite (both colour schemes, layout, screenshots) on the docs.
"""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page
from test_site_quality import (
    AXE_TAGS,
    format_axe_violations,
    lychee_problems,
    vnu_errors,
    watch_page_loads,
)

PHONE = {"width": 390, "height": 844}


def test_docs_html_is_valid(docs_site: Path, java: Path, vnu_jar: Path) -> None:
    errors = vnu_errors(docs_site, java, vnu_jar)
    assert not errors, "Nu HTML checker errors in the docs site:\n" + "\n".join(errors)


def test_docs_links_and_fragments(docs_site: Path, lychee: Path) -> None:
    problems = lychee_problems(docs_site, docs_site, lychee)
    assert not problems, f"lychee found broken links in the docs site:\n{problems}"


def _axe(page: Page, base_url: str, paths: list[str], axe_js: Path, label: str, parts: list[str]) -> list[str]:
    """axe-core's WCAG 2 A/AA violations on each page (loaded once, without waiting for idle):
    on the whole first page, then on `parts` (CSS selectors) of the others."""
    reports = []
    for index, path in enumerate(paths):
        page.emulate_media(color_scheme="light", reduced_motion="reduce")
        page.goto(base_url + path, wait_until="load")
        page.add_script_tag(path=axe_js)
        context = {"include": [[part] for part in parts]} if index and parts else None
        result = page.evaluate(
            """([context, tags]) => axe.run(context || document,
                   {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})""",
            [context, AXE_TAGS],
        )
        if result["violations"]:
            reports.append(format_axe_violations(path, label, result["violations"]))
    return reports


def test_docs_pages_load_cleanly_and_pass_axe(page: Page, docs_url: str, docs_pages: list[str], axe_js: Path) -> None:
    """Every page at desktop width: no console error, no request to another host, no axe violation."""
    problems = watch_page_loads(page)
    # The generated page of each publication is the template that the example site's axe test
    # checks in both colour schemes: loaded here, but not checked again.
    generated = [path for path in docs_pages if path.startswith("publications/")]
    for path in generated[:1]:
        page.goto(docs_url + path, wait_until="load")
    pages = sorted((path for path in docs_pages if path not in generated), key=lambda path: path != "")
    # Material's header and navigation are the same on every page: checked whole on the first.
    reports = _axe(page, docs_url, pages, axe_js, "light, desktop", [".md-content", ".md-sidebar--secondary"])
    assert not problems, "\n".join(problems)
    assert not reports, "axe-core found WCAG 2 A/AA violations in the docs site:\n" + "\n".join(reports)


def test_docs_block_pages_pass_axe_at_phone_width(
    page: Page, docs_url: str, docs_pages: list[str], axe_js: Path
) -> None:
    page.set_viewport_size(PHONE)
    paths = [path for path in docs_pages if path.startswith("blocks/")]
    assert len(paths) >= 5, docs_pages  # publications, publication, news, experience, profile
    # At phone width: the plugin's blocks (their layout is ours; Material's is checked above).
    reports = _axe(page, docs_url, paths, axe_js, "light, phone", [".academic"])
    assert not reports, "axe-core found WCAG 2 A/AA violations in the docs site:\n" + "\n".join(reports)
