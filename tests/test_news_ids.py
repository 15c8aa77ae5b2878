"""News item ids: each item is an element with a stable id (its `id:` or one made from its date
and first words), the same on every page, and the feed links each entry to its item on the
news archive (the first page with a `/// news` block that shows every item)."""

from __future__ import annotations

import logging
import re
import xml.etree.ElementTree as etree
from pathlib import Path

import markdown
import pytest
from sitebuilder import build, write_site

from mkdocs_academic.data.models import PartialDate
from mkdocs_academic.data.news import automatic_id, load_news

SITE_URL = "https://example.org/ada/"
ATOM = {"atom": "http://www.w3.org/2005/Atom"}
NEWS = """\
- date: 2025-12
  text: "[WebStar](https://example.org/webstar) accepted at **ACL** :tada:"
- date: 2025-06-01
  text: Invited talk at the *Royal Society*
  id: royal-society-talk
- date: 2024-03
  text: Moved to Paris
- date: 2024-03
  text: Moved to Paris again
- date: 2023
  text: Started the PhD
  url: https://example.org/phd
"""


def news_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "news.yml"
    path.write_text(text, encoding="utf-8")
    return path


def ids_of(html: str) -> list[str]:
    return re.findall(r'<li id="([^"]+)" class="academic-news-item', html)


def test_automatic_ids_are_date_and_first_words() -> None:
    assert (
        automatic_id(PartialDate(2025, 12, 3), "Our paper on **tone** is out :tada:") == "news-2025-12-03-our-paper-on"
    )
    # Link targets, HTML and emoji shortcodes are not words of the text.
    assert (
        automatic_id(PartialDate(2025, 12), "[WebStar](https://x.org/a) at <b>ACL</b>") == "news-2025-12-webstar-at-acl"
    )
    assert automatic_id(PartialDate(2024), "Ünal’s talk") == "news-2024-unal-s-talk"
    # No ASCII words: never `news-2024`, the id of a year heading.
    assert automatic_id(PartialDate(2024), "我们的论文 :tada:") == "news-2024-item"


def test_given_ids_win_and_clashes_get_a_number_oldest_first(tmp_path: Path) -> None:
    text = NEWS + "- date: 2024-03\n  text: Moved to Paris\n"
    items, problems = load_news(news_file(tmp_path, text), "news.yml")
    assert problems == []
    assert [item.id for item in items] == [
        "news-2025-12-webstar-accepted-at",
        "royal-society-talk",
        "news-2024-03-moved-to-paris-3",
        "news-2024-03-moved-to-paris-2",  # "Moved to Paris again": its first three words clash
        "news-2023-started-the-phd",
        "news-2024-03-moved-to-paris",  # the oldest (last in the file) keeps the plain id
    ]


def test_a_bad_or_repeated_id_is_a_warning_with_its_line(tmp_path: Path) -> None:
    text = (
        "- date: 2025-01\n  text: One\n  id: My Item\n"
        "- date: 2025-02\n  text: Two\n  id: talk\n"
        "- date: 2025-03\n  text: Three\n  id: talk\n"
        "- date: 2025-04\n  text: Four\n  id: 2024\n"
    )
    items, problems = load_news(news_file(tmp_path, text), "news.yml")
    messages = [str(problem) for problem in sorted(problems)]
    assert messages[0].startswith("news.yml:3: news item: field 'id': 'My Item' cannot be an element id")
    assert "such as `id: my-item`" in messages[0]
    assert messages[1].startswith("news.yml:7: news item: id 'talk' is also the id of the item at line 4")
    assert "this one gets 'talk-2'" in messages[1]
    assert messages[2].startswith("news.yml:12: news item: field 'id': '2024' cannot be an element id")
    assert "`id: news-2024`" in messages[2]
    assert len(messages) == 3
    # Nothing is dropped: the items with a bad id get an automatic one.
    assert [item.id for item in items] == ["news-2025-01-one", "talk", "talk-2", "news-2025-04-four"]


