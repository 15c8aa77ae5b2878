"""Material's instant navigation on the example site: the copy buttons work on pages reached
without a full page load, and going back and forth never binds a button twice."""

from __future__ import annotations

import re

from playwright.sync_api import BrowserContext, Page, expect

# A spy on the clipboard, installed before any page script runs (survives instant navigation,
# which swaps the document's content but keeps the window).
SPY = """
window.academicWrites = [];
const realWrite = navigator.clipboard.writeText.bind(navigator.clipboard);
navigator.clipboard.writeText = text => { window.academicWrites.push(text); return realWrite(text); };
"""


def click_nav(page: Page, title: str, url_part: str) -> None:
    # the tabs (`navigation.tabs`), or the side navigation where it is shown (the home page hides it)
    links = page.locator(".md-tabs a.md-tabs__link:visible, .md-nav--primary a.md-nav__link:visible")
    links = links.filter(has_text=re.compile(rf"^\s*{title}\s*$"))
    links.first.click()
    page.wait_for_url(f"**{url_part}")
    if title != "Home":
        expect(page.locator("h1").first).to_contain_text(title)


def test_copy_after_instant_navigation(page: Page, context: BrowserContext, base_url: str) -> None:
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/"))
    page.add_init_script(SPY)
    page.goto("", wait_until="networkidle")
    page.evaluate("window.academicMarker = 'same window'")

    click_nav(page, "Publications", "/publications/")
    # Back and forth through other pages and history: each visit runs document$ again.
    click_nav(page, "News", "/news/")
    page.go_back()
    page.wait_for_url("**/publications/")
    click_nav(page, "Home", "/elena/")
    click_nav(page, "Publications", "/publications/")
    assert page.evaluate("window.academicMarker") == "same window", "a full page load happened"

    details = page.locator("[data-key] details.academic-bibtex").first
    details.locator("summary").click()
    button = details.locator("button.academic-copy")
    expect(button).to_be_visible()
    # the labels are given once on the list; the script puts the accessible name on the button
    expect(button).to_have_attribute("aria-label", "Copy BibTeX to clipboard")
    label = button.text_content()
    labels_seen = page.evaluate(
        """button => {
            window.academicLabels = [];
            new MutationObserver(() => window.academicLabels.push(button.textContent))
              .observe(button, {childList: true, characterData: true, subtree: true});
        }""",
        button.element_handle(),
    )
    assert labels_seen is None
    button.click()
    page.wait_for_function("window.academicWrites.length > 0")
    page.wait_for_timeout(300)  # a second (double-bound) handler would have written by now
    writes = page.evaluate("window.academicWrites")
    assert writes == [details.locator("code").text_content()], f"{len(writes)} clipboard writes"
    expect(button).to_have_text(label or "", timeout=4000)  # back to "Copy" after "Copied"
    toggles = page.evaluate("window.academicLabels")
    assert toggles == ["Copied", label], f"the button label changed {toggles}"
