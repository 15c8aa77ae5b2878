"""The publication templates: one renderer for lists and pages, and the user's overrides.

`publication-list.html` includes `publication.html` once per entry; both it and
`publication-page.html` write the author list, the venue line and link labels with the same
filters (`render/entry_parts.py`). A user overrides any of these templates by putting a file
of the same name under `<template folder>/academic/`.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import markdown

from mkdocs_academic.data.models import Link, PartialDate, Person, Publication, Source
from mkdocs_academic.data.names import MeMatcher
from mkdocs_academic.render.environment import Renderer
from mkdocs_academic.render.labels import Labels

ADA = Person(first="Ada", last="Lovelace")
BABBAGE = Person(first="Charles", last="Babbage", url="https://example.org/babbage")
NASTY = "<script>alert('x')</script> & \"q\""


def entry(entry_type: str = "article", **fields: Any) -> Publication:
    values: dict[str, Any] = {"authors": (ADA, BABBAGE), "venue": "Journal of Engines", "date": PartialDate(2020)}
    values.update(fields)
    return Publication("ada2024", entry_type, "Engines", Source("p.bib"), **values)


def override(folder: Path, name: str, text: str) -> Path:
    (folder / "academic").mkdir(parents=True, exist_ok=True)
    (folder / "academic" / name).write_text(text, encoding="utf-8")
    return folder


def render_list(renderer: Renderer, pubs: list[Publication] | None = None) -> str:
    return str(renderer.publication_list(pubs or [entry()], make_id=lambda slug: slug))


def summary(renderer: Renderer, pub: Publication) -> str:
    return str(renderer.publication_page(pub, part="summary", base_url=""))


def test_a_list_is_one_ol_with_one_li_per_entry() -> None:
    pubs = [entry(), Publication("b", "misc", "B", Source("p.bib")), Publication("c", "book", "C", Source("p.bib"))]
    html = render_list(Renderer(), pubs)
    assert html.startswith('<ol class="academic-pub-list academic-style-full"')
    assert html.endswith("</li>\n</ol>")
    assert html.count("<li class=") == 3
    assert [line[:32] for line in html.splitlines() if line.startswith("<li class")] == [
        '<li class="academic-pub academic'
    ] * 3
    assert "</li>\n<li class=" in html  # each entry on its own lines


def test_list_and_page_write_authors_venue_and_links_alike() -> None:
    pub = entry(
        authors=(ADA, BABBAGE, Person(first="Mary", last="Somerville", marks="*")),
        entry_type="incollection",
        series="LNCS",
        publisher="Springer",
        address="Berlin",
        edition="2nd",
        pages="1--20",
        links=(Link("pdf", "papers/a.pdf"), Link("code", "https://example.org/c", "Source & data")),
    )
    for language in ["en", "de"]:
        renderer = Renderer(labels=Labels(language), me=MeMatcher(["Ada Lovelace"]))
        in_list, on_page = render_list(renderer, [pub]), summary(renderer, pub)
        for piece in [
            '<span class="academic-author academic-me"><strong>Ada Lovelace</strong></span>, '
            '<a class="academic-author" href="https://example.org/babbage">Charles Babbage</a>, ',
            '<sup class="academic-marks">*</sup>',
            'class="academic-venue">Journal of Engines</cite>, LNCS, ',
            ", Springer, Berlin, ",
            '<a class="academic-link academic-link-pdf" href="papers/a.pdf">PDF</a>',
            'href="https://example.org/c">Source &amp; data</a>',
        ]:
            assert piece in in_list, (language, piece)
            assert piece in on_page, (language, piece)
        words = {"en": ("In <cite", ", and "), "de": ("In <cite", ", und ")}[language]
        assert all(word in in_list and word in on_page for word in words)


def test_set_labels_changes_the_filters_too() -> None:
    renderer = Renderer()
    pub = entry(volume="3", authors=(ADA, BABBAGE))
    assert "vol.&nbsp;3" in render_list(renderer, [pub]) and " and " in render_list(renderer, [pub])
    renderer.set_labels(Labels("de"))
    html = render_list(renderer, [pub])
    assert "Bd.&nbsp;3" in html and " und " in html
    assert "Bd.&nbsp;3" in summary(renderer, pub)


def test_filters_escape_every_value() -> None:
    pub = entry(
        authors=(Person(first="", last=NASTY, marks="*"), BABBAGE),
        venue=NASTY,
        volume=NASTY,
        status=NASTY,
        links=(Link(NASTY, "https://example.org/x", NASTY),),
    )
    labels = Labels("en", {"and": NASTY, "volume": NASTY})
    for html in [render_list(Renderer(labels=labels), [pub]), summary(Renderer(labels=labels), pub)]:
        assert "<script>" not in html
        assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &#34;q&#34;" in html


def test_user_publication_template_is_used(tmp_path: Path) -> None:
    folder = override(tmp_path, "publication.html", '<li class="mine">{{ pub.title }} {{ labels.copy }}</li>')
    html = render_list(Renderer(template_dirs=[Path("/nonexistent"), folder]))
    assert '<li class="mine">Engines Copy</li>' in html
    assert html.startswith('<ol class="academic-pub-list')  # the list itself is still the package's


def test_user_template_can_write_its_own_author_list(tmp_path: Path) -> None:
    """The author list's items are in the context: an override need not use the filter."""
    text = (
        "<li>{% for person in authors %}[{{ person.name }}{% if person.me %}!{% endif %}]{% endfor %}"
        " {{ pub|venue_line }}</li>"
    )
    folder = override(tmp_path, "publication.html", text)
    html = render_list(Renderer(template_dirs=[folder], me=MeMatcher(["Ada Lovelace"])))
    assert '<li>[Ada Lovelace!][Charles Babbage] <cite class="academic-venue">Journal of Engines</cite>, ' in html


