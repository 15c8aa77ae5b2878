"""Unit tests: block option parsing and validation."""

from __future__ import annotations

import pytest

from mkdocs_academic.markdown.options import OptionError, parse_options, year_range


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
    values, errors = parse_options("publications", {"tag": "ml", "style": "tiny", "colour": "red"})
    assert values["keyword"] == ("ml",)
    assert values["style"] == "full"
    assert errors == [
        "option 'style': expected one of full, compact, got 'tiny'",
        "unknown option 'colour' (known options: selected, year, type, keyword, author, keys, sort, group_by, limit, style, abstract, bibtex, numbered, heading_level)",
    ]


def test_type_must_be_known() -> None:
    _, errors = parse_options("publications", {"type": "journalz"})
    assert "unknown type 'journalz'" in errors[0]
