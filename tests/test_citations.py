"""Citations in prose through the Markdown extension alone (no MkDocs): the syntax, both styles,
what is never a citation, unknown keys, the bibliography block and its mkdocs-bibtex spellings."""

from __future__ import annotations

import logging
import re
from html import unescape
from pathlib import Path

import markdown
import pytest

from mkdocs_academic.data.models import Person, Publication, Source
from mkdocs_academic.render.citations import CitationFormatter, author_text, back_links
from mkdocs_academic.render.labels import Labels

BIB = r"""
@article{lovelace1843,
  title = {Notes on the Analytical Engine},
  author = {Lovelace, Ada},
  journal = {Scientific Memoirs},
  year = {1843},
}
@book{babbage1864,
  title = {Passages from the Life of a Philosopher},
  author = {Babbage, Charles},
  publisher = {Longman},
  year = {1864},
}
@article{lovelace1843b,
  title = {A Second Note},
  author = {Lovelace, Ada},
  journal = {Scientific Memoirs},
  year = {1843},
}
@article{somerville1834,
  title = {On the Connexion of the Physical Sciences},
  author = {Somerville, Mary and Herschel, John},
  journal = {Murray},
  year = {1834},
}
@article{many2020,
  title = {Many Hands},
  author = {Faraday, Michael and Herschel, John and Somerville, Mary},
  journal = {Nature},
  year = {2020},
}
@misc{xss2020,
  title = {A <script>alert(1)</script> "Title"},
  author = {Eve},
  year = {2020},
}
@misc{doi:10.1000/x.y,
  title = {A Key with Punctuation},
  author = {Faraday, Michael},
  year = {1850},
}
"""


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("citations-data")
    (folder / "refs.bib").write_text(BIB, encoding="utf-8")
    return folder


def render(text: str, data_dir: Path, *extensions: str, **config: object) -> str:
    return markdown.markdown(
        text,
        extensions=["mkdocs_academic.markdown", "toc", *extensions],
        extension_configs={"mkdocs_academic.markdown": {"data_dir": str(data_dir), "me": ["Ada Lovelace"], **config}},
    )


def citations(html: str) -> list[str]:
    """The text of each citation, in page order."""
    found = re.findall(r'<span class="academic-cite[^"]*">(.*?)</span>', html)
    return [re.sub(r"<[^>]+>", "", text) for text in found]


def entry_keys(html: str) -> list[str]:
    """The keys of the bibliography's entries, in order."""
    return re.findall(r'<li class="academic-pub[^"]*" id="ref-[^"]+" data-key="([^"]+)"', html)


# ------------------------------------------------------------------ syntax, numeric


def test_numeric_citations_and_their_order(data_dir: Path) -> None:
    html = render(
        "As shown [@babbage1864], and [see @lovelace1843, p. 12; @babbage1864, chap. 3].\n"
        "@lovelace1843 argues; she [-@lovelace1843]. Both [@lovelace1843; @babbage1864].",
        data_dir,
    )
    assert citations(html) == [
        "[1]",
        "[see 2, p. 12; 1, chap. 3]",
        "Lovelace [2]",
        "[2]",
        "[2, 1]",
    ]
    assert entry_keys(html) == ["babbage1864", "lovelace1843"]
    assert (
        'class="academic-pub-list academic-style-compact academic-references academic-cite-numeric academic-numbered"'
        in html
    )


def test_links_both_ways_and_titles(data_dir: Path) -> None:
    html = render("One [@lovelace1843], two @lovelace1843, three [@babbage1864].", data_dir)
    links = re.findall(r'<a class="academic-cite-link" href="#([^"]+)" id="([^"]+)" title="([^"]+)">', html)
    assert links == [
        (
            "ref-lovelace1843",
            "cite-lovelace1843-1",
            "Ada Lovelace (1843). Notes on the Analytical Engine. Scientific Memoirs.",
        ),
        (
            "ref-lovelace1843",
            "cite-lovelace1843-2",
            "Ada Lovelace (1843). Notes on the Analytical Engine. Scientific Memoirs.",
        ),
        (
            "ref-babbage1864",
            "cite-babbage1864-1",
            "Charles Babbage (1864). Passages from the Life of a Philosopher. Longman.",
        ),
    ]
    # Each entry links back to each place: "↩ a", "↩ b" for two, "↩" for one.
    assert '<a class="academic-backref" href="#cite-lovelace1843-1" aria-label="Back to the citation a">' in html
    assert '<a class="academic-backref" href="#cite-lovelace1843-2" aria-label="Back to the citation b">' in html
    assert '<a class="academic-backref" href="#cite-babbage1864-1" aria-label="Back to the citation">' in html
    for target in re.findall(r'href="#((?:ref|cite)-[^"]+)"', html):
        assert f'id="{target}"' in html, target
    # The owner is highlighted, as in a publication list: the same entry template.
    assert '<span class="academic-author academic-me"><strong>Ada Lovelace</strong></span>' in html


