"""`mkdocs-academic import`: academicpages' about page (bio and news) and al-folio's roles listed twice.

The fixtures (tests/fixtures/academicpages-about/, tests/fixtures/alfolio-dup/) are made up for
these tests. Each import is built with `--strict` and the built HTML is read back.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
import yaml
from sitebuilder import Built, build

from mkdocs_academic.cli import main
from mkdocs_academic.importers.about import read_about
from mkdocs_academic.importers.common import ImportResult, report_markdown

FIXTURES = Path(__file__).parent / "fixtures"


def import_and_build(tmp_path: Path, folder: str, kind: str) -> tuple[Path, Built]:
    site = tmp_path / "site"
    code = main(["import", str(FIXTURES / folder), "--from", kind, "--out", str(site / "data"), "--site"])
    assert code == 0
    built = build(site)
    assert built.ok, built.output
    assert not built.warnings(), built.warnings()
    return site, built


def text_of(markup: str) -> str:
    markup = re.sub(r"<(script|style)\b.*?</\1>", " ", markup, flags=re.DOTALL)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split())


def load(site: Path, name: str) -> object:
    return yaml.safe_load((site / "data" / name).read_text(encoding="utf-8"))


# --- academicpages: _pages/about.md -----------------------------------------------------------------


def test_about_page_becomes_bio_and_news(tmp_path: Path) -> None:
    site, built = import_and_build(tmp_path, "academicpages-about", "academicpages")
    home = built.html("")
    # The bio, with its Markdown: bold and a link.
    assert "<strong>tone</strong> in made-up languages" in home
    assert '<a href="https://example.org/uni">Example University</a>' in home
    assert "My work combines" in text_of(home)
    # The news list left the bio: its items are news items, with links and bold kept.
    news = built.html("news")
    assert '<strong>tone sandhi</strong> is out in <a href="https://example.org/tacl">TACL</a>' in news
    assert "<strong>ToneKit</strong> 1.0" in news
    shown = text_of(news)
    for text in (
        "I gave a talk at the Example Workshop.",
        "Started a visit at the Example Lab.",
        "Won the best poster",
    ):
        assert text in shown
    assert "Reviewing for ACL" not in shown and "Reviewing for ACL" not in text_of(home)
    bio = str(load(site, "profile.yml")["bio"])  # type: ignore[index]
    assert "News" not in bio and "Dec 2025" not in bio and "{%" not in bio and "{{" not in bio
    assert "[CV](/files/cv.pdf)" in bio  # `{{ site.baseurl }}` removed, the path kept
    items = load(site, "news.yml")
    assert [item["date"] for item in items] == [  # type: ignore[union-attr]
        "2025-12", "2025-11", "2025-10", "2025-09", "2025-08", "2025-07-03",
    ]  # fmt: skip


def test_about_page_tagline_is_the_position(tmp_path: Path) -> None:
    site, built = import_and_build(tmp_path, "academicpages-about", "academicpages")
    profile = load(site, "profile.yml")
    assert profile["position"] == "PhD student in computational linguistics"  # type: ignore[index]
    assert "PhD student in computational linguistics" in text_of(built.html(""))
    # The avatar is copied with the data, so the site builds with --strict as it is.
    assert profile["photo"] == "images/profile.png"  # type: ignore[index]
    assert (site / "docs" / "images" / "profile.png").read_bytes() == (
        FIXTURES / "academicpages-about" / "images" / "profile.png"
    ).read_bytes()
    assert 'src="images/profile.png"' in built.html("")


def test_about_page_report(tmp_path: Path) -> None:
    site, _ = import_and_build(tmp_path, "academicpages-about", "academicpages")
    report = (site / "data" / "IMPORT-REPORT.md").read_text(encoding="utf-8")
    assert "- 6 news items" in report
    assert "'Reviewing for ACL this year.' (line 26) — no date at its start" in report
    assert "Liquid" in report and "{% include base_path %}" in report and "{{ site.baseurl }}" in report
    assert "`/files/cv.pdf`" in report
    assert "_pages: " not in report  # the about page is not also listed as a page to copy


@pytest.mark.parametrize(
    ("line", "date", "text"),
    [
        ("* [Dec 2025] Paper **out**", "2025-12", "Paper **out**"),
        ("- **Dec 2025**: Talk at [X](https://x.example)", "2025-12", "Talk at [X](https://x.example)"),
        ("* Dec 2025: Started", "2025-12", "Started"),
        ("* [12/2025] Visit", "2025-12", "Visit"),
        ("* **[December 2025]** Award", "2025-12", "Award"),
        ("- *2025.12*: &nbsp;🎉 Released", "2025-12", "🎉 Released"),
        ("* (Sept. 2024) Moved", "2024-09", "Moved"),
        ("* [2025-12-03] Defended", "2025-12-03", "Defended"),
        ("* [3 Dec 2025] Defended", "2025-12-03", "Defended"),
        ("* 🎉 [Dec 2025] Accepted", "2025-12", "🎉 Accepted"),
        ("* <b>Dec 2025</b>: Joined", "2025-12", "Joined"),
        ("* [2024] Graduated", "2024", "Graduated"),
        ("* 2024 - Graduated", "2024", "Graduated"),
    ],
)
def test_news_date_formats(tmp_path: Path, line: str, date: str, text: str) -> None:
    path = tmp_path / "about.md"
    path.write_text(f"Bio text.\n\n## News\n\n{line}\n", encoding="utf-8")
    page = read_about(path, "about.md", ImportResult())
    assert page.news == [{"date": date, "text": text}]
    assert page.bio == "Bio text."


@pytest.mark.parametrize(
    "line", ["* 2024 was a good year", "* Reviewing for ACL", "* [13/2025] Bad month", "* [Feb 30, 2025] Bad day"]
)
def test_undated_items_are_reported(tmp_path: Path, line: str) -> None:
    path = tmp_path / "about.md"
    path.write_text(f"## Recent updates\n\n{line}\n", encoding="utf-8")
    result = ImportResult()
    assert read_about(path, "about.md", result).news == []
    assert "(line 3) — no date at its start" in report_markdown(result, "x", "academicpages")


def test_news_without_heading_and_other_lists(tmp_path: Path) -> None:
    path = tmp_path / "about.md"
    path.write_text(
        "Bio.\n\n**Latest news**\n\n- [Jan 2026] One\n- [Feb 2026] Two\n\n## Teaching\n\n- 2019: Course A\n- Course B\n\n"
        "## Highlights\n\n- Mar 2024: Three\n",
        encoding="utf-8",
    )
    page = read_about(path, "about.md", ImportResult())
    assert [item["text"] for item in page.news] == ["One", "Two", "Three"]
    # A list that is not all dated by month stays in the bio with its heading.
    assert page.bio == "Bio.\n\n#### Teaching\n\n- 2019: Course A\n- Course B"


def test_date_link_becomes_the_url(tmp_path: Path) -> None:
    path = tmp_path / "about.md"
    path.write_text("## News\n* [Dec 2025](https://example.org/post) Our post\n", encoding="utf-8")
    assert read_about(path, "about.md", ImportResult()).news == [
        {"date": "2025-12", "text": "Our post", "url": "https://example.org/post"}
    ]


# --- al-folio: the same role in _data/cv.yml and resume.json -------------------------------------------


def test_alfolio_role_listed_twice_is_merged(tmp_path: Path) -> None:
    site, built = import_and_build(tmp_path, "alfolio-dup", "al-folio")
    cv = load(site, "cv.yml")
    assert isinstance(cv, dict)
    roles = [entry for entries in cv.values() for entry in entries if entry["title"] == "Research Scientist"]
    assert len(roles) == 1
    role = roles[0]
    assert role["url"] == "https://example.org/lab"  # from resume.json
    assert role["summary"] == "Speech and tone models for made-up languages."
    assert role["highlights"] == ["Built the tone parser.", "Mentored two interns.", "Ran the reading group."]
    assert "date" not in role and role["start"] == "2019-09-01"  # the dates of one side only
    assert [entry["title"] for entry in cv["work"]] == ["Visiting Researcher"]  # not a duplicate: kept
    page = text_of(built.html("cv"))
    assert page.count("Research Scientist") == 1
    assert "Mentored two interns." in page and "Ran the reading group." in page and "Intern" in page
    report = (site / "data" / "IMPORT-REPORT.md").read_text(encoding="utf-8")
    assert "`work` entry 'Research Scientist' — the same as in `_data/cv.yml` (section `experience`): merged" in report
    assert "- 3 CV entries" in report


def test_ambiguous_date_and_liquid_keep_line_numbers(tmp_path: Path) -> None:
    path = tmp_path / "about.md"
    path.write_text(
        "---\ntitle: About\n---\n{% if site.x %}\nBio {{ site.name }}.\n{% endif %}\n\n## News\n\n"
        "* [12/03/2025] Either day\n* no date\n",
        encoding="utf-8",
    )
    result = ImportResult()
    page = read_about(path, "about.md", result)
    assert page.bio == "Bio ."
    assert page.news == [{"date": "2025-12-03", "text": "Either day"}]
    report = report_markdown(result, "x", "academicpages")
    assert "read as month/day/year (2025-12-03)" in report
    assert "'no date' (line 11)" in report
    assert "3 Liquid tag(s)" in report
