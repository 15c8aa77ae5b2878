"""Robust under anything: property-based tests and a short fuzz run of the data loaders.

The long run is `python tests/fuzz/run_fuzz.py --cases 100000` (see its docstring and the
the docs' Messages page, docs/pages/messages.md, for the recorded figures); here a few thousand cases keep CI quick.
"""

from __future__ import annotations

import string
import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mkdocs_academic.data.bibtex import parse_bib_text, resolve_crossrefs
from mkdocs_academic.data.fields import publication_from_fields
from mkdocs_academic.data.names import name_list_problem, parse_names
from mkdocs_academic.data.problems import Problem
from mkdocs_academic.data.yamlfile import parse_yaml

sys.path.insert(0, str(Path(__file__).parent / "fuzz"))
import run_fuzz  # noqa: E402

BIBTEX_ALPHABET = string.ascii_letters + string.digits + " \n\t{}@,=\"'#%\\~$-_:/.()&\x00é"


def _load(text: str) -> tuple[list, list[Problem]]:
    bib = parse_bib_text(text, "data/p.bib")
    entries, _parents, problems = resolve_crossrefs([bib])
    problems = list(bib.problems) + problems
    for entry in entries:
        publication_from_fields(
            entry.key, entry.entry_type, entry.fields, entry.source, field_lines=entry.field_lines, problems=problems
        )
    return bib.entries, problems


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=BIBTEX_ALPHABET, max_size=400))
def test_any_bibtex_text_gives_entries_or_problems(text: str) -> None:
    entries, problems = _load(text)
    for problem in problems:
        assert problem.path == "data/p.bib" and problem.line >= 0 and problem.message


_VALUE = st.text(alphabet=string.ascii_letters + string.digits + " {}\\\"'@,=#%~-", max_size=40)
_FIELD = st.tuples(st.sampled_from(["title", "author", "year", "journal", "note", "month", "crossref", "pdf"]), _VALUE)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(_FIELD, max_size=6), min_size=1, max_size=5))
def test_every_entry_written_is_read_or_named(entries: list[list[tuple[str, str]]]) -> None:
    """Entries built from random fields: each `@` line comes back as an entry or a problem line."""
    text = ""
    for index, fields in enumerate(entries):
        body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
        text += f"@article{{key{index},\n{body}\n}}\n"
    read, problems = _load(text)
    starts = {number for number, line in enumerate(text.split("\n"), 1) if line.startswith("@article{")}
    found = {entry.source.line for entry in read} | {problem.line for problem in problems}
    assert starts <= found


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=string.ascii_letters + " ,.{}-'", min_size=1, max_size=20), min_size=1, max_size=6))
def test_names_joined_with_and_parse_without_error(names: list[str]) -> None:
    """Any text: names come back, and a list it reads as fine holds no empty name."""
    raw = " and ".join(names)
    people = parse_names(raw)
    problem = name_list_problem(raw)
    assert len(people) <= len(names) + raw.count(" and ")
    if problem is not None:
        assert problem.strip() and problem == problem.strip(), problem
    elif "{" not in raw and "}" not in raw:  # `{}` reads as an empty name and is not reported (yet)
        assert all(person.first or person.von or person.last or person.literal for person in people), people


_WORD = st.from_regex(r"[A-Z][a-z]{0,8}", fullmatch=True).filter(lambda word: word.lower() != "and")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(_WORD, min_size=1, max_size=3), min_size=1, max_size=6))
def test_plain_names_joined_with_and_are_one_person_each(names: list[list[str]]) -> None:
    """`Ada Lovelace and Charles Babbage`: one person per name, the last word the family name."""
    raw = " and ".join(" ".join(words) for words in names)
    assert name_list_problem(raw) is None
    people = parse_names(raw)
    assert [(person.first, person.last) for person in people] == [(" ".join(words[:-1]), words[-1]) for words in names]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_any_yaml_text_gives_data_or_a_problem(text: str) -> None:
    problems: list[Problem] = []
    parse_yaml(text, "data/news.yml", problems)
    for problem in problems:
        assert problem.path == "data/news.yml" and problem.line >= 0 and problem.message


def test_deep_braces_and_a_huge_field_are_read() -> None:
    deep = "@article{deep, title = " + "{" * 20000 + "x" + "}" * 20000 + ", author = {A, B}, year = 2020}\n"
    entries, problems = _load(deep)
    assert [entry.key for entry in entries] == ["deep"]
    huge = "@article{big, title = {" + "a" * 2_000_000 + "}, author = {A, B}, year = 2020}\n"
    entries, problems = _load(huge)
    assert [entry.key for entry in entries] == ["big"] and len(entries[0].fields["title"]) == 2_000_000


def test_nul_bytes_are_removed_and_reported() -> None:
    entries, problems = _load("@article{a,\n  title = {X\x00Y},\n  author = {A, B},\n  year = 2020,\n}\n")
    assert entries[0].fields["title"] == "XY"
    assert any(problem.line == 2 and "U+0000" in problem.message for problem in problems)


def test_short_fuzz_run_finds_nothing(corpora: Path) -> None:
    assert corpora == run_fuzz.CORPORA  # the script reads ACADEMIC_CORPORA as conftest.py does
    outcome = run_fuzz.run_batch(seed=7, cases=2500)
    assert sum(outcome.counts.values()) == 2500
    assert outcome.entries_checked > 100
    assert outcome.failures == []
