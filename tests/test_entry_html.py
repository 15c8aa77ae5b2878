"""The Python copy of the entry templates (`render/entry_html.py`) against the templates.

`Renderer` writes publication entries and lists in Python unless a user overrides
`academic/publication.html`, `authors.html` or `publication-list.html`. Here the same entries
go through both paths and must give the same string, byte for byte: the Jinja path is forced
the documented way, with copies of the package's own templates in a template folder.

Covered: every per-call option, renderer settings (`me`, `max_authors`, `allow_html`), the
five languages and hostile label overrides, hand-made publications that vary every field the
templates read (seeded random mixes, so combinations are covered too), the fixtures, the
example site, and every `.bib` file of the shared corpora when they are present (up to
CORPUS_SAMPLE entries spread over each file; `CORPUS_SAMPLE=0` compares them all).
"""

from __future__ import annotations

import itertools
import os
import random
import shutil
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import markdown
import pytest

import mkdocs_academic
from mkdocs_academic.data.fields import KNOWN_ENTRY_TYPES
from mkdocs_academic.data.models import Link, PartialDate, Person, Publication, Source
from mkdocs_academic.data.names import MeMatcher
from mkdocs_academic.data.store import DataStore
from mkdocs_academic.render.environment import PYTHON_TEMPLATES, Renderer
from mkdocs_academic.render.format import slugify_key
from mkdocs_academic.render.labels import LANGUAGES, Labels
from mkdocs_academic.render.urls import OutputUrls, assign_slugs

PACKAGE_TEMPLATES = Path(mkdocs_academic.__file__).parent / "templates" / "academic"
REPO = Path(__file__).resolve().parent.parent
CORPORA = REPO.parent / "shared" / "corpora"
if not CORPORA.is_dir():
    CORPORA = Path("/work/shared/corpora")
CORPUS_FILES = sorted(CORPORA.rglob("*.bib")) if CORPORA.is_dir() else []
#: At most this many entries of each corpus file are compared (0: all of them).
CORPUS_SAMPLE = int(os.environ.get("CORPUS_SAMPLE", "300"))

NASTY = "<script>alert('x')</script> & \"quoted\" 'single' &amp; </span>"
LINK_KINDS = sorted(key.removeprefix("link_") for key in Labels.known_keys() if key.startswith("link_"))


# ---------------------------------------------------------------------------- both paths


