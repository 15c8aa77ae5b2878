"""Markdown -> HTML: the publications block through plain Python-Markdown (no MkDocs)."""

from __future__ import annotations

import logging
import re
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest

BIB = r"""
@string{jml = {Journal of Machine Learning}}

@article{lovelace2024engines,
  title = {Analytical {Engines} and the Limits of {\em Calculation}},
  author = {Lovelace, Ada and Babbage, Charles and M{\"u}ller, J{\"o}rg},
  journal = jml,
  volume = {12}, number = {3}, pages = {1--20},
  year = {2024}, month = may,
  doi = {https://doi.org/10.1000/xyz123},
  selected = {true},
  abbr = {JML},
  abstract = {We study engines.},
  keywords = {engines, history},
}

@inproceedings{babbage2023notes,
  title = {Notes on the {Difference Engine}},
  author = {Babbage, Charles and A. Lovelace},
  booktitle = {Proceedings of the Royal Society},
  year = {2023},
  arxiv = {2301.00001},
  code = {https://github.com/example/notes},
}

@misc{lovelace2025draft,
  title = {Poetical Science},
  author = {Lovelace, Ada},
  status = {under review},
}

@article{somerville2021,
  title = {Mechanism of the Heavens, $\alpha$ and $\beta$},
  author = {Somerville, Mary},
  journal = {Philosophical Transactions},
  year = {2021},
  keywords = {astronomy},
}
"""


def render(text: str, data_dir: Path, **config: object) -> str:
    return markdown.markdown(
        text,
        extensions=["mkdocs_academic.markdown", "toc"],
        extension_configs={"mkdocs_academic.markdown": {"data_dir": str(data_dir), "me": ["Ada Lovelace"], **config}},
    )


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "papers.bib").write_text(BIB, encoding="utf-8")
    return folder


def keys(html: str) -> list[str]:
    return re.findall(r'data-key="([^"]+)"', html)


def test_block_lists_every_entry_newest_first_with_contract_attributes(data_dir: Path) -> None:
    html = render("/// publications\n///\n", data_dir)
    assert keys(html) == ["lovelace2025draft", "lovelace2024engines", "babbage2023notes", "somerville2021"]
    assert 'class="academic academic-publications"' in html
    assert 'id="lovelace2024engines" data-key="lovelace2024engines"' in html


def test_year_headings_are_real_headings_in_the_toc(data_dir: Path) -> None:
    md = markdown.Markdown(
        extensions=["mkdocs_academic.markdown", "toc"],
        extension_configs={"mkdocs_academic.markdown": {"data_dir": str(data_dir)}},
    )
    md.convert("# Papers\n\n/// publications\n///\n")
    names = [child["name"] for child in md.toc_tokens[0]["children"]]  # type: ignore[attr-defined]
    assert names == ["In progress", "2024", "2023", "2021"]


def test_owner_is_highlighted_in_every_name_form(data_dir: Path) -> None:
    html = render("/// publications\n///\n", data_dir)
    highlighted = re.findall(r'academic-me"><strong>([^<]+)</strong>', html)
    assert highlighted == ["Ada Lovelace", "Ada Lovelace", "A. Lovelace"]
    assert "<strong>Charles Babbage</strong>" not in html


def test_latex_macros_and_links_are_resolved(data_dir: Path) -> None:
    html = render("/// publications\n    keys: [lovelace2024engines]\n///\n", data_dir)
    assert "Jörg Müller" in html
    assert "Analytical Engines and the Limits of Calculation" in html
    assert "Journal of Machine Learning" in html
    assert "1–20" in html
    assert '<time datetime="2024-05">May 2024</time>' in html
    assert 'href="https://doi.org/10.1000/xyz123"' in html
    assert ">JML<" in html
    assert "<summary>Abstract</summary>" in html


def test_math_is_kept_verbatim(data_dir: Path) -> None:
    html = render("/// publications\n    keys: somerville2021\n///\n", data_dir)
    assert r"$\alpha$ and $\beta$" in html


