"""The pages and `mkdocs.yml` around imported data (`mkdocs-academic import --site`).

Only the pages that have data are written: a home page with the profile and the latest news,
and pages for publications, the CV and all news.
"""

from __future__ import annotations

from typing import Any

from .common import DOCS, ImportResult, dump_yaml


def add_site(result: ImportResult, site_name: str = "") -> None:
    """Add `mkdocs.yml` and the pages that show the imported data to `result`."""
    has = {name.removeprefix("data/") for name in result.files if name.startswith("data/")}
    has_publications = any(name.endswith(".bib") for name in has) or "publications.yml" in has
    has_news = "news.yml" in has
    has_cv = "cv.yml" in has or "resume.json" in has
    has_profile = "profile.yml" in has or "resume.json" in has
    owner = result.owner or "My homepage"
    home = [f"# {owner}", ""]
    if has_profile:
        home += ["/// profile", "    name: false", "///", ""]
    if has_news:
        home += ["## News", "", "/// news", "    limit: 5", "///", ""]
    if has_publications:
        home += [
            "## Recent publications",
            "",
            "/// publications",
            "    limit: 5",
            "    group_by: none",
            "    style: compact",
            "///",
            "",
        ]
    pages: dict[str, str] = {"index.md": "\n".join(home)}
    nav: list[Any] = [{"Home": "index.md"}]
    if has_publications:
        pages["publications.md"] = "# Publications\n\n/// publications\n///\n"
        nav.append({"Publications": "publications.md"})
    if has_cv:
        pages["cv.md"] = "# Curriculum vitae\n\n/// experience\n///\n"
        nav.append({"CV": "cv.md"})
    if has_news:
        pages["news.md"] = "# News\n\n/// news\n    group_by: year\n///\n"
        nav.append({"News": "news.md"})
    for name, text in pages.items():
        result.files[f"{DOCS}/{name}"] = text
    plugin: dict[str, Any] = {"me": [result.owner]} if result.owner else {}
    config = {
        "site_name": site_name or owner,
        "theme": {"name": "mkdocs"},
        "nav": nav,
        "plugins": ["search", {"academic": plugin}],
    }
    header = (
        "Made by `mkdocs-academic import`. Build with `mkdocs build --strict`, preview with `mkdocs serve`.\n"
        "For Material: `pip install mkdocs-material` and `theme: {name: material}`.\n"
        "Set `site_url:` (your address) for the news feed and the publication pages' metadata."
    )
    result.files["mkdocs.yml"] = dump_yaml(config, header)
