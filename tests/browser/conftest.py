"""Real-browser layer: build a site once per session, serve it on 127.0.0.1, drive Chromium.

Fixtures for browser tests:
  built_site  Path of the built site (example-site, built with `mkdocs build --strict`)
  base_url    "http://127.0.0.1:<port>/" serving built_site; pytest-playwright passes it to every
              context, so `page.goto("publications/")` works
  site_pages  every HTML page of the built site, as paths relative to base_url
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

import pytest

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
def built_site(tmp_path_factory: pytest.TempPathFactory, example_site: Path, mkdocs_build) -> Path:
    project = Path(os.environ.get("ACADEMIC_BROWSER_SITE", example_site)).resolve()
    site_dir = tmp_path_factory.mktemp("browser") / "site"
    mkdocs_build(project, site_dir, strict=True)
    return site_dir


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def base_url(built_site: Path):
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def site_pages(built_site: Path) -> list[str]:
    """URL paths of all HTML pages ("" for the home page, "about/", "404.html"...)."""
    pages = []
    for path in sorted(built_site.rglob("*.html")):
        rel = path.relative_to(built_site).as_posix()
        pages.append(rel.removesuffix("index.html") if path.name == "index.html" else rel)
    assert pages, f"no HTML page in {built_site}"
    return pages


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
