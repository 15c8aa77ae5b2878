"""Nothing leaks: every value from a data file reaches the HTML as text, never as markup.

Payloads in the style of the OWASP XSS filter evasion cheat sheet go into every BibTeX field
that is shown (title, authors, venue, abstract, note, Markdown award and highlights, links),
into publications.yml and into news, CV and profile YAML. The built pages (list page,
publication pages, the feed) are parsed with `html.parser`: no element or attribute of a
payload may exist, and the payload text must show as text. Unsafe link schemes are dropped
with a warning; `allow_html: true` lets raw HTML through but still drops unsafe links.
"""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

import pytest
from sitebuilder import Built, build, write_site

from mkdocs_academic.data.urls import safe_url, unsafe_markdown_links
from mkdocs_academic.render.inline_markdown import InlineMarkdown, drop_unsafe_url_attributes

#: Markup payloads (OWASP cheat-sheet style). Each contains the marker `XSS`.
MARKUP_PAYLOADS = [
    "<script>alert('XSS')</script>",
    "<img src=x onerror=alert('XSS')>",
    '"><svg/onload=alert("XSS")>',
    "'><body onload=alert('XSS')>",
    "<iframe src=javascript:alert('XSS')></iframe>",
    "<a href=\"javascript:alert('XSS')\">click</a>",
    "<IMG SRC=\"jav&#x09;ascript:alert('XSS');\">",
    "</script><script>alert('XSS')</script>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert('XSS')>",
    "{{7*7}} ${alert('XSS')} <style>@import 'http://evil/XSS.css';</style>",
]
#: Link payloads: each must be dropped (with a warning), never reach an href or src.
LINK_PAYLOADS = [
    "javascript:alert('XSS')",
    "JaVaScRiPt:alert('XSS')",
    "&#106;avascript:alert('XSS')",
    "&#x6A;avascript:alert('XSS')",
    "java\tscript:alert('XSS')",
    " javascript:alert('XSS')",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgnWFNTJyk8L3NjcmlwdD4=",
    "vbscript:msgbox('XSS')",
]
_EVENT = re.compile(r"^on", re.IGNORECASE)
_URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "background", "srcset", "data"}


class _Collector(HTMLParser):
    """Elements, attributes and text of a page, with the `<script>` bodies apart."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.scripts: list[str] = []
        self.text: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))
        self._in_script = tag in {"script", "style"}

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_endtag(self, tag: str) -> None:
        if tag in {"script", "style"}:
            self._in_script = False

    def handle_data(self, data: str) -> None:
        (self.scripts if self._in_script else self.text).append(data)


def assert_no_leak(page: str, where: str) -> str:
    """Fail when the page holds an element or attribute that came from a payload; return its text."""
    parser = _Collector()
    parser.feed(page)
    assert [tag for tag, _ in parser.tags].count("body") <= 1, f"{where}: a second <body> from data"
    for tag, attrs in parser.tags:
        assert tag not in {"iframe", "math", "mglyph", "mtext"}, f"{where}: <{tag}> from data"
        for name, value in attrs:
            assert not _EVENT.match(name), f"{where}: <{tag} {name}={value!r}>"
            if name in _URL_ATTRIBUTES and value is not None:
                assert safe_url(value), f"{where}: <{tag} {name}={value!r}>"
                assert "XSS" not in value or value.startswith(("http", "#", "mailto:")), f"{where}: {name}={value!r}"
    for script in parser.scripts:
        if script.lstrip().startswith("{"):
            continue  # JSON-LD: text, checked below by the count of <script> tags
        assert "XSS" not in script, f"{where}: a <script> holds data: {script[:200]!r}"
    scripts_with_data = [s for s in parser.scripts if "alert(" in s and not s.lstrip().startswith(("{", "["))]
    assert not scripts_with_data, where
    return "".join(parser.text)


def _bib(payload: str, link: str, index: int) -> str:
    braced = payload.replace("{", "\\{").replace("}", "\\}")
    return f"""
