"""Entries and types as BibTeX and biber read them (issue 14): block starts across lines,
`%` remarks inside entries, biblatex types, `@set`/`@xdata`, `ids` aliases, required fields."""

from __future__ import annotations

from pathlib import Path

import pytest
from sitebuilder import build, write_site

from mkdocs_academic.data.bibtex import RawEntry, parse_bib_text, resolve_crossrefs
from mkdocs_academic.data.bibtex.split import normalise_layout, split_text
from mkdocs_academic.data.fields import publication_from_fields
from mkdocs_academic.data.models import Source
from mkdocs_academic.data.problems import Problem


def entries(text: str, *, fast: bool) -> list[tuple[str, str, int, dict[str, str]]]:
    split = split_text(text, "x.bib", fast=fast)
    assert split.problems == []
    return [(e.entry_type, e.key, e.line, dict(e.fields)) for e in split.entries]


def resolved(text: str) -> tuple[dict[str, RawEntry], set[str], list[Problem]]:
    bib = parse_bib_text(text, "x.bib")
    assert bib.problems == []
    found, skipped, problems = resolve_crossrefs([bib])
    return {entry.key: entry for entry in found}, skipped, problems


# --- block starts across lines, `(...)` entries ----------------------------------------------


@pytest.mark.parametrize("fast", [True, False])
def test_at_at_line_end_with_the_type_on_the_next_line_starts_an_entry(fast: bool) -> None:
    text = "Text about its use.@\nMaNuAl(gnu,\n  title = {Make},\n  year = 2001)\n"
    assert entries(text, fast=fast) == [("manual", "gnu", 2, {"title": "{Make}", "year": "2001"})]


@pytest.mark.parametrize("fast", [True, False])
def test_type_and_brace_on_different_lines_start_an_entry(fast: bool) -> None:
    text = "@article\n{knuth,\n  title = {TAOCP},\n  year = 1968}\n@book\n\n  (b, title = {B})\n"
    assert entries(text, fast=fast) == [
        ("article", "knuth", 1, {"title": "{TAOCP}", "year": "1968"}),
        ("book", "b", 5, {"title": "{B}"}),
    ]


@pytest.mark.parametrize("fast", [True, False])
def test_an_at_alone_on_its_line_keeps_the_entry_on_that_line(fast: bool) -> None:
    text = '@book{a, title = "x"}\n@\n      book\n    {\n      b\n    ,\n      title = "foo"\n    }\n'
    assert entries(text, fast=fast) == [("book", "a", 1, {"title": '"x"'}), ("book", "b", 2, {"title": '"foo"'})]


@pytest.mark.parametrize("fast", [True, False])
def test_parenthesised_entry(fast: bool) -> None:
    text = '@inproceedings(p,\n  title = {A (short) {t}itle},\n  note = "x)y",\n  year = 2001\n)\n'
    assert entries(text, fast=fast) == [
        ("inproceedings", "p", 1, {"title": "{A (short) {t}itle}", "note": '"x)y"', "year": "2001"})
    ]


def test_layout_keeps_length_and_lines() -> None:
    text = "x.@\nMaNuAl(k, a = 1, % r, s\n b = {50% off, now})\n@article\n{j, c = 2}"
    normal = normalise_layout(text)
    assert len(normal) == len(text) and normal.count("\n") == text.count("\n")
    assert "50% off, now" in normal and "% r, s" not in normal
    assert normalise_layout("@article{k, title = {T}}") == "@article{k, title = {T}}"


# --- `%` remarks inside entries ----------------------------------------------------------------

REMARKS = """\
@article{k,
  % remark before the first field, with a comma
  title = {Fifty {50%} off, really},
  year = 2001, % remark, after a field
  note = {a
  % a line, inside braces, is text
  b},
  journal = "J % not a remark, either",
  % pages = {1--2},
}
"""


