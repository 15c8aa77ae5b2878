"""Issue 14: an escaped dollar (`\\$5 to \\$10`) is a literal dollar, `$x$` is math.

In HTML a literal dollar is `<span class="academic-dollar">$</span>`: MathJax 3 and KaTeX's
auto-render look for delimiters within one run of text, so it never pairs with another dollar.
Everything that is not HTML (meta tags, CSL-JSON, the shown BibTeX) keeps the plain `$`.
"""

from __future__ import annotations

import html
import json
import pickle
import re

import pytest
from markupsafe import escape
from sitebuilder import build, write_site

from mkdocs_academic.data.latex import DollarText, latex_to_unicode

DOLLAR = '<span class="academic-dollar">$</span>'

BIB = r"""@article{prices,
  title = {From \$5 to \$10: the price of $\lambda$-calculus},
  author = {Lovelace, Ada},
  journal = {Journal of \textdollar{} Studies},
  year = {2024},
  abstract = {We pay \$3 for $x^2$.},
}
@article{math,
  title = {Bounds for $O(n \log n)$ and $$x$$},
  author = {Lovelace, Ada},
  journal = {J},
  year = {2023},
}
"""


def test_escaped_dollars_are_plain_text_and_literal_in_html() -> None:
    title = latex_to_unicode(r"From \$5 to \$10: the price of $\lambda$-calculus")
    assert title == r"From $5 to $10: the price of $\lambda$-calculus"
    assert isinstance(title, DollarText)
    assert str(escape(title)) == rf"From {DOLLAR}5 to {DOLLAR}10: the price of $\lambda$-calculus"
    assert type(str(title)) is str and "academic-dollar" not in str(title)
    assert pickle.loads(pickle.dumps(title)).literal == title.literal  # the build cache keeps it
    # Math alone stays a plain str, as written.
    assert type(latex_to_unicode(r"Bounds for $O(n \log n)$")) is str


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201 - sitebuilder.Built
    root = write_site(
        tmp_path_factory.mktemp("dollars"),
        pages={"index.md": "# Home\n\n/// publications\n///\n"},
        data={"pubs.bib": BIB},
        extra_config={"site_url": "https://example.org/"},
    )
    return build(root)


def _entry(page: str, key: str) -> str:
    match = re.search(rf'data-key="{key}".*?(?=data-key=|\Z)', page, re.S)
    assert match, key
    return match.group(0)


def test_built_html_keeps_math_and_isolates_literal_dollars(built) -> None:  # noqa: ANN001
    assert built.ok, built.output
    prices = _entry(built.html(), "prices")
    assert f"From {DOLLAR}5 to {DOLLAR}10: the price of $\\lambda$-calculus" in prices
    assert f"Journal of {DOLLAR} Studies" in prices
    assert f"We pay {DOLLAR}3 for $x^2$." in prices
    # Outside the spans the text holds only real math: an even number of dollars.
    assert html.unescape(re.sub(re.escape(DOLLAR), "", prices)).count("$") % 2 == 0
    math = _entry(built.html(), "math")
    assert "Bounds for $O(n \\log n)$ and $$x$$" in math and "academic-dollar" not in math


def test_plain_outputs_keep_plain_dollars(built) -> None:  # noqa: ANN001
    page = built.html("publications/prices/")
    tags = dict(re.findall(r'<meta (?:name|property)="(citation_title|og:title)" content="([^"]*)"', page))
    assert html.unescape(tags["citation_title"]) == r"From $5 to $10: the price of $\lambda$-calculus"
    assert html.unescape(tags["og:title"]) == tags["citation_title"]
    assert "academic-dollar" not in "".join(re.findall(r"<meta [^>]*>", page))
    csl = json.loads((built.site / "publications.json").read_text(encoding="utf-8"))
    item = next(item for item in csl if item["id"] == "prices")
    assert item["title"] == r"From $5 to $10: the price of $\lambda$-calculus"
    assert item["container-title"] == "Journal of $ Studies"
    # The shown BibTeX is the source: `\$` as written.
    assert r"title = {From \$5 to \$10: the price of $\lambda$-calculus}," in html.unescape(page)


def test_publication_page_heading_isolates_literal_dollars(built) -> None:  # noqa: ANN001
    page = built.html("publications/prices/")
    heading = re.search(r'<h1 id="[^"]*">(.*?)</h1>', page, re.S)
    assert heading, page[:2000]
    assert heading.group(1).startswith(f"From {DOLLAR}5 to {DOLLAR}10: the price of $\\lambda$-calculus")


def test_markdown_fields_isolate_literal_dollars(tmp_path) -> None:  # noqa: ANN001
    """`annotation` and `award` are shown as Markdown: their `\\$` are literal there too."""
    bib = r"""@article{paid,
  title = {Paid},
  author = {Lovelace, Ada},
  journal = {J},
  year = {2024},
  annotation = {Costs \$5 to \$10, with *emphasis* and $x$ math.},
  award = {Prize of \$100},
}
"""
    root = write_site(tmp_path, pages={"index.md": "# P\n\n/// publications\n///\n"}, data={"pubs.bib": bib})
    result = build(root)
    assert result.ok, result.output
    entry = _entry(result.html(), "paid")
    assert f"Costs {DOLLAR}5 to {DOLLAR}10, with <em>emphasis</em> and $x$ math." in entry
    assert f"Prize of {DOLLAR}100" in entry
    assert "\ue003" not in result.html()
    page = result.html("publications/paid/")
    assert '"award": "Prize of $100"' in page
