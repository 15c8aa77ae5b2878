"""Issue 14, names and LaTeX: what real exports write, read as BibTeX and biber read it.

Each class of input has a small `.bib` fixture; the unit tests assert the parsed model or the
decoded text, the build test the shown HTML and the warnings (file:line) of `--strict`.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from sitebuilder import build, write_site

from mkdocs_academic.data.bibtex import parse_bib_text
from mkdocs_academic.data.latex import AAS_JOURNALS, latex_to_markdown, latex_to_unicode, unknown_latex_commands
from mkdocs_academic.data.models import Person
from mkdocs_academic.data.names import name_list_problem, parse_name

# --- names ----------------------------------------------------------------------------------


def test_von_last_jr_first_with_a_lower_case_jr_part_is_valid() -> None:
    name = "Aubignac, abbé d', François Hédelin"
    assert name_list_problem(name) is None
    assert parse_name(name) == Person(first="François Hédelin", last="Aubignac", jr="abbé d'")


def test_suffix_written_last_is_read_as_meant_and_flagged() -> None:
    name = "Fulton, James E., Jr."
    assert parse_name(name) == Person(first="James E.", last="Fulton", jr="Jr.")
    problem = name_list_problem(f"Lovelace, Ada and {name}")
    assert problem is not None
    assert "`Fulton, Jr., James E.`" in problem
    # The right order stays silent, and names listed with commas are still caught.
    assert name_list_problem("Fulton, Jr., James E.") is None
    assert name_list_problem("Ada Lovelace, Charles Babbage, Mary Somerville") is not None


# --- LaTeX ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("latex", "expected"),
    [
        (r"\apj", "ApJ"),
        (r"\mnras", "MNRAS"),
        (r"\aap", "A&A"),
        (r"\araa", "ARA&A"),
        (r"\prd", "Phys. Rev. D"),
        (r"\nat", "Nature"),
        (r"{\apjl}", "ApJ"),
        (r"Software\emdash Practice and Experience", "Software\N{EM DASH}Practice and Experience"),
        (r"pages 1\endash 2", "pages 1\N{EN DASH}2"),
        (r"Research \amp Practice", "Research & Practice"),
        (r"non\hyphen linear", "non-linear"),
        (r"\textalpha{}-helix and \textOmega", "\N{GREEK SMALL LETTER ALPHA}-helix and \N{GREEK CAPITAL LETTER OMEGA}"),
        (r"\textlambda-calculus", "\N{GREEK SMALL LETTER LAMDA}-calculus"),
        (r"Ko\t{oo}rdinate", "Koo\u0361ordinate"),
        (r"\G{a}", "\N{LATIN SMALL LETTER A WITH DOUBLE GRAVE}"),
        (r"Vi\h{e}t", "Vi\N{LATIN SMALL LETTER E WITH HOOK ABOVE}t"),
    ],
)
def test_known_commands_are_decoded(latex: str, expected: str) -> None:
    assert latex_to_unicode(latex) == expected
    assert unknown_latex_commands(latex) == ()


@pytest.mark.parametrize(
    ("latex", "expected"),
    [
        # Commands glued to their word by exports that lost a brace (the shared corpora's glottolog files).
        (r"Fran\ccois", "François"),
        (r"Mar\'\ia and D\'\iez", "María and Díez"),
        (r"D\kabrowska, Jind\vrich, Lechos\law", "Dąbrowska, Jindřich, Lechosław"),
        (r"Skirg\aard, Str\omberg, Bj\orn, beeinflu\sst", "Skirgård, Strømberg, Bjørn, beeinflußt"),
        (r"Finn \AArup, \Ovrelid, \cCelikkol", "Finn Årup, Øvrelid, Çelikkol"),
        (r"FOOD\textgreaterMEAT", "FOOD>MEAT"),
        (
            r"the \textquotedblleftMany\textquotedblright{} views",
            "the \N{LEFT DOUBLE QUOTATION MARK}Many\N{RIGHT DOUBLE QUOTATION MARK} views",
        ),
        (r"\textithuman variation", "human variation"),
        (r"{\I}lhan Polat", "\N{LATIN CAPITAL LETTER I WITH DOT ABOVE}lhan Polat"),
        (r"events.\ud \ud This article", "events. This article"),
        (r"$\Lambda$CDM", r"$\Lambda$CDM"),
    ],
)
def test_commands_glued_to_their_word_are_read_as_meant(latex: str, expected: str) -> None:
    assert latex_to_unicode(latex) == expected
    assert unknown_latex_commands(latex) == ()


@pytest.mark.parametrize(
    "latex", [r"\com can handle", r"\bn This article", r"\tit Bininj", r"\ATSI language", r"\gq -marking"]
)
def test_a_users_own_macros_are_not_guessed(latex: str) -> None:
    """Short unknown commands at the start of a word are someone's own macros: left out, warned."""
    name = latex.split()[0][1:]
    assert unknown_latex_commands(latex) == (name,)
    assert name not in latex_to_unicode(latex)