@pytest.fixture(scope="module")
def jinja_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A template folder holding unchanged copies of the three templates: forces Jinja."""
    folder = tmp_path_factory.mktemp("templates")
    (folder / "academic").mkdir()
    for name in PYTHON_TEMPLATES:
        shutil.copyfile(PACKAGE_TEMPLATES / name, folder / "academic" / name)
    return folder


def renderers(jinja_dir: Path, **settings: Any) -> tuple[Renderer, Renderer]:
    """(Python path, Jinja path) with the same settings."""
    python = Renderer(**settings)
    jinja = Renderer(template_dirs=[jinja_dir], **settings)
    assert python.overridden == frozenset()
    assert jinja.overridden == frozenset(PYTHON_TEMPLATES)
    return python, jinja


def numbered_ids() -> Callable[[str], str]:
    """`make_id` giving `slug-0`, `slug-1`, ... in list order."""
    count = itertools.count()
    return lambda slug: f"{slug}-{next(count)}"


def assert_same(
    python: Renderer,
    jinja: Renderer,
    pubs: Sequence[Publication],
    *,
    style: str = "full",
    base_url: str = "",
    show_abstract: bool = True,
    show_bibtex: bool = True,
    urls: OutputUrls | None = None,
) -> None:
    """Each entry, then the whole list, rendered both ways: equal strings.

    The entries get the ids the list gives them, so the list reuses them (the renderers'
    entry cache) and is compared numbered and not."""
    options: dict[str, Any] = {
        "style": style,
        "base_url": base_url,
        "show_abstract": show_abstract,
        "show_bibtex": show_bibtex,
        "urls": urls,
    }
    for index, pub in enumerate(pubs):
        element_id = f"{slugify_key(pub.key)}-{index}"
        expected = jinja.publication(pub, element_id=element_id, **options)
        got = python.publication(pub, element_id=element_id, **options)
        assert type(got) is type(expected)
        assert str(got) == str(expected), f"entry {pub.key!r} with {options}"
    for numbered in (False, True):
        lists = [
            renderer.publication_list(pubs, make_id=numbered_ids(), numbered=numbered, **options)
            for renderer in (python, jinja)
        ]
        assert type(lists[0]) is type(lists[1])
        assert str(lists[0]) == str(lists[1]), f"list with {options}, numbered={numbered}"


def urls_for(pubs: Sequence[Publication]) -> OutputUrls:
    slugs = assign_slugs(pub.key for pub in pubs)
    return OutputUrls(
        pages={key: f"publications/{slug}/" for key, slug in slugs.items()},
        bib_files={key: f"publications/{slug}.bib" for key, slug in slugs.items()},
    )


# ---------------------------------------------------------------------------- hand-made publications

ADA = Person(first="Ada", last="Lovelace")
PEOPLE = [
    ADA,
    Person(first="A.", last="Lovelace", marks="*"),
    Person(first="Charles", last="Babbage", marks="†", url="https://example.org/babbage"),
    Person(first="Jörg", von="von", last="Müller", jr="Jr."),
    Person(literal="Royal Society"),
    Person(literal=NASTY),
    Person(first="<b>Eve</b>", last='O\'Neil & "Co"', marks="‡#", url="javascript:alert(1)"),
    Person(first="Grace", last="Hopper", url='https://x.org/?a=1&b="2"'),
    Person(first="Ada", last="Lovelace", url="../people/ada/"),
]
OTHERS = Person(literal="others")

TITLES = [
    "Notes on the Analytical Engine",
    NASTY,
    "Mechanism of the Heavens, $\\alpha < \\beta$ & more",
    "  spaced  ",
]
VENUES = ["", "Journal of Engines", "Proceedings of the <Royal> Society & Co", "Taylor & Francis"]
PUBLISHERS = ["", "Taylor & Francis", "Journal of Engines", NASTY]
PAGES = ["", "1–42", "1-42", "e1234", "7", "12–", "<5>"]
DATES = [
    None,
    PartialDate(1843),
    PartialDate(1843, 9),
    PartialDate(2024, 5, 17),
    PartialDate(2024, 12, 1),
    PartialDate(2025, 13),  # a month out of range: shown as a number
    PartialDate(7, 1, 2),
]
MARKDOWN = [
    "",
    "Best paper :trophy: with **bold** and `code`",
    "A [link](https://example.org) and a [bad one](javascript:alert(1)) <script>x</script>",
    "Plain & simple < text > 'quoted'",
    "",
]
URLS = [
    "papers/notes.pdf",
    "https://example.org/a?b=1&c=2",
    "/root/file.pdf",
    "#section",
    "mailto:ada@example.org",
    "javascript:alert(1)",
    "&#106;avascript:alert(1)",
    'paper"><script>.pdf',
    "data:text/html,<script>alert(1)</script>",
]


def random_publication(rng: random.Random, number: int) -> Publication:
    """A publication whose every field the templates read is drawn from the pools above."""
    authors: list[Person] = rng.sample(PEOPLE, k=rng.choice([0, 1, 1, 2, 2, 3, 4, 5, 7]))
    if authors and rng.random() < 0.25:
        authors.insert(rng.randrange(len(authors) + 1), OTHERS)
    editors = rng.sample(PEOPLE, k=rng.choice([0, 1, 2, 3])) if rng.random() < 0.5 else []
    if editors and rng.random() < 0.3:
        editors.append(OTHERS)
    links = tuple(
        Link(rng.choice([*LINK_KINDS, "custom-kind", "<x>"]), rng.choice(URLS), rng.choice(["", "", "My <label> & co"]))
        for _ in range(rng.choice([0, 1, 2, 4]))
    )
    return Publication(
        key=rng.choice([f"key{number}", f"Smith:20{number:02d}", f'k"{number}<&>']),
        entry_type=rng.choice([*sorted(KNOWN_ENTRY_TYPES), "inproceedings", "incollection", "inbook", "book"]),
        title=rng.choice(TITLES),
        source=Source("made.bib", number),
        authors=tuple(authors),
        editors=tuple(editors),
        date=rng.choice(DATES),
        venue=rng.choice(VENUES),
        volume=rng.choice(["", "", "12", "<3>"]),
        number=rng.choice(["", "", "2", "4 & 5"]),
        pages=rng.choice(PAGES),
        publisher=rng.choice(PUBLISHERS),
        status=rng.choice(["", "", "", "under review", "<i>in press</i>"]),
        note=rng.choice(["", "", "Invited talk", NASTY]),
        abbr=rng.choice(["", "", "JML", "<ACL & co>"]),
        award=rng.choice(MARKDOWN),
        selected=rng.random() < 0.3,
        links=links,
        abstract=rng.choice(["", "We describe the engine.", NASTY, "Math $a<b$ & 'quotes' \"too\"\nsecond line"]),
        highlights_md=tuple(rng.sample([m for m in MARKDOWN if m], k=rng.choice([0, 0, 1, 2, 3]))),
        additional_info_md=rng.choice(MARKDOWN),
        preview=rng.choice(["", "", "img/preview.png", "https://example.org/p.png", "javascript:alert(1)", 'a"b.png']),
        show_bibtex=rng.random() < 0.85,
        bibtex=rng.choice(["", "@article{k,\n  title = {{\\'E}t{\\'e} & <b>},\n  note = \"x\"\n}"]),
    )


EDGE_CASES = [
    # "A and B" / "A, B, and C" / "A, B, et al." / "A et al." / "et al." alone / editors only
    Publication("two", "article", "Two", Source("e.bib"), authors=(ADA, PEOPLE[2])),
    Publication("three", "article", "Three", Source("e.bib"), authors=tuple(PEOPLE[:3])),
    Publication("two-others", "article", "T", Source("e.bib"), authors=(ADA, PEOPLE[2], OTHERS)),
    Publication("one-others", "article", "T", Source("e.bib"), authors=(ADA, OTHERS)),
    Publication("others-only", "article", "T", Source("e.bib"), authors=(OTHERS,)),
    Publication("others-first", "article", "T", Source("e.bib"), authors=(OTHERS, ADA, PEOPLE[2])),
    Publication("editors", "proceedings", "Eds", Source("e.bib"), editors=(ADA, PEOPLE[3], OTHERS)),
    Publication("editor", "book", "Ed", Source("e.bib"), editors=(PEOPLE[4],), publisher="P", venue="V"),
    # the venue line: status alone, date alone, status and date, publisher equal to the venue
    Publication("status", "misc", "S", Source("e.bib"), status="submitted"),
    Publication("date", "misc", "D", Source("e.bib"), date=PartialDate(2020, 2, 29)),
    Publication("status-date", "misc", "S", Source("e.bib"), status="draft", date=PartialDate(2020)),
    Publication("same-publisher", "book", "B", Source("e.bib"), venue="Springer", publisher="Springer"),
    Publication("empty", "misc", "", Source("e.bib")),
    Publication(
        "all-links", "misc", "L", Source("e.bib"), links=tuple(Link(kind, f"{kind}.html") for kind in LINK_KINDS)
    ),
    Publication(
        "everything",
        "incollection",
        NASTY,
        Source("e.bib"),
        authors=tuple(PEOPLE),
        date=PartialDate(2024, 5, 17),
        venue=NASTY,
        volume=NASTY,
        number=NASTY,
        pages=NASTY + "-",
        publisher=NASTY,
        status=NASTY,
        note=NASTY,
        abbr=NASTY,
        award=NASTY,
        selected=True,
        links=tuple(Link(NASTY, url, NASTY) for url in URLS),
        abstract=NASTY,
        highlights_md=(NASTY, "**x**", "- a list item"),
        additional_info_md=NASTY,
        preview=NASTY,
        bibtex=NASTY,
    ),
]


def made_publications(count: int = 90, seed: int = 1843) -> list[Publication]:
    rng = random.Random(seed)
    return [*EDGE_CASES, *(random_publication(rng, number) for number in range(count))]


PUBS = made_publications()
WEIRD_URLS = OutputUrls(
    pages={pub.key: url for pub, url in zip(PUBS, itertools.cycle(["p/", *URLS]))},
    bib_files={pub.key: url for pub, url in zip(PUBS[::2], itertools.cycle(URLS))},
)


def test_made_publications_reach_every_branch() -> None:
    """The comparisons below are only as good as the variety of the entries: check it."""
    renderer = Renderer(me=MeMatcher(["Ada Lovelace"]), max_authors=4)
    html = str(renderer.publication_list(PUBS, make_id=numbered_ids(), base_url="../", urls=urls_for(PUBS)))
    for piece in [
        "academic-selected",
        "academic-pub-aside",
        '<span class="academic-badge academic-abbr">',
        '<img class="academic-preview" src="../img/preview.png"',
        '<span class="academic-pub-title"><a href="../publications/',
        'academic-me"><strong>',
        '<a class="academic-author" href="https://example.org/babbage">',
        '<sup class="academic-marks">',
        '<span class="academic-others">et al.</span>',
        ", and ",
        "</span> and <",
        "(edited by)",
        '<span class="academic-status">',
        "</span> · <cite",
        "In <cite",
        "vol.&nbsp;",
        "no.&nbsp;",
        "pp.&nbsp;",
        "p.&nbsp;",
        ", Taylor &amp; Francis",  # the publisher, after the venue
        '<time datetime="2024-05-17">May 17, 2024</time>',
        '<time datetime="1843-09">September 1843</time>',
        '<time datetime="1843">1843</time>',
        '<span class="academic-pub-venue"><time',
        "academic-award",
        "<strong>bold</strong>",
        '<span class="academic-pub-note">',
        '<span class="academic-pub-info">',
        '<ul class="academic-pub-highlights">',
        '<a class="academic-link academic-link-pdf" href="../pdf.html">PDF</a>',
        ">My &lt;label&gt; &amp; co</a>",
        '<details class="academic-abstract">',
        '<details class="academic-bibtex">',
        'class="academic-bib-download" href="../publications/',
        "&lt;script&gt;",
    ]:
        assert piece in html, piece


@pytest.mark.parametrize("style", ["full", "compact"])
@pytest.mark.parametrize("show_abstract", [True, False])
@pytest.mark.parametrize("show_bibtex", [True, False])
def test_every_option(jinja_dir: Path, style: str, show_abstract: bool, show_bibtex: bool) -> None:
    python, jinja = renderers(jinja_dir, me=MeMatcher(["Ada Lovelace"]))
    url_choices = [None, urls_for(PUBS), WEIRD_URLS, OutputUrls()]
    for urls, base_url in itertools.product(url_choices, ["", "../", "../../"]):
        assert_same(
            python,
            jinja,
            PUBS,
            style=style,
            base_url=base_url,
            show_abstract=show_abstract,
            show_bibtex=show_bibtex,
            urls=urls,
        )


@pytest.mark.parametrize("language", sorted(LANGUAGES))
@pytest.mark.parametrize(
    ("me", "max_authors"),
    [
        ([], None),
        (["Ada Lovelace"], None),
        (["Ada Lovelace"], 1),  # the owner replaces the last name kept
        (["Lovelace, A.", "Royal Society", "Babbage"], 2),
        ([], 3),
    ],
)
def test_languages_and_renderer_settings(
    jinja_dir: Path, language: str, me: list[str], max_authors: int | None
) -> None:
    python, jinja = renderers(jinja_dir, labels=Labels(language), me=MeMatcher(me), max_authors=max_authors)
    assert_same(python, jinja, PUBS, urls=urls_for(PUBS), base_url="../")
    assert_same(python, jinja, PUBS[::3], style="compact", show_bibtex=False)


def test_hostile_label_overrides_and_raw_html(jinja_dir: Path) -> None:
    overrides = {key: f"{key} {NASTY}" for key in Labels.known_keys()}
    overrides["months"] = " ".join(f"<m{n}>&'\"" for n in range(1, 13))
    overrides["date_day"] = "{day}<{month}>&{year}"
    for allow_html in (False, True):
        python, jinja = renderers(
            jinja_dir,
            labels=Labels("fr", overrides),
            me=MeMatcher(["Ada Lovelace", NASTY]),
            allow_html=allow_html,
            max_authors=2,
        )
        assert_same(python, jinja, PUBS, urls=urls_for(PUBS), base_url="../")
        assert_same(python, jinja, PUBS, style="compact", urls=WEIRD_URLS)


def test_switching_labels_between_pages(jinja_dir: Path) -> None:
    """A multilingual site sets each page's labels on the same renderer."""
    python, jinja = renderers(jinja_dir, me=MeMatcher(["Ada Lovelace"]))
    for language in ["de", "en", "zh", "de"]:
        for renderer in (python, jinja):
            renderer.set_labels(Labels(language))
        assert_same(python, jinja, PUBS[:40], base_url="../")


