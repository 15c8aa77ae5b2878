"""Reading BibTeX: mkdocs_academic.data.bibtex."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_academic.data.bibtex import (
    BibFile,
    clean_bibtex,
    parse_bib_text,
    parse_bib_texts,
    read_bib_file,
    read_bib_files,
    resolve_crossrefs,
)
from mkdocs_academic.data.problems import Problem

FIXTURES = Path(__file__).parent / "fixtures" / "bib"


def read_fixture(name: str) -> BibFile:
    return read_bib_file(FIXTURES / name, name)


def problem_at(bib: BibFile, line: int) -> Problem:
    found = [problem for problem in bib.problems if problem.line == line]
    assert len(found) == 1, f"expected one problem at line {line}, got {bib.problems}"
    return found[0]


# --- values -------------------------------------------------------------------------------------


def test_values_delimiters_numbers_and_case_insensitive_names() -> None:
    bib = parse_bib_text(
        '@Article{k,\n\tAuthor = {A. B{\\"o}hm},\n\tTitle = "{Quoted} title",\n\tYEAR = 2015,\n}',
        "x.bib",
    )
    assert bib.problems == []
    (entry,) = bib.entries
    assert entry.entry_type == "article"
    assert entry.fields == {"author": 'A. B{\\"o}hm', "title": "{Quoted} title", "year": "2015"}
    assert entry.field_lines == {"author": 2, "title": 3, "year": 4}
    assert entry.source.path == "x.bib"
    assert entry.source.line == 1


def test_inner_braces_are_kept_outer_delimiters_removed() -> None:
    bib = parse_bib_text("@misc{k, title = {{Deep} {NeuroImage}}, note = {{a}}}", "x.bib")
    assert bib.entries[0].fields == {"title": "{Deep} {NeuroImage}", "note": "{a}"}


def test_concatenation_and_macros() -> None:
    bib = read_fixture("citation-js.bib")
    by_key = {entry.key: entry for entry in bib.entries}
    assert by_key["key"].fields["title"] == "{\\r a}{\\i} and {\\'i}Title string a string b string c"
    assert by_key["key"].fields["journal"] == "a space between this and this"
    assert by_key["label"].fields["title"] == "{\\i}"


def test_macro_names_with_colons_and_concatenation_of_everything() -> None:
    text = '@string{ a:a = "o" }\n@string{ b:b = a:a }\n@book{k, title = "f" # a:a # B:B # {!} # 1}'
    bib = parse_bib_text(text, "x.bib")
    assert bib.problems == []
    assert bib.entries[0].fields["title"] == "foo!1"
    assert bib.macros == {"a:a": "o", "b:b": "o"}


def test_month_macros_expand_to_english_names() -> None:
    bib = read_fixture("mnras.bib")
    entry = bib.entries[0]
    assert entry.fields["month"] == "October"
    assert entry.fields["year"] == "2019"
    assert entry.fields["title"] == "{L1495 revisited: a PPMAP view of a star-forming filament}"
    # A LaTeX macro, not a BibTeX one: the file's @preamble defines it, so its text is shown.
    assert entry.fields["journal"] == "{Monthly Notices of the Royal Astronomical Society}"
    # Its @preamble is written without quotes: BibTeX and biber cannot read it (we still do).
    assert [problem.message for problem in bib.problems] == [
        "@preamble{\\newcommand{\\mnras}{Monthly N…} is not quoted; BibTeX and biber cannot read it"
    ]


def test_string_macro_can_override_a_month() -> None:
    bib = parse_bib_text("@string{jan = {Janvier}}\n@misc{k, month = jan}", "x.bib")
    assert bib.entries[0].fields["month"] == "Janvier"


def test_extra_macros() -> None:
    bib = parse_bib_text("@misc{k, journal = jfoo # { 2}}", "x.bib", extra_macros={"JFOO": "Foo"})
    assert bib.entries[0].fields["journal"] == "Foo 2"
    assert bib.problems == []


def test_macros_defined_in_another_file() -> None:
    strings, entries = read_bib_files(
        [(FIXTURES / "macros-strings.bib", "strings.bib"), (FIXTURES / "macros-entries.bib", "entries.bib")]
    )
    assert strings.entries == []
    assert strings.problems == []
    assert entries.problems == []
    assert entries.entries[0].fields == {
        "journal": "IEEE Transactions on Automatic Control",
        # jfull is defined in strings.bib and uses `local`, defined in entries.bib
        "series": "IEEE Trans. Local",
        "month": "March",
        "year": "2015",
    }
    assert strings.macros["jfull"] == "IEEE Trans. Local"


def test_macros_of_another_file_are_not_seen_by_a_single_file_parse() -> None:
    bib = read_fixture("macros-entries.bib")
    assert [problem.line for problem in bib.problems] == [3, 4]
    assert "undefined macro 'IEEE_J_AC'" in bib.problems[0].message
    assert bib.entries[0].fields["journal"] == "IEEE_J_AC"


def test_parse_bib_texts_matches_files_in_order() -> None:
    first, second = parse_bib_texts([("@string{m = {M}}", "a.bib"), ("@misc{k, title = m}", "b.bib")])
    assert first.path == "a.bib"
    assert second.entries[0].fields["title"] == "M"


def test_wild_file_front_matter_comments_bibdesk_style() -> None:
    bib = read_fixture("wild.bib")
    assert bib.problems == []
    assert [(entry.key, entry.source.line) for entry in bib.entries] == [
        ("BibDesk2010", 9),
        ("concat", 15),
        ("percent", 22),
    ]
    bibdesk, concat, percent = bib.entries
    assert bibdesk.fields["title"] == "{NeuroImage} of {{Deep}} things"
    assert bibdesk.fields["year"] == "2010"  # closing brace on the last field line
    assert concat.fields == {
        "title": "Part one part two 2015",
        "year": "2015",
        "month": "December",
        "note": "quoted {with braces} inside",
    }
    assert percent.fields == {"title": "Fifty", "year": "1999"}
    assert percent.field_lines == {"title": 23, "year": 25}


def test_al_folio_papers() -> None:
    bib = read_fixture("al-folio-papers.bib")
    assert bib.problems == []
    assert len(bib.entries) == 9
    assert bib.entries[0].source.line == 6  # the front matter is blanked, lines kept
    assert bib.macros == {"aps": "American Physical Society,"}
    by_key = {entry.key: entry for entry in bib.entries}
    assert by_key["PhysRev.47.777"].fields["publisher"] == "American Physical Society,"
    assert by_key["PhysRev.47.777"].fields["author"].startswith("Einstein*†, A.")


# --- problems -----------------------------------------------------------------------------------


def test_each_problem_kind_at_its_line() -> None:
    bib = read_fixture("problems.bib")
    assert [problem.line for problem in bib.problems] == [3, 7, 11, 18, 23, 27, 35, 39]

    redefined = problem_at(bib, 3)
    assert "@string 'ack' is defined again" in redefined.message
    assert "first at line 2" in redefined.message

    undefined = problem_at(bib, 7)
    assert undefined.message == "undefined macro 'ack-nhfb' in field 'note' of entry 'good'"
    assert undefined.hint == "define it with @string or put the value in braces"

    duplicate_key = problem_at(bib, 11)
    assert "duplicate key 'good' (first at line 5)" in duplicate_key.message
    assert duplicate_key.hint == "rename one of them"

    duplicate_field = problem_at(bib, 18)
    assert "duplicate field 'title' in entry 'dupfield' (first at line 16)" in duplicate_field.message

    missing_comma = problem_at(bib, 23)
    assert "missing comma before field 'year'" in missing_comma.message
    assert missing_comma.hint == "add a comma after the previous field"

    broken = problem_at(bib, 27)
    assert "entry 'broken'" in broken.message
    assert "@article{broken" in broken.message

    keyless = problem_at(bib, 35)
    assert "without a key" in keyless.message
    assert "roditakis2014" in keyless.message

    stray = problem_at(bib, 39)
    assert "@ article{spaced" in stray.message

    assert all(problem.path == "problems.bib" for problem in bib.problems)


def test_problem_file_keeps_the_good_data() -> None:
    bib = read_fixture("problems.bib")
    by_key = {entry.key: entry for entry in bib.entries}
    assert list(by_key) == ["good", "dupfield", "nocomma", "after", "roditakis2014"]
    assert by_key["good"].fields == {"title": "Good", "note": "ack-nhfb", "year": "2020"}
    assert by_key["dupfield"].fields == {"title": "First title", "year": "2001"}
    assert by_key["nocomma"].fields == {"title": "Y", "year": "2020", "journal": "J"}
    assert by_key["nocomma"].field_lines == {"title": 22, "year": 23, "journal": 24}
    assert by_key["after"].source.line == 31


def test_last_string_definition_wins() -> None:
    bib = parse_bib_text("@string{a = {1}}\n@string{A = {2}}\n@misc{k, n = a}", "x.bib")
    assert bib.entries[0].fields["n"] == "2"
    assert [problem.line for problem in bib.problems] == [2]


def test_identical_string_redefinition_is_not_a_problem() -> None:
    bib = parse_bib_text("@string{a = {1}}\n@string{a = {1}}\n@misc{k, n = a}", "x.bib")
    assert bib.problems == []


def test_duplicate_keys_are_case_insensitive() -> None:
    bib = parse_bib_text("@misc{Key, title={1}}\n@misc{KEY, title={2}}", "x.bib")
    assert [entry.fields["title"] for entry in bib.entries] == ["1"]
    assert bib.problems[0].line == 2
    assert "duplicate key 'KEY' (first at line 1)" in bib.problems[0].message


def test_duplicate_field_names_are_case_insensitive() -> None:
    bib = parse_bib_text("@misc{k,\n  Title = {1},\n  title = {2}\n}", "x.bib")
    assert bib.entries[0].fields == {"title": "1"}
    assert bib.problems[0].line == 3


def test_missing_comma_between_several_fields_on_one_line() -> None:
    bib = parse_bib_text("@misc{k,\n  title = {T} year = 2020 note = {N}\n}", "x.bib")
    assert bib.entries[0].fields == {"title": "T", "year": "2020", "note": "N"}
    assert [problem.line for problem in bib.problems] == [2, 2]


def test_trailing_junk_after_a_value() -> None:
    bib = parse_bib_text("@misc{k,\n  title = {T} {U},\n}", "x.bib")
    assert bib.entries[0].fields == {"title": "T"}
    assert "unexpected text '{U}'" in bib.problems[0].message
    assert bib.problems[0].line == 2


def test_unbalanced_braces_at_end_of_file() -> None:
    bib = parse_bib_text("@misc{ok, title = {fine}}\n\n@misc{bad,\n  title = {never closed\n", "x.bib")
    assert [entry.key for entry in bib.entries] == ["ok"]
    assert bib.problems[0].line == 3
    assert "entry 'bad'" in bib.problems[0].message


def test_unbalanced_quote_inside_value() -> None:
    bib = parse_bib_text('@misc{k, title = "a" # "b}', "x.bib")
    assert len(bib.problems) >= 1
    assert bib.problems[0].line == 1


def test_lines_stay_right_after_a_backslash_at_line_end() -> None:
    # bibtexparser does not count a newline that follows a backslash.
    text = "@misc{a,\n  note = {ends with a backslash \\\n  here},\n  year = 2000,\n}\n\n@misc{b, title = x}\n"
    bib = parse_bib_text(text, "x.bib")
    assert [entry.source.line for entry in bib.entries] == [1, 7]
    assert bib.entries[0].field_lines == {"note": 2, "year": 4}
    assert bib.problems[0].line == 7  # undefined macro x


def test_comments_preamble_and_free_text_are_ignored() -> None:
    text = (
        '% a comment line\n@Comment{jabref-meta: groupstree:}\n@preamble{ "\\newcommand{\\x}{y}" }\n'
        "Some free text.\n@comment{@book{inside, title = {no}}}\n@misc{k, title = {yes}}\n"
    )
    bib = parse_bib_text(text, "x.bib")
    assert bib.problems == []
    assert [entry.key for entry in bib.entries] == ["k"]


def test_crlf_line_ends_and_bom() -> None:
    bib = parse_bib_text("\ufeff@misc{k,\r\n  title = {A\r\n B},\r\n}\r\n", "x.bib")
    assert bib.entries[0].fields["title"] == "A\n B"
    assert bib.entries[0].field_lines == {"title": 2}


def test_not_utf8_falls_back_to_latin1_with_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "old.bib"
    path.write_bytes("@misc{k,\n  author = {Müller},\n}\n".encode("latin-1"))
    bib = read_bib_file(path, "data/old.bib")
    assert bib.entries[0].fields["author"] == "Müller"
    assert len(bib.problems) == 1
    assert bib.problems[0].path == "data/old.bib"
    assert bib.problems[0].line == 2
    assert "not UTF-8" in bib.problems[0].message
    assert "UTF-8" in bib.problems[0].hint


def test_utf8_bom_file(tmp_path: Path) -> None:
    path = tmp_path / "bom.bib"
    path.write_bytes("@misc{k, author = {Müller}}".encode("utf-8-sig"))
    bib = read_bib_file(path, "bom.bib")
    assert bib.problems == []
    assert bib.entries[0].fields["author"] == "Müller"


def test_unreadable_file(tmp_path: Path) -> None:
    bib = read_bib_file(tmp_path / "missing.bib", "missing.bib")
    assert bib.entries == []
    assert bib.problems[0].path == "missing.bib"


# --- crossref -------------------------------------------------------------------------------


def test_crossref_inheritance() -> None:
    bib = read_fixture("crossref.bib")
    entries, parents, problems = resolve_crossrefs([bib])
    by_key = {entry.key: entry for entry in entries}
    assert [entry.key for entry in entries] == ["child", "child2", "orphan", "ICSE2009", "standalone"]
    child = by_key["child"]
    assert child.fields["booktitle"] == "Proceedings of ICSE 2009"
    assert child.fields["publisher"] == "IEEE"
    assert child.fields["year"] == "2009"
    assert child.fields["title"] == "A Paper"  # own fields win
    assert "ids" not in child.fields  # bookkeeping fields are not inherited
    assert child.field_lines["booktitle"] == 4  # the crossref field's line
    assert by_key["child2"].fields["booktitle"] == "Own Booktitle"
    assert parents == {"ICSE2009"}
    assert problems == [
        Problem("crossref.bib", 16, "crossref 'missing-parent' not found", "add the parent entry or remove the field")
    ]


def test_crossref_across_files_and_duplicate_keys_across_files() -> None:
    parent = parse_bib_text("@proceedings{conf, title = {Conf}, year = 2001}", "a.bib")
    child = parse_bib_text("@inproceedings{p, title = {P}, crossref = {CONF}}\n@misc{Conf, title = {dup}}", "b.bib")
    entries, parents, problems = resolve_crossrefs([parent, child])
    assert [entry.key for entry in entries] == ["conf", "p"]
    assert entries[1].fields["booktitle"] == "Conf"
    assert entries[1].fields["year"] == "2001"
    assert parents == {"conf"}
    assert len(problems) == 1
    assert problems[0].path == "b.bib"
    assert problems[0].line == 2
    assert "duplicate key 'Conf' (first at a.bib:1)" in problems[0].message


def test_periodical_parent_gives_no_booktitle_but_is_a_parent() -> None:
    bib = parse_bib_text(
        "@periodical{jpe, title = {J. Pol. Econ.}, volume = 115}\n@article{a, title = {A}, crossref = {jpe}}", "x.bib"
    )
    entries, parents, _ = resolve_crossrefs([bib])
    assert "booktitle" not in entries[1].fields
    assert entries[1].fields["volume"] == "115"
    assert parents == {"jpe"}


def test_nested_and_cyclic_crossrefs_terminate() -> None:
    bib = parse_bib_text(
        "@inproceedings{a, crossref = {b}}\n@proceedings{b, crossref = {c}, title = {B}}\n"
        "@mvproceedings{c, publisher = {P}}\n@misc{x, crossref = {y}}\n@misc{y, crossref = {x}}",
        "x.bib",
    )
    entries, _, problems = resolve_crossrefs([bib])
    assert entries[0].fields["publisher"] == "P"
    assert entries[0].fields["booktitle"] == "B"
    assert problems == []


# --- clean BibTeX -------------------------------------------------------------------------------


def test_clean_bibtex() -> None:
    bib = parse_bib_text(
        "@string{j = {Journal}}\n@Article{k,\n  Title = {{T}itle},\n  journal = j,\n  abbr = {X},\n  year = 2020\n}",
        "x.bib",
    )
    assert clean_bibtex(bib.entries[0], drop={"abbr"}) == (
        "@article{k,\n  title = {{T}itle},\n  journal = {Journal},\n  year = {2020},\n}"
    )


def test_clean_bibtex_stands_alone_and_is_deterministic() -> None:
    bib = read_fixture("wild.bib")
    first = [clean_bibtex(entry, drop=()) for entry in bib.entries]
    again = [clean_bibtex(entry, drop=()) for entry in read_fixture("wild.bib").entries]
    assert first == again
    reparsed = parse_bib_text("\n\n".join(first), "clean.bib")
    assert reparsed.problems == []
    assert [entry.fields for entry in reparsed.entries] == [entry.fields for entry in bib.entries]


@pytest.mark.parametrize("value", ["unbalanced {open", "unbalanced } close", "} {"])
def test_clean_bibtex_escapes_unpaired_braces(value: str) -> None:
    from mkdocs_academic.data.bibtex import RawEntry
    from mkdocs_academic.data.models import Source

    entry = RawEntry("k", "misc", {"note": value}, {"note": 2}, Source("x.bib", 1))
    reparsed = parse_bib_text(clean_bibtex(entry, drop=()), "clean.bib")
    assert reparsed.problems == []
    assert len(reparsed.entries) == 1


# --- robustness -----------------------------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('@{}(),="#% \n\tabk=0')), max_size=80))
def test_parse_never_raises_and_never_loses_an_entry_silently(text: str) -> None:
    bib = parse_bib_text(text, "x.bib")
    lines = {entry.source.line for entry in bib.entries}
    assert len(lines) == len(bib.entries)
    resolve_crossrefs([bib])
    for entry in bib.entries:
        clean_bibtex(entry, drop=())
