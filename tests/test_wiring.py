"""Wiring: the data store reads every kind of data into typed fields with no other import, and
the blocks note what each page shows (the head tags come from that, not from the page's HTML)."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import markdown
import pytest
from crawler import parse_head
from sitebuilder import Built, build, write_site

from mkdocs_academic.data.cv import CV
from mkdocs_academic.data.dataset import Dataset
from mkdocs_academic.data.jsonresume import Resume
from mkdocs_academic.data.loaders import HOMEPAGE_LOADERS, Loader
from mkdocs_academic.data.news import NewsItem
from mkdocs_academic.data.profile import Profile
from mkdocs_academic.data.store import DataStore
from mkdocs_academic.markdown.extension import AcademicExtension

NEWS = """\
- date: 2025-12-03
  text: Our paper on **engines** is out
- date: 2025-11
  text: A talk
  url: https://example.org/talk
"""
CV_YAML = """\
education:
  - title: PhD
    organization: University of London
    end: 1840
"""
PROFILE = "name: Ada Lovelace\nposition: Analyst\n"
RESUME = {
    "basics": {"name": "Ada King", "label": "Countess"},
    "work": [{"name": "Analytical Society", "position": "Analyst", "startDate": "1842-01"}],
}
SITE_URL = "https://example.org/ada/"


def write_data(folder: Path) -> Path:
    """A data folder with one file of every kind beside publications."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "news.yml").write_text(NEWS, encoding="utf-8")
    (folder / "cv.yml").write_text(CV_YAML, encoding="utf-8")
    (folder / "profile.yml").write_text(PROFILE, encoding="utf-8")
    (folder / "resume.json").write_text(json.dumps(RESUME), encoding="utf-8")
    return folder


# ----------------------------------------------------------------------------- data store


