"""Whole-site checks of the built example site: every page, as a visitor's browser sees it."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from layout_checks import layout_problems
from playwright.sync_api import ConsoleMessage, Page, Request, Response, ViewportSize

REPO_ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = REPO_ROOT / "tests" / ".artifacts" / "screenshots"
AXE_TAGS = ["wcag2a", "wcag2aa"]
MODES = ["light", "dark"]

# Nu HTML checker errors that come from the theme itself and that we cannot fix:
# (regex on the message, regex on the offending markup). Each needs a reason.
VNU_IGNORED: list[tuple[str, str]] = [
    # Material puts autocomplete="off" on its hidden state checkboxes (drawer, search, ...) so
    # that Firefox does not restore their state on reload; HTML allows autocomplete only on
    # text-like inputs. Harmless, and comes from Material's base.html.
    (r"^Attribute “autocomplete” is only allowed when", r'class="md-toggle"'),
    # Material's table of contents has <label for="__toc"> (partials/toc.html), but writes the
    # <input id="__toc"> only in the nav entry of the current page (partials/nav-item.html), so
    # pages that are not in the nav (generated per-publication pages) get a dangling label.
    (r"“for” attribute of the “label” element must be the ID of", r'for="__toc"'),
]


def open_page(page: Page, base_url: str, path: str, mode: str = "light") -> None:
    """Load a page and wait until it is settled, in light or dark colours."""
    page.emulate_media(color_scheme="dark" if mode == "dark" else "light", reduced_motion="reduce")
    page.goto(base_url + path, wait_until="networkidle")
    # Material keeps the scheme in <body data-md-color-scheme>; its toggle only switches that.
    if mode == "dark" and page.locator('[data-md-component="palette"]').count():
        page.evaluate("document.body.setAttribute('data-md-color-scheme', 'slate')")


def screenshot_name(path: str, mode: str) -> str:
    stem = path.removesuffix(".html").strip("/").replace("/", "__") or "index"
    return f"{stem}-{mode}.png"


def watch_page_loads(page: Page) -> list[str]:
    """A list that fills, as `page` loads pages, with each failed response, console error,
    uncaught exception and request to another host than 127.0.0.1."""
    problems: list[str] = []

    def where() -> str:
        return urlsplit(page.url).path

    def on_request(request: Request) -> None:
        url = urlsplit(request.url)
        if url.scheme not in ("data", "blob", "about") and url.hostname != "127.0.0.1":
            problems.append(f"{where()}: request to another host: {request.url}")

    def on_response(response: Response) -> None:
        if response.request.is_navigation_request() and not response.ok:
            problems.append(f"{urlsplit(response.url).path}: HTTP {response.status}")

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            problems.append(f"{where()}: console error: {message.text}")

    page.on("request", on_request)
    page.on("response", on_response)
    page.on("console", on_console)
    page.on("pageerror", lambda error: problems.append(f"{where()}: uncaught {error}"))
    return problems


def page_load_problems(page: Page, base_url: str, paths: list[str]) -> list[str]:
    """Each page that fails to load, logs a console error, throws, or asks another host for anything."""
    problems = watch_page_loads(page)
    for path in paths:
        page.goto(base_url + path, wait_until="networkidle")
    return problems


def test_pages_load_without_errors_or_foreign_requests(page: Page, base_url: str, site_pages: list[str]) -> None:
    problems = page_load_problems(page, base_url, site_pages)
    assert not problems, "\n".join(problems)


def format_axe_violations(path: str, mode: str, violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"/{path} [{mode}] {v['impact']}: {v['id']}: {v['help']} ({v['helpUrl']})")
        for node in v["nodes"][:5]:
            summary = node.get("failureSummary", "").replace("\n", " ")
            lines.append(f"    at {', '.join(map(str, node['target']))}: {summary}")
        if len(v["nodes"]) > 5:
            lines.append(f"    ... and {len(v['nodes']) - 5} more elements")
    return "\n".join(lines)


@pytest.mark.parametrize("mode", MODES)
def test_accessibility_axe(page: Page, base_url: str, site_pages: list[str], axe_js: Path, mode: str) -> None:
    reports = []
    for path in site_pages:
        open_page(page, base_url, path, mode)
        page.add_script_tag(path=axe_js)
        result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
        if result["violations"]:
            reports.append(format_axe_violations(path, mode, result["violations"]))
    assert not reports, "axe-core found WCAG 2 A/AA violations:\n" + "\n".join(reports)


def vnu_errors(site: Path, java: Path, vnu_jar: Path) -> list[str]:
    """The Nu HTML checker's errors over every page of a built site (one run), minus VNU_IGNORED."""
    cmd: list[str | Path] = [java, "-jar", vnu_jar, "--stdout", "--format", "json", "--errors-only",
           "--skip-non-html", site]  # fmt: skip
    result = subprocess.run(cmd, capture_output=True, text=True)
    try:
        messages = json.loads(result.stdout)["messages"]
    except ValueError:
        pytest.fail(f"vnu.jar did not run:\n{result.stdout}{result.stderr}", pytrace=False)
    return [
        f"{urlsplit(m.get('url', '')).path.removeprefix(str(site))}:{m.get('lastLine', '?')}"
        f": {m['message']}\n    {m.get('extract', '').strip()}"
        for m in messages
        if not any(
            re.search(message, m["message"]) and re.search(markup, m.get("extract", ""))
            for message, markup in VNU_IGNORED
        )
    ]


def test_html_is_valid(built_site: Path, java: Path, vnu_jar: Path) -> None:
    errors = vnu_errors(built_site, java, vnu_jar)
    assert not errors, "Nu HTML checker errors:\n" + "\n".join(errors)


def lychee_problems(site: Path, served_root: Path, lychee: Path) -> str:
    """lychee's report of broken links and fragments in a built site ("" when there are none)."""
    cmd: list[str | Path] = [lychee, "--offline", "--no-progress", "--include-fragments",
           "--root-dir", str(served_root), "--index-files", "index.html", str(site)]  # fmt: skip
    result = subprocess.run(cmd, capture_output=True, text=True)
    return "" if result.returncode == 0 else result.stdout + result.stderr


def test_links_and_fragments(built_site: Path, served_root: Path, lychee: Path) -> None:
    problems = lychee_problems(built_site, served_root, lychee)
    assert not problems, f"lychee found broken links:\n{problems}"


WIDTHS: dict[str, ViewportSize] = {"desktop": {"width": 1280, "height": 720}, "phone": {"width": 390, "height": 844}}


@pytest.mark.parametrize("mode", MODES)
def test_pages_fit_the_window_and_are_photographed(page: Page, base_url: str, site_pages: list[str], mode: str) -> None:
    """At desktop and phone width: nothing scrolls sideways, nothing of ours sticks out, and the
    first publication's title is visible inside the window. Full-page screenshots of each page
    (`<page>-<mode>.png`, `<page>-<mode>-phone.png`) go to tests/.artifacts/screenshots/."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for old in SCREENSHOTS.glob(f"*-{mode}*.png"):
        old.unlink()
    problems: list[str] = []
    for width, viewport in WIDTHS.items():
        page.set_viewport_size(viewport)
        for path in site_pages:
            open_page(page, base_url, path, mode)
            problems += [f"/{path} [{mode}, {width}]: {problem}" for problem in layout_problems(page)]
            name = screenshot_name(path, mode if width == "desktop" else f"{mode}-{width}")
            page.screenshot(path=SCREENSHOTS / name, full_page=True)
    assert not problems, "\n".join(problems)
