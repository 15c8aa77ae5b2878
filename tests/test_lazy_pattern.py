"""`LazyPattern` compiles on first use and answers as `re.compile` would."""

from __future__ import annotations

import re

import pytest

from mkdocs_academic.lazy_pattern import LazyPattern

TEXT = "Jan. 2024, 12 March 2023 and May 5, 2022"
SOURCE = r"([A-Z][a-z]+)\.?\s+(\d+)"


def test_nothing_is_compiled_before_the_first_use() -> None:
    pattern = LazyPattern(SOURCE)
    assert pattern._compiled is None
    assert pattern.pattern == SOURCE
    pattern.search(TEXT)
    assert pattern._compiled is not None


@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
def test_every_method_answers_as_the_compiled_pattern(flags: int) -> None:
    lazy, compiled = LazyPattern(SOURCE, flags), re.compile(SOURCE, flags)
    for position in (0, 5, 30):
        assert _groups(lazy.match(TEXT, position)) == _groups(compiled.match(TEXT, position))
        assert _groups(lazy.search(TEXT, position)) == _groups(compiled.search(TEXT, position))
    assert _groups(lazy.fullmatch("March 2023")) == _groups(compiled.fullmatch("March 2023"))
    assert lazy.fullmatch(TEXT) is None
    assert lazy.findall(TEXT) == compiled.findall(TEXT) == [("Jan", "2024"), ("March", "2023"), ("May", "5")]
    assert [m.span() for m in lazy.finditer(TEXT)] == [m.span() for m in compiled.finditer(TEXT)]
    assert lazy.sub(r"\2 \1", TEXT) == compiled.sub(r"\2 \1", TEXT)
    assert lazy.sub(lambda m: m.group(1).upper(), TEXT, count=1) == "JAN, 12 March 2023 and May 5, 2022"


def _groups(match: re.Match[str] | None) -> tuple[str | None, ...] | None:
    return None if match is None else (match.group(0), *match.groups())
