"""Full `mkdocs build` of small sites using news, CV and profile data (and `--strict` failures)."""

from __future__ import annotations

import re
import shutil
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from sitebuilder import Built, build

FIXTURES = Path(__file__).parent / "fixtures" / "jsonresume"

MKDOCS_YML = """
site_name: Test
site_url: https://example.org/
theme: {theme}
nav:
  - index.md
plugins:
  - academic:
      news:
        limit: 2
"""

PAGE = """
# Home

/// profile
///

## News

/// news
///

## Education

/// experience | education
///

## Work

/// experience | work
///
"""


@pytest.fixture
def make_site(tmp_path: Path) -> Callable[..., Path]:
    """`make_site(files={"data/news.yml": "..."}, page=..., theme="mkdocs")` -> project folder."""

    def make(files: dict[str, str], page: str = PAGE, theme: str = "mkdocs") -> Path:
        project = tmp_path / "site-src"
        (project / "docs").mkdir(parents=True)
        (project / "data").mkdir()
        (project / "mkdocs.yml").write_text(MKDOCS_YML.format(theme=theme), encoding="utf-8")
        (project / "docs" / "index.md").write_text(textwrap.dedent(page), encoding="utf-8")
        for name, text in files.items():
            (project / name).write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return project

    return make


def ok(built: Built) -> None:
    """Fail the test with MkDocs' output when the build failed."""
    assert built.ok, built.output


GOOD = {
    "data/news.yml": """
        - date: 2025-12
          text: Newest
        - date: 2025-01-05
          text: Second
        - date: 2020
          text: Old
    """,
    "data/cv.yml": """
        education:
          - title: PhD
            organization: Edinburgh
            end: 2020
    """,
    "data/profile.yml": """
        name: Ada Lovelace
        links:
          github: https://github.com/ada
    """,
}


@pytest.mark.parametrize("theme", ["mkdocs", "material"])
def test_site_builds_strict_with_site_defaults(make_site: Callable[..., Path], theme: str, tmp_path: Path) -> None:
    project = make_site({**GOOD}, theme=theme)
    shutil.copy(FIXTURES / "sample.resume.json", project / "data" / "resume.json")
    # profile.yml and resume.json both hold a profile: that is a (strict) warning ...
    result = build(project, site_dir=tmp_path / "out")
    assert result.returncode == 1
    assert "data/profile.yml and data/resume.json both hold a profile" in result.output
    assert "section 'education' is in both data/cv.yml and data/resume.json" in result.output
    # ... so keep one of each; then the build is clean.
    (project / "data" / "profile.yml").unlink()
    (project / "data" / "cv.yml").unlink()
    ok(build(project, site_dir=tmp_path / "out"))
    html = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert html.count('class="academic-news-item') == 2  # the site-wide `limit: 2`
    assert "Richard Hendriks" in html and "CEO/President" in html and "Bachelor in Information Technology" in html
    assert (tmp_path / "out" / "assets" / "academic" / "academic.css").is_file()


def test_twice_the_same_output(make_site: Callable[..., Path], tmp_path: Path) -> None:
    project = make_site(GOOD)
    shutil.copy(FIXTURES / "al-folio.resume.json", project / "data" / "resume.json")
    (project / "data" / "profile.yml").unlink()
    (project / "data" / "cv.yml").unlink()
    ok(build(project, site_dir=tmp_path / "a"))
    ok(build(project, site_dir=tmp_path / "b"))

    def page(folder: str) -> str:
        # The default theme writes the build time in a comment at the end.
        return re.sub(r"Build Date UTC ?:[^>]*", "", (tmp_path / folder / "index.html").read_text(encoding="utf-8"))

    assert page("a") == page("b")


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("data/news.yml", "- date: 2025\n  txt: hi\n", "data/news.yml:2: news item: unknown field 'txt'"),
        ("data/news.yml", "- date: Decmber 2025\n  text: hi\n", "data/news.yml:1: news item: field 'date'"),
        (
            "data/cv.yml",
            "education:\n  - title: PhD\n    end: 2020\n    end: 2021\n",
            "data/cv.yml:4: education: field 'end' is written twice",
        ),
        (
            "data/cv.yml",
            "education:\n  - location: X\n",
            "data/cv.yml:2: education: missing required field 'title'",
        ),
        ("data/profile.yml", "name: A\nlinks: [1]\n", "data/profile.yml:2: profile: field 'links'"),
    ],
)
def test_bad_data_fails_strict_with_file_and_line(
    make_site: Callable[..., Path], tmp_path: Path, name: str, text: str, message: str
) -> None:
    project = make_site({**GOOD, name: text})
    result = build(project, site_dir=tmp_path / "out")
    assert result.returncode == 1, result.output
    assert message in result.output
    assert "Traceback" not in result.output


def test_bad_block_options_fail_strict(make_site: Callable[..., Path], tmp_path: Path) -> None:
    page = "/// experience | eduction\n    sort: random\n///\n\n/// profile\n    photos: false\n///\n"
    project = make_site(GOOD, page=page)
    result = build(project, site_dir=tmp_path / "out")
    assert result.returncode == 1
    assert "index.md:1: /// experience: no CV section 'eduction' (did you mean 'education'?)" in result.output
    assert "option 'sort': expected one of newest, oldest, file" in result.output
    assert "unknown option 'photos' (did you mean 'photo'?)" in result.output


def test_bad_site_default_fails_strict(make_site: Callable[..., Path], tmp_path: Path) -> None:
    project = make_site(GOOD)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("limit: 2", "limits: 2"), encoding="utf-8")
    result = build(project, site_dir=tmp_path / "out")
    assert result.returncode == 1
    assert "plugins.academic.news: unknown option 'limits' (did you mean 'limit'?)" in result.output


def test_example_site_pages(example_site: Path, tmp_path: Path) -> None:
    ok(build(example_site, site_dir=tmp_path / "out", subprocess=True))  # the real command line
    home = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert "academic-profile-card" in home
    assert home.count('class="academic-news-item') == 5
    cv = (tmp_path / "out" / "cv" / "index.html").read_text(encoding="utf-8")
    for section in (
        "education",
        "positions",
        "research",
        "projects",
        "awards",
        "talks",
        "teaching",
        "service",
        "grants",
        "mentoring",
        "skills",
    ):
        assert f"academic-cv-{section}" in cv, section
    news = (tmp_path / "out" / "news" / "index.html").read_text(encoding="utf-8")
    assert news.count('class="academic-news-item') == 10
