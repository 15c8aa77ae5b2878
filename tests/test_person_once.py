"""The owner's schema.org `Person` JSON-LD is written once per site, on the home page."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from crawler import parse_head
from sitebuilder import Built, build, write_site

from mkdocs_academic.data.models import Source
from mkdocs_academic.data.profile import Profile
from mkdocs_academic.render.meta import profile_person

SITE_URL = "https://ada.example.org/"
PROFILE = (
    "name: Ada Lovelace\nposition: Analyst\naffiliation: Analytical Society\n"
    "affiliation_url: https://society.example.org/\nlinks:\n  orcid: https://orcid.org/0000-0000-0000-0001\n"
)


def people_by_page(result: Built) -> dict[str, list[dict[str, Any]]]:
    """Every built HTML page (path in the site) -> the `Person` JSON-LD items in its head."""
    found: dict[str, list[dict[str, Any]]] = {}
    for path in sorted(result.site.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        if "</head>" not in html:
            continue
        items = [item for item in parse_head(html[: html.index("</head>")]).json_ld if item.get("@type") == "Person"]
        if items:
            found[path.relative_to(result.site).as_posix()] = items
    return found


def make_site(root: Path, pages: dict[str, str], *, data: dict[str, str] | None = None, **config: Any) -> Built:
    write_site(
        root,
        pages=pages,
        data={"profile.yml": PROFILE} if data is None else data,
        extra_config={"site_url": SITE_URL, **config},
    )
    result = build(root)
    assert result.ok, result.output
    return result


@pytest.mark.parametrize("directory_urls", [True, False])
def test_profile_on_two_pages_gives_one_person_on_the_home_page(tmp_path: Path, directory_urls: bool) -> None:
    # As the starter and the example site: the profile on the home page and on the CV page.
    pages = {
        "index.md": "# Ada\n\n/// profile\n///\n",
        "cv.md": "# CV\n\n/// profile\n    name: false\n///\n",
        "other.md": "# Other\n",
    }
    result = make_site(tmp_path, pages, use_directory_urls=directory_urls)
    people = people_by_page(result)
    assert list(people) == ["index.html"]
    [person] = people["index.html"]
    assert person["url"] == SITE_URL
    assert person["name"] == "Ada Lovelace"
    assert person["affiliation"] == {
        "@type": "Organization",
        "name": "Analytical Society",
        "url": "https://society.example.org/",
    }
    # The profile block itself is still shown on both pages.
    cv = result.html("cv/" if directory_urls else "cv.html")
    assert "academic-profile" in cv


def test_profile_only_on_another_page(tmp_path: Path) -> None:
    pages = {"index.md": "# Home\n", "about.md": "# About\n\n!!! note\n\n    //// profile\n    ////\n"}
    result = make_site(tmp_path, pages, markdown_extensions=["admonition"])
    people = people_by_page(result)
    assert list(people) == ["about/index.html"]
    assert people["about/index.html"][0]["url"] == f"{SITE_URL}about/"


def test_no_profile_block_puts_the_person_on_the_root_page(tmp_path: Path) -> None:
    result = make_site(tmp_path, {"index.md": "# Home\n", "cv.md": "# CV\n"})
    people = people_by_page(result)
    assert list(people) == ["index.html"]
    assert people["index.html"][0]["url"] == SITE_URL


def test_no_profile_file_no_person(tmp_path: Path) -> None:
    result = make_site(
        tmp_path, {"index.md": "# Home\n\n/// news\n///\n"}, data={"news.yml": "- date: 2025-01-01\n  text: Hi\n"}
    )
    assert people_by_page(result) == {}


@pytest.mark.parametrize(
    ("affiliation_url", "expected"),
    [
        ("https://society.example.org/", "https://society.example.org/"),
        ("society/", "https://ada.example.org/society/"),  # relative: against site_url
        ("", None),
    ],
)
def test_affiliation_url(affiliation_url: str, expected: str | None) -> None:
    profile = Profile(
        name="Ada Lovelace",
        source=Source("profile.yml", 1),
        affiliation_md="Analytical Society",
        affiliation_url=affiliation_url,
    )
    organisation = profile_person(profile, site_url=SITE_URL)["affiliation"]
    assert organisation["name"] == "Analytical Society"
    assert organisation.get("url") == expected
