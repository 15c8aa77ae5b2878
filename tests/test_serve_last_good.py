"""Under `mkdocs serve`, a data file that stops parsing keeps its last good data on the pages
(the syntax error is still a warning, naming file:line and saying so); a one-off `mkdocs build`
shows no data of that file and fails under `--strict`."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from sitebuilder import build, rewrite, write_site

from mkdocs_academic.data.store import DataStore

NEWS = "- date: 2025-12\n  text: WebStar accepted at ACL\n- date: 2025-06\n  text: Invited talk\n"
# Line 3 holds the mistake: an unquoted text that ends with `:`.
BROKEN_NEWS = "- date: 2025-12\n  text: WebStar accepted at ACL\n- date: 2026-01\n  text: New: paper:\n  x\n"
FIXED_NEWS = "- date: 2026-01\n  text: A new paper\n" + NEWS
LAST_GOOD = "the last version that could be read is shown until you fix it"


def news_texts(store: DataStore) -> list[str]:
    return [item.text_md for item in store.load().news_items()]


def syntax_errors(store: DataStore) -> list[str]:
    return [str(problem) for problem in store.load().problems if "syntax error" in problem.message]


def test_the_store_keeps_the_last_good_data_of_a_broken_yaml_file(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    rewrite(data / "news.yml", NEWS)
    store = DataStore(data, tmp_path, keep_last_good=True)
    good = news_texts(store)
    assert good == ["WebStar accepted at ACL", "Invited talk"]
    rewrite(data / "news.yml", BROKEN_NEWS)
    assert news_texts(store) == good
    [error] = syntax_errors(store)
    assert error.startswith("data/news.yml:4: YAML syntax error: ")
    assert LAST_GOOD in error
    rewrite(data / "news.yml", FIXED_NEWS)
    assert news_texts(store) == ["A new paper", *good]
    assert syntax_errors(store) == []


def test_without_the_flag_a_broken_file_shows_no_data(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    rewrite(data / "news.yml", NEWS)
    store = DataStore(data, tmp_path)
    assert len(news_texts(store)) == 2
    rewrite(data / "news.yml", BROKEN_NEWS)
    assert news_texts(store) == []
    [error] = syntax_errors(store)
    assert error.startswith("data/news.yml:4: YAML syntax error: ") and LAST_GOOD not in error


def test_a_file_broken_from_the_start_or_recreated_broken_has_no_last_good(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    rewrite(data / "news.yml", BROKEN_NEWS)
    store = DataStore(data, tmp_path, keep_last_good=True)
    assert news_texts(store) == []
    assert LAST_GOOD not in syntax_errors(store)[0]
    rewrite(data / "news.yml", NEWS)
    assert len(news_texts(store)) == 2
    (data / "news.yml").unlink()
    assert store.load().news is None
    rewrite(data / "news.yml", BROKEN_NEWS)  # a new file: the deleted one's data is gone
    assert news_texts(store) == []


@pytest.mark.parametrize(
    ("name", "good", "broken", "field"),
    [
        (
            "cv.yml",
            "education:\n  - title: PhD\n    organization: MIT\n    date: 2020\n",
            "education:\n  - [PhD\n",
            "cv",
        ),
        ("profile.yml", "name: Ada Lovelace\n", "name: [Ada\n", "profile"),
    ],
)
def test_other_data_files_keep_their_last_good_data_too(
    tmp_path: Path, name: str, good: str, broken: str, field: str
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    rewrite(data / name, good)
    store = DataStore(data, tmp_path, keep_last_good=True)
    first = store.load()
    assert not first.problems and getattr(first, field) is not None, first.problems
    rewrite(data / name, broken)
    second = store.load()
    assert second is not first and getattr(second, field) == getattr(first, field)
    assert [LAST_GOOD in str(problem) for problem in second.problems] == [True]
    assert str(second.problems[0]).startswith(f"data/{name}:")


def site(tmp_path: Path) -> Path:
    return write_site(
        tmp_path / "site",
        pages={"index.md": "# Home\n\n/// news\n///\n"},
        data={"news.yml": NEWS},
        plugin={"publication_pages": False, "exports": False},
    )


def test_serve_rebuilds_keep_the_last_good_news(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """As `mkdocs serve` does: config loaded again for each build, one plugin instance kept."""
    root = site(tmp_path)
    out = tmp_path / "out"

    def rebuild() -> str:
        config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(out))
        mkdocs_build(config)
        return (out / "index.html").read_text(encoding="utf-8")

    config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(out))
    config.plugins.on_startup(command="serve", dirty=False)
    try:
        mkdocs_build(config)
        assert "WebStar accepted at ACL" in (out / "index.html").read_text(encoding="utf-8")
        rewrite(root / "data" / "news.yml", BROKEN_NEWS)
        with caplog.at_level(logging.WARNING, logger="mkdocs"):
            page = rebuild()
        assert "WebStar accepted at ACL" in page and "Invited talk" in page
        warnings = [record.getMessage() for record in caplog.records if record.levelno == logging.WARNING]
        assert any("data/news.yml:4: YAML syntax error" in message and LAST_GOOD in message for message in warnings)
        rewrite(root / "data" / "news.yml", FIXED_NEWS)
        page = rebuild()
        assert "A new paper" in page and "Invited talk" in page
    finally:
        config.plugins.on_shutdown()


def test_a_one_off_build_shows_no_news_of_a_broken_file_and_fails_strict(tmp_path: Path) -> None:
    root = site(tmp_path)
    rewrite(root / "data" / "news.yml", BROKEN_NEWS)
    result = build(root)
    assert not result.ok
    assert any(w.startswith("academic: data/news.yml:4: YAML syntax error") for w in result.warnings()), result.output
    assert LAST_GOOD not in result.output
    relaxed = build(root, strict=False)
    assert relaxed.ok and "WebStar" not in relaxed.html()
