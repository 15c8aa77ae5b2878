"""Unit tests: loading and validating news.yml, cv.yml, profile.yml and resume.json."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from mkdocs_academic.data.cv import load_cv, sort_entries
from mkdocs_academic.data.dates import DateRange, parse_date_range, parse_partial_date
from mkdocs_academic.data.jsonresume import load_resume
from mkdocs_academic.data.models import PartialDate
from mkdocs_academic.data.news import load_news, select_news
from mkdocs_academic.data.profile import load_profile
from mkdocs_academic.data.store import DataStore
from mkdocs_academic.render.format import format_date_range
from mkdocs_academic.render.labels import Labels

FIXTURES = Path(__file__).parent / "fixtures" / "jsonresume"


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


# ------------------------------------------------------------------------------ dates


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024", PartialDate(2024)),
        (2024, PartialDate(2024)),
        ("2024-05", PartialDate(2024, 5)),
        ("2024-05-17", PartialDate(2024, 5, 17)),
        ("Dec 2025", PartialDate(2025, 12)),
        ("December 2025", PartialDate(2025, 12)),
        ("Sept. 2020", PartialDate(2020, 9)),
        ("17 May 2024", PartialDate(2024, 5, 17)),
        ("May 17, 2024", PartialDate(2024, 5, 17)),
        ("2015-10-22 15:59:00-0400", PartialDate(2015, 10, 22)),
        ("Decmber 2025", None),
        ("2024-13", None),
        ("soon", None),
        (True, None),
    ],
)
def test_parse_partial_date_keeps_precision(text: object, expected: PartialDate | None) -> None:
    assert parse_partial_date(text) == expected


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("2021", "2021"),
        ("2020–2022", "2020 – 2022"),
        ("2020-2022", "2020 – 2022"),
        ("Sep 2020 - Jun 2024", "Sep 2020 – Jun 2024"),
        ("2019 – present", "2019 – Present"),
        ("2019-now", "2019 – Present"),
        ("2024-05", "May 2024"),
    ],
)
def test_date_ranges_render_at_their_precision(text: str, shown: str) -> None:
    assert format_date_range(parse_date_range(text), Labels()) == shown


def test_bad_ranges_are_rejected() -> None:
    assert parse_date_range("2022–2020") is None
    assert parse_date_range("2019-") is None


def test_a_year_never_becomes_january() -> None:
    assert format_date_range(DateRange(start=PartialDate(2022)), Labels()) == "2022"
    assert format_date_range(DateRange(end=PartialDate(2017)), Labels()) == "2017"
    assert format_date_range(DateRange(start=PartialDate(2022), ongoing=True), Labels("de")) == "2022 – heute"


# ------------------------------------------------------------------------------- news


def test_news_loads_and_sorts_newest_first_with_pinned_on_top(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "news.yml",
        """
        - date: 2024-03
          text: Older
        - date: Dec 2025
          text: Newest **bold**
          tags: papers, talks
        - date: 2023
          text: Pinned one
          pinned: true
        """,
    )
    items, problems = load_news(path, "news.yml")
    assert problems == []
    assert [item.text_md for item in select_news(items)] == ["Pinned one", "Newest **bold**", "Older"]
    assert [item.text_md for item in select_news(items, pinned_first=False)] == [
        "Newest **bold**",
        "Older",
        "Pinned one",
    ]
    assert items[1].tags == ("papers", "talks")
    assert [i.text_md for i in select_news(items, since=PartialDate(2024), pinned=False)] == [
        "Newest **bold**",
        "Older",
    ]
    assert [i.text_md for i in select_news(items, tags=("Talks",))] == ["Newest **bold**"]
    assert len(select_news(items, limit=1)) == 1


def test_news_problems_name_the_line(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "news.yml",
        """
        - date: 2025-12
          txt: typo
        - date: Decmber 2025
          text: bad date
        - date: 2025
          text: twice
          text: again
        - date: 2024
          text: [not, text]
          pinned: maybe
        - just a string
        """,
    )
    items, problems = load_news(path, "news.yml")
    found = {(p.line, p.message) for p in problems}
    assert (2, "news item: unknown field 'txt'; it is not shown") in found
    assert (1, "news item: missing required field 'text'") in found
    assert (3, "news item: field 'date': 'Decmber 2025' is not a date") in found
    assert (7, "news item: field 'text' is written twice; the last one is used") in found
    assert (9, "news item: field 'text' must be text, not a list") in found
    assert (10, "news item: field 'pinned' must be true or false, not 'maybe'") in found
    assert any(p.line == 11 and "must be a mapping" in p.message for p in problems)
    hints = {p.line: p.hint for p in problems}
    assert hints[2] == "did you mean 'text'?"
    # Items with a problem that still have a date and a text are shown.
    assert [item.text_md for item in items] == ["again"]


def test_news_yaml_syntax_error_has_line_and_quote_hint(tmp_path: Path) -> None:
    path = write(tmp_path, "news.yml", "- date: 2025\n  text: Done :tada:\n")
    items, problems = load_news(path, "news.yml")
    assert items == []
    assert problems[0].line == 2
    assert "quotes" in problems[0].hint


# --------------------------------------------------------------------------------- cv


CV_YAML = """
education:
  - title: PhD
    area: Linguistics
    organization: University of Edinburgh
    start: 2016-09
    end: 2020
    advisors: ["[Ana Ruiz](https://example.org/ana)", {name: Tomás Vidal, url: "https://example.org/t"}]
    thesis: Tone
    note: Distinction
  - title: MSc
    end: 2016
