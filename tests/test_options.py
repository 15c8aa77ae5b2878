"""Unit tests: block option parsing and validation (`mkdocs_academic.options.parse_options`)."""

from __future__ import annotations

import re
from pathlib import Path

import markdown
import pytest

from mkdocs_academic.options import BLOCK_OPTIONS, OPTION_ALIASES, OptionError, parse_options, year_range


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (2024, (2024, 2024)),
        ("2019-2021", (2019, 2021)),
        ("2019-", (2019, None)),
        ("-2015", (None, 2015)),
        (-2015, (None, 2015)),
        ("2019..2021", (2019, 2021)),
    ],
)
def test_year_range(given: object, expected: tuple[int | None, int | None]) -> None:
    assert year_range(given) == expected


@pytest.mark.parametrize("bad", ["2021-2019", "recent", True, [2020]])
def test_year_range_rejects(bad: object) -> None:
    with pytest.raises(OptionError):
        year_range(bad)


def test_defaults_then_site_then_block() -> None:
    values, errors = parse_options("publications", {"limit": 3}, {"group_by": "none", "limit": 10})
    assert errors == []
    assert values["group_by"] == "none" and values["limit"] == 3 and values["style"] == "full"


def test_a_bad_site_default_is_not_blamed_on_each_block() -> None:
    """mkdocs.yml's mistakes are reported once for mkdocs.yml; a block reports only its own."""
    values, errors = parse_options("publications", {"limit": 3}, {"group_by": "decade", "colour": "red"})
    assert errors == []
    assert values["group_by"] == "year" and values["limit"] == 3


def test_aliases_and_errors() -> None:
    values, errors = parse_options("publications", {"keyword": "ml", "style": "tiny", "colour": "red"})
    assert values["tag"] == ("ml",)
    assert values["style"] == "full"
    assert errors == [
        "option 'style': expected one of full, compact, got 'tiny'",
        "unknown option 'colour' (known options: selected, year, type, tag, author, keys, sort, group_by, limit, style, abstract, bibtex, numbered, heading_level)",
    ]


def test_type_must_be_known() -> None:
    _, errors = parse_options("publications", {"type": "journalz"})
    assert "unknown type 'journalz'" in errors[0]


# One name per idea across blocks: `tag` (aliases keyword, keywords, tags) and `sort: file`
# (alias value `none`), in every block that has the idea.

TAG_BLOCKS = [block for block, schema in BLOCK_OPTIONS.items() if "tag" in schema]
SORT_FILE_BLOCKS = ["publications", "experience"]


def test_the_blocks_with_tags_and_file_order() -> None:
    assert TAG_BLOCKS == ["publications", "news"]
    for block in SORT_FILE_BLOCKS:
        assert parse_options(block, {"sort": "file"}) == (parse_options(block, {})[0] | {"sort": "file"}, [])


@pytest.mark.parametrize("block", TAG_BLOCKS)
@pytest.mark.parametrize("spelling", ["tag", "tags", "keyword", "keywords"])
def test_every_spelling_of_tag(block: str, spelling: str) -> None:
    values, errors = parse_options(block, {spelling: "ml, nlp"})
    assert errors == [] and values["tag"] == ("ml", "nlp")
    assert OPTION_ALIASES[block].get(spelling, spelling) == "tag"


@pytest.mark.parametrize("block", TAG_BLOCKS)
def test_a_message_names_the_option_as_written(block: str) -> None:
    _, errors = parse_options(block, {"keywords": {"a": 1}})
    assert errors == ["option 'keywords': expected a name or a list of names, got {'a': 1}"]


@pytest.mark.parametrize("block", SORT_FILE_BLOCKS)
@pytest.mark.parametrize("value", ["file", "none", "None", "FILE"])
def test_sort_file_and_its_alias_none(block: str, value: str) -> None:
    values, errors = parse_options(block, {"sort": value})
    assert errors == [] and values["sort"] == "file"


@pytest.mark.parametrize(
    ("block", "expected"), [("publications", "newest, oldest, title, file"), ("experience", "newest, oldest, file")]
)
def test_a_bad_sort_suggests_file(block: str, expected: str) -> None:
    _, errors = parse_options(block, {"sort": "random"})
    assert errors == [f"option 'sort': expected one of {expected}, got 'random'"]


BIB = """
@article{b2021, title = {Second}, author = {Lovelace, Ada}, journal = {J}, year = 2021, keywords = {ml}}
@article{a2023, title = {First}, author = {Lovelace, Ada}, journal = {J}, year = 2023, keywords = {nlp}}
@article{c2022, title = {Third}, author = {Lovelace, Ada}, journal = {J}, year = 2022, keywords = {ml, nlp}}
"""
NEWS = "- date: 2024-01\n  text: One.\n  tags: [ml]\n- date: 2024-02\n  text: Two.\n  tags: [nlp]\n"
CV = "positions:\n  - title: Later\n    start: 2020\n  - title: Earlier\n    start: 2010\n  - title: Middle\n    start: 2015\n"


def _render(text: str, data_dir: Path) -> str:
    return markdown.markdown(
        text,
        extensions=["mkdocs_academic.markdown"],
        extension_configs={"mkdocs_academic.markdown": {"data_dir": str(data_dir)}},
    )


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "p.bib").write_text(BIB, encoding="utf-8")
    (folder / "news.yml").write_text(NEWS, encoding="utf-8")
    (folder / "cv.yml").write_text(CV, encoding="utf-8")
    return folder


@pytest.mark.parametrize("spelling", ["tag", "tags", "keyword", "keywords"])
def test_tag_filters_publications_and_news(data_dir: Path, spelling: str) -> None:
    html = _render(f"/// publications\n    {spelling}: ml\n    group_by: none\n///\n", data_dir)
    assert re.findall(r'data-key="([^"]+)"', html) == ["c2022", "b2021"]
    html = _render(f"/// news\n    {spelling}: nlp\n///\n", data_dir)
    assert "Two." in html and "One." not in html


@pytest.mark.parametrize("value", ["file", "none"])
def test_file_order_in_publications_and_experience(data_dir: Path, value: str) -> None:
    html = _render(f"/// publications\n    sort: {value}\n    group_by: none\n///\n", data_dir)
    assert re.findall(r'data-key="([^"]+)"', html) == ["b2021", "a2023", "c2022"]
    html = _render(f"/// experience | positions\n    sort: {value}\n///\n", data_dir)
    assert html.index("Later") < html.index("Earlier") < html.index("Middle")


@pytest.mark.parametrize(
    ("written", "hint"),
    [("keywrd", "did you mean 'keyword'?"), ("tgas", "did you mean 'tags'?"), ("selectd", "did you mean 'selected'?")],
)
def test_a_misspelt_option_is_matched_against_its_other_spellings_too(written: str, hint: str) -> None:
    assert parse_options("publications", {written: "x"})[1] == [f"unknown option '{written}' ({hint})"]


def test_one_option_given_under_two_spellings_is_named() -> None:
    values, errors = parse_options("publications", {"tag": "a", "keyword": "b"})
    assert values["tag"] == ("b",)
    assert errors == ["option 'tag' is given twice (as 'tag' and 'keyword'); the last one is used"]
