"""Real-browser layer: build a site once per session, serve it on 127.0.0.1, drive Chromium.

Fixtures for browser tests:
  built_site  Path of the built site (example-site, built with `mkdocs build --strict`)
  base_url    URL of built_site, "http://127.0.0.1:<port>/<path of site_url>/"; pytest-playwright
              passes it to every context, so `page.goto("publications/")` works
  served_root the directory served at site_origin "http://127.0.0.1:<port>" (holds built_site)
  site_pages  every HTML page of the built site, as paths relative to base_url
  docs_site, docs_url, docs_pages   the same for the documentation site (docs/mkdocs.yml),
              built in place and served at the root of a server of its own
  page, context, new_context, browser   the stock pytest-playwright fixtures (system Chromium)
  axe_js, vnu_jar, java, lychee   paths of the checking tools (a missing one fails the test)

Environment:
  ACADEMIC_SKIP_BROWSER=1   skip this layer (never set in CI: there a missing browser fails)
  ACADEMIC_CHROMIUM         browser binary (default /usr/bin/chromium)
  ACADEMIC_BROWSER_SITE     MkDocs project to test instead of example-site
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import sys
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from mkdocs.config import load_config
from sitebuilder import build

HERE = Path(__file__).resolve().parent
TOOLS = HERE.parent / ".tools" / "node_modules"
AXE_JS = TOOLS / "axe-core" / "axe.min.js"
VNU_JAR = TOOLS / "vnu-jar" / "build" / "dist" / "vnu.jar"

CHROMIUM = Path(os.environ.get("ACADEMIC_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    # Other hosts fail fast instead of waiting on the network; requests to them still show up
    # in page.on("request"), which is how tests detect them.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]


def require_file(path: Path | str | None, name: str) -> Path:
    """Fail (never skip) when a test tool is missing: `make test` installs them all."""
    if path is None or not Path(path).is_file():
        pytest.fail(f"{name} is missing ({path}): run `make test-tools`", pytrace=False)
    return Path(path)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    skip = os.environ.get("ACADEMIC_SKIP_BROWSER") == "1"
    for item in items:
        if HERE in item.path.parents:
            item.add_marker(pytest.mark.browser)
            if skip:
                item.add_marker(pytest.mark.skip(reason="ACADEMIC_SKIP_BROWSER=1"))


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    require_file(CHROMIUM, "Chromium")
    return {**browser_type_launch_args, "executable_path": str(CHROMIUM), "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def site_project(example_site: Path) -> Path:
    return Path(os.environ.get("ACADEMIC_BROWSER_SITE", example_site)).resolve()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def served_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The directory served at http://127.0.0.1:<port>/; built_site is inside it."""
    return tmp_path_factory.mktemp("served")


@pytest.fixture(scope="session")
def site_origin(served_root: Path):
    """ "http://127.0.0.1:<port>": a server for served_root, running for the whole session."""
    yield from _serve(served_root)


@pytest.fixture(scope="session")
def built_site(
    tmp_path_factory: pytest.TempPathFactory,
    site_project: Path,
    served_root: Path,
    site_origin: str,
) -> Path:
    """The site built with `mkdocs build --strict` as if deployed at site_origin.

    MkDocs and Material write absolute URLs from site_url (404.html, sitemap, instant
    navigation), so site_url is pointed at the local server, keeping its path ("/elena/"), and
    the site is served under that path. This is done on a copy of the project, which therefore
    must not refer to files outside its directory.
    """
    config_text = (site_project / "mkdocs.yml").read_text(encoding="utf-8")
    path = urlsplit(load_config(str(site_project / "mkdocs.yml")).site_url or "").path.strip("/")
    project = tmp_path_factory.mktemp("project") / site_project.name
    shutil.copytree(site_project, project, ignore=lambda d, names: ["site"] if d == str(site_project) else [])
    # A repeated key wins in MkDocs' YAML loader, so appending overrides the original site_url.
    local_url = f"{site_origin}/{path}/" if path else f"{site_origin}/"
    (project / "mkdocs.yml").write_text(f"{config_text}\nsite_url: {local_url}\n", encoding="utf-8")
    site_dir = served_root / path
    built = build(project, site_dir=site_dir)
    assert built.ok, f"`mkdocs build --strict` of {project} failed:\n{built.output}"
    return site_dir


@pytest.fixture(scope="session")
def base_url(built_site: Path, served_root: Path, site_origin: str) -> str:
    path = built_site.relative_to(served_root).as_posix()
    return f"{site_origin}/" if path == "." else f"{site_origin}/{path}/"


@pytest.fixture(scope="session")
def site_pages(built_site: Path) -> list[str]:
    """URL paths of all HTML pages ("" for the home page, "about/", "404.html"...)."""
    return html_pages(built_site)


def html_pages(site: Path) -> list[str]:
    """URL paths of the HTML pages of a built site ("" for the home page, "about/", "404.html")."""
    pages = []
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        pages.append(rel.removesuffix("index.html") if path.name == "index.html" else rel)
    assert pages, f"no HTML page in {site}"
    return pages


def _serve(directory: Path):
    """Serve `directory` on a free port of 127.0.0.1 in a thread; yield its origin URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def docs_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The documentation site, built `--strict` from docs/ in place (its snippets include
    ../bench). It has no site_url, so MkDocs writes its 404 page for the root of a host: it is
    served at the root of a server of its own."""
    site = tmp_path_factory.mktemp("docs-site")
    built = build(HERE.parents[1] / "docs", site_dir=site)
    assert built.ok, f"`mkdocs build --strict` of docs/ failed:\n{built.output}"
    return site


@pytest.fixture(scope="session")
def docs_url(docs_site: Path):
    """ "http://127.0.0.1:<port>/": the documentation site."""
    yield from (f"{origin}/" for origin in _serve(docs_site))


@pytest.fixture(scope="session")
def docs_pages(docs_site: Path) -> list[str]:
    """URL paths of every HTML page of the documentation site."""
    return html_pages(docs_site)


# ------------------------------------------------------------------------------ check tools


@pytest.fixture(scope="session")
def axe_js() -> Path:
    return require_file(AXE_JS, "axe-core")


@pytest.fixture(scope="session")
def vnu_jar() -> Path:
    return require_file(VNU_JAR, "vnu.jar")


@pytest.fixture(scope="session")
def java() -> Path:
    return require_file(shutil.which("java"), "java")


@pytest.fixture(scope="session")
def lychee() -> Path:
    venv_bin = str(Path(sys.executable).parent)
    return require_file(shutil.which("lychee", path=venv_bin) or shutil.which("lychee"), "lychee")
