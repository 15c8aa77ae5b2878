"""Citations in full MkDocs builds (`--strict`): a page of mkdocs-bibtex-style prose in both
styles with links both ways, unknown keys failing the build with page:line, front matter,
publication pages, and every shipped language's labels."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sitebuilder import Built, build, write_site

from mkdocs_academic.render.labels import LANGUAGES, Labels

BIB = r"""
@article{lovelace1843,
  title = {Notes on the Analytical Engine},
  author = {Lovelace, Ada},
  journal = {Scientific Memoirs},
  year = {1843},
  doi = {10.1000/notes},
}
@book{babbage1864,
  title = {Passages from the Life of a Philosopher},
  author = {Babbage, Charles and Lovelace, Ada and Somerville, Mary},
  publisher = {Longman},
  year = {1864},
}
@misc{undated,
  title = {An Undated Note},
  author = {Somerville, Mary},
}
"""

#: Prose as mkdocs-bibtex users write it: citations, code that must stay, an e-mail address.
PROSE = """---
title: Notes
---
# Notes

The engine was described early [@lovelace1843, p. 12], and @babbage1864 recalls it
[see @babbage1864, chap. 3; @lovelace1843].

Write to ada@example.org. In code, `[@lovelace1843]` stays:

```python
print("[@babbage1864] @lovelace1843")
```
"""


def build_site(tmp_path: Path, pages: dict[str, str], **plugin: object) -> tuple[Path, Built]:
    root = write_site(
        tmp_path,
        pages=pages,
        data={"refs.bib": BIB},
        plugin={"me": ["Ada Lovelace"], **plugin},
        extra_config={"markdown_extensions": ["pymdownx.superfences"]},
    )
    return root, build(root)


def anchors_resolve(html: str) -> None:
    """Every `#ref-` / `#cite-` link of the page has its target on the page."""
    targets = re.findall(r'href="#((?:ref|cite)-[^"]+)"', html)
    assert targets
    for target in targets:
        assert html.count(f'id="{target}"') == 1, target


@pytest.mark.parametrize(
    ("style", "expected"),
    [
        ("numeric", ["[1, p. 12]", "Babbage et al. [2]", "[see 2, chap. 3; 1]"]),
        (
            "author-year",
            ["(Lovelace, 1843, p. 12)", "Babbage et al. (1864)", "(see Babbage et al., 1864, chap. 3; Lovelace, 1843)"],
        ),
    ],
)
def test_prose_builds_strict_with_links_both_ways(tmp_path: Path, style: str, expected: list[str]) -> None:
    _, built = build_site(tmp_path, {"index.md": PROSE}, citation_style=style)
    assert built.ok, built.output
    html = built.html()
    found = [
        re.sub(r"<[^>]+>", "", text) for text in re.findall(r'<span class="academic-cite[^"]*">(.*?)</span>', html)
    ]
    assert found == expected
    anchors_resolve(html)
    # Code and e-mail untouched.
    assert "<code>[@lovelace1843]</code>" in html
    assert '"[@babbage1864] @lovelace1843"</span>' in html
    assert "academic-cite" not in html.split("<pre")[1].split("</pre>")[0]
    assert "ada@example.org" in html
    # The entry's title links to the publication's own page (publication pages are on).
    entry = html[html.index('id="ref-lovelace1843"') :]
    assert '<a href="publications/lovelace1843/">Notes on the Analytical Engine</a>' in entry.split("</li>")[0]
    assert (built.site / "publications" / "lovelace1843" / "index.html").is_file()
    # The references heading is in the table of contents.
    assert 'id="references"' in html and 'href="#references"' in html


def test_unknown_key_fails_strict_with_page_and_line(tmp_path: Path) -> None:
    page = "---\ntitle: x\n---\n# X\n\nFine [@lovelace1843].\n\n```\n[@lovelac1843]\n```\n\nBad [@lovelac1843].\n"
    _, built = build_site(tmp_path, {"index.md": page})
    assert not built.ok
    warnings = [line for line in built.warnings() if "lovelac1843" in line]
    assert len(warnings) == 1, built.output
    assert "index.md:12:" in warnings[0] and "did you mean 'lovelace1843'?" in warnings[0]
    assert "Traceback" not in built.output


def test_front_matter_sets_the_page_style(tmp_path: Path) -> None:
    pages = {
        "index.md": "# Home\n\nSee [@lovelace1843].\n",
        "other.md": "---\ncitation_style: author-year\n---\n# Other\n\nSee [@lovelace1843] and [@undated].\n",
        "bad.md": "---\ncitation_style: harvard\n---\n# Bad\n\nSee [@lovelace1843].\n",
    }
    _, built = build_site(tmp_path, pages)
    assert ">1</a>]" in built.html()
    assert "Lovelace, 1843</a>)" in built.html("other") and "Somerville, n.d.</a>)" in built.html("other")
    assert any("bad.md:2:" in line and "citation_style" in line for line in built.warnings()), built.output


def test_mkdocs_bibtex_full_bibliography_command(tmp_path: Path) -> None:
    _, built = build_site(tmp_path, {"index.md": "# All\n\nSee [@babbage1864].\n\n\\full_bibliography\n"})
    assert built.ok, built.output
    html = built.html()
    assert "\\full_bibliography" not in html
    assert len(re.findall(r'id="ref-', html)) == 3


@pytest.mark.parametrize("language", LANGUAGES)
def test_citation_labels_in_every_language(tmp_path: Path, language: str) -> None:
    pages = {"index.md": "# A\n\nSee [@undated] and [@undated].\n", "empty.md": "# B\n\n/// bibliography\n///\n"}
    _, built = build_site(tmp_path, pages, language=language)
    assert built.ok, built.output
    labels = Labels(language)
    html, empty = built.html(), built.html("empty")
    assert f">{labels['references']}</h2>" in html
    assert labels["no_date"] in html
    assert f'aria-label="{labels["back_to_citation"]} a"' in html
    assert labels["no_citations"] in empty.replace("&#39;", "'").replace("&rsquo;", "’")


def test_a_crossref_parent_and_an_ids_alias_can_be_cited(tmp_path: Path) -> None:
    """A `@proceedings` read only as its papers' crossref parent is not listed, but citing it
    works; so does citing an entry by a biblatex alias (`ids = {old}`)."""
    bib = (
        BIB
        + r"""
