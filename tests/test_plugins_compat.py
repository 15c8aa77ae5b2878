"""Beside the plugins existing sites use: Material's blog, mkdocstrings, macros, static-i18n.

(search, tags, admonitions, content tabs and `enabled: false` are in test_hosts.py and
test_build_publications.py.)
"""

from __future__ import annotations

import re
from pathlib import Path

from sitebuilder import build, write_site

BIB = r"""
@article{lovelace2024engines,
  title = {Analytical Engines},
  author = {Lovelace, Ada},
  journal = {Journal of Engines},
  year = {2024},
  abstract = {About engines.},
}
"""
BLOCK = "/// publications\n///\n"


def keys(html: str) -> list[str]:
    return re.findall(r'data-key="([^"]+)"', html)


def test_beside_material_blog(tmp_path: Path) -> None:
    pages = {
        "index.md": f"# Home\n\n{BLOCK}",
        "blog/index.md": "# Blog\n",
        "blog/posts/first.md": f"---\ndate: 2024-05-01\n---\n\n# First post\n\nOur paper:\n\n{BLOCK}",
    }
    root = write_site(tmp_path, pages=pages, data={"p.bib": BIB}, theme="material")
    _add_plugins(root, ["blog"])
    result = build(root)
    assert result.ok, result.output
    assert keys(result.html()) == ["lovelace2024engines"]
    assert keys(result.html("blog/2024/05/01/first-post")) == ["lovelace2024engines"]
    assert "academic-pub" in result.html("blog"), "the blog index shows the post's excerpt"


def test_beside_mkdocstrings(tmp_path: Path) -> None:
    pages = {"index.md": f"# Home\n\n{BLOCK}", "api.md": "# API\n\n::: engines\n\n## Papers\n\n" + BLOCK}
    root = write_site(
        tmp_path,
        pages=pages,
        data={"p.bib": BIB},
        extra_config={"markdown_extensions": ["toc"]},
    )
    (root / "src").mkdir()
    (root / "src/engines.py").write_text(
        '"""Analytical engines."""\n\n\ndef crank(turns: int) -> int:\n    """Turn the crank."""\n    return turns\n'
    )
    _add_plugins(root, [{"mkdocstrings": {"handlers": {"python": {"paths": ["src"]}}}}])
    result = build(root)
    assert result.ok, result.output
    html = result.html("api")
    assert "Turn the crank." in html and "crank" in html
    assert keys(html) == ["lovelace2024engines"]


def test_beside_macros(tmp_path: Path) -> None:
    """Macros render the page's Markdown first; `{{ }}` in data is not theirs to touch."""
    pages = {"index.md": "# {{ config.site_name }}\n\nTwo: {{ 1 + 1 }}\n\n" + BLOCK}
    news = '- date: 2024-05\n  text: "Jinja: {{ user }} and {% if x %}"\n'
    root = write_site(tmp_path, pages=pages, data={"p.bib": BIB, "news.yml": news})
    (root / "docs/news.md").write_text("# News\n\n/// news\n///\n")
    _add_plugins(root, ["macros"])
    result = build(root)
    assert result.ok, result.output
    html = result.html()
    assert "<h1" in html and "Test site</h1>" in html and "Two: 2" in html
    assert keys(html) == ["lovelace2024engines"]
    assert "Jinja: {{ user }} and {% if x %}" in result.html("news")


def test_beside_static_i18n_each_language_has_its_labels(tmp_path: Path) -> None:
    pages = {"index.en.md": f"# Papers\n\n{BLOCK}", "index.fr.md": f"# Articles\n\n{BLOCK}"}
    root = write_site(tmp_path, pages=pages, data={"p.bib": BIB})
    languages = [
        {"locale": "en", "default": True, "name": "English", "build": True},
        {"locale": "fr", "name": "Français", "build": True},
    ]
    _add_plugins(root, [{"i18n": {"docs_structure": "suffix", "languages": languages}}])
    result = build(root)
    assert result.ok, result.output
    english, french = result.html(), result.html("fr")
    assert keys(english) == keys(french) == ["lovelace2024engines"]
    assert "<summary>Abstract</summary>" in english
    assert "<summary>Résumé</summary>" in french and "Abstract" not in french


def _add_plugins(root: Path, plugins: list) -> None:
    """Put `plugins` before academic in mkdocs.yml (as a site that adds us last would)."""
    import yaml

    config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    config["plugins"] = [*plugins, *config["plugins"]]
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
