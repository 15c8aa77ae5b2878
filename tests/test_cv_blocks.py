"""Markdown -> HTML tests for `/// news`, `/// experience` and `/// profile`."""

from __future__ import annotations

import logging
import re
import textwrap
from pathlib import Path

import markdown
import pytest

FIXTURES = Path(__file__).parent / "fixtures" / "jsonresume"

NEWS = """
- date: 2025-12-03
  text: "Paper at **ACL** :tada: [code](https://example.org/code)"
  url: publications/#key
  tags: [papers]
- date: Nov 2025
  text: Talk <script>alert(1)</script> and [bad](javascript:alert(1))
  tags: [talks]
- date: 2024
  text: Older news
- date: 2023-06
  text: Pinned news
  pinned: true
"""

CV = """
education:
  - title: PhD
    area: Linguistics
    organization: University of Edinburgh
    location: Edinburgh, UK
    start: 2016-09
    end: 2020
    thesis: Learning *tone*
    advisors: ["[Ana Ruiz](https://example.org/ana)", Tomás Vidal]
    note: "GPA 4.0 · rank 1/40"
  - title: MSc
    end: 2016
positions:
  - title: Postdoc
    organization: ILT
    start: 2021-01
    end: present
    mentors: [{name: Claire Dubois, url: "https://example.org/claire"}]
    summary: Lead the *tone* group.
    highlights: ["Built **3** corpora", "See [site](https://example.org)"]
awards:
  - title: Fellowship
    date: 2020–2022
    note: "£5,400/yr"
projects:
  - title: Stress probe
    status: work in progress
    links: {paper: "https://arxiv.org/abs/1", code: "https://github.com/x"}
skills:
  - title: Toolkits
    items: [PyTorch, NumPy]
"""

PROFILE = """
name: Elena Márquez
photo: assets/me.jpg
position: Research Scientist
affiliation: Institute for Language Technology
affiliation_url: https://example.org/ilt
email: elena@example.org
links:
  scholar: https://scholar.google.com/x
  orcid: https://orcid.org/0000
  github: https://github.com/x
  linkedin: https://linkedin.com/in/x
  x: https://x.com/x
  bluesky: https://bsky.app/profile/x
  semantic_scholar: https://www.semanticscholar.org/author/1
  dblp: https://dblp.org/pid/1
  cv: cv.pdf
bio: |
  I study **sound**.

  Second paragraph.
"""


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "news.yml").write_text(NEWS, encoding="utf-8")
    (folder / "cv.yml").write_text(CV, encoding="utf-8")
    (folder / "profile.yml").write_text(PROFILE, encoding="utf-8")
    return folder


def render(text: str, data_dir: Path, **config: object) -> str:
    return markdown.markdown(
        textwrap.dedent(text),
        extensions=["mkdocs_academic.markdown"],
        extension_configs={"mkdocs_academic.markdown": {"data_dir": str(data_dir), **config}},
    )


def texts(html: str, css_class: str) -> list[str]:
    return [
        re.sub(r"<[^>]+>", "", match).strip() for match in re.findall(rf'class="{css_class}"[^>]*>(.*?)</', html, re.S)
    ]


# ------------------------------------------------------------------------------- news


def test_news_latest_with_limit_pinned_first(data_dir: Path) -> None:
    html = render("/// news\n    limit: 3\n///\n", data_dir)
    assert 'class="academic academic-news"' in html
    assert html.count('class="academic-news-item') == 3
    assert texts(html, "academic-when") == ["Jun 2023", "Dec 3, 2025", "Nov 2025"]
    assert '<strong>ACL</strong> 🎉 <a href="https://example.org/code">code</a>' in html
    assert 'href="publications/#key"' in html
    # Raw HTML is escaped and unsafe links dropped.
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "javascript:" not in html


def test_news_grouped_by_year_has_real_headings(data_dir: Path) -> None:
    html = render("# News\n\n/// news\n    group_by: year\n///\n", data_dir)
    assert re.findall(r'<h2 id="news-(\d{4})">(\d{4})</h2>', html) == [
        ("2025", "2025"),
        ("2024", "2024"),
        ("2023", "2023"),
    ]


def test_news_filters(data_dir: Path) -> None:
    html = render("/// news\n    since: 2025\n    tag: talks\n///\n", data_dir)
    assert texts(html, "academic-when") == ["Nov 2025"]
    html = render("/// news\n    pinned: false\n    since: Jun 2024\n///\n", data_dir)
    assert html.count("academic-news-item") == 2
    html = render("/// news\n    pinned: true\n///\n", data_dir)
    assert "Pinned news" in html and "Older" not in html