def test_user_list_template_is_used(tmp_path: Path) -> None:
    text = '<div>{% for entry in contexts %}<p id="{{ entry.id }}">{{ entry.pub.key }}</p>{% endfor %}</div>'
    folder = override(tmp_path, "publication-list.html", text)
    assert render_list(Renderer(template_dirs=[folder])) == '<div><p id="ada2024">ada2024</p></div>'


def test_user_page_template_is_used(tmp_path: Path) -> None:
    folder = override(tmp_path, "publication-page.html", "<p>{{ part }}: {{ pub|venue_line }}</p>")
    html = summary(Renderer(template_dirs=[folder]), entry())
    assert (
        html
        == '<p>summary: <cite class="academic-venue">Journal of Engines</cite>, <time datetime="2020">2020</time></p>'
    )


def test_override_through_the_markdown_extension(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "papers.bib").write_text("@article{ada2024, title = {Engines}, author = {Lovelace, Ada}, year = 2024}\n")
    folder = override(tmp_path / "overrides", "publication.html", '<li class="mine">{{ pub.key }}</li>')
    html = markdown.markdown(
        "/// publications\n///\n",
        extensions=["mkdocs_academic.markdown"],
        extension_configs={"mkdocs_academic.markdown": {"data_dir": str(data), "template_dirs": [str(folder)]}},
    )
    assert '<li class="mine">ada2024</li>' in html


# --- overrides written for an earlier version ------------------------------------------------

OLD_TEMPLATES = Path(__file__).parent / "fixtures" / "old-templates"


def test_an_old_publication_override_that_includes_authors_html_still_renders(tmp_path: Path) -> None:
    """Before the `author_list` filter, publication.html included authors.html."""
    old = (OLD_TEMPLATES / "publication.html").read_text(encoding="utf-8")
    assert '{% include "academic/authors.html" %}' in old
    folder = override(tmp_path, "publication.html", old.replace("academic-pub-body", "my-body"))
    html = render_list(Renderer(template_dirs=[folder], me=MeMatcher(["Ada Lovelace"])))
    assert 'class="my-body"' in html
    assert "<strong>Ada Lovelace</strong></span> and " in html
    assert '<a class="academic-author" href="https://example.org/babbage">Charles Babbage</a>' in html


def test_an_old_publication_list_override_still_renders(tmp_path: Path) -> None:
    """Its `entries` are the rendered entries, as they always were."""
    old = (OLD_TEMPLATES / "publication-list.html").read_text(encoding="utf-8")
    assert "{{ entry }}" in old
    folder = override(tmp_path, "publication-list.html", old.replace("<ol class=", '<ol data-mine="1" class='))
    mine, ours = render_list(Renderer(template_dirs=[folder])), render_list(Renderer())
    # Only the label of the copy button (which academic.js makes) is new on the list since then;
    # without it the script labels the button in English.
    assert mine == ours.replace("<ol class=", '<ol data-mine="1" class=').replace(' data-label-copy-button="Copy"', "")


def test_a_mistake_in_an_override_is_a_warning_naming_the_template(tmp_path: Path) -> None:
    folder = override(tmp_path, "publication.html", "<li>{{ pub.no_such_field.deeper }}</li>")
    logged = warnings_of_a_list(tmp_path, folder)
    assert any(
        f"/// publications: template {folder / 'academic' / 'publication.html'}:1:" in message
        and "no_such_field" in message
        for message in logged
    ), logged


def test_a_syntax_error_in_an_override_names_the_file_and_line(tmp_path: Path) -> None:
    folder = override(tmp_path, "publication.html", "<li>\n{% if pub.title %}\n</li>\n")
    logged = warnings_of_a_list(tmp_path, folder)
    wanted = str(folder / "academic" / "publication.html")
    assert any(f"template {wanted}:" in message for message in logged), logged


def warnings_of_a_list(tmp_path: Path, folder: Path) -> list[str]:
    """The warnings of a `/// publications` block rendered with the templates of `folder`."""
    data = tmp_path / "data"
    data.mkdir()
    (data / "pubs.bib").write_text("@misc{a, title = {A}, year = 2020}\n", encoding="utf-8")
    config = {"mkdocs_academic.markdown": {"data_dir": str(data), "template_dirs": [str(folder)]}}
    with _warnings() as logged:
        markdown.markdown("/// publications\n///\n", extensions=["mkdocs_academic.markdown"], extension_configs=config)
    return logged


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextlib.contextmanager
def _warnings() -> Iterator[list[str]]:
    handler = _Collect()
    logger = logging.getLogger("mkdocs.plugins.academic")
    logger.addHandler(handler)
    try:
        yield handler.messages
    finally:
        logger.removeHandler(handler)