@proceedings{icml1900,
  title = {Proceedings of the First Engine Conference},
  editor = {Somerville, Mary},
  year = {1900},
}
@inproceedings{paper1900,
  title = {A Paper at the Conference},
  author = {Lovelace, Ada},
  crossref = {icml1900},
  ids = {oldpaper},
}
"""
    )
    page = "# Refs\n\nThe volume [@icml1900] and a paper by its old key [@oldpaper].\n\n/// publications\n///\n"
    root = write_site(tmp_path, pages={"index.md": page}, data={"refs.bib": bib}, plugin={"me": ["Ada Lovelace"]})
    built = build(root)
    assert built.ok, built.output
    html = built.html()
    references = html[html.index("academic-references") :]
    assert "Proceedings of the First Engine Conference" in references
    assert "A Paper at the Conference" in references
    # The list itself still leaves the container out (a paper names it as its venue).
    listing = html[html.index("academic-publications") : html.index("academic-references")]
    assert 'data-key="icml1900"' not in listing


def test_a_bibliography_command_right_under_the_text_is_a_place(tmp_path: Path) -> None:
    """`\\bibliography` on the line after the text (one Markdown paragraph): the references go
    there and the command is not shown, as with mkdocs-bibtex."""
    page = "# Notes\n\nSee [@babbage1864].\n\\bibliography\n\nAfter the references.\n"
    _, built = build_site(tmp_path, {"index.md": page})
    assert built.ok, built.output
    html = built.html()
    assert "\\bibliography" not in html
    assert html.index('id="ref-babbage1864"') < html.index("After the references.")
    assert html.index("See ") < html.index('id="ref-babbage1864"')