def test_news_option_mistakes_warn(data_dir: Path, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        html = render("/// news\n    limt: 2\n    since: someday\n    tag: paper\n///\n", data_dir)
    assert "academic-empty" in html  # the block stays, with its message
    messages = caplog.text
    assert "unknown option 'limt' (did you mean 'limit'?)" in messages
    assert "option 'since': expected a date" in messages
    assert "no news item has the tag 'paper' (did you mean 'papers'?)" in messages


# ------------------------------------------------------------------------- experience


def test_education_section(data_dir: Path) -> None:
    html = render("/// experience | education\n///\n", data_dir)
    assert 'class="academic academic-experience"' in html
    assert texts(html, "academic-when") == ["Sep 2016 – 2020", "2016"]
    assert "PhD in Linguistics" in html
    assert "University of Edinburgh" in html and "Edinburgh, UK" in html
    assert "Thesis: <em>Learning <em>tone</em></em>" in html
    assert 'Advisors:\n<a href="https://example.org/ana">Ana Ruiz</a>, Tomás Vidal' in html
    assert "GPA 4.0 · rank 1/40" in html
    assert "Jan 2016" not in html


def test_positions_projects_awards_skills(data_dir: Path) -> None:
    html = render("/// experience | positions\n///\n", data_dir)
    assert "Jan 2021 – Present" in html
    assert 'Mentor:\n<a href="https://example.org/claire">Claire Dubois</a>' in html
    assert "<li>Built <strong>3</strong> corpora</li>" in html
    assert "Lead the <em>tone</em> group." in html
    html = render("/// experience | awards\n///\n", data_dir)
    assert "2020 – 2022" in html and "£5,400/yr" in html
    html = render("/// experience | projects\n///\n", data_dir)
    assert '<span class="academic-status">work in progress</span>' in html
    assert '<a class="academic-link academic-link-paper" href="https://arxiv.org/abs/1">Paper</a>' in html
    html = render("/// experience | skills\n///\n", data_dir)
    assert "<strong>Toolkits</strong>: PyTorch, NumPy" in html


def test_experience_without_section_shows_all_with_headings(data_dir: Path) -> None:
    html = render("# CV\n\n/// experience\n    highlights: false\n///\n", data_dir)
    assert re.findall(r"<h2>([^<]+)</h2>", html) == [
        "Education",
        "Positions",
        "Honors and awards",
        "Projects",
        "Skills",
    ]
    assert "academic-cv-highlights" not in html


def test_unknown_section_warns_with_suggestion(data_dir: Path, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        html = render("/// experience | eduction\n///\n", data_dir)
    assert "no CV section 'eduction' (did you mean 'education'?)" in caplog.text
    assert "academic-empty" in html


def test_labels_follow_the_language(data_dir: Path) -> None:
    html = render("/// experience | positions\n///\n", data_dir, language="de")
    assert "Jan. 2021 – heute" in html


# ---------------------------------------------------------------------------- profile


def test_profile_card(data_dir: Path) -> None:
    html = render("/// profile\n///\n", data_dir)
    assert 'class="academic academic-profile"' in html
    assert '<img class="academic-photo" src="assets/me.jpg" alt="Photo of Elena Márquez">' in html
    assert '<a href="https://example.org/ilt">Institute for Language Technology</a>' in html
    assert 'href="mailto:elena@example.org"' in html
    labels = re.findall(r'title="([^"]+)"><svg', html)
    assert labels == ["Google Scholar", "ORCID", "GitHub", "LinkedIn", "X", "Bluesky", "Semantic Scholar", "DBLP", "CV"]
    assert html.count('<svg class="academic-icon"') == 10  # 9 links and the email
    assert "<p>I study <strong>sound</strong>.</p>" in html and "<p>Second paragraph.</p>" in html
    assert "http://" not in html.replace("http://www.w3.org", "")


def test_profile_options(data_dir: Path) -> None:
    html = render("/// profile\n    photo: false\n    bio: false\n    name: false\n///\n", data_dir)
    assert "academic-photo" not in html and "academic-bio" not in html and "academic-profile-name" not in html


def test_profile_from_json_resume(tmp_path: Path) -> None:
    (tmp_path / "resume.json").write_bytes((FIXTURES / "al-folio.resume.json").read_bytes())
    html = render("/// profile\n///\n\n/// experience | work\n///\n", tmp_path)
    assert "Albert Einstein" in html and "Scientist" in html
    assert "Professor of Theoretical Physics" in html
    assert "Jan 1, 1933 – Jan 1, 1955" in html


def test_missing_profile_warns(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        render("/// profile\n///\n", tmp_path)
    assert "no profile: add profile.yml" in caplog.text