# ------------------------------------------------------------------ author-year


def test_author_year_forms(data_dir: Path) -> None:
    html = render(
        "[@babbage1864] [@babbage1864, p. 12] [see @babbage1864; @somerville1834, chap. 3] [-@babbage1864]\n"
        "@babbage1864 and @babbage1864 [p. 7]; [@many2020]; [@lovelace1843; @lovelace1843b].",
        data_dir,
        citation_style="author-year",
    )
    assert citations(html) == [
        "(Babbage, 1864)",
        "(Babbage, 1864, p. 12)",
        "(see Babbage, 1864; Somerville and Herschel, 1834, chap. 3)",
        "(1864)",
        "Babbage (1864)",
        "Babbage (1864, p. 7)",
        "(Faraday et al., 2020)",
        # Same author, same year: a, b in the bibliography's order (by title: "A Second Note" first).
        "(Lovelace, 1843b; Lovelace, 1843a)",
    ]
    # Sorted by author, year and title; no numbers.
    assert entry_keys(html) == ["babbage1864", "many2020", "lovelace1843b", "lovelace1843", "somerville1834"]
    assert "academic-numbered" not in html


def test_author_text_rules() -> None:
    labels = Labels("en")
    source = Source("x.bib", 1)

    def pub(*people: Person) -> Publication:
        return Publication(key="k", entry_type="article", title="T", source=source, authors=people)

    ada, charles, mary = (
        Person("Ada", "", "Lovelace"),
        Person("Charles", "", "Babbage"),
        Person("Mary", "", "Somerville"),
    )
    others = Person(literal="others")
    assert author_text(pub(ada), labels) == "Lovelace"
    assert author_text(pub(ada, charles), labels) == "Lovelace and Babbage"
    assert author_text(pub(ada, charles, mary), labels) == "Lovelace et al."
    assert author_text(pub(ada, others), labels) == "Lovelace et al."
    assert author_text(pub(Person("Ludwig", "van", "Beethoven")), labels) == "van Beethoven"
    assert author_text(pub(), labels) == "T"
    assert author_text(pub(ada), Labels("de")) == "Lovelace"
    assert author_text(pub(ada, charles), Labels("de")) == "Lovelace und Babbage"


def test_same_author_year_suffixes_and_back_link_letters() -> None:
    source = Source("x.bib", 1)
    ada = Person("Ada", "", "Lovelace")
    works = [
        Publication(key=key, entry_type="article", title=title, source=source, authors=(ada,), date=None)
        for key, title in (("b", "Beta"), ("a", "Alpha"))
    ]
    formatter = CitationFormatter("author-year", works, works, Labels("en"))
    assert formatter.years == {"a": "n.d.a", "b": "n.d.b"}
    assert [pub.key for pub in formatter.order] == ["a", "b"]
    assert back_links(["x"]) == [("x", "")]
    assert [letter for _, letter in back_links([str(n) for n in range(28)])][-3:] == ["z", "aa", "ab"]


def test_front_matter_and_block_choose_the_page_style(data_dir: Path) -> None:
    # Front matter, with Python-Markdown's `meta` extension (MkDocs reads it itself).
    html = render("citation_style: author-year\n\nSee [@babbage1864].", data_dir, "meta")
    assert citations(html) == ["(Babbage, 1864)"]
    # The block's own `style` comes first.
    html = render(
        "citation_style: author-year\n\nSee [@babbage1864].\n\n/// bibliography\n    style: numeric\n///\n",
        data_dir,
        "meta",
    )
    assert citations(html) == ["[1]"]


# ------------------------------------------------------------------ never a citation


NOT_CITATIONS = [
    "Write to ada@example.org or [ada@example.org].",
    "Inline code `[@lovelace1843]` and `@lovelace1843`.",
    "    [@lovelace1843] in an indented code block",
    "```\n[@lovelace1843] and @lovelace1843 in fenced code\n```",
    "A URL https://example.org/@lovelace1843 and <https://example.org/@lovelace1843>.",
    "A mail <mailto:lovelace1843@example.org> and <lovelace1843@example.org>.",
    "A [link to @lovelace1843](https://example.org) and a [@lovelace1843](https://example.org).",
    "Raw <span title='@lovelace1843'>HTML</span>.",
    r"Escaped \@lovelace1843.",
    "CSS @media and a handle @someone are text.",
]