@pytest.mark.parametrize("fast", [True, False])
def test_percent_remarks_inside_an_entry_are_skipped_but_kept_inside_values(fast: bool) -> None:
    assert entries(REMARKS, fast=fast) == [
        (
            "article",
            "k",
            1,
            {
                "title": "{Fifty {50%} off, really}",
                "year": "2001",
                "note": "{a\n  % a line, inside braces, is text\n  b}",
                "journal": '"J % not a remark, either"',
            },
        )
    ]
    bib = parse_bib_text(REMARKS, "x.bib")
    assert bib.problems == []
    assert bib.entries[0].field_lines == {"title": 3, "year": 4, "note": 5, "journal": 8}


def test_commented_out_entry_between_entries_stays_out() -> None:
    bib = parse_bib_text("% @article{old, title = {x}, % y, z\n% }\n@misc{m, title = {M}}\n", "x.bib")
    assert [entry.key for entry in bib.entries] == ["m"]
    assert bib.problems == []


# --- types ------------------------------------------------------------------------------------


def build_pub(key: str, entry_type: str, fields: dict[str, object]) -> tuple[str, str, list[str]]:
    problems: list[Problem] = []
    pub = publication_from_fields(key, entry_type, fields, Source("x.bib", 1), problems=problems)
    return pub.entry_type, pub.venue, [problem.message for problem in problems]


@pytest.mark.parametrize(
    ("entry_type", "kind"),
    [("inreference", "incollection"), ("customa", "misc"), ("customf", "misc"), ("review", "article")],
)
def test_biblatex_types_are_accepted(entry_type: str, kind: str) -> None:
    fields = {"title": "T", "author": "Lovelace, Ada", "year": "2020", "booktitle": "Encyclopedia of X"}
    found_kind, venue, problems = build_pub("k", entry_type, fields)
    assert (found_kind, problems) == (kind, [])
    if entry_type == "inreference":
        assert venue == "Encyclopedia of X"


def test_set_xdata_and_control_entries_are_not_publications() -> None:
    text = """\
@set{both, entryset = {a, b}}
@xdata{acm, publisher = {ACM}, address = {New York}}
@IEEEtranBSTCTL{IEEEexample:BSTcontrol, CTLuse_forced_etal = "yes"}
@article{a, title = {A}, xdata = {acm}, address = {Here}}
@article{b, title = {B}, xdata = {acm, gone}}
"""
    found, skipped, problems = resolved(text)
    assert skipped == {"both", "acm", "IEEEexample:BSTcontrol"}
    assert found["a"].fields["publisher"] == "ACM" and found["a"].fields["address"] == "Here"
    assert found["b"].fields["address"] == "New York"
    assert [problem.message for problem in problems] == ["xdata 'gone' not found"]


def test_crossref_to_an_ids_alias_resolves() -> None:
    text = """\
@proceedings{conf2020, title = {Proc. of Conf}, year = 2020, ids = {conf, Conf-20}}
@inproceedings{p, title = {P}, crossref = {conf}}
@inproceedings{q, title = {Q}, crossref = {CONF-20}, xref = {conf}}
"""
    found, skipped, problems = resolved(text)
    assert problems == []
    assert found["p"].fields["booktitle"] == "Proc. of Conf" and found["q"].fields["year"] == "2020"
    assert skipped == {"conf2020"}


def test_missing_xref_and_entryset_members_warn_with_their_line() -> None:
    text = """\
@set{both, entryset = {a, gone-member}}
@article{a, title = {A}, author = {X, Y}, year = 2000,
  xref = {nowhere}}
@article{b, title = {B}, author = {X, Y}, year = 2000, xref = {Conf-20}}
@proceedings{conf2020, title = {Proc. of Conf}, year = 2020, ids = {conf, Conf-20}}
"""
    _, _, problems = resolved(text)
    assert [(problem.line, problem.message) for problem in problems] == [
        (1, "entryset member 'gone-member' not found"),
        (3, "xref 'nowhere' not found"),
    ]  # `xref = {Conf-20}` names an `ids` alias: found, like a crossref


