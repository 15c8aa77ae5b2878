"""Every host the README names builds a site with the blocks: MkDocs themes, ProperDocs, Zensical."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from sitebuilder import build, build_environment, write_site

BIB = r"""
@article{lovelace2024engines,
  title = {Analytical {Engines}},
  author = {Lovelace, Ada and M{\"u}ller, J{\"o}rg},
  journal = {Journal of Engines},
  year = {2024},
  pdf = {papers/engines.pdf},
}
@article{lovelace2020early,
  title = {Early Work},
  author = {Lovelace, Ada},
  journal = {Annals},
  year = {2020},
}
"""
PAGES = {
    "index.md": "# Home\n",
    "research/papers.md": "# Papers\n\n/// publications\n///\n",
    "papers/engines.pdf": "%PDF-1.1\n",  # the entry's relative `pdf` link (a dead one is a warning)
}


def keys(html: str) -> list[str]:
    return re.findall(r'data-key="([^"]+)"', html)


@pytest.mark.parametrize("theme", ["mkdocs", "readthedocs", "material"])
def test_each_theme_builds_the_block(tmp_path: Path, theme: str) -> None:
    root = write_site(tmp_path, pages=PAGES, data={"p.bib": BIB}, plugin={"me": ["Ada Lovelace"]}, theme=theme)
    result = build(root)
    assert result.ok, result.output
    html = result.html("research/papers")
    assert keys(html) == ["lovelace2024engines", "lovelace2020early"]
    assert "Jörg Müller" in html
    assert "assets/academic/academic.css" in html


def test_material_with_instant_navigation_and_palette(tmp_path: Path) -> None:
    theme = {
        "name": "material",
        "features": ["navigation.instant", "navigation.tabs", "content.code.copy", "toc.follow"],
        "palette": [
            {"scheme": "default", "toggle": {"icon": "material/brightness-7", "name": "Dark"}},
            {"scheme": "slate", "toggle": {"icon": "material/brightness-4", "name": "Light"}},
        ],
    }
    root = write_site(tmp_path, pages=PAGES, data={"p.bib": BIB}, theme=theme)
    result = build(root)
    assert result.ok, result.output
    assert len(keys(result.html("research/papers"))) == 2


def test_blocks_inside_admonition_and_tabs(tmp_path: Path) -> None:
    page = (
        '!!! note "Latest"\n\n'
        "    /// publications\n        limit: 1\n        group_by: none\n    ///\n\n"
        "//// tab | Recent\n/// publications\n    year: 2024\n///\n////\n\n"
        "//// tab | Older\n/// publications\n    year: -2023\n///\n////\n"
    )
    root = write_site(
        tmp_path,
        pages={"index.md": page, "papers/engines.pdf": PAGES["papers/engines.pdf"]},
        data={"p.bib": BIB},
        theme="material",
        extra_config={"markdown_extensions": ["admonition", "pymdownx.blocks.tab"]},
    )
    result = build(root)
    assert result.ok, result.output
    html = result.html()
    assert keys(html) == ["lovelace2024engines", "lovelace2024engines", "lovelace2020early"]
    assert "/// publications" not in html


def test_beside_other_plugins(tmp_path: Path) -> None:
    root = write_site(tmp_path, pages=PAGES, data={"p.bib": BIB}, theme="material")
    config = yaml.safe_load((root / "mkdocs.yml").read_text())
    config["plugins"] = ["search", "tags", *config["plugins"]]
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config))
    result = build(root)
    assert result.ok, result.output
    assert len(keys(result.html("research/papers"))) == 2


def test_properdocs_builds_with_the_plugin(tmp_path: Path) -> None:
    root = write_site(tmp_path, pages=PAGES, data={"p.bib": BIB}, plugin={"me": ["Ada Lovelace"]})
    (root / "mkdocs.yml").rename(root / "properdocs.yml")
    result = subprocess.run(
        [sys.executable, "-m", "properdocs", "build", "--strict", "-d", str(root / "site")],
        cwd=root,
        capture_output=True,
        text=True,
        env=build_environment(),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    html = (root / "site/research/papers/index.html").read_text()
    assert keys(html) == ["lovelace2024engines", "lovelace2020early"]
    assert 'href="../../papers/engines.pdf"' in html


def test_properdocs_strict_fails_on_bad_data(tmp_path: Path) -> None:
    root = write_site(
        tmp_path, pages=PAGES, data={"p.bib": "@article{x,\n  title = {No year},\n  author = {A, B},\n}\n"}
    )
    (root / "mkdocs.yml").rename(root / "properdocs.yml")
    result = subprocess.run(
        [sys.executable, "-m", "properdocs", "build", "--strict", "-d", str(root / "site")],
        cwd=root,
        capture_output=True,
        text=True,
        env=build_environment(),
    )
    assert result.returncode != 0
    assert "data/p.bib:1: entry 'x': missing year" in result.stdout + result.stderr


def test_zensical_runs_the_markdown_extension(tmp_path: Path) -> None:
    zensical = shutil.which("zensical", path=str(Path(sys.executable).parent))
    assert zensical, "zensical is installed by the test extra"
    root = tmp_path / "z"
    (root / "docs").mkdir(parents=True)
    (root / "data").mkdir()
    (root / "data/p.bib").write_text(BIB)
    (root / "docs/index.md").write_text("# Papers\n\n/// publications\n///\n")
    (root / "mkdocs.yml").write_text(
        yaml.safe_dump(
            {
                "site_name": "Z",
                "markdown_extensions": [
                    "toc",
                    {"mkdocs_academic.markdown": {"data_dir": "data", "me": ["Ada Lovelace"]}},
                ],
            }
        )
    )
    result = subprocess.run([zensical, "build"], cwd=root, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    html = (root / "site/index.html").read_text()
    assert keys(html) == ["lovelace2024engines", "lovelace2020early"]
    assert "academic-me" in html
