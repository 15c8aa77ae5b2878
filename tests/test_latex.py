"""LaTeX in field values to Unicode: mkdocs_academic.data.latex."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mkdocs_academic.data.latex import latex_to_unicode

NBSP = "\N{NO-BREAK SPACE}"


@pytest.mark.parametrize(
    ("latex", "expected"),
    [
        (r"{\"u}ber", "über"),
        (r"\"{u}ber", "über"),
        (r"\'{e}t\'e", "été"),
        (r"{\'e}", "é"),
        (r"Stra{\ss}e", "Straße"),
        (r"{\r a}", "å"),
        (r"{\i}", "ı"),
        (r"\'{\i}", "í"),
        (r"Fran\c{c}ois", "François"),
        (r"\v{S}imon", "Šimon"),
        (r"{\o}", "ø"),
        (r"\aa{}ngstr\"om", "ångström"),
        (r"\d{d}", "ḍ"),
        (r"{\"U}ber W{\"a}rme", "Über Wärme"),
        (r"V{\'e}lez", "Vélez"),
        (r"S\"{o}rqvist", "Sörqvist"),
    ],
)
def test_accents(latex: str, expected: str) -> None:
    assert latex_to_unicode(latex) == expected


@pytest.mark.parametrize(
    ("latex", "expected"),
    [
        ("1--10", "1–10"),
        ("a---b", "a—b"),
        (r"a\textendash{}b", "a–b"),
        (r"a\textemdash{}b", "a—b"),
        ("A.~D.~P. Howard", f"A.{NBSP}D.{NBSP}P. Howard"),
        ("``quoted''", "“quoted”"),
        (r"dis\-cre\-tion\-ary", "discretionary"),
        (r"line\\break", "line break"),
        (r"\& \% \_ \# \$", "& % _ # $"),
    ],
)
def test_dashes_quotes_and_escapes(latex: str, expected: str) -> None:
    assert latex_to_unicode(latex) == expected


@pytest.mark.parametrize(
    ("latex", "expected"),
    [
        (r"\texttt{code} and \mbox{box}", "code and box"),
        (r"\emph{a} \textit{b} \textbf{c} \textsc{d} \textsf{e}", "a b c d e"),
        (r"see \url{https://example.org/a_b}", "see https://example.org/a_b"),
        (r"\href{https://example.org}{the text}", "the text"),
        (r"{\em emphasised} {\bf bold} {\it italic}", "emphasised bold italic"),
        # A macro's blanks before its `{` go with it; a switch takes one space, as in LaTeX.
        (r"\emph {spaced} out", "spaced out"),
        (r"{\bf{x}} y", "x y"),
        (r"{\em  two}", "two"),
        (r"\textbf{\emph{nested}}", "nested"),
        # A control word that only starts like a known one is not it.
        (r"\textalpha{}-\textOmega", "α-Ω"),
        (r"\ss{}x \aa b \o{} \L", "ßx åb ø Ł"),
        (r"A \& B \% C \_ D \# E", "A & B % C _ D # E"),
    ],
)
def test_formatting_macros_keep_their_text(latex: str, expected: str) -> None:
    assert latex_to_unicode(latex) == expected


def test_case_protecting_braces_are_removed() -> None:
    assert latex_to_unicode("{NeuroImage}") == "NeuroImage"
    assert latex_to_unicode("{{Deep}} learning") == "Deep learning"
    assert latex_to_unicode("The {SQL} {{Injection}}") == "The SQL Injection"


@pytest.mark.parametrize(
    "latex",
    [
        r"Energy of $\mu$ particles",
        r"Einstein: $$E=mc^2$$",
        r"$\frac{n}{2}$ and $\frac 1 2$",
    ],
)
def test_math_is_kept_verbatim(latex: str) -> None:
    assert latex_to_unicode(latex) == latex


def test_math_and_text_mixed() -> None:
    assert latex_to_unicode(r"{\"U}ber $\alpha_{\"u}$ -- {X}") == r"Über $\alpha_{\"u}$ – X"


def test_escaped_dollars_are_not_math() -> None:
    assert latex_to_unicode(r"costs \$5 and \$6") == "costs $5 and $6"


@pytest.mark.parametrize(
    ("latex", "expected"),
    [
        (r'M{\\"u}ller', "Müller"),  # doubled backslash typo (petsc.bib)
        (r"\mnras", "MNRAS"),  # an AAS journal macro (NASA ADS)
        (r"A\unknownmacro B", "A B"),  # unknown macro: dropped, the words kept apart
        (r"\unknownmacro{argument} text", "argument text"),  # unknown macro: its argument
        ("unbalanced {brace", "unbalanced brace"),
        ("extra } brace", "extra brace"),
        ("lonely $ dollar", "lonely $ dollar"),
        ("50% of A & B #1", "50% of A & B #1"),
        ("\\", ""),
        ("{", ""),
    ],
)
def test_malformed_input_gives_best_effort_text(latex: str, expected: str) -> None:
    assert latex_to_unicode(latex) == expected


def test_unicode_and_plain_text_pass_through() -> None:
    assert latex_to_unicode("Schrödinger — 日本語 ‘quotes’") == "Schrödinger — 日本語 ‘quotes’"
    assert latex_to_unicode("Plain title") == "Plain title"


def test_whitespace_is_normalised() -> None:
    assert latex_to_unicode("  a\n   multi-line\t\ttitle  ") == "a multi-line title"
    assert latex_to_unicode("{A}\n  {B}") == "A B"


def test_no_break_space_survives_normalisation() -> None:
    assert latex_to_unicode("A.~Smith") == f"A.{NBSP}Smith"


@given(st.text(alphabet=st.sampled_from(list("ab {}\\$~-'`\"^_%&#\n")), max_size=40))
def test_never_raises(text: str) -> None:
    result = latex_to_unicode(text)
    assert isinstance(result, str)
    assert result == result.strip()


@pytest.mark.parametrize(
    "latex",
    [
        r"{\"u}ber \"{u} \'{e} {\'e} \'e \`a \^o \~n \=a \.z",
        r"\c{c} \c c \v{s} \u{a} \H{o} \r{a} \k{a} \d{d} \b{b} \'{\i} \"\i",
        r"Stra{\ss}e {\o} \O{} \aa{} \AA{} \ae{} \AE{} \oe{} \OE{} \l{} \L{} {\i}",
        r"\& \% \_ \# \$ a\-b c\\d e\ f",
        r"\textendash{} \textemdash{} 1--2 3---4 a~b ``c'' {\em x} {\bf y}",
        r"\texttt{a} \mbox{b} \emph{c} \textit{d} \textbf{e} \textsc{f} \textsf{g} \url{h}",
        r"{NeuroImage} {{Deep}} V{\'e}lez S\"{o}rqvist M\'{e}ot",
        r"A\par B \ldots{} C",
    ],
)
def test_regex_fast_path_agrees_with_pylatexenc(latex: str) -> None:
    from mkdocs_academic.data import latex as module

    fast = module._decode_common(latex)
    assert fast is not None
    slow = module._decode_with_pylatexenc(latex)
    assert module._normalise_space(fast) == module._normalise_space(slow)


def test_literal_tilde_in_urls() -> None:
    assert latex_to_unicode(r"http://example.org/\~{}me and A.~B") == f"http://example.org/~me and A.{NBSP}B"