def test_filters_selected_keyword_year_type_author(data_dir: Path) -> None:
    assert keys(render("/// publications\n    selected: true\n///\n", data_dir)) == ["lovelace2024engines"]
    assert keys(render("/// publications\n    keyword: astronomy\n///\n", data_dir)) == ["somerville2021"]
    assert keys(render("/// publications\n    year: 2023-2024\n///\n", data_dir)) == [
        "lovelace2024engines",
        "babbage2023notes",
    ]
    assert keys(render("/// publications\n    type: inproceedings\n///\n", data_dir)) == ["babbage2023notes"]
    assert keys(render("/// publications\n    author: Mary Somerville\n///\n", data_dir)) == ["somerville2021"]
    assert keys(render("/// publications\n    limit: 2\n    sort: oldest\n///\n", data_dir)) == [
        "somerville2021",
        "babbage2023notes",
    ]


def test_group_by_type_uses_category_headings(data_dir: Path) -> None:
    html = render("/// publications\n    group_by: type\n///\n", data_dir)
    headings = re.findall(r"<h\d[^>]*>([^<]+)</h\d>", html)
    assert headings == ["Journal articles", "Conference papers", "Other"]


def test_heading_level_follows_the_page(data_dir: Path) -> None:
    html = render("# Me\n\n## Papers\n\n/// publications\n    keys: somerville2021\n///\n", data_dir)
    assert re.search(r"<h3[^>]*>2021</h3>", html)


def test_same_entry_twice_on_a_page_gets_unique_ids(data_dir: Path) -> None:
    html = render("/// publications\n    selected: true\n///\n\n/// publications\n///\n", data_dir)
    ids = re.findall(r'id="(lovelace2024engines[^"]*)"', html)
    assert ids == ["lovelace2024engines", "lovelace2024engines-2"]


def test_a_list_and_a_full_entry_of_the_same_key_get_unique_ids(data_dir: Path) -> None:
    """Each block name has its own pymdown tracker; the ids of every academic block share one."""
    page = "/// publications\n///\n\n/// publication\n    key: lovelace2024engines\n///\n"
    html = render(page, data_dir)
    ids = re.findall(r'id="(lovelace2024engines[^"]*)"', html)
    assert ids == ["lovelace2024engines", "lovelace2024engines-2"]
    # A second page converted by the same Markdown instance starts afresh.
    md = markdown.Markdown(
        extensions=["mkdocs_academic.markdown"],
        extension_configs={"mkdocs_academic.markdown": {"data_dir": str(data_dir)}},
    )
    first = md.convert(page)
    md.reset()
    assert md.convert(page) == first


def test_block_in_code_fence_is_not_expanded(data_dir: Path) -> None:
    html = markdown.markdown(
        "```\n/// publications\n///\n```\n",
        extensions=["mkdocs_academic.markdown", "fenced_code"],
        extension_configs={"mkdocs_academic.markdown": {"data_dir": str(data_dir)}},
    )
    assert "data-key" not in html
    assert "/// publications" in html


def test_block_inside_admonition(data_dir: Path) -> None:
    html = markdown.markdown(
        '!!! note "Recent"\n\n    /// publications\n        limit: 1\n    ///\n',
        extensions=["mkdocs_academic.markdown", "admonition"],
        extension_configs={"mkdocs_academic.markdown": {"data_dir": str(data_dir)}},
    )
    assert keys(html) == ["lovelace2025draft"]
    assert html.index("admonition") < html.index("data-key")


def test_unknown_option_and_bad_value_warn_but_block_renders(data_dir: Path, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="mkdocs"):
        html = render("/// publications\n    grop_by: none\n    limit: many\n///\n", data_dir)
    messages = " ".join(record.getMessage() for record in caplog.records)
    assert "unknown option 'grop_by' (did you mean 'group_by'?)" in messages
    assert "option 'limit': expected a whole number" in messages
    assert len(keys(html)) == 4


def test_missing_key_is_reported(data_dir: Path, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="mkdocs"):
        render("/// publications\n    keys: [lovelace2024engine]\n///\n", data_dir)
    assert "key 'lovelace2024engine' is not in the data (did you mean 'lovelace2024engines'?)" in caplog.text