@pytest.mark.parametrize("text", NOT_CITATIONS)
def test_never_a_citation(text: str, data_dir: Path, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO):
        html = render(text, data_dir, "pymdownx.superfences", "pymdownx.magiclink")
    assert "academic-cite" not in html
    assert "academic-bibliography" not in html
    text_of_page = unescape(html)
    assert "lovelace1843" in text_of_page or "@media" in text_of_page or "ada@example.org" in text_of_page
    assert not [record for record in caplog.records if record.levelno >= logging.WARNING]


def test_fenced_code_stays_byte_for_byte(data_dir: Path) -> None:
    plain = markdown.markdown("```\n[@lovelace1843] @lovelace1843\n```", extensions=["pymdownx.superfences"])
    assert render("```\n[@lovelace1843] @lovelace1843\n```", data_dir, "pymdownx.superfences") == plain


def test_keys_follow_pandoc(data_dir: Path) -> None:
    html = render(
        "Internal punctuation [@doi:10.1000/x.y], end of sentence @lovelace1843. Braces @{babbage1864}; "
        "possessive @lovelace1843's.",
        data_dir,
    )
    assert citations(html) == ["[1]", "Lovelace [2]", "Babbage [3]", "Lovelace [2]"]
    assert "</a>]</span>. Braces" in html  # the full stop ends the sentence, not the key
    assert "</span>'s.</p>" in html


def test_prefix_suffix_and_titles_are_escaped(data_dir: Path) -> None:
    html = render('[see & compare @xss2020, p. "5" & on]', data_dir)
    assert citations(html) == ["[see &amp; compare 1, p. &#34;5&#34; &amp; on]"]
    assert 'title="Eve (2020). A &lt;script&gt;alert(1)&lt;/script&gt; &#34;Title&#34;."' in html
    assert "<script>" not in html


def test_code_or_html_inside_brackets_is_not_a_citation(data_dir: Path) -> None:
    # The brackets stay text (a citation's prefix and suffix are plain text); the keys in them
    # are then citations in the sentence, as after an escaped `\[`.
    html = render("[see `x` @lovelace1843] and [see <b>x</b> @lovelace1843] and @lovelace1843 [`p`]", data_dir)
    assert citations(html) == ["Lovelace [1]"] * 3
    assert "[see <code>x</code> <span" in html and "[see <b>x</b> <span" in html and "[<code>p</code>]" in html
    assert "\x02" not in html and "\x03" not in html


# ------------------------------------------------------------------ unknown keys


def test_unknown_key_in_brackets_warns_with_its_line_and_stays(
    data_dir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING):
        html = render("# Title\n\nFine [@lovelace1843].\n\nBad [see @lovelac1843; @babbage1864, p. 3].", data_dir)
    messages = [record.getMessage() for record in caplog.records]
    assert len(messages) == 1
    assert "line 5" in messages[0] and "'lovelac1843'" in messages[0] and "did you mean 'lovelace1843'?" in messages[0]
    assert "Bad [see @lovelac1843; @babbage1864, p. 3].</p>" in html  # as written, babbage not cited alone
    assert entry_keys(html) == ["lovelace1843"]