def test_shown_bibtex_leaves_out_links_to_other_entries(tmp_path: Path) -> None:
    bib = """\
@xdata{acm, publisher = {ACM Press}}
@proceedings{conf, title = {Proc. of Conf}, year = 2020}
@inproceedings{p, author = {Hopper, Grace}, title = {P}, crossref = {conf}, xdata = {acm}, xref = {conf}}
"""
    root = write_site(tmp_path, pages={"index.md": "# P\n\n/// publications\n///\n"}, data={"papers.bib": bib})
    built = build(root)
    assert built.ok, built.output
    shown = built.html().split('data-key="p"', 1)[1].split("</li>", 1)[0]
    code = shown.split("<code", 1)[1]
    assert "publisher = {ACM Press}" in code and "booktitle = {Proc. of Conf}" in code
    for name in ("xdata", "crossref", "xref"):
        assert f"{name} =" not in code, name


def test_a_macro_used_above_its_string_is_read_but_flagged() -> None:
    # BibTeX and biber read a file once, top to bottom: above its @string the macro is undefined.
    text = "@article{a, title = {A}, journal = later # { Letters}}\n@string{later = {Later}}\n"
    bib = parse_bib_text(text, "x.bib")
    assert bib.entries[0].fields["journal"] == "Later Letters"
    assert [(problem.line, problem.message) for problem in bib.problems] == [
        (1, "macro 'later' in field 'journal' of entry 'a' is used above its @string on line 2; "
         "BibTeX and biber leave it undefined here")
    ]  # fmt: skip
    assert parse_bib_text("@string{later = {L}}\n" + text.split("\n")[0], "x.bib").problems == []


# --- required fields --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("entry_type", "fields"),
    [
        ("misc", {"title": "T", "author": "A, B"}),
        ("online", {"title": "T", "author": "A, B"}),
        ("unpublished", {"title": "T", "author": "A, B", "note": "Draft"}),
        ("manual", {"title": "GNU Make", "organization": "FSF"}),
        ("manual", {"title": "GNU Make", "organization": "FSF", "year": "2020"}),
    ],
)
def test_types_without_year_or_author_are_fine(entry_type: str, fields: dict[str, object]) -> None:
    assert build_pub("k", entry_type, fields)[2] == []


def test_article_still_needs_author_and_year() -> None:
    messages = build_pub("k", "article", {"title": "T"})[2]
    assert messages == ["entry 'k': missing author", "entry 'k': missing year"]


# --- a whole site -------------------------------------------------------------------------------


def test_site_lists_what_biber_lists_and_builds_strict(tmp_path: Path) -> None:
    bib = (Path(__file__).parent / "fixtures" / "bibtex" / "entries_biber.bib").read_text(encoding="utf-8")
    root = write_site(tmp_path, pages={"index.md": "# P\n\n/// publications\n///\n"}, data={"papers.bib": bib})
    built = build(root)
    assert built.ok, built.output
    assert built.warnings() == []
    html = built.html()
    for key in ("gnu-make", "knuth", "remark", "member-a", "member-b", "encyc", "child"):
        assert f'data-key="{key}"' in html, key
    for key in ("the-set", "acm-data", "IEEEexample:BSTcontrol", "conf2020"):
        assert f'data-key="{key}"' not in html, key
    child = html.split('data-key="child"', 1)[1].split("</li>", 1)[0]
    assert "Proceedings of Conf" in child
    member = html.split('data-key="member-a"', 1)[1].split("</li>", 1)[0]
    assert "ACM Press" in member
    remark = html.split('data-key="remark"', 1)[1].split("</li>", 1)[0]
    assert "50% off, really" in remark


@pytest.mark.parametrize("fast", [True, False])
def test_at_at_line_end_after_another_entry(fast: bool) -> None:
    text = "@book{x, title = {X}}\n\nFree text, then its use.@\nmanual{m, title = {M}}\n"
    assert [key for _, key, _, _ in entries(text, fast=fast)] == ["x", "m"]