positions:
  - title: Postdoc
    organization: ILT
    start: 2021-01
    end: present
    highlights: ["**3** corpora", "Taught *two* courses"]
  - title: Intern
    date: 2019-06 - 2019-09
  - title: Ongoing project
    status: work in progress
skills:
  - title: Toolkits
    items: PyTorch, NumPy
"""


def test_cv_loads_every_field(tmp_path: Path) -> None:
    cv, problems = load_cv(write(tmp_path, "cv.yml", CV_YAML), "cv.yml")
    assert problems == []
    assert list(cv.sections) == ["education", "positions", "skills"]
    phd = cv.sections["education"][0]
    assert phd.area == "Linguistics"
    assert phd.when == DateRange(start=PartialDate(2016, 9), end=PartialDate(2020))
    role, people = phd.people[0]
    assert role == "advisors"
    assert [p.full for p in people] == ["[Ana Ruiz](https://example.org/ana)", "Tomás Vidal"]
    assert people[1].url == "https://example.org/t"
    assert cv.sections["education"][1].when == DateRange(end=PartialDate(2016))
    assert cv.sections["skills"][0].items_md == ("PyTorch", "NumPy")
    assert cv.sections["skills"][0].is_group
    titles = [entry.title_md for entry in sort_entries(cv.sections["positions"])]
    assert titles == ["Ongoing project", "Postdoc", "Intern"]
    assert [e.title_md for e in sort_entries(cv.sections["positions"], "oldest")] == [
        "Intern",
        "Postdoc",
        "Ongoing project",
    ]
    assert [e.title_md for e in sort_entries(cv.sections["positions"], "file")] == [
        "Postdoc",
        "Intern",
        "Ongoing project",
    ]


def test_cv_problems_name_the_line(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "cv.yml",
        """
        education:
          - title: PhD
            institution: Edinburgh
            start: 2020
            end: 2018
          - location: No title
          - title: BA
            date: 20019
            organisation: typo
        positions: not a list
        awards:
          - title: Prize
            end: present
            links:
              paper: "javascript:alert(1)"
        talks:
          - title: Talk
          - title: Talk 2
            talks: twice
            talks: again
        """,
    )
    cv, problems = load_cv(path, "cv.yml")
    found = {(p.line, p.message, p.hint) for p in problems}
    assert (3, "education: unknown field 'institution'; it is not shown", "did you mean 'organization'?") in found
    assert (5, "education: 'end' (2018) is before 'start' (2020)", "swap them") in found
    assert any(p.line == 6 and p.message == "education: missing required field 'title'" for p in problems)
    assert any(p.line == 8 and "'20019' is not a date or a date range" in p.message for p in problems)
    assert (9, "education: unknown field 'organisation'; it is not shown", "did you mean 'organization'?") in found
    assert any(p.line == 10 and "section 'positions' must be a list" in p.message for p in problems)
    # `end: present` with no start is an ongoing entry whose start is not known ("Present")
    assert not any(p.line == 13 for p in problems) and cv.sections["awards"][0].when.ongoing
    assert any(p.line == 15 and "is not http(s)" in p.message for p in problems)
    assert any(p.line == 20 and "field 'talks' is written twice" in p.message for p in problems)
    # The entry without a title is named in a problem; the others are kept.
    assert [e.title_md for e in cv.sections["education"]] == ["PhD", "BA"]


def test_cv_section_written_twice(tmp_path: Path) -> None:
    path = write(tmp_path, "cv.yml", "talks:\n  - title: A\nawards: []\ntalks:\n  - title: B\n")
    cv, problems = load_cv(path, "cv.yml")
    assert [(p.line, p.message) for p in problems] == [
        (4, "section 'talks' is written twice; only the last one is used")
    ]
    assert [e.title_md for e in cv.sections["talks"]] == ["B"]


def test_cv_top_level_must_be_sections(tmp_path: Path) -> None:
    cv, problems = load_cv(write(tmp_path, "cv.yml", "- title: PhD\n"), "cv.yml")
    assert cv.sections == {}
    assert problems[0].line == 1 and "expected sections" in problems[0].message


# ---------------------------------------------------------------------------- profile


def test_profile_loads_links_in_order(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "profile.yml",
        """
        name: Ada
        position: Professor
        email: ada@example.org
        links:
          Google Scholar: https://scholar.google.com/x
          github: https://github.com/ada
          My blog: https://blog.example.org
          cv: {url: cv.pdf, label: Curriculum}
        bio: |
          Hello **world**.
        """,
    )
    found, problems = load_profile(path, "profile.yml")
    assert problems == []
    assert found is not None and found.name == "Ada"
    assert [(link.kind, link.label) for link in found.links] == [
        ("scholar", ""),
        ("github", ""),
        ("my_blog", "My blog"),
        ("cv", "Curriculum"),
    ]


def test_profile_problems(tmp_path: Path) -> None:
    path = write(tmp_path, "profile.yml", "position: Prof\nimage: me.jpg\nemail: nope\n")
    found, problems = load_profile(path, "profile.yml")
    assert found is None
    found_problems = {(p.line, p.message, p.hint) for p in problems}
    assert (2, "profile: unknown field 'image'; it is not shown", "did you mean 'photo'?") in found_problems
    assert any(p.line == 3 and "not an email address" in p.message for p in problems)
    assert any(p.message == "profile: missing required field 'name'" for p in problems)


# ------------------------------------------------------------------------ JSON Resume


@pytest.mark.parametrize("name", ["sample.resume.json", "al-folio.resume.json"])
def test_json_resume_files_load_unchanged_without_problems(name: str) -> None:
    resume, problems = load_resume(FIXTURES / name, name)
    assert problems == []
    assert resume.profile is not None and resume.profile.name
    assert {"work", "education", "awards", "skills", "projects"} <= set(resume.cv.sections)
    total = sum(len(entries) for entries in resume.cv.sections.values())
    assert total >= 10


def test_json_resume_mapping() -> None:
    resume, _ = load_resume(FIXTURES / "sample.resume.json", "resume.json")
    work = resume.cv.sections["work"][0]
    assert (work.title_md, work.organization_md, work.location) == ("CEO/President", "Pied Piper", "Palo Alto, CA")
    assert work.when == DateRange(start=PartialDate(2013, 12, 1), end=PartialDate(2014, 12, 1))
    assert len(work.highlights_md) == 3
    education = resume.cv.sections["education"][0]
    assert (education.title_md, education.area, education.score) == ("Bachelor", "Information Technology", "4.0")
    assert resume.cv.sections["skills"][0].items_md == ("HTML", "CSS", "Javascript")
    assert resume.profile is not None
    assert resume.profile.location == "San Francisco, California, US"
    assert [link.kind for link in resume.profile.links] == ["website", "twitter", "soundcloud"]


def test_json_resume_reports_unknown_fields_and_bad_dates(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "resume.json",
        """
        {
          "basics": {"name": "A", "nmae": "B"},
          "work": [{"position": "P", "startDate": "2020-13-01", "employer": "X"}],
          "hobbies": []
        }
        """,
    )
    _, problems = load_resume(path, "resume.json")
    messages = {(p.line, p.message) for p in problems}
    assert (2, "basics: unknown field 'nmae'; it is not shown") in messages
    assert (3, "work: '2020-13-01' '2020-13-01' is not a date".replace("'2020-13-01' '", "'startDate' '")) in messages
    assert (3, "work: unknown field 'employer'; it is not shown") in messages
    assert (4, "unknown JSON Resume section 'hobbies'") in messages


def test_store_merges_yaml_and_json_resume(tmp_path: Path) -> None:
    write(tmp_path, "cv.yml", CV_YAML)
    (tmp_path / "resume.json").write_bytes((FIXTURES / "sample.resume.json").read_bytes())
    dataset = DataStore(tmp_path).load()
    sections, notes = dataset.cv_sections()
    assert list(sections)[:3] == ["education", "positions", "skills"]
    assert "work" in sections and "education" in notes
    found, profile_notes = dataset.owner_profile()
    assert found is not None and found.name == "Richard Hendriks" and profile_notes == []