# ---------------------------------------------------------------------------- real data


def load(folder: Path) -> list[Publication]:
    return list(DataStore(folder).load().publications)


def frequent_author(pubs: Sequence[Publication]) -> list[str]:
    """The name met most often: the corpus's "me", so that highlighting is exercised."""
    names = Counter(person.full for pub in pubs for person in pub.authors if not person.is_others)
    return [names.most_common(1)[0][0]] if names else []


def assert_same_real(jinja_dir: Path, pubs: Sequence[Publication]) -> None:
    assert pubs
    me = MeMatcher(frequent_author(pubs))
    python, jinja = renderers(jinja_dir, me=me)
    assert_same(python, jinja, pubs, urls=urls_for(pubs), base_url="../")
    python, jinja = renderers(jinja_dir, labels=Labels("de"), me=me, max_authors=3)
    assert_same(python, jinja, pubs[::4], style="compact", show_abstract=False)


def test_fixtures_and_example_site(jinja_dir: Path) -> None:
    for folder in [REPO / "tests" / "fixtures" / "bib", REPO / "example-site" / "data"]:
        assert_same_real(jinja_dir, load(folder))


def test_yaml_publications(jinja_dir: Path, tmp_path: Path) -> None:
    """YAML data: Markdown highlights, awards and extra information as users write them."""
    (tmp_path / "publications.yml").write_text(
        """
- key: ada2024
  type: inproceedings
  title: "Engines & <Notes>"
  authors: ["Ada Lovelace*", "Charles Babbage†", "others"]
  booktitle: "Proceedings of Things"
  year: 2024
  month: 5
  pages: 1--9
  award: "**Best paper** :trophy:"
  highlights: ["Fast [demo](https://example.org)", "Safe [x](javascript:alert(1))"]
  additional_info: "*Oral*, top 5%"
  note: "Invited"
  abbr: ICE
  selected: true
  preview: img/ada.png
  pdf: papers/ada.pdf
  code: https://github.com/ada/engine
- key: book2020
  type: book
  title: A Book
  editors: ["Mary Somerville", "Ada Lovelace"]
  publisher: "Murray & Sons"
  year: 2020
""",
        encoding="utf-8",
    )
    assert_same_real(jinja_dir, load(tmp_path))


