"""Layout checks shared by the browser tests: what a visitor would see as broken at this width."""

from __future__ import annotations

from playwright.sync_api import Page

# What sticks out sideways at the current width: the page itself, and any element of our blocks,
# unless a box of the same block scrolls or clips it (the BibTeX <pre> scrolls). A box of the
# theme's that hides the overflow does not excuse it: there the text is cut off.
_STICKING_OUT = """() => {
  const width = document.documentElement.clientWidth;
  const problems = [];
  const scrollWidth = document.documentElement.scrollWidth;
  // A root that hides sideways overflow cannot be scrolled sideways by a visitor (Material's
  // header slides the page title in from 25 px beyond the right edge); our boxes are checked below.
  const hidden = ['hidden', 'clip'].includes(getComputedStyle(document.documentElement).overflowX);
  if (scrollWidth > width && !hidden) problems.push(`the page is ${scrollWidth} px wide in a ${width} px window`);
  const clipped = el => {
    const block = el.closest('.academic');
    for (let box = el.parentElement; box && block.contains(box); box = box.parentElement) {
      if (getComputedStyle(box).overflowX !== 'visible') return true;
    }
    return false;
  };
  for (const el of document.querySelectorAll('.academic, .academic *')) {
    const r = el.getBoundingClientRect();
    if (r.width > 1 && r.height > 1 && (r.left < -1 || r.right > width + 1) && !clipped(el)) {
      const name = el.tagName.toLowerCase() + '.' + (el.getAttribute('class') || '').split(' ')[0];
      problems.push(`${name} spans ${Math.round(r.left)}..${Math.round(r.right)} px of ${width}`);
    }
  }
  return problems.slice(0, 10);
}"""


def layout_problems(page: Page) -> list[str]:
    """The page as it is now: nothing scrolls sideways, no element of our blocks sticks out of
    the window, and the first publication's title (if any) is visible inside it."""
    problems: list[str] = page.evaluate(_STICKING_OUT)
    title = page.locator("[data-key] .academic-pub-title").first
    if title.count():
        title.scroll_into_view_if_needed()
        box = title.bounding_box()
        width = page.evaluate("document.documentElement.clientWidth")
        if not title.is_visible() or box is None or box["x"] < 0 or box["x"] + box["width"] > width:
            problems.append(f"the first publication title is not inside the {width} px window: {box}")
    return problems
