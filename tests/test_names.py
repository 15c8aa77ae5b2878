"""BibTeX names: mkdocs_academic.data.names."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mkdocs_academic.data import names as names_module
from mkdocs_academic.data.bibtex import parse_bib_text
from mkdocs_academic.data.models import Person
from mkdocs_academic.data.names import MeMatcher, parse_name, parse_names, split_names


def test_split_names_on_and_at_depth_zero_only() -> None:
    raw = "Ada Lovelace and\n  Charles Babbage AND {Barnes and Noble, Inc.}\tand others"
    assert split_names(raw) == ["Ada Lovelace", "Charles Babbage", "{Barnes and Noble, Inc.}", "others"]


def test_split_names_keeps_words_containing_and() -> None:
    assert split_names("Alexander Anderson and Brandon Sand") == ["Alexander Anderson", "Brandon Sand"]
    assert split_names("A and and B and") == ["A", "B"]
    assert split_names("  ") == []


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Ada Lovelace", Person(first="Ada", last="Lovelace")),
        ("Lovelace, Ada", Person(first="Ada", last="Lovelace")),
        ("Ludwig van Beethoven", Person(first="Ludwig", von="van", last="Beethoven")),
        ("van Beethoven, Ludwig", Person(first="Ludwig", von="van", last="Beethoven")),
        ("van Beethoven, Jr., Ludwig", Person(first="Ludwig", von="van", last="Beethoven", jr="Jr.")),
        ("Jean de la Fontaine", Person(first="Jean", von="de la", last="Fontaine")),
        (
            r"Charles Louis Xavier Joseph de la Vall{\'e}e Poussin",
            Person(first="Charles Louis Xavier Joseph", von="de la", last="Vallée Poussin"),
        ),
        ("{den Hertog}, F.", Person(first="F.", last="den Hertog")),
        (r"{\'E}mile Zola", Person(first="Émile", last="Zola")),
        (r"V{\'e}lez, M.", Person(first="M.", last="Vélez")),
        (r"S\"{o}rqvist, P", Person(first="P", last="Sörqvist")),
        (r"\v{S}imon Petr", Person(first="Šimon", last="Petr")),
        ("E L Thorndike", Person(first="E L", last="Thorndike")),
        ("Jean-Paul Sartre", Person(first="Jean-Paul", last="Sartre")),
        ("Taub, AH", Person(first="AH", last="Taub")),
        ("Aristotle", Person(last="Aristotle")),
    ],
)
def test_parse_name_forms(raw: str, expected: Person) -> None:
    assert parse_name(raw) == expected


def test_brace_group_starting_with_accent_counts_as_lower_case() -> None:
    # BibTeX: `{\'e}mile` is a lower-case word, so it starts the von part.
    person = parse_name(r"{\'e}mile von Zola")
    assert person.von == "émile von"
    assert person.last == "Zola"


def test_corporate_name_is_literal_and_not_split() -> None:
    people = parse_names("{Barnes and Noble, Inc.} and Ada Lovelace")
    assert people[0] == Person(literal="Barnes and Noble, Inc.")
    assert people[0].family == "Barnes and Noble, Inc."
    assert people[1] == Person(first="Ada", last="Lovelace")


def test_others() -> None:
    people = parse_names("Ada Lovelace and others")
    assert people[1].is_others
    assert not people[0].is_others


@pytest.mark.parametrize(
    ("raw", "last", "marks"),
    [
        ("Einstein*", "Einstein", "*"),
        ("Einstein*†", "Einstein", "*†"),
        ("Einstein^*", "Einstein", "*"),
        ("Einstein$^*$", "Einstein", "*"),
        ("Einstein$^{*\\dagger}$", "Einstein", "*†"),
        (r"Einstein\textsuperscript{*}", "Einstein", "*"),
        (r"Einstein\textsuperscript{*,\dagger}", "Einstein", "*†"),
        ("Einstein†", "Einstein", "†"),
        ("Einstein‡", "Einstein", "‡"),
        ("Einstein§", "Einstein", "§"),
        ("Einstein #", "Einstein", "#"),
        (r"Einstein\#", "Einstein", "#"),
        ("Einstein* †", "Einstein", "*†"),
        ("Einstein", "Einstein", ""),
    ],
)
def test_contribution_marks(raw: str, last: str, marks: str) -> None:
    person = parse_name(raw)
    assert person.last == last
    assert person.marks == marks


def test_marks_in_last_first_form() -> None:
    # al-folio writes `Einstein*†, A.`: the marks sit after the family name.
    people = parse_names("Einstein*†, A. and Podolsky*, B. and Rosen, N.*")
    assert [(p.first, p.last, p.marks) for p in people] == [
        ("A.", "Einstein", "*†"),
        ("B.", "Podolsky", "*"),
        ("N.", "Rosen", "*"),
    ]


def test_hash_inside_a_name_is_not_a_mark() -> None:
    assert parse_name("C# Developer").marks == ""
    assert parse_name("C# Developer").first == "C#"


@pytest.mark.parametrize(
    "variant",
    [
        "Ada Lovelace",
        "A. Lovelace",
        "A Lovelace",
        "Lovelace, A.",
        "Lovelace, Ada",
        "Ada K. Lovelace",
        "ADA LOVELACE",
        r"{\'A}da Lov{\'e}lace",
        "Ada Lovelace*†",
        "Ada  Lovelace",
        "A.-K. Lovelace",
        "Ada von Lovelace",
    ],
)
def test_me_matcher_positives(variant: str) -> None:
    matcher = MeMatcher(["Ada Lovelace"])
    assert matcher.matches(parse_name(variant))


@pytest.mark.parametrize(
    "variant",
    [
        "B. Lovelace",
        "Bob Lovelace",
        "Ada Byron",
        "Lovelace",
        "Ada Lovelace-Byron",
        "Lovelace Ada",  # family name Ada
        "others",
        "{Lovelace Inc.}",
    ],
)
def test_me_matcher_negatives(variant: str) -> None:
    matcher = MeMatcher(["Ada Lovelace", "A. Lovelace", "Lovelace, Ada"])
    assert not matcher.matches(parse_name(variant))


def test_me_matcher_multi_word_family_name() -> None:
    matcher = MeMatcher(["García Márquez, Gabriel"])
    assert matcher.matches(parse_name("Gabriel García Márquez"))
    assert matcher.matches(parse_name("G. Garcia Marquez"))
    assert not matcher.matches(parse_name("Pedro García Márquez"))


def test_me_matcher_particles() -> None:
    matcher = MeMatcher(["Ludwig van Beethoven"])
    assert matcher.matches(parse_name("van Beethoven, Ludwig"))
    assert matcher.matches(parse_name("Beethoven, Ludwig van"))
    assert matcher.matches(parse_name("L. van Beethoven"))
    assert not matcher.matches(parse_name("Johann van Beethoven"))


def test_me_matcher_literal_names() -> None:
    matcher = MeMatcher(["{The Lovelace Lab}"])
    assert matcher.matches(parse_name("{The Lovelace Lab}"))
    assert not matcher.matches(parse_name("{The Babbage Lab}"))


def test_empty_me_matches_nobody() -> None:
    matcher = MeMatcher([])
    assert not matcher
    assert not matcher.matches(parse_name("Ada Lovelace"))


@given(st.text(alphabet=st.sampled_from(list("ab AB,{}\\'\"*†$^-.~")), max_size=30))
def test_names_never_raise(raw: str) -> None:
    people = parse_names(raw)
    matcher = MeMatcher(["Ada Lovelace"])
    for person in people:
        matcher.matches(person)


def _names_in(paths: list[Path]) -> list[str]:
    """Every single name of the author and editor fields of these .bib files."""
    found: list[str] = []
    for path in paths:
        bib = parse_bib_text(path.read_text(encoding="utf-8", errors="replace"), str(path))
        for entry in bib.entries:
            for field_name in ("author", "editor"):
                found += split_names(entry.fields.get(field_name, ""))
    return found


def test_plain_name_shortcut_gives_the_same_person(
    monkeypatch: pytest.MonkeyPatch, corpus_bib_files: list[Path]
) -> None:
    """Plain names skip mark stripping and LaTeX decoding: the result must not change."""
    fixtures = sorted((Path(__file__).parent / "fixtures").rglob("*.bib"))
    raw_names = _names_in(fixtures + corpus_bib_files)
    raw_names += [
        "Ada Lovelace",
        "Lovelace, Ada",
        "van der Berg, Jan",
        "Jan van der Berg",
        "Ada Lovelace  ",
        "Doe, Jr., John",
        "O'Brien, Seán",
        "Jean-Paul Sartre",
        "de la Fontaine, Jean",
        "Li, Wei*",
    ]
    assert len(raw_names) > 50
    names_module.parse_name.cache_clear()
    fast = [parse_name(raw) for raw in raw_names]
    monkeypatch.setattr(names_module, "_NOT_PLAIN", re.compile(""))  # every name takes the full path
    names_module.parse_name.cache_clear()
    slow = [parse_name(raw) for raw in raw_names]
    names_module.parse_name.cache_clear()
    assert [raw for raw, a, b in zip(raw_names, fast, slow, strict=True) if a != b] == []


#: Names the shortcut takes: plain text, every family word capitalised.
USUAL = ["Ada Lovelace", "Lovelace, Ada", "Lovelace, ada b.", "  Ada   Lovelace ", "Lovelace , Ada", "Ünal, Çağrı"]
USUAL += ["Martin Luther King Jr.", "A. B. C"]
#: Names it must leave to the full rules (a von part, a DBLP number, `others`, an empty part...).
NEARLY_USUAL = ["Lovelace,", ", Ada", "others", "Wei Wang 0001", "Wang 0001, Wei", "de la Fontaine, Jean"]
NEARLY_USUAL += ["Jean de la Fontaine", "King, Jr., Martin", "ada lovelace", "Ludwig van Beethoven"]
USUAL_AND_NEARLY_USUAL = USUAL + NEARLY_USUAL


@pytest.mark.parametrize("raw", USUAL_AND_NEARLY_USUAL)
def test_the_shortcut_for_usual_names_agrees_with_the_full_rules(raw: str, monkeypatch: pytest.MonkeyPatch) -> None:
    shortcut = names_module.parse_name.__wrapped__(raw)
    monkeypatch.setattr(names_module, "_usual_name", lambda raw: None)
    assert names_module.parse_name.__wrapped__(raw) == shortcut


@given(st.lists(st.sampled_from(["Ada", "ada", "A.", "de", "Lovelace", "0001", "Jr.", "Ünal", ","]), max_size=6))
def test_the_shortcut_agrees_with_the_full_rules_on_any_plain_name(words: list[str]) -> None:
    raw = " ".join(words)
    shortcut = names_module.parse_name.__wrapped__(raw)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(names_module, "_usual_name", lambda raw: None)
        assert names_module.parse_name.__wrapped__(raw) == shortcut


def test_the_shortcut_takes_the_usual_forms_only() -> None:
    assert [raw for raw in USUAL_AND_NEARLY_USUAL if names_module._usual_name(raw) is not None] == USUAL