@pytest.mark.skipif(not CORPUS_FILES, reason="shared corpora not available")
@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda path: str(path.relative_to(CORPORA)))
def test_corpus_file(jinja_dir: Path, tmp_path: Path, path: Path) -> None:
    (tmp_path / "pubs.bib").write_bytes(path.read_bytes())
    pubs = load(tmp_path)
    if not pubs:
        pytest.skip("no publication in this file")
    # Large files: entries spread over the whole file, so the suite stays quick (Jinja is the
    # slow side); set CORPUS_SAMPLE to 0 to compare every entry.
    if CORPUS_SAMPLE and len(pubs) > CORPUS_SAMPLE:
        pubs = pubs[:: -(-len(pubs) // CORPUS_SAMPLE)]
    assert_same_real(jinja_dir, pubs)


# ---------------------------------------------------------------------------- overrides


def entry(**fields: Any) -> Publication:
    return Publication("ada2024", "article", "Engines", Source("p.bib"), authors=(ADA, PEOPLE[2]), **fields)


def override(folder: Path, name: str, text: str) -> Path:
    (folder / "academic").mkdir(parents=True, exist_ok=True)
    (folder / "academic" / name).write_text(text, encoding="utf-8")
    return folder


def render_list(renderer: Renderer) -> str:
    return str(renderer.publication_list([entry()], make_id=lambda slug: slug))


def test_python_path_compiles_no_template() -> None:
    renderer = Renderer()
    html = render_list(renderer)
    assert 'data-key="ada2024"' in html
    assert renderer.env.cache is not None
    assert len(renderer.env.cache) == 0  # no template was loaded, let alone compiled


def test_user_publication_template_is_used(tmp_path: Path) -> None:
    folder = override(tmp_path, "publication.html", '<li class="mine">{{ pub.title }} {{ labels.copy }}</li>')
    renderer = Renderer(template_dirs=[Path("/nonexistent"), folder])
    assert renderer.overridden == {"publication.html"}
    html = render_list(renderer)
    assert '<li class="mine">Engines Copy</li>' in html
    assert html.startswith('<ol class="academic-pub-list')  # the list itself is still the package's


def test_user_authors_template_is_used(tmp_path: Path) -> None:
    folder = override(tmp_path, "authors.html", "{% for person in people %}[{{ person.name }}]{% endfor %}")
    html = render_list(Renderer(template_dirs=[folder]))
    assert '<span class="academic-pub-authors">[Ada Lovelace][Charles Babbage]</span>' in html


def test_user_list_template_is_used(tmp_path: Path) -> None:
    folder = override(tmp_path, "publication-list.html", "<div>{% for e in entries %}{{ e }}{% endfor %}</div>")
    html = render_list(Renderer(template_dirs=[folder]))
    assert html.startswith('<div><li class="academic-pub academic-type-article"')
    assert html.endswith("</li></div>")


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