@inproceedings{{xss{index},
  title = {{Title {braced}}},
  author = {{Lovelace, Ada and {{{braced}}}}},
  booktitle = {{Venue {braced}}},
  year = {{2024}},
  abstract = {{Abstract {braced}}},
  note = {{Note {braced}}},
  award = {{Award {braced} [x]({link})}},
  highlights = {{- Highlight {braced}
- [Link]({link}) and <a href="{link}">raw</a>}},
  abbr = {{{braced}}},
  keywords = {{{braced}}},
  pdf = {{{link}}},
  code = {{{link}}},
  preview = {{{link}}},
  url = {{{link}}},
}}
"""


def _site(tmp_path: Path, *, allow_html: bool = False) -> Built:
    bib = "".join(_bib(payload, LINK_PAYLOADS[i % len(LINK_PAYLOADS)], i) for i, payload in enumerate(MARKUP_PAYLOADS))
    bib += "".join(
        f"@misc{{link{i}, title = {{L}}, author = {{A, B}}, year = 2020, html = {{{link}}}, video = {{{link}}}}}\n"
        for i, link in enumerate(LINK_PAYLOADS)
    )

    def q(text: str) -> str:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t") + '"'

    news = "".join(
        f"- date: 2024-0{1 + i % 9}\n  text: {q('News ' + p + ' [x](' + LINK_PAYLOADS[i % len(LINK_PAYLOADS)] + ')')}\n"
        f"  url: {q(LINK_PAYLOADS[i % len(LINK_PAYLOADS)])}\n  tags: [{q(p)}]\n"
        for i, p in enumerate(MARKUP_PAYLOADS)
    )
    cv = "positions:\n" + "".join(
        f"  - title: {q('Job ' + p)}\n    organization: {q(p)}\n    start: 2020\n"
        f"    url: {q(LINK_PAYLOADS[i % len(LINK_PAYLOADS)])}\n"
        f"    highlights: [{q(p + ' [x](' + LINK_PAYLOADS[i % len(LINK_PAYLOADS)] + ')')}]\n"
        for i, p in enumerate(MARKUP_PAYLOADS)
    )
    profile = (
        f"name: {q('Ada ' + MARKUP_PAYLOADS[0])}\nposition: {q(MARKUP_PAYLOADS[1])}\n"
        f"photo: {q(LINK_PAYLOADS[0])}\naffiliation_url: {q(LINK_PAYLOADS[2])}\n"
        f"links:\n  github: {q(LINK_PAYLOADS[1])}\n  website: {q(LINK_PAYLOADS[6])}\n"
        f"bio: {q('Bio ' + MARKUP_PAYLOADS[2] + ' [me](' + LINK_PAYLOADS[3] + ')')}\n"
    )
    yaml_pubs = "".join(
        f"- title: {q('Yaml ' + p)}\n  authors: [{q(p)}]\n  year: 2021\n  venue: {q(p)}\n"
        f"  links: [{{label: {q(p)}, url: {q(LINK_PAYLOADS[i % len(LINK_PAYLOADS)])}}}]\n"
        for i, p in enumerate(MARKUP_PAYLOADS)
    )
    root = write_site(
        tmp_path,
        pages={
            "index.md": "# Home\n\n/// profile\n///\n\n/// news\n///\n\n/// experience\n///\n",
            "papers.md": "# Papers\n\n/// publications\n///\n",
        },
        data={"xss.bib": bib, "news.yml": news, "cv.yml": cv, "profile.yml": profile, "publications.yml": yaml_pubs},
        plugin={"allow_html": allow_html, "me": ["Ada Lovelace"]},
        extra_config={"site_url": "https://example.org/"},
    )
    return build(root, strict=False)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return _site(tmp_path_factory.mktemp("xss"))


def test_payloads_in_every_data_value_show_as_text(built: Built) -> None:
    assert built.ok, built.output
    assert "Traceback" not in built.output
    pages = sorted(built.site.rglob("*.html"))
    assert len(pages) > 10  # list pages and one page per publication
    for page in pages:
        assert_no_leak(page.read_text(encoding="utf-8"), str(page.relative_to(built.site)))
    papers = assert_no_leak(built.html("papers"), "papers")
    for payload in MARKUP_PAYLOADS:
        # LaTeX decoding may change `{}` and `$`: the markup part must show as text verbatim.
        assert payload[payload.index("<") :] in papers, payload
        assert f"Yaml {payload}" in papers, payload
    home = assert_no_leak(built.html(), "home")
    for payload in MARKUP_PAYLOADS:
        # News and CV texts are Markdown: character references in them are decoded, as text.
        assert f"Job {html.unescape(payload)}" in home, payload
        assert f"News {html.unescape(payload)}" in home, payload
    assert f"Ada {MARKUP_PAYLOADS[0]}" in home


def test_generated_files_do_not_leak(built: Built) -> None:
    # The Atom feed: well-formed XML whose HTML content, once decoded, holds no payload markup.
    feed = ElementTree.parse(built.site / "feed.xml").getroot()
    contents = [element.text or "" for element in feed.iter("{http://www.w3.org/2005/Atom}content")]
    assert len(contents) == len(MARKUP_PAYLOADS)
    for content in contents:
        assert_no_leak(content, "feed.xml")
    # Exports are data (BibTeX, CSL-JSON): the payload is kept as a string, intact.
    exported = json.loads((built.site / "publications.json").read_text(encoding="utf-8"))
    titles = {item["title"] for item in exported}
    assert f"Yaml {MARKUP_PAYLOADS[0]}" in titles


def test_every_unsafe_link_is_dropped_with_a_warning(built: Built) -> None:
    warnings = built.warnings()
    unsafe = [w for w in warnings if "is not http(s)" in w]
    # Each BibTeX link field, Markdown link, YAML url and profile link with a payload is named.
    for field in ("'pdf'", "'code'", "'url'", "'html'", "'video'", "'preview'", "'award'", "'highlights'"):
        assert any(f"field {field}" in w for w in unsafe), (field, warnings)
    assert any("data/news.yml" in w and "'text'" in w for w in unsafe), warnings
    assert any("data/news.yml" in w and "'url'" in w for w in unsafe), warnings
    assert any("data/cv.yml" in w and "'highlights'" in w for w in unsafe), warnings
    assert any("data/profile.yml" in w and "'bio'" in w for w in unsafe), warnings
    assert any("data/publications.yml" in w for w in unsafe), warnings
    for w in unsafe:
        assert re.search(r"data/[\w.]+:\d+: ", w), w


def test_allow_html_lets_raw_html_through_but_drops_unsafe_links(tmp_path: Path) -> None:
    result = _site(tmp_path, allow_html=True)
    assert result.ok, result.output
    page = result.html("papers")
    parser = _Collector()
    parser.feed(page)
    # Raw HTML in Markdown fields is now markup: the `<a ...>raw</a>` of the highlights...
    raw_links = [attrs for tag, attrs in parser.tags if tag == "a" and not any(n == "class" for n, _ in attrs)]
    assert raw_links
    # ...but no URL attribute anywhere holds an unsafe scheme.
    for tag, attrs in parser.tags:
        for name, value in attrs:
            if name in _URL_ATTRIBUTES and value is not None:
                assert safe_url(value), (tag, name, value)
    # Plain-text fields (title, venue) stay text even with allow_html.
    assert "Title <script>alert('XSS')</script>" in "".join(parser.text)


@pytest.mark.parametrize("link", LINK_PAYLOADS)
@pytest.mark.parametrize("allow_html", [False, True])
def test_inline_markdown_never_keeps_an_unsafe_link(link: str, allow_html: bool) -> None:
    markdown = InlineMarkdown(allow_html)
    for text in (
        f"[x]({link})",
        f"![x]({link})",
        f"[x][r]\n\n[r]: {link}",
        f"<{link}>",
        f'<a href="{link}">x</a>',
        f"<img src='{link}'>",
        f'<form action={link.replace(" ", "")}><button formaction="{link}">x</button></form>',
    ):
        output = str(markdown.block(text))
        parser = _Collector()
        parser.feed(output)
        for _tag, attrs in parser.tags:
            for name, value in attrs:
                if name in _URL_ATTRIBUTES and value is not None:
                    assert safe_url(value), (text, output)
        if not allow_html:
            assert all(tag in {"p", "a", "img", "code"} for tag, _ in parser.tags), (text, output)


@pytest.mark.parametrize("link", LINK_PAYLOADS)
def test_unsafe_markdown_links_are_found_for_the_warning(link: str) -> None:
    assert unsafe_markdown_links(f"see [x]({link.strip()})") or "\t" in link or link.startswith(" ")
    assert unsafe_markdown_links(f'<a href="{link}">x</a>')
    assert not unsafe_markdown_links("see [x](https://example.org) and [y](papers/a.pdf) <mailto:a@b.org>")


def test_scrub_keeps_safe_attributes_and_text() -> None:
    text = '<a title="a &gt; b" href="https://ok.org/?a=1&amp;b=2">x</a> <img alt="j" src="a.png" />'
    assert drop_unsafe_url_attributes(text) == text
    assert drop_unsafe_url_attributes('<a href="&#x6A;avascript:x" title=t>y</a>') == '<a title="t">y</a>'
    assert drop_unsafe_url_attributes("<a href=javascript:alert(1)'>x</a>") == "<a>x</a>"