def test_a_bare_data_store_reads_every_kind_of_data(tmp_path: Path) -> None:
    # A fresh interpreter that imports nothing but the store: no import elsewhere may be needed
    # for news, CV, profile and resume to be read.
    data = write_data(tmp_path / "data")
    script = textwrap.dedent(
        """
        import json, sys
        from pathlib import Path
        from mkdocs_academic.data.store import DataStore

        dataset = DataStore(Path(sys.argv[1])).load()
        print(json.dumps({
            "news": [type(item).__name__ for item in dataset.news or ()],
            "cv": type(dataset.cv).__name__,
            "cv_sections": sorted(dataset.cv.sections) if dataset.cv else [],
            "profile": dataset.profile.name if dataset.profile else None,
            "resume": type(dataset.resume).__name__,
            "resume_sections": sorted(dataset.resume.cv.sections) if dataset.resume else [],
            "problems": [str(problem) for problem in dataset.problems],
        }))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(data)], capture_output=True, text=True, check=True, cwd=tmp_path
    )
    assert json.loads(result.stdout) == {
        "news": ["NewsItem", "NewsItem"],
        "cv": "CV",
        "cv_sections": ["education"],
        "profile": "Ada Lovelace",
        "resume": "Resume",
        "resume_sections": ["work"],
        "problems": [],
    }


def test_typed_fields_and_merging(tmp_path: Path) -> None:
    dataset = DataStore(write_data(tmp_path / "data")).load()
    assert isinstance(dataset.news, tuple) and all(isinstance(item, NewsItem) for item in dataset.news)
    assert isinstance(dataset.cv, CV) and isinstance(dataset.resume, Resume)
    assert isinstance(dataset.profile, Profile)
    assert [item.text_md for item in dataset.news_items()] == ["Our paper on **engines** is out", "A talk"]
    sections, notes = dataset.cv_sections()
    assert list(sections) == ["education", "work"] and notes == {}
    # profile.yml wins over resume.json's basics, with a note naming both files.
    owner, owner_notes = dataset.owner_profile()
    assert owner is not None and owner.name == "Ada Lovelace"
    assert len(owner_notes) == 1 and "profile.yml" in owner_notes[0] and "resume.json" in owner_notes[0]


def test_absent_files_are_none_and_a_resume_alone_is_enough(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    empty = DataStore(data).load()
    assert (empty.news, empty.cv, empty.profile, empty.resume) == (None, None, None, None)
    assert empty.news_items() == () and not empty.has_cv() and empty.owner_profile() == (None, [])
    (data / "resume.json").write_text(json.dumps(RESUME), encoding="utf-8")
    (data / "news.yml").write_text("[]\n", encoding="utf-8")
    dataset = DataStore(data).load()
    assert dataset.news == () and dataset.cv is None and dataset.has_cv()
    owner, notes = dataset.owner_profile()
    assert owner is not None and owner.name == "Ada King" and notes == []


def test_loaders_are_explicit(tmp_path: Path) -> None:
    data = write_data(tmp_path / "data")
    # Without loaders the store reads publications only: the homepage files are not its files.
    dataset = DataStore(data, loaders=()).load()
    assert (dataset.news, dataset.cv, dataset.profile, dataset.resume) == (None, None, None, None)
    assert dataset.files == []
    only_news = DataStore(data, loaders=(HOMEPAGE_LOADERS[0],)).load()
    assert only_news.news is not None and only_news.cv is None
    with pytest.raises(ValueError, match="nonsense"):
        DataStore(data, loaders=(Loader(("x.yml",), "nonsense", HOMEPAGE_LOADERS[0].load),))
    found = DataStore(data).loader_for("News.YAML")
    assert found is not None and found.field == "news"
    assert DataStore(data).loader_for("notes.yml") is None
    fields = set(Dataset.__dataclass_fields__)
    assert {loader.field for loader in HOMEPAGE_LOADERS} <= fields


# ------------------------------------------------------------------ what a page shows


def test_the_context_records_the_blocks_of_each_page(tmp_path: Path) -> None:
    extension = AcademicExtension(data_dir=str(write_data(tmp_path / "data")))
    md = markdown.Markdown(extensions=[extension, "admonition", "fenced_code", "pymdownx.blocks.tab"])
    context = extension.context
    pages = {
        "home.md": '!!! note "Me"\n\n    /// profile\n    ///\n',
        "news.md": "//// tab | Latest\n/// news\n///\n////\n",
        "code.md": '`<div class="academic academic-profile">`\n\n```\n/// profile\n///\n```\n',
    }
    for name, text in pages.items():
        context.set_page(name)
        md.reset().convert(text)
    assert context.page_record("home.md").blocks == {"profile"}
    assert context.page_record("news.md").blocks == {"news"}
    assert context.page_record("code.md").blocks == set()
    assert not context.page_record("never-converted.md").shows("profile")
    # Converting a page again starts its record afresh.
    context.set_page("home.md")
    md.reset().convert("# Nothing here\n")
    assert not context.page_record("home.md").shows("profile")


def built(root: Path) -> Built:
    result = build(root)
    assert result.ok, result.output
    return result


def people_in_head(html: str) -> list[dict]:
    return [item for item in parse_head(html[: html.index("</head>")]).json_ld if item.get("@type") == "Person"]


@pytest.mark.parametrize(
    "profile_page",
    [
        # The profile inside an admonition (Blocks) and inside a classic admonition.
        "# About\n\n//// note | Who\n/// profile\n///\n////\n",
        '# About\n\n!!! note "Who"\n\n    /// profile\n    ///\n',
    ],
)
def test_person_json_ld_only_where_the_profile_block_is(tmp_path: Path, profile_page: str) -> None:
    # One `Person` per site (tests/test_person_once.py): here on the one page that shows the profile.
    pages = {
        "index.md": "# Home\n",
        "about.md": profile_page,
        # The class name as text, and the block in a code fence: nothing is shown.
        "code.md": (
            '# Code\n\nThe card is `<div class="academic academic-profile">`.\n\n```markdown\n/// profile\n///\n```\n'
        ),
    }
    root = write_site(
        tmp_path,
        pages=pages,
        data={"profile.yml": PROFILE},
        extra_config={
            "site_url": SITE_URL,
            "markdown_extensions": ["admonition", "pymdownx.blocks.admonition"],
            "nav": ["index.md", "about.md", "code.md"],
        },
    )
    result = built(root)
    assert 'class="academic academic-profile' in result.html("code/")  # the text is there...
    assert people_in_head(result.html("code/")) == []  # ...but no profile is shown
    assert people_in_head(result.html()) == []
    assert [person["name"] for person in people_in_head(result.html("about/"))] == ["Ada Lovelace"]


def test_feed_entries_link_to_their_item_on_the_news_archive(tmp_path: Path) -> None:
    pages = {
        "index.md": '# Home\n\nNews use `<div class="academic academic-news">`.\n',
        # Pages are built in file order: news.md before old-news.md.
        "news.md": "# News\n\n//// tab | Now\n/// news\n    limit: 1\n///\n////\n",
        "old-news.md": "# Old news\n\n/// news\n///\n",
    }
    root = write_site(
        tmp_path,
        pages=pages,
        data={"news.yml": NEWS},
        extra_config={
            "site_url": SITE_URL,
            "markdown_extensions": ["pymdownx.blocks.tab"],
            "nav": ["index.md", "news.md", "old-news.md"],
        },
    )
    result = built(root)
    feed = (result.site / "feed.xml").read_text(encoding="utf-8")
    # The item without its own url links to its item on the archive, the first page that shows
    # every item (news.md shows one); the other keeps its url.
    assert f'href="{SITE_URL}old-news/#news-2025-12-03-our-paper-on"' in feed
    assert 'id="news-2025-12-03-our-paper-on"' in result.html("old-news/")
    assert 'href="https://example.org/talk"' in feed
    assert f'href="{SITE_URL}"' not in feed.split("<entry>", 1)[1]
