"""The profile as a homepage hero: `interests` and `notice` in `profile.yml` (and JSON Resume),
their labels and options, their mistakes (file:line, `--strict` fails), and the example site
and starter laid out as a homepage on Material."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from sitebuilder import Built, build, write_site

from mkdocs_academic.cli import main

PAGE = "# Ada Lovelace\n\n/// profile\n    name: false\n///\n"

PROFILE = """\
name: Ada Lovelace
position: Mathematician
interests:
  - Analytical engines
  - "[Poetical science](https://example.org/poetical)"
  - {name: Bernoulli numbers, url: https://example.org/bernoulli}
notice: I am **on the job market** for research positions ([details](https://example.org/job)).
bio: I compute.
"""


def home(tmp_path: Path, profile: str = PROFILE, *, page: str = PAGE, strict: bool = True, **options: object) -> Built:
    """Build a one-page site with this `profile.yml`; `options` go to the plugin."""
    root = write_site(tmp_path / "site", pages={"index.md": page}, data={"profile.yml": profile}, plugin=dict(options))
    return build(root, strict=strict)


def profile_block(html: str) -> str:
    """The `/// profile` block's HTML from a built page."""
    match = re.search(r'<div class="academic academic-profile">.*?<div class="academic-bio">', html, re.DOTALL)
    assert match, "no profile block on the page"
    return match.group(0)


def test_interests_and_notice_are_shown(tmp_path: Path) -> None:
    built = home(tmp_path)
    assert built.ok, built.output
    block = profile_block(built.html())
    assert '<p class="academic-profile-label">Research interests</p>' in block
    items = re.findall(r"<li>(.*?)</li>", block.split("academic-profile-interests", 1)[1])
    assert items == [
        "Analytical engines",
        '<a href="https://example.org/poetical">Poetical science</a>',
        '<a href="https://example.org/bernoulli">Bernoulli numbers</a>',
    ]
    notice = re.search(r'<div class="academic-profile-notice" role="note">(.*?)</div>', block)
    assert notice, block
    assert notice.group(1) == (
        'I am <strong>on the job market</strong> for research positions (<a href="https://example.org/job">details</a>).'
    )
    # in reading order: links and interests inside the card, then the notice, then the bio
    assert block.index("academic-profile-interests") < block.index("academic-profile-notice")


def test_interests_label_in_german(tmp_path: Path) -> None:
    built = home(tmp_path, language="de")
    assert built.ok, built.output
    assert '<p class="academic-profile-label">Forschungsinteressen</p>' in built.html()
    assert "Research interests" not in built.html()


def test_interests_on_one_line_split_at_commas_outside_links(tmp_path: Path) -> None:
    profile = "name: Ada\ninterests: engines, [poetry, science](https://example.org/p), numbers (Bernoulli, Euler)\n"
    built = home(tmp_path, profile)
    assert built.ok, built.output
    items = re.findall(r"<li>(.*?)</li>", built.html().split("academic-profile-interests", 1)[1].split("</ul>")[0])
    assert items == ["engines", '<a href="https://example.org/p">poetry, science</a>', "numbers (Bernoulli, Euler)"]


def test_block_options_hide_interests_and_notice(tmp_path: Path) -> None:
    page = "# Ada\n\n/// profile\n    interests: false\n    notice: false\n///\n"
    built = home(tmp_path, page=page)
    assert built.ok, built.output
    html = built.html()
    assert "academic-profile-card" in html
    assert "academic-profile-interests" not in html and "academic-profile-notice" not in html


@pytest.mark.parametrize(
    ("profile", "expected"),
    [
        ("name: Ada\ninterests: {engines: yes}\n", "data/profile.yml:2: profile: field 'interests' must be a list"),
        ("name: Ada\ninterests:\n  - engines\n  - [a, b]\n", "data/profile.yml:4: profile: field 'interests': an interest"),
        ("name: Ada\ninterests:\n  - true\n", "data/profile.yml:3: profile: field 'interests': an interest is a text"),
        ("name: Ada\ninterests:\n  - {url: https://example.org}\n", "data/profile.yml:3: profile: missing required field 'name'"),
        ("name: Ada\ninterests:\n  - {name: x, link: https://e.org}\n", "data/profile.yml:3: profile: unknown field 'link'"),
        ("name: Ada\ninterests:\n  - {name: x, url: 'javascript:alert(1)'}\n", "data/profile.yml:3: profile: field 'url': link"),
        ("name: Ada\nnotice: [a, b]\n", "data/profile.yml:2: profile: field 'notice' must be text, not a list"),
        ("name: Ada\nannouncement: Hiring!\n", "data/profile.yml:2: profile: unknown field 'announcement'"),
    ],
)  # fmt: skip
def test_wrong_types_warn_with_file_and_line(tmp_path: Path, profile: str, expected: str) -> None:
    built = home(tmp_path, profile)
    assert not built.ok, "a mistake in profile.yml fails --strict"
    assert any(expected in line for line in built.warnings()), built.output
    assert "Traceback" not in built.output
    relaxed = home(tmp_path / "relaxed", profile, strict=False)
    assert relaxed.ok, relaxed.output
    assert "academic-profile-card" in relaxed.html()  # the rest of the profile is still shown


def test_unknown_field_hint_names_the_field(tmp_path: Path) -> None:
    built = home(tmp_path, "name: Ada\nresearch_interests: [a]\n")
    assert any("did you mean 'interests'?" in line for line in built.warnings()), built.output


def resume(interests: list[str], *, basics: bool = True) -> str:
    data: dict[str, object] = {"interests": [{"name": name, "keywords": ["k"]} for name in interests]}
    if basics:
        data["basics"] = {"name": "Ada Lovelace", "label": "Mathematician"}
    return json.dumps(data, indent=2)


def test_json_resume_interests_become_profile_interests(tmp_path: Path) -> None:
    root = write_site(
        tmp_path, pages={"index.md": PAGE}, data={"resume.json": resume(["Engines", "Poetry"])}, plugin={}
    )
    built = build(root)
    assert built.ok, built.output
    block = built.html().split("academic-profile-interests", 1)[1].split("</ul>")[0]
    assert re.findall(r"<li>(.*?)</li>", block) == ["Engines", "Poetry"]


def test_json_resume_interests_fill_in_for_profile_yml(tmp_path: Path) -> None:
    data = {"profile.yml": "name: Ada Lovelace\n", "resume.json": resume(["Engines"], basics=False)}
    built = build(write_site(tmp_path / "a", pages={"index.md": PAGE}, data=data))
    assert built.ok, built.output
    assert "<li>Engines</li>" in built.html()
    # profile.yml's own interests win
    data["profile.yml"] = "name: Ada Lovelace\ninterests: [Numbers]\n"
    built = build(write_site(tmp_path / "b", pages={"index.md": PAGE}, data=data))
    assert built.ok, built.output
    assert "<li>Numbers</li>" in built.html() and "<li>Engines</li>" not in built.html()


def test_example_site_home_is_a_homepage(example_site: Path, tmp_path: Path) -> None:
    project = tmp_path / "example"
    shutil.copytree(example_site, project, ignore=shutil.ignore_patterns("site"))
    built = build(project)
    assert built.ok, built.output
    html = built.html()
    assert 'class="md-tabs"' in html, "navigation.tabs"
    assert re.search(r'<div class="md-sidebar md-sidebar--primary"[^>]*\bhidden\b', html), "hide: navigation"
    assert re.search(r'<div class="md-sidebar md-sidebar--secondary"[^>]*\bhidden\b', html), "hide: toc"
    block = profile_block(html)
    assert (
        block.index("academic-photo") < block.index("academic-profile-links") < block.index("academic-profile-notice")
    )
    assert "Research interests" in block and 'role="note"' in block and "job market" in block
    # the profile is the first thing under the page title
    content = html.split('<article class="md-content__inner md-typeset">', 1)[1]
    assert content.index("academic-profile") < content.index("academic-news")


@pytest.mark.parametrize("theme", ["mkdocs", "material"])
def test_starter_home_is_a_homepage(tmp_path: Path, theme: str) -> None:
    site = tmp_path / "homepage"
    assert main(["new", str(site)]) == 0
    config = site / "mkdocs.yml"
    config.write_text(re.sub(r"(?m)^  name: mkdocs\b.*$", f"  name: {theme}", config.read_text()), encoding="utf-8")
    built = build(site)
    assert built.ok, built.output
    assert not built.warnings()
    html = built.html()
    assert "Research interests" in html and 'class="academic-profile-notice" role="note"' in html
    if theme == "material":
        assert 'class="md-tabs"' in html
        assert re.search(r'<div class="md-sidebar md-sidebar--primary"[^>]*\bhidden\b', html)