def convert(text: str, data_dir: Path) -> str:
    return markdown.markdown(
        text,
        extensions=["mkdocs_academic.markdown", "toc"],
        extension_configs={"mkdocs_academic.markdown": {"data_dir": str(data_dir)}},
    )


def test_the_same_item_has_the_same_id_on_every_page(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    news_file(data, NEWS)
    everything = ids_of(convert("/// news\n///\n", data))
    latest = ids_of(convert("/// news\n    limit: 2\n///\n", data))
    by_year = convert("# News\n\n/// news\n    group_by: year\n///\n", data)
    assert len(everything) == len(set(everything)) == 5
    assert latest == everything[:2] == ["news-2025-12-webstar-accepted-at", "royal-society-talk"]
    assert sorted(ids_of(by_year)) == sorted(everything)
    assert 'id="news-2025"' in by_year  # the year heading keeps its own id


def test_an_item_shown_twice_on_a_page_gets_a_second_id(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    news_file(data, NEWS)
    html = convert("/// news\n    limit: 1\n///\n\n/// news\n///\n", data)
    ids = ids_of(html)
    assert ids[0] == "news-2025-12-webstar-accepted-at"
    assert ids[1] == "news-2025-12-webstar-accepted-at-2"
    assert len(ids) == len(set(ids)) == 6


def feed_links(site: Path) -> dict[str, str]:
    """Entry title -> the href of its alternate link."""
    root = etree.fromstring((site / "feed.xml").read_bytes())
    return {
        str(entry.findtext("atom:title", namespaces=ATOM)): str(entry.find("atom:link", ATOM).get("href"))  # type: ignore[union-attr]
        for entry in root.findall("atom:entry", ATOM)
    }


def test_feed_entries_link_to_their_item_on_the_archive(tmp_path: Path) -> None:
    root = write_site(
        tmp_path,
        pages={
            "index.md": "# Home\n\n/// news\n    limit: 2\n///\n",
            "news.md": "# News\n\n/// news\n    group_by: year\n///\n",
            # Also every item, but the archive is the first such page by file path.
            "talks.md": "# Talks\n\n/// news\n///\n",
        },
        data={"news.yml": NEWS},
        extra_config={"site_url": SITE_URL, "nav": ["index.md", "talks.md", "news.md"]},
    )
    result = build(root)
    assert result.ok, result.output
    links = feed_links(result.site)
    assert links["WebStar accepted at ACL 🎉"] == f"{SITE_URL}news/#news-2025-12-webstar-accepted-at"
    assert links["Invited talk at the Royal Society"] == f"{SITE_URL}news/#royal-society-talk"
    assert links["Started the PhD"] == "https://example.org/phd"  # its own url wins
    archive = result.html("news")
    for href in links.values():
        if href.startswith(f"{SITE_URL}news/#"):
            assert f'id="{href.split("#")[1]}"' in archive


@pytest.mark.parametrize("pages", [{"index.md": "# Home\n\n/// news\n    limit: 2\n///\n"}, {"index.md": "# Home\n"}])
def test_without_an_archive_entries_link_to_the_first_news_page(
    tmp_path: Path, pages: dict[str, str], caplog: pytest.LogCaptureFixture
) -> None:
    pages = {**pages, "about.md": "# About\n\n/// news\n    since: 2020\n///\n"}
    root = write_site(tmp_path, pages=pages, data={"news.yml": NEWS}, extra_config={"site_url": SITE_URL})
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        result = build(root)
    notes = [record.getMessage() for record in caplog.records if "no page shows every news item" in record.getMessage()]
    assert len(notes) == 1 and "a `/// news` block without `limit`" in notes[0]
    assert result.ok, result.output  # a note, not a warning
    first = SITE_URL if "/// news" in pages["index.md"] else f"{SITE_URL}about/"
    assert feed_links(result.site)["Moved to Paris"] == first