def test_a_macro_defined_in_the_preamble_shows_its_text() -> None:
    text = (
        '@preamble{"\\newcommand{\\ATSI}{Aboriginal and Torres Strait Islander} \\def\\gal{$\\alpha$}"}\n'
        "@article{a, title = {The \\ATSI{} inquiry: move-\\gal in Japanese}}\n"
    )
    title = parse_bib_text(text, "x.bib").entries[0].fields["title"]
    assert title == "The {Aboriginal and Torres Strait Islander} inquiry: move-{$\\alpha$} in Japanese"
    assert latex_to_unicode(title) == "The Aboriginal and Torres Strait Islander inquiry: move-$\\alpha$ in Japanese"
    assert unknown_latex_commands(title) == ()
    # Without the @preamble the command is unknown (and warned about by the build).
    assert unknown_latex_commands(r"The \ATSI{} inquiry") == ("ATSI",)


def test_verb_keeps_its_text() -> None:
    assert latex_to_unicode(r"of array \verb|x[100]| are {\tt x}") == "of array x[100] are x"
    assert unknown_latex_commands(r"\verb+a_b+") == ()


def test_tie_accent_in_both_decoders() -> None:
    assert latex_to_unicode(r"\t{oo}") == "o\u0361o"
    assert latex_to_unicode(r"\t{oo} and \unknownthing{x}") == "o\u0361o and x"  # the pylatexenc path


def test_unknown_command_is_dropped_without_gluing_words() -> None:
    assert latex_to_unicode(r"Software\weirddash Practice") == "Software Practice"
    assert unknown_latex_commands(r"Software\weirddash Practice") == ("weirddash",)
    assert unknown_latex_commands("no commands here") == ()


def test_aas_table_comes_from_the_data_file() -> None:
    assert AAS_JOURNALS["apjs"] == "ApJS"
    assert AAS_JOURNALS["pasp"] == "PASP"
    assert AAS_JOURNALS["physrep"] == "Phys. Rep."
    for name, journal in {"psj": "PSJ", "jaavso": "JAAVSO", "maps": "M&PS", "dps": "AAS/DPS Meeting Abstracts"}.items():
        assert AAS_JOURNALS[name] == journal  # from AASTeX 6.3.1, which aas_macros.sty predates
    assert AAS_JOURNALS["aas"] == "AAS Meeting Abstracts" and AAS_JOURNALS["apjlett"] == "ApJ"
    text = (Path(__file__).parents[1] / "mkdocs_academic" / "data" / "aas_journals.yml").read_text(encoding="utf-8")
    assert "aas_macros.sty" in text
    pyproject = (Path(__file__).parents[1] / "pyproject.toml").read_text(encoding="utf-8")
    assert '"data/*.yml"' in pyproject


_AASTEX = Path("/usr/share/texlive/texmf-dist/tex/latex/aastex/aastex631.cls")


@pytest.mark.skipif(not _AASTEX.is_file(), reason="AASTeX 6.3.1 not installed (apt-get install texlive-publishers)")
def test_every_aastex_journal_macro_is_known() -> None:
    """Every journal macro AASTeX defines is in our table (values may differ, see the table)."""
    defined = re.findall(r"\\(?:re)?newcommand\\(\w+)\{\\ref@jnl\{", _AASTEX.read_text(encoding="utf-8"))
    assert len(defined) > 60
    assert [name for name in defined if name not in AAS_JOURNALS] == []


