"""Every label the plugin writes follows the site's language, and any label can be overridden.

The data below uses made-up words only, so any English word found in a built non-English page
is a label that leaked through.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from sitebuilder import Built, build, write_site

from mkdocs_academic.render.labels import LANGUAGES, Labels, english

BIB = r"""
@inproceedings{lovelace2024zorb,
  title = {Zorblax Quuxian Frobnication},
  author = {Lovelace*, Ada and Babbage*, Charles and Somerville$^\dagger$, Mary},
  booktitle = {Xyzzy Plugh},
  year = {2024},
  month = may,
  pages = {11--19},
  abstract = {Plover frobozz.},
  pdf = {papers/zorb.pdf},
  code = {https://example.org/zorb},
  slides = {https://example.org/zorb-slides},
}
@article{lovelace2023quux,
  title = {Quuxian Grault},
  author = {Lovelace, Ada},
  journal = {Corge},
  volume = {3},
  number = {2},
  pages = {7},
  year = {2023},
  month = jan,
}
@book{garply2022,
  title = {Waldo Fred},
  editor = {Lovelace, Ada},
  publisher = {Thud},
  year = {2022},
  month = aug,
}
@phdthesis{lovelace2020thesis,
  title = {Plugh Frobozz},
  author = {Lovelace, Ada},
  school = {Zork University},
  year = {2020},
}
@mastersthesis{lovelace2018thesis,
  title = {Xyzzy Grue},
  author = {Lovelace, Ada},
  school = {Zork University},
  year = {2018},
}
"""
NEWS = """
- date: 2025-03-14
  text: Zorblax quux.
  url: https://example.org/zorb
- date: 2025-10
  text: Frobozz plugh.
  pinned: true
"""
CV = """
education:
  - title: PhD
    area: Zorblaxology
    organization: Plugh
    start: 2017-09
    end: 2021-11
    thesis: Quux Grault
    advisors: [Xyzzy Plover, Thud Corge]
    score: "1,0"
positions:
  - title: Quuxer
    organization: Corge
    start: 2023-09
    end: present
    supervisors: [Waldo Fred, Garply Baz]
awards:
  - title: Garply
    date: 2020-06
"""
PAGES = {
    "index.md": "# Zorb\n\n/// news\n///\n\n/// experience\n///\n",
    "publications.md": "# Quux\n\n/// publications\n///\n\n## Thud\n\n/// publications\n    group_by: type\n///\n",
    "papers/zorb.pdf": "%PDF-1.1\n",  # the entry's relative `pdf` link (a dead one is a warning)
}
SHIPPED = list(LANGUAGES)
#: Keys never written on these pages (other entry types, links, profile, empty lists, feeds).
NOT_ON_THESE_PAGES = {
    key
    for key in english()
    if key.startswith(("link_", "type_", "section_", "season_"))
    or key
    in {
        "date_month", "date_day", "date_range", "date_decade", "date_until", "degree_area", "months", "months_short", "profile_photo",
        "edition", "undated", "no_publications", "no_news", "no_entries", "feed", "highlights", "award",
        "links", "selected", "publications", "news", "email", "phone", "profile_links", "profile_interests", "mentor", "mentors",
        "supervisor", "advisor", "copied", "et_al", "marks_legend",
        "edited_by", "edition_number", "editor_many",
        # citations: in every language in tests/test_citations_build.py
        "references", "back_to_citation", "no_date", "no_citations",
    }
}  # fmt: skip


# ------------------------------------------------------------------------------ unit tests
# (The label files themselves are checked in test_locales.py.)


@pytest.mark.parametrize("language", SHIPPED)
def test_month_lists(language: str) -> None:
    labels = Labels(language)
    assert len(labels.months) == 12 and len(labels.months_short) == 12


def test_language_tags_and_overrides() -> None:
    assert Labels("de_DE")["abstract"] == "Zusammenfassung"
    assert Labels("zh-Hans")["abstract"] == "摘要"
    assert Labels("xx")["abstract"] == "Abstract"
    assert Labels("fr", {"abstract": "En bref"})["abstract"] == "En bref"


# ------------------------------------------------------------------------------ built sites


class _BlockText(HTMLParser):
    """The text (and reader-facing attributes) inside `.academic` elements and headings, but
    not the BibTeX entries (`<pre>`), which are data."""

    ATTRIBUTES = ("aria-label", "title", "alt", "data-label-copy-button", "data-label-copy", "data-label-copied")

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.parts: list[str] = []
        self.in_heading = False
        self.in_pre = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if self.depth or "academic" in classes:
            if tag not in ("img", "br", "hr", "input", "meta", "link"):
                self.depth += 1
            self.parts += [value or "" for name, value in attrs if name in self.ATTRIBUTES]
        self.in_heading = tag in ("h2", "h3", "h4") and not self.depth
        self.in_pre += tag == "pre"

    def handle_endtag(self, tag: str) -> None:
        if self.depth and tag not in ("img", "br", "hr", "input", "meta", "link"):
            self.depth -= 1
        self.in_heading = False
        self.in_pre -= tag == "pre"

    def handle_data(self, data: str) -> None:
        if (self.depth or self.in_heading) and not self.in_pre:
            self.parts.append(data)


def block_text(html: str) -> str:
    parser = _BlockText()
    parser.feed(html.split('<div class="md-content"', 1)[-1])
    return " ".join(parser.parts)


def _build(root: Path, language: str, labels: dict[str, str] | None = None, theme: str = "material") -> Built:
    theme_config = {"name": theme, "locale" if theme == "mkdocs" else "language": language}
    plugin = {"me": ["Ada Lovelace"], "labels": labels or {}}
    write_site(root, pages=PAGES, data={"p.bib": BIB, "news.yml": NEWS, "cv.yml": CV}, plugin=plugin,
               theme=theme_config)  # fmt: skip
    result = build(root)
    assert result.ok, result.output
    return result


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Built]:
    """One Material site per shipped language."""
    root = tmp_path_factory.mktemp("i18n")
    return {lang: _build(root / lang, lang) for lang in SHIPPED}


def english_leaks(text: str, language: str) -> list[str]:
    labels = Labels(language)
    for number in range(12, 0, -1):  # "Sep." is German, "Sep" would be English
        text = text.replace(labels.month(number), " ").replace(labels.month(number, True), " ")
    leaks = []
    for key, word in english().items():
        if key in ("months", "months_short") or "{" in word or labels[key] == word:
            continue
        if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text):
            leaks.append(f"{key}={word!r}")
    for number in range(1, 13):
        for word, localized in ((Labels().month(number), labels.month(number)),
                                (Labels().month(number, True), labels.month(number, True))):  # fmt: skip
            if word != localized and re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text):
                leaks.append(f"month {word!r}")
    return leaks


@pytest.mark.parametrize("language", SHIPPED)
def test_pages_are_written_in_the_site_language(sites: dict[str, Built], language: str) -> None:
    labels = Labels(language)
    text = block_text(sites[language].html()) + " " + block_text(sites[language].html("publications"))
    expected = [key for key in english() if key not in NOT_ON_THESE_PAGES]
    absent = [f"{key}={labels[key]!r}" for key in expected if labels[key] not in text]
    assert not absent, f"{language}: labels not on the pages: {absent}"
    for key in ("type_article", "type_inproceedings", "type_book", "section_education", "section_positions",
                "section_awards", "editor_one", "supervisors", "advisors"):  # fmt: skip
        assert labels[key] in text, f"{language}: {key}={labels[key]!r} not on the pages"
    months = [labels.month(n) for n in (1, 5, 8)] + [labels.month(n, True) for n in (3, 10)]
    assert all(month in text for month in months), f"{language}: month names {months} not all in the pages"
    if language != "en":
        leaks = english_leaks(text, language)
        assert not leaks, f"{language}: English labels on the page: {leaks}"


def test_labels_can_be_overridden(tmp_path: Path) -> None:
    result = _build(tmp_path, "de", {"abstract": "Kurzfassung", "present": "jetzt", "bibtex": "BibTeX-Eintrag"},
                    theme="mkdocs")  # fmt: skip
    text = block_text(result.html()) + block_text(result.html("publications"))
    assert "Kurzfassung" in text and "Zusammenfassung" not in text
    assert "jetzt" in text and "heute" not in text
    assert "BibTeX-Eintrag" in text
    assert "Ausbildung" in text, "theme.locale (the mkdocs theme) sets the language too"


def test_plugin_language_option_and_page_front_matter(tmp_path: Path) -> None:
    pages = {**PAGES, "fr.md": "---\nlanguage: fr\n---\n# Quux\n\n/// publications\n///\n"}
    data = {"p.bib": BIB, "news.yml": NEWS, "cv.yml": CV}
    root = write_site(tmp_path, pages=pages, data=data, plugin={"language": "es"}, theme="mkdocs")
    result = build(root)
    assert result.ok, result.output
    assert "Resumen" in block_text(result.html("publications"))
    assert "Résumé" in block_text(result.html("fr"))