def test_invalid_header_yaml_is_reported_not_silent(data_dir: Path, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="mkdocs"):
        render("/// publications\n    selected: [true\n///\n", data_dir)
    assert "/// publications was left as text" in caplog.text


def test_compact_style_hides_abstract_details_but_keeps_links(data_dir: Path) -> None:
    html = render("/// publications\n    style: compact\n    abstract: false\n    bibtex: false\n///\n", data_dir)
    assert "academic-style-compact" in html
    assert "<details" not in html
    assert "academic-link-arxiv" in html


def test_output_is_well_formed(data_dir: Path) -> None:
    html = render("/// publications\n///\n", data_dir)

    class Checker(HTMLParser):
        void = {"img", "br", "hr", "meta", "link", "input"}

        def __init__(self) -> None:
            super().__init__()
            self.stack: list[str] = []

        def handle_starttag(self, tag: str, attrs: object) -> None:
            if tag not in self.void:
                self.stack.append(tag)

        def handle_endtag(self, tag: str) -> None:
            assert self.stack and self.stack[-1] == tag, f"unbalanced </{tag}> in {self.stack}"
            self.stack.pop()

    checker = Checker()
    checker.feed(html)
    assert checker.stack == []


def test_language_labels(data_dir: Path) -> None:
    html = render("/// publications\n    keys: lovelace2024engines\n///\n", data_dir, language="de")
    assert "<summary>Zusammenfassung</summary>" in html
    assert ">Mai 2024<" in html


def test_label_override(data_dir: Path) -> None:
    html = render("/// publications\n    keys: lovelace2024engines\n///\n", data_dir, labels={"abstract": "Summary"})
    assert "<summary>Summary</summary>" in html


def test_year_headings_get_ids_that_do_not_start_with_a_digit(data_dir: Path) -> None:
    html = render("/// publications\n    year: 2024\n///\n\n/// publications\n    year: 2024\n///\n", data_dir)
    assert re.findall(r'<h\d id="([^"]+)">2024', html) == ["publications-2024", "publications-2024-2"]


def test_bad_defaults_without_mkdocs_are_reported_once(data_dir: Path, caplog: pytest.LogCaptureFixture) -> None:
    page = "/// publications\n///\n\n/// publications\n    limit: 1\n///\n"
    with caplog.at_level("WARNING", logger="mkdocs.plugins.academic"):
        html = render(page, data_dir, defaults={"publications": {"group_by": "decade"}, "publication": {"colour": 1}})
    messages = [record.getMessage() for record in caplog.records]
    assert [m for m in messages if "decade" in m] == [
        "academic: mkdocs_academic.markdown: defaults.publications: option 'group_by': expected one of year, type, none, got 'decade'"
    ]
    assert any(
        m.startswith("academic: mkdocs_academic.markdown: defaults.publication: unknown option 'colour'")
        for m in messages
    )
    assert "academic-pub" in html


def test_the_html_stash_is_emptied_once_the_page_is_made(data_dir: Path) -> None:
    """A host calls `release_stash` after the page (the MkDocs plugin in `on_page_content`): the
    rendered blocks do not stay in the stash of a `Markdown` its reference cycles keep alive."""
    from mkdocs_academic.markdown.extension import AcademicExtension
    from mkdocs_academic.plugin import AcademicPlugin

    extension = AcademicExtension(data_dir=str(data_dir))
    md = markdown.Markdown(extensions=[extension])
    html = md.convert("/// publications\n///\n")
    assert "Analytical Engines" in html
    assert any("Analytical Engines" in block for block in md.htmlStash.rawHtmlBlocks)
    extension.release_stash()
    assert md.htmlStash.rawHtmlBlocks == [] and md.htmlStash.html_counter == 0
    plugin = AcademicPlugin()
    plugin._extension = extension
    md.convert("/// publications\n///\n")
    assert plugin.on_page_content(html, page=None, config=None, files=None) == html  # type: ignore[arg-type]
    assert md.htmlStash.rawHtmlBlocks == []
