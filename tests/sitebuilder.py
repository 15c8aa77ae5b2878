"""Build small temporary MkDocs sites the way users do: files on disk, `mkdocs build`."""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml


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


def build(root: Path, *, strict: bool = True) -> Built:
    """Run `mkdocs build` (with `--strict` by default) in `root`."""
    site = root / "site"
    command = [sys.executable, "-m", "mkdocs", "build", "--clean", "--site-dir", str(site)]
    if strict:
        command.append("--strict")
    result = subprocess.run(command, cwd=root, capture_output=True, text=True, env=_env())
    return Built(result.returncode, result.stdout + result.stderr, site)


def _env() -> dict[str, str]:
    import os

    env = dict(os.environ)
    env["NO_MKDOCS_2_WARNING"] = "1"
    # MkDocs stamps the build date into pages unless told a fixed one (reproducible builds).
    env["SOURCE_DATE_EPOCH"] = "1700000000"
    return env
