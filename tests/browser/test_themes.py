"""The example site in each theme a user may pick: Material (as shipped), `mkdocs`, `readthedocs`.

The `mkdocs` and `readthedocs` copies are built once per session with `highlightjs: false`
(otherwise those themes load highlight.js from a CDN) and served beside the Material site.
On the home and publications pages of each: no request to another host, axe WCAG 2 A/AA clean,
abstract and BibTeX open and close (by mouse and keyboard), copy puts the exact entry on the
clipboard, Tab reaches every control of an entry with a visible focus ring, links and fragments
resolve (lychee), nothing sticks out of the window at 1200 and 390 px, and screenshots land in
tests/.artifacts/screenshots/<theme>-<page>[-phone].png.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from layout_checks import layout_problems
from playwright.sync_api import Browser, Error, Page, Request, ViewportSize, expect
from sitebuilder import build

REPO_ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = REPO_ROOT / "tests" / ".artifacts" / "screenshots"
THEMES = ["material", "mkdocs", "readthedocs"]
PAGES = {"home": "", "publications": "publications/"}
AXE_TAGS = ["wcag2a", "wcag2aa"]
DESKTOP: ViewportSize = {"width": 1200, "height": 900}
PHONE: ViewportSize = {"width": 390, "height": 844}

# axe findings on a theme's own elements, outside our blocks (inside `.academic` every rule
# must pass): (theme, rule id, reason).
AXE_THEME_OWN: list[tuple[str, str, str]] = [
    ("mkdocs", "color-contrast", "the theme's link colour #2fa4e7 (2.6:1) in its navigation and page text"),
    ("readthedocs", "color-contrast", "the theme's link colour #2980b9 on #fcfcfc is 4.19:1"),
    ("readthedocs", "link-in-text-block", "the footer's 'Built with MkDocs using a theme…' links"),
]
# Uncaught errors from a theme's own scripts: (theme, text in the message, reason).
THEME_SCRIPT_ERRORS: list[tuple[str, str, str]] = []
IN_OUR_BLOCKS = "targets => targets.map(t => !!document.querySelector(t[0])?.closest('.academic'))"


@pytest.fixture(scope="session", params=THEMES)
def theme_site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str, Path]:
    """(theme, base URL, site dir) of the example site in one theme."""
    theme = request.param
    if theme == "material":  # the example site as it is: the session's built_site
        return theme, request.getfixturevalue("base_url"), request.getfixturevalue("built_site")
    project: Path = request.getfixturevalue("site_project")
    served_root: Path = request.getfixturevalue("served_root")
    origin: str = request.getfixturevalue("site_origin")
    copy = tmp_path_factory.mktemp(f"theme-{theme}") / "project"
    shutil.copytree(project, copy, ignore=lambda d, names: ["site"] if d == str(project) else [])
    config = yaml.safe_load((copy / "mkdocs.yml").read_text(encoding="utf-8"))
    config["theme"] = {"name": theme, "highlightjs": False, "locale": "en"}
    config["site_url"] = f"{origin}/theme-{theme}/"
    (copy / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    site_dir = served_root / f"theme-{theme}"
    built = build(copy, site_dir=site_dir)
    assert built.ok, f"`mkdocs build --strict` of the {theme} copy failed:\n{built.output}"
    return theme, f"{origin}/theme-{theme}/", site_dir


def axe_report(page: Page, theme: str, name: str, violations: list[dict]) -> list[str]:
    lines = []
    for v in violations:
        if any(t == theme and rule == v["id"] for t, rule, _ in AXE_THEME_OWN):
            ours = page.evaluate(IN_OUR_BLOCKS, [n["target"] for n in v["nodes"]])
            v = {**v, "nodes": [n for n, inside in zip(v["nodes"], ours, strict=True) if inside]}
            if not v["nodes"]:
                continue
        lines.append(f"{theme}/{name}: {v['id']}: {v['help']}")
        lines += [f"    at {', '.join(map(str, n['target']))}: {n.get('failureSummary', '')!r}" for n in v["nodes"][:5]]
    return lines


def test_pages_are_local_accessible_and_photographed(
    theme_site: tuple[str, str, Path], browser: Browser, axe_js: Path
) -> None:
    theme, base, _ = theme_site
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport=DESKTOP, reduced_motion="reduce")
    page = context.new_page()
    problems: list[str] = []

    def on_request(request: Request) -> None:
        url = urlsplit(request.url)
        if url.scheme in ("http", "https") and url.hostname != "127.0.0.1":
            problems.append(f"request to another host: {request.url}")

    def on_page_error(error: Error) -> None:
        if not any(t == theme and text in str(error) for t, text, _ in THEME_SCRIPT_ERRORS):
            problems.append(f"uncaught {error}")

    page.on("request", on_request)
    page.on("pageerror", on_page_error)
    for name, path in PAGES.items():
        page.goto(base + path, wait_until="networkidle")
        if name == "publications":  # show an open abstract and BibTeX in the picture
            entry = page.locator("[data-key]:has(details.academic-abstract)").first
            for kind in ("abstract", "bibtex"):
                entry.locator(f"details.academic-{kind} > summary").click()
        page.add_script_tag(path=axe_js)
        result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
        problems += axe_report(page, theme, name, result["violations"])
        problems += [f"{theme}/{name}: {problem}" for problem in layout_problems(page)]
        page.screenshot(path=SCREENSHOTS / f"{theme}-{name}.png", full_page=True)
        page.set_viewport_size(PHONE)  # and as a phone shows it
        problems += [f"{theme}/{name} at {PHONE['width']} px: {problem}" for problem in layout_problems(page)]
        page.screenshot(path=SCREENSHOTS / f"{theme}-{name}-phone.png", full_page=True)
        page.set_viewport_size(DESKTOP)
    context.close()
    assert not problems, "\n".join(problems)


def test_details_copy_and_keyboard(theme_site: tuple[str, str, Path], browser: Browser) -> None:
    theme, base, _ = theme_site
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base.rstrip("/"))
    page = context.new_page()
    page.goto(base + "publications/")
    entry = page.locator("[data-key]:has(details.academic-abstract):has(details.academic-bibtex)").first
    # Abstract and BibTeX open and close by mouse.
    for kind in ("abstract", "bibtex"):
        details = entry.locator(f"details.academic-{kind}")
        for state in (True, False):
            details.locator("summary").click()
            expect(details).to_have_js_property("open", state)
    # Copy puts the exact entry on the clipboard.
    bibtex = entry.locator("details.academic-bibtex")
    bibtex.locator("summary").click()
    page.evaluate("navigator.clipboard.writeText('')")
    bibtex.locator("button.academic-copy").click()
    page.wait_for_function("async () => (await navigator.clipboard.readText()) !== ''", timeout=5000)
    assert page.evaluate("navigator.clipboard.readText()") == bibtex.locator("code").text_content()
    bibtex.locator("summary").click()
    # Tab walks through every link and summary of the entry, in order, each with a visible ring.
    count = entry.evaluate(
        "e => (window.academicControls = [...e.querySelectorAll('a[href], summary')]"
        ".filter(c => c.checkVisibility())).length"
    )
    entry.locator("a[href], summary").first.focus()
    page.keyboard.press("Shift+Tab")
    reached, rings = [], []
    for _ in range(count):
        page.keyboard.press("Tab")
        reached.append(page.evaluate("window.academicControls.indexOf(document.activeElement)"))
        rings.append(page.evaluate(
            "() => { const a = document.activeElement, s = getComputedStyle(a);"
            " return [a.textContent.trim().slice(0, 30), a.matches(':focus-visible'), s.outlineStyle, s.outlineWidth]; }"
        ))  # fmt: skip
    assert reached == list(range(count)), f"{theme}: Tab does not walk an entry's controls in order: {rings}"
    bad = [ring for ring in rings if not ring[1] or ring[2] == "none" or ring[3] in ("0px", "")]
    assert not bad, f"{theme}: focus is not visible on {bad}"
    # Enter toggles a focused summary.
    summary = entry.locator("details.academic-abstract > summary")
    summary.focus()
    page.keyboard.press("Enter")
    expect(entry.locator("details.academic-abstract")).to_have_js_property("open", True)
    page.keyboard.press("Enter")
    expect(entry.locator("details.academic-abstract")).to_have_js_property("open", False)
    context.close()


def test_links_and_fragments(theme_site: tuple[str, str, Path], served_root: Path, lychee: Path) -> None:
    theme, _, site_dir = theme_site
    if theme == "material":
        pytest.skip("the Material site's links are checked in test_site_quality.py")
    cmd: list[str | Path] = [lychee, "--offline", "--no-progress", "--include-fragments",
           "--root-dir", str(served_root), "--index-files", "index.html", str(site_dir)]  # fmt: skip
    result = subprocess.run(cmd, capture_output=True, text=True)
    assert result.returncode == 0, f"{theme}: lychee found broken links:\n{result.stdout}{result.stderr}"
