"""Interactions on the publications page, against the HTML contract:

- every publication is an element with `id` and `data-key`;
- abstract and BibTeX are `details.academic-abstract` / `details.academic-bibtex` inside it;
- `button.academic-copy` inside `details.academic-bibtex` copies the text of its `<code>`.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import BrowserContext, Locator, Page, expect

PAGE = "publications/"
KINDS = ["academic-abstract", "academic-bibtex"]


@pytest.fixture
def publications(page: Page) -> Page:
    page.goto(PAGE)
    expect(page.locator("[data-key]").first).to_be_attached()
    return page


def first_details(page: Page, kind: str) -> Locator:
    details = page.locator(f"[data-key] details.{kind}").first
    expect(details, f"no publication has a details.{kind}").to_be_attached()
    return details


def test_publications_have_unique_ids_and_keys(publications: Page) -> None:
    entries = publications.locator("[data-key]").evaluate_all("els => els.map(e => [e.id, e.dataset.key])")
    ids = [entry_id for entry_id, _ in entries]
    keys = [key for _, key in entries]
    assert all(ids), f"publications without id: {[k for i, k in entries if not i]}"
    assert all(keys), "publication with an empty data-key"
    assert len(set(ids)) == len(ids), f"duplicate ids: {sorted(ids)}"
    assert len(set(keys)) == len(keys), f"duplicate data-key: {sorted(keys)}"


@pytest.mark.parametrize("kind", KINDS)
def test_details_toggle_by_click(publications: Page, kind: str) -> None:
    details = first_details(publications, kind)
    content = details.locator(":scope > :not(summary)").first
    was_open = details.evaluate("d => d.open")
    for now_open in (not was_open, was_open):
        details.locator("summary").click()
        expect(details).to_have_js_property("open", now_open)
        if now_open:
            expect(content).to_be_visible()
        else:
            expect(content).to_be_hidden()


@pytest.mark.parametrize("key", ["Enter", "Space"])
@pytest.mark.parametrize("kind", KINDS)
def test_details_toggle_by_keyboard(publications: Page, kind: str, key: str) -> None:
    details = first_details(publications, kind)
    was_open = details.evaluate("d => d.open")
    details.locator("summary").focus()
    publications.keyboard.press(key)
    expect(details).to_have_js_property("open", not was_open)
    publications.keyboard.press(key)
    expect(details).to_have_js_property("open", was_open)


def test_copy_bibtex(publications: Page, context: BrowserContext, base_url: str) -> None:
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url)
    blocks = publications.locator("[data-key] details.academic-bibtex")
    assert blocks.count(), "no BibTeX block on the page"
    for i in range(blocks.count()):
        details = blocks.nth(i)
        details.locator("summary").click()
        expected = details.locator("code").first.evaluate("code => code.textContent")
        publications.evaluate("navigator.clipboard.writeText('')")
        details.locator("button.academic-copy").click()
        publications.wait_for_function("async () => (await navigator.clipboard.readText()) !== ''", timeout=5000)
        copied = publications.evaluate("navigator.clipboard.readText()")
        key = details.evaluate("d => d.closest('[data-key]').dataset.key")
        assert copied == expected, f"copy of {key}: clipboard {copied!r} != code {expected!r}"


def test_details_open_without_javascript(new_context) -> None:
    page = new_context(java_script_enabled=False).new_page()
    page.goto(PAGE)
    for kind in KINDS:
        details = first_details(page, kind)
        details.locator("summary").click()
        expect(details).to_have_js_property("open", True)