@pytest.mark.parametrize(
    ("latex", "expected"),
    [
        (r"\(\lambda\)-calculus", r"$\lambda$-calculus"),
        (r"the 5\({}^{\mbox{th}}\) edition", r"the 5${}^{\mbox{th}}$ edition"),
        (r"display \[x^2\] math", r"display $$x^2$$ math"),
        (r"already $x$", r"already $x$"),
    ],
)
def test_dblp_math_is_dollar_math(latex: str, expected: str) -> None:
    assert latex_to_unicode(latex) == expected


def test_markdown_fields_decode_latex_but_keep_links_and_lines() -> None:
    value = 'Best paper at \\emph{ICML} -- see [slides](https://x.org/~a--b)\n- M{\\"u}ller `a--b`'
    assert latex_to_markdown(value) == (
        "Best paper at ICML \N{EN DASH} see [slides](https://x.org/~a--b)\n- Müller `a--b`"
    )
    assert latex_to_markdown("plain **Markdown**\n\nsecond") == "plain **Markdown**\n\nsecond"


# --- a whole site ------------------------------------------------------------------------------

BIB = r"""@article{adamczyk,
  title = {Soft\emdash Matter in \(\lambda\)-calculus},
  author = {Adamczyk, L. and others},
  journal = {\apj},
  year = {2020},
}
@article{fulton,
  title = {Hyaluronic acid},
  author = {Fulton, James E., Jr.},
  journal = {\mnras},
  year = {2021},
}
@book{aubignac,
  title = {La Pratique du th{\'e}{\^a}tre},
  author = {Aubignac, abbé d', François Hédelin},
  publisher = {Sommaville},
  year = {1657},
}
@article{unknown,
  title = {Software\weirddash Practice},
  author = {Lovelace, Ada},
  journal = {J},
  year = {2022},
  annotation = {Cited by \emph{everyone} -- really \textalpha},
  highlights = {- \textbeta{} sheets -- found},
}
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201 - sitebuilder.Built
    root = write_site(
        tmp_path_factory.mktemp("names-latex"),
        pages={"index.md": "# Home\n\n/// publications\n///\n"},
        data={"pubs.bib": BIB},
    )
    return build(root)


def _entry(page: str, key: str) -> str:
    match = re.search(rf'data-key="{key}".*?(?=data-key=|\Z)', page, re.S)
    assert match, key
    return html.unescape(match.group(0))


def test_site_shows_names_and_latex(built) -> None:  # noqa: ANN001
    page = built.html()
    adamczyk = _entry(page, "adamczyk")
    assert re.search(r"L\. Adamczyk\s*<span class=\"academic-others\">et al\.</span>", adamczyk), adamczyk[:400]
    assert "Adamczyk, <span" not in adamczyk
    assert "Soft\N{EM DASH}Matter in $\\lambda$-calculus" in adamczyk
    assert ">ApJ<" in adamczyk
    fulton = _entry(page, "fulton")
    assert "James E. Fulton" in fulton and "Jr. Fulton" not in fulton
    assert ">MNRAS<" in fulton
    assert "François Hédelin Aubignac" in _entry(page, "aubignac")
    unknown = _entry(page, "unknown")
    assert "Software Practice" in unknown and "Softwareweirddash" not in unknown
    assert "\N{GREEK SMALL LETTER BETA} sheets \N{EN DASH} found" in unknown
    unknown = html.unescape(built.html("publications/unknown/"))
    assert "Cited by everyone \N{EN DASH} really \N{GREEK SMALL LETTER ALPHA}" in unknown


def test_site_warns_only_where_input_is_wrong(built) -> None:  # noqa: ANN001
    assert not built.ok
    warnings = built.warnings()
    fulton = [line for line in warnings if "entry 'fulton'" in line]
    assert len(fulton) == 1 and "data/pubs.bib:9:" in fulton[0] and "`Fulton, Jr., James E.`" in fulton[0]
    unknown = [line for line in warnings if "entry 'unknown'" in line]
    assert len(unknown) == 1 and "data/pubs.bib:20:" in unknown[0] and "'\\weirddash'" in unknown[0]
    assert not [line for line in warnings if "aubignac" in line or "adamczyk" in line], warnings