def test_unknown_key_in_the_sentence_is_text(data_dir: Path, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        html = render("Follow @lovelac1843 and @nobody.", data_dir)
    assert "Follow @lovelac1843 and @nobody." in html
    assert not caplog.records


# ------------------------------------------------------------------ the bibliography's place


def test_references_go_at_the_end_before_footnotes(data_dir: Path) -> None:
    html = render("Text [@lovelace1843].[^1]\n\n[^1]: Note [@babbage1864].\n\nLast paragraph.", data_dir, "footnotes")
    assert (
        html.index("Last paragraph")
        < html.index('<h2 id="references">References</h2>')
        < html.index('<div class="footnote">')
    )
    assert entry_keys(html) == ["lovelace1843", "babbage1864"]  # the footnote's citation counts too


def test_bibliography_block_place_and_all(data_dir: Path, caplog: pytest.LogCaptureFixture) -> None:
    html = render("Intro [@lovelace1843].\n\n## Works\n\n/// bibliography\n///\n\nAfter.", data_dir)
    assert html.index("Works") < html.index("academic-bibliography") < html.index("After.")
    assert "References" not in html
    html = render("One [@babbage1864].\n\n/// bibliography\n    all: true\n///\n", data_dir)
    assert entry_keys(html)[0] == "babbage1864" and len(entry_keys(html)) == 7
    with caplog.at_level(logging.WARNING):
        render("/// bibliography\n    style: harvard\n///\n", data_dir)
    assert any("option 'style'" in record.getMessage() for record in caplog.records)


def test_a_bibliography_without_citations_says_so(data_dir: Path) -> None:
    html = render("/// bibliography\n///\n", data_dir)
    assert "No works are cited on this page." in html


@pytest.mark.parametrize(("command", "count"), [("\\bibliography", 1), ("\\full_bibliography", 7)])
def test_mkdocs_bibtex_commands(command: str, count: int, data_dir: Path) -> None:
    html = render(f"Cite [@lovelace1843].\n\n{command}\n\nAfter.", data_dir)
    assert command not in html
    assert len(entry_keys(html)) == count
    assert html.index("academic-bibliography") < html.index("After.")
    # In code, the command is text.
    assert command in render(f"`{command}`", data_dir)


def test_pages_do_not_share_citations(data_dir: Path) -> None:
    md = markdown.Markdown(
        extensions=["mkdocs_academic.markdown"],
        extension_configs={"mkdocs_academic.markdown": {"data_dir": str(data_dir)}},
    )
    first = md.convert("[@lovelace1843]")
    md.reset()
    second = md.convert("[@babbage1864]")
    assert entry_keys(first) == ["lovelace1843"] and entry_keys(second) == ["babbage1864"]
    assert citations(second) == ["[1]"]


# ------------------------------------------------------------------ found in review


def test_a_colon_after_a_citation_keeps_it_a_citation(data_dir: Path) -> None:
    # `[x]: url` definitions are read as blocks before; mid-sentence, `[@key]:` is a citation.
    html = render("As shown in [@lovelace1843]: the engine; @babbage1864 [p. 3]: so.", data_dir)
    assert citations(html) == ["[1]", "Babbage [2, p. 3]"]
    html = render("[@lovelace1843]: https://example.org\n\nA [@lovelace1843] link.", data_dir)
    assert "academic-cite" not in html and '<a href="https://example.org">@lovelace1843</a>' in html


def test_each_unknown_key_gets_its_own_line(data_dir: Path, caplog: pytest.LogCaptureFixture) -> None:
    text = "Code `[@nokey]` first.\n\nBad [@nokey] and [@nokey].\n\nAgain [@nokey].\n"
    with caplog.at_level(logging.WARNING):
        render(text, data_dir)
    assert [re.findall(r"\bline (\d+):", record.getMessage()) for record in caplog.records] == [["3"], ["3"], ["5"]]


def test_bibliography_command_on_a_page_without_citations_is_nothing(
    data_dir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # mkdocs-bibtex users write `\bibliography` on every page: one without citations gets nothing.
    html = render("No citations.\n\n\\bibliography\n\nAfter.", data_dir)
    assert html == "<p>No citations.</p>\n<p>After.</p>"
    with caplog.at_level(logging.WARNING):
        html = render("One [@lovelace1843].\n\n\\bibliography\n\n\\bibliography\n", data_dir)
    assert len(entry_keys(html)) == 1 and "\\bibliography" not in html
    assert [re.findall(r"\bline (\d+):", record.getMessage()) for record in caplog.records] == [["5"]]


def test_keys_apart_by_commas_or_spaces_are_each_cited(data_dir: Path) -> None:
    # As LaTeX's \cite{a,b}: no key is lost as the prefix of the next one.
    html = render(
        "[@lovelace1843, @babbage1864] [@lovelace1843 -@babbage1864] [see @lovelace1843, p. 3, @babbage1864] "
        "[write ada@example.org @babbage1864]",
        data_dir,
    )
    assert citations(html) == ["[1, 2]", "[1, 2]", "[see 1, p. 3; 2]", "[write ada@example.org 2]"]
    # A key in the middle of a prefix or suffix: no citation swallows it, each key is cited.
    html = render("[see @lovelace1843, pp. 3 and @babbage1864]", data_dir)
    assert citations(html) == ["Lovelace [1]", "Babbage [2]"]
    # An `@word` that is no key stays text in the suffix.
    assert citations(render("[@lovelace1843, thanks to @bob]", data_dir)) == ["[1, thanks to @bob]"]


def test_a_page_ending_with_a_heading_gets_its_references_under_it(data_dir: Path) -> None:
    # mkdocs-bibtex pages often end with `## References` (the footnotes went under it).
    html = render("Text [@lovelace1843].[^1]\n\n## References\n\n[^1]: A note.", data_dir, "footnotes")
    assert html.count("References</h2>") == 1
    assert html.index("References</h2>") < html.index("academic-bibliography") < html.index('class="footnote"')
