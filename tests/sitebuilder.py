"""Build small MkDocs sites the way users do: files on disk, then `mkdocs build`.

`write_site()` writes a project; `build()` builds it and returns a `Built`. By default the build
runs in this process (what `mkdocs build` does, without starting Python again: several times
faster); `build(..., subprocess=True)` runs the real `mkdocs` command line, for the few tests
that are about the command itself.
"""

from __future__ import annotations

import logging
import os
import re
import subprocess
import sys
import threading
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import config_options, load_config
from mkdocs.config.base import get_schema
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort

# MkDocs stamps the build date into pages unless told a fixed one (reproducible builds).
SOURCE_DATE_EPOCH = "1700000000"


@dataclass
class Built:
    """The outcome of one `mkdocs build`."""

    returncode: int
    output: str
    site: Path

    @property
    def ok(self) -> bool:
        return self.returncode == 0

    def html(self, page: str = "") -> str:
        """The HTML of a built page, by its URL path ("" for the home page)."""
        path = self.site / page / "index.html" if not page.endswith(".html") else self.site / page
        return path.read_text(encoding="utf-8")

    def warnings(self) -> list[str]:
        """The WARNING lines MkDocs printed, without the level prefix."""
        return [re.sub(r"^WARNING\s*-\s*", "", line) for line in self.output.splitlines() if line.startswith("WARNING")]


def write_site(
    root: Path,
    *,
    pages: dict[str, str],
    data: dict[str, str | bytes] | None = None,
    plugin: dict[str, Any] | None = None,
    theme: str | dict[str, Any] = "mkdocs",
    extra_config: dict[str, Any] | None = None,
) -> Path:
    """Write mkdocs.yml, docs/ pages and data/ files under `root`; return `root`."""
    config: dict[str, Any] = {
        "site_name": "Test site",
        "theme": theme if isinstance(theme, dict) else {"name": theme},
        "plugins": [{"academic": plugin or {}}],
    }
    config.update(extra_config or {})
    root.mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    for name, text in pages.items():
        path = root / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    for name, content in (data or {}).items():
        path = root / "data" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


def build(root: Path, *, strict: bool = True, site_dir: Path | None = None, subprocess: bool = False) -> Built:
    """Build the project in `root` as `mkdocs build --clean [--strict]` run in `root` does.

    The site goes to `site_dir` (default `root/site`). `Built.output` holds what MkDocs logged
    at WARNING and above ("WARNING -  ..." lines), then the "Aborted with ..." message of a
    failed build, or the traceback of a crash. With `subprocess=True` the real command line runs
    and `output` is everything it printed.
    """
    site = site_dir or root / "site"
    if subprocess:
        return _build_in_a_subprocess(root, site, strict)
    return _build_in_process(root, site, strict)


_BUILD_VARIABLES = {"SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH, "NO_MKDOCS_2_WARNING": "1"}


def build_environment() -> dict[str, str]:
    """The environment of a build: this one, with a fixed build date and no MkDocs 2 notice."""
    return {**os.environ, **_BUILD_VARIABLES}


# The working directory, the environment, MkDocs' logger and its plugin instances belong to the
# whole process: builds from several threads take turns.
_ONE_BUILD_AT_A_TIME = threading.Lock()


def _build_in_a_subprocess(root: Path, site: Path, strict: bool) -> Built:
    # Same interpreter as the tests, so the installed (editable) plugin is the one under test.
    command = [sys.executable, "-m", "mkdocs", "build", "--clean", "--site-dir", str(site)]
    if strict:
        command.append("--strict")
    result = subprocess.run(command, cwd=root, capture_output=True, text=True, env=build_environment())
    return Built(result.returncode, result.stdout + result.stderr, site)


def _build_in_process(root: Path, site: Path, strict: bool) -> Built:
    """What `mkdocs build` (mkdocs/__main__.py: build_command) does, in this process."""
    handler = _TextHandler()
    returncode = 0
    with _ONE_BUILD_AT_A_TIME, _build_surroundings(root), _capture_mkdocs_log(handler):
        try:
            # `strict=None` leaves `strict:` of mkdocs.yml in charge, as the command line does.
            config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(site), strict=strict or None)
            config.plugins.on_startup(command="build", dirty=False)
            try:
                mkdocs_build(config, dirty=False)
            finally:
                config.plugins.on_shutdown()
        except Abort as abort:  # the command line prints this message and exits with 1
            returncode = 1
            handler.lines.append(f"\n{abort.format_message()}")
        except Exception:  # a crash: the command line shows the traceback and exits with 1
            returncode = 1
            handler.lines.append(traceback.format_exc())
    return Built(returncode, "\n".join(handler.lines), site)


class _TextHandler(logging.Handler):
    """Keeps each record as the command line prints it: "WARNING -  message"."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.setFormatter(logging.Formatter("%(message)s"))
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(f"{record.levelname:<8}-  {self.format(record)}")


@contextmanager
def _capture_mkdocs_log(handler: logging.Handler) -> Iterator[None]:
    logger = logging.getLogger("mkdocs")
    level = logger.level
    if logger.getEffectiveLevel() > logging.WARNING:
        logger.setLevel(logging.WARNING)
    logger.addHandler(handler)
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)


@contextmanager
def _build_surroundings(root: Path) -> Iterator[None]:
    """The working directory, environment and plugin instances of a fresh `mkdocs build` in
    `root`; all restored afterwards."""
    cwd = Path.cwd()
    saved = {name: os.environ.get(name) for name in _BUILD_VARIABLES}
    os.environ.update(_BUILD_VARIABLES)
    os.chdir(root)
    _forget_plugin_instances()
    try:
        yield
    finally:
        _forget_plugin_instances()
        os.chdir(cwd)
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _forget_plugin_instances() -> None:
    # MkDocs keeps the instance of a plugin that has `on_startup` across `load_config` calls of
    # one process (so that `mkdocs serve` rebuilds keep it); a new `mkdocs build` starts afresh.
    for _, option in get_schema(MkDocsConfig):
        if isinstance(option, config_options.Plugins):
            option.plugin_cache.clear()


def rewrite(path: Path, text: str) -> None:
    """Write `text` to `path` and move the mtime on, so the change is seen even within one clock tick."""
    before = path.stat().st_mtime_ns if path.exists() else 0
    path.write_text(text, encoding="utf-8")
    stat = path.stat()
    if stat.st_mtime_ns <= before:
        os.utime(path, ns=(stat.st_atime_ns, before + 1_000_000))
