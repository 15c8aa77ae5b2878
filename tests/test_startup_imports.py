"""A build imports only what it uses (issue 18: the fixed cost of every build and serve start).

Each check runs `mkdocs build` in a fresh interpreter and lists which of the optional modules it
imported: bibtexparser (and pylatexenc) only for a `.bib` block the fast reader leaves to it,
the news, CV, profile and JSON Resume readers only when their file is there, the citation
formatter only when a page cites.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from sitebuilder import build_environment, write_site

LAZY = (
    "bibtexparser",
    "pylatexenc",
    "mkdocs_academic.data.bibtex.bibtexparser_reader",
    "mkdocs_academic.data.cv",
    "mkdocs_academic.data.news",
    "mkdocs_academic.data.profile",
    "mkdocs_academic.data.jsonresume",
    "mkdocs_academic.render.citations",
    "mkdocs_academic.render.feed",
)

# Builds as `mkdocs build --strict` does (site folder: argv[1]), then prints which of the
# modules named after it were imported.
_BUILD_AND_LIST = """
import json, sys
from mkdocs.__main__ import cli
try:
    cli(["build", "--strict", "-q", "--site-dir", sys.argv[1]])
except SystemExit as done:
    if done.code:
        raise
print(json.dumps(sorted(set(sys.argv[2:]) & set(sys.modules))))
"""

BIB = """@article{lovelace1843,
  author = {Ada Lovelace},
  title = {Notes on the Analytical Engine},
  journal = {Scientific Memoirs},
  year = {1843},
}
"""


def imported_by_build(root: Path) -> set[str]:
    """The modules of `LAZY` a fresh `mkdocs build --strict` of `root` imported."""
    result = subprocess.run(
        [sys.executable, "-c", _BUILD_AND_LIST, str(root / "site"), *LAZY],
        cwd=root,
        capture_output=True,
        text=True,
        env=build_environment(),
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return set(json.loads(result.stdout.strip().splitlines()[-1]))


def test_importing_the_plugin_loads_none_of_the_optional_modules() -> None:
    script = "import json, sys, mkdocs_academic.plugin; print(json.dumps(sorted(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    loaded = set(json.loads(result.stdout))
    assert not loaded & set(LAZY)
    assert "mkdocs_academic.markdown.extension" in loaded  # the check sees the plugin's own modules


def test_a_publications_site_with_well_formed_entries_imports_no_optional_module(tmp_path: Path) -> None:
    root = write_site(
        tmp_path,
        pages={"index.md": "# Home\n", "publications.md": "# Publications\n\n/// publications\n///\n"},
        data={"pubs.bib": BIB},
    )
    assert imported_by_build(root) == set()
    assert (root / "site" / "publications" / "lovelace1843" / "index.html").is_file()


def test_each_optional_module_is_imported_when_the_site_needs_it(tmp_path: Path) -> None:
    bib = "@string{sm = {Scientific Memoirs}}\n\n" + BIB.replace("{Scientific Memoirs}", "sm")
    root = write_site(
        tmp_path,
        pages={
            "index.md": "# Home\n\n/// profile\n///\n\n/// news\n///\n",
            "cv.md": "# CV\n\n/// experience\n///\n",
            "notes.md": "# Notes\n\nAs shown in [@lovelace1843].\n",
        },
        data={
            "pubs.bib": bib,
            "news.yml": "- date: 2024-05-01\n  text: A new paper.\n",
            "cv.yml": "education:\n  - title: PhD\n    organization: University\n    start: 2019\n",
            "profile.yml": "name: Ada Lovelace\n",
        },
    )
    loaded = imported_by_build(root)
    # No resume.json, no feed (no site_url): those two stay out.
    assert loaded == set(LAZY) - {"mkdocs_academic.data.jsonresume", "mkdocs_academic.render.feed"}
    html = (root / "site" / "publications" / "lovelace1843" / "index.html").read_text(encoding="utf-8")
    assert "Scientific Memoirs" in html  # the @string, read by bibtexparser, was expanded
