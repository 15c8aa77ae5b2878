"""The Sphinx example site (example-sphinx/) in the real browser: axe and the Nu checker, per theme.

example-sphinx is built once per theme with `sphinx-build -W` (alabaster, Sphinx's default, and
furo, in light and dark colours) into the served folder, then every page is checked as
test_site_quality.py checks the MkDocs example site.
"""

from __future__ import annotations

import io
import json
import re
import subprocess
from contextlib import redirect_stderr
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import ConsoleMessage, Page, Request, expect
from test_site_quality import AXE_TAGS, format_axe_violations

pytest.importorskip("sphinx")
pytest.importorskip("furo")

from sphinx.cmd.build import build_main  # noqa: E402

REPO_ROOT = Path(__file__).resolve().parents[2]
PROJECT = REPO_ROOT / "example-sphinx"
#: Theme -> the colour schemes it has.
THEMES = {"alabaster": ["light"], "furo": ["light", "dark"]}

# Nu HTML checker errors from the themes' own markup, which we cannot fix (regex on the
# message, regex on the markup), each with its reason.
VNU_IGNORED: list[tuple[str, str]] = [
    # Furo's SVG symbol sprite: <svg style="display: none;"> holding <symbol> elements with
    # `viewbox` spelt in lower case is Furo's base.html.
    (r"Attribute “viewbox” not allowed on element “symbol”", r"<symbol"),
    # Alabaster's sidebar starts with <h3>Navigation</h3> (its navigation.html), right after
    # the page's <h1> in document order.
    (r"The heading “h3” \(with computed level 3\) follows the heading “h1”", r"<h3>Naviga"),
]


@pytest.fixture(scope="session")
def sphinx_sites(served_root: Path) -> dict[str, Path]:
    """example-sphinx built with each theme into served_root/sphinx-<theme>/."""
    sites = {}
    for theme in THEMES:
        out = served_root / f"sphinx-{theme}"
        errors = io.StringIO()
        with redirect_stderr(errors):
            code = build_main(["-W", "-q", "-b", "html", "-D", f"html_theme={theme}", str(PROJECT), str(out)])
        assert code == 0, f"sphinx-build -W of example-sphinx with {theme} failed:\n{errors.getvalue()}"
        sites[theme] = out
    return sites


def pages_of(site: Path) -> list[str]:
    """The content pages of a built Sphinx site (not search and index) and one publication page
    (they are all made alike; checking each would only slow the suite)."""
    pages = [path.name for path in site.glob("*.html") if path.name not in {"search.html", "genindex.html"}]
    publication_pages = sorted(path.relative_to(site).as_posix() for path in site.glob("publications/*.html"))
    assert publication_pages, f"no publication page in {site}"
    return sorted(pages) + publication_pages[:1]


def open_in(page: Page, url: str, mode: str) -> None:
    page.emulate_media(color_scheme="dark" if mode == "dark" else "light", reduced_motion="reduce")
    page.goto(url, wait_until="networkidle")


@pytest.mark.parametrize(("theme", "mode"), [(theme, mode) for theme, modes in THEMES.items() for mode in modes])
def test_sphinx_pages_pass_axe(
    page: Page, site_origin: str, sphinx_sites: dict[str, Path], axe_js: Path, theme: str, mode: str
) -> None:
    site = sphinx_sites[theme]
    problems: list[str] = []
    page.on("console", lambda message: _console(message, problems))
    page.on("pageerror", lambda error: problems.append(f"uncaught {error}"))
    page.on("request", lambda request: _foreign(request, problems))
    page.on(
        "response", lambda response: response.status < 400 or problems.append(f"HTTP {response.status}: {response.url}")
    )
    reports = []
    for path in pages_of(site):
        open_in(page, f"{site_origin}/sphinx-{theme}/{path}", mode)
        assert page.locator(".academic").count() > 0, f"{theme}: {path} shows no academic block"
        page.add_script_tag(path=axe_js)
        result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
        if result["violations"]:
            reports.append(format_axe_violations(f"sphinx-{theme}/{path}", mode, result["violations"]))
    assert not problems, "\n".join(problems)
    assert not reports, "axe-core found WCAG 2 A/AA violations:\n" + "\n".join(reports)


def test_sphinx_copy_button_and_toc(page: Page, site_origin: str, sphinx_sites: dict[str, Path]) -> None:
    """The copy button shows (the script runs); year headings are in furo's page toc."""
    open_in(page, f"{site_origin}/sphinx-furo/publications.html", "light")
    page.locator("details.academic-bibtex summary").first.click()
    # The script adds the button when the BibTeX opens (the toggle event comes after the click).
    expect(page.locator("details.academic-bibtex button.academic-copy").first).to_be_visible()
    toc = page.locator(".toc-tree").first.inner_text()
    assert "2025" in toc and "2024" in toc


def test_sphinx_html_is_valid(sphinx_sites: dict[str, Path], java: Path, vnu_jar: Path) -> None:
    files = [str(site / path) for site in sphinx_sites.values() for path in pages_of(site)]
    cmd: list[str | Path] = [java, "-jar", vnu_jar, "--stdout", "--format", "json", "--errors-only", *files]
    result = subprocess.run(cmd, capture_output=True, text=True)
    try:
        messages = json.loads(result.stdout)["messages"]
    except ValueError:
        pytest.fail(f"vnu.jar did not run:\n{result.stdout}{result.stderr}", pytrace=False)
    errors = [
        f"{urlsplit(m.get('url', '')).path}:{m.get('lastLine', '?')}: {m['message']}\n    {m.get('extract', '').strip()}"
        for m in messages
        if not any(
            re.search(message, m["message"]) and re.search(markup, m.get("extract", ""))
            for message, markup in VNU_IGNORED
        )
    ]
    assert not errors, "Nu HTML checker errors:\n" + "\n".join(errors)


def _console(message: ConsoleMessage, problems: list[str]) -> None:
    # The themes link no favicon, so Chromium asks for /favicon.ico (not ours to fix).
    if message.type == "error" and not message.location.get("url", "").endswith("/favicon.ico"):
        problems.append(f"console error: {message.text} ({message.location.get('url')})")


def _foreign(request: Request, problems: list[str]) -> None:
    url = urlsplit(request.url)
    if url.scheme not in ("data", "blob", "about") and url.hostname != "127.0.0.1":
        problems.append(f"request to another host: {request.url}")
