"""Citations in prose, Pandoc's syntax: `[@key]`, `[see @a, p. 12; @b]`, `[-@key]`, `@key`.

Real Python-Markdown inline processors, so code spans, code blocks, raw HTML, autolinks and
link texts are never touched (they are parsed before, or are ancestors we exclude). Keys follow
Pandoc: a letter, digit or `_`, then those and internal punctuation `:.#$%&-+?<>~/` (a `.` at
the end of a sentence is not part of the key), or anything in braces: `@{my key}`.

The rule for what becomes a citation:

- In brackets, `[...]` whose every `;`-separated part holds one `@key` (or `-@key`) is a
  citation (`[@a, @b]` and `[@a @b]` read as `[@a; @b]`). A key that is not in the data is a
  warning with page and line (so `--strict` fails) and the whole bracket stays as written.
- In running text, `@key` is a citation when the key is in the data, and silent text
  otherwise (`@media`, `@handle`). An `@` right after a letter, digit or URL character
  (`ada@example.org`, `https://host/@ada`) is never a citation. `\\@key` is a literal `@key`.

Citations are collected while the page's inline text is parsed; at the end, `CitationsTreeprocessor`
decides the page's style and numbering, fills each citation and puts the bibliography where a
`/// bibliography` block (or a paragraph `\\bibliography` / `\\full_bibliography`, as
mkdocs-bibtex writes it) is, else at the end of the page (before the footnotes).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import yaml
from markdown import Markdown
from markdown.inlinepatterns import InlineProcessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from markupsafe import escape

from ..data.dataset import Dataset
from ..data.models import Publication
from ..data.yamlfile import did_you_mean
from ..lazy_pattern import LazyPattern
from ..log import log
from ..options import OptionError, optional_citation_style, parse_options
from ..render.environment import TemplateProblem
from .context import BuildContext

if TYPE_CHECKING:  # imported where a page has a citation or a bibliography: most have none
    from ..render.citations import Citation

#: A citation key without braces (Pandoc's rule): internal punctuation only before a word
#: character (or `:` and `/` before a `/`, as in `http://`); `@{...}` for any other key.
BARE_KEY = r"\w(?:\w|[:.#$%&\-+?<>~/](?=\w)|[:/](?=/))*"
#: A key as written after `@`: bare, or in braces.
KEY = rf"(?:\{{(?P<braced>[^{{}}\n]+)\}}|(?P<bare>{BARE_KEY}))"
#: What may not come right before an in-text `@key`: a word, an e-mail, a URL, an attribute.
_NOT_BEFORE = r"(?<![\w@.:/\\=\"'<>&#%+~\-\[])"
#: One part of a bracketed citation: prefix (ending in a space), `-`, `@key`, suffix (after `,` or a space).
_ITEM = LazyPattern(rf"\s*(?P<prefix>(?:.*?\s)?)(?P<minus>-?)@{KEY}(?P<suffix>(?:[,\s].*)?)", re.DOTALL)
#: The same, read first: the first `@` of the part starts its key (an e-mail in the prefix aside).
_ITEM_FIRST = LazyPattern(rf"\s*(?P<prefix>(?:[^@]*?\s)?)(?P<minus>-?)@{KEY}(?P<suffix>(?:[,\s].*)?)", re.DOTALL)
#: An `@key` in a part's prefix or suffix (an `@` right after a letter, as in an e-mail address,
#: is text): when it is a key of the data, the part is no citation, rather than one that hides a work.
_OTHER_KEY = LazyPattern(rf"(?<!\w)@{KEY}")
#: Where a bracketed citation's parts end: `;`, and a `,` right before another `@key`
#: (`[@a, @b]`, as LaTeX's `\\cite{a,b}`, is `[@a; @b]`).
_PARTS = re.compile(r";|,\s*(?=-?@[\w{])")
#: A part that is only keys apart by spaces (`[@a @b]`): one part each.
_KEY_ONLY = rf"-?@(?:\{{[^{{}}\n]+\}}|{BARE_KEY})"
_KEYS_ONLY = LazyPattern(rf"\s*{_KEY_ONLY}(?:\s+{_KEY_ONLY})+\s*")
#: The paragraphs mkdocs-bibtex users write where the bibliography goes.
BIBLIOGRAPHY_COMMANDS = {"\\bibliography": False, "\\full_bibliography": True}
#: A fence of fenced code, for the line of a message.
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
#: Inline code in a line of Markdown, for the line of a message.
_CODE_SPAN = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)")


def _key(match: re.Match[str]) -> str:
    return match.group("braced") or match.group("bare")


@dataclass
class PageCitations:
    """What the citations of the page being converted need, gathered while it is parsed."""

    citations: list[Citation] = field(default_factory=list)
    elements: list[etree.Element] = field(default_factory=list)
    #: The page's `/// bibliography` block: its element, checked options and own `style` (or None).
    blocks: list[tuple[etree.Element, dict[str, Any], str | None]] = field(default_factory=list)
    #: The page's Markdown lines (as Python-Markdown got them), for the line of a message.
    lines: list[str] = field(default_factory=list)
    #: How often each citation text was looked up in the page (the n-th is on the n-th line).
    seen: dict[str, int] = field(default_factory=dict)
    source: str | None = None
    #: The data, read once per page (reading it lists and checks the data files).
    dataset: Dataset | None = None

    def add(self, citation: Citation) -> etree.Element:
        """Note `citation` and return the element it will fill at the end of the page."""
        element = etree.Element(
            "span", {"class": "academic-cite" + (" academic-cite-text" if citation.in_text else "")}
        )
        self.citations.append(citation)
        self.elements.append(element)
        return element


class CitationsTreeprocessor(Treeprocessor):
    """Fills the page's citations and puts its bibliography in (after the inline patterns)."""

    def __init__(self, md: Markdown, get_context: Callable[[], BuildContext]) -> None:
        super().__init__(md)
        self.get_context = get_context
        self.page = PageCitations()

    # ------------------------------------------------------------- while parsing

    def dataset(self) -> Dataset:
        """The data, as the page's first citation found it."""
        if self.page.dataset is None:
            self.page.dataset = self.get_context().dataset()
        return self.page.dataset

    def source(self) -> str:
        """The page as written (front matter included) when the host gives it, else its Markdown."""
        if self.page.source is None:
            # The Markdown hosts' context reads the page's file for the lines of block messages
            # (MkDocs gives Python-Markdown the page without its front matter).
            read = getattr(self.get_context(), "_page_text", None)
            try:
                text = read() if callable(read) else ""
            except Exception:  # noqa: BLE001 - the line of a message is a nicety
                text = ""
            self.page.source = text or "\n".join(self.page.lines)
        return self.page.source

    def line_of(self, text: str) -> int:
        """The line of the n-th (n: times asked) occurrence of `text`'s first line, outside
        fenced code and inline code (two on one line are the n-th and the n+1-th); 0 when not found."""
        first = text.split("\n", 1)[0]
        wanted = self.page.seen.get(first, 0)
        self.page.seen[first] = wanted + 1
        fence = ""
        found = 0
        for number, line in enumerate(self.source().splitlines(), start=1):
            opening = _FENCE.match(line)
            if fence:
                if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                    fence = ""
                continue
            if opening:
                fence = opening.group(1)
                continue
            count = _CODE_SPAN.sub("", line).count(first)
            if found + count > wanted:
                return number
            found += count
        return 0

    def where(self, text: str) -> str:
        """`page:line: ` for a message about `text` (as much of it as is known)."""
        page = self.get_context().page
        line = self.line_of(text) if text else 0
        if line:
            return f"{page}:{line}: " if page else f"line {line}: "
        return f"{page}: " if page else ""

    def front_matter_style(self) -> str | None:
        """`citation_style` from the page's front matter (MkDocs), or the `meta` extension's."""
        meta = getattr(self.md, "Meta", None)
        if isinstance(meta, dict) and meta.get("citation_style"):
            value: Any = meta["citation_style"]
            return str(value[0] if isinstance(value, list) else value)
        source = self.source()
        if not source.startswith("---"):
            return None
        found = re.match(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", source, re.DOTALL)
        if not found:
            return None
        try:
            data = yaml.safe_load(found.group(1))
        except yaml.YAMLError:
            return None
        value = data.get("citation_style") if isinstance(data, dict) else None
        return None if value is None else str(value)

    # ------------------------------------------------------------- at the end

    def run(self, root: etree.Element) -> None:
        page = self.page  # kept until the next page starts (the preprocessor resets it)
        _split_trailing_commands(root)
        commands = [p for p in root.iter("p") if len(p) == 0 and (p.text or "").strip() in BIBLIOGRAPHY_COMMANDS]
        if not page.citations and not page.blocks:
            # As with mkdocs-bibtex, `\bibliography` on a page that cites nothing is nothing.
            commands = _drop_empty_commands(root, commands)
            if not commands:
                return
        context = self.get_context()
        try:
            self._finish(root, page, commands, context)
        except TemplateProblem as problem:
            log.warning("%scitations: %s; fix or remove your copy of the template", self.where(""), problem)

    def _finish(self, root: etree.Element, page: PageCitations, commands: list[etree.Element], context: Any) -> None:
        from ..render.citations import CitationFormatter, bibliography_html, number_citations, plain_reference

        places = list(page.blocks)
        defaults, _ = parse_options("bibliography", {}, context.block_defaults("bibliography"))
        for paragraph in commands:
            command = (paragraph.text or "").strip()
            where = self.where(command)  # asked for each command, so that the n-th gets its own line
            if places:
                log.warning("%s%s: the page has a bibliography already; this one is left out", where, command)
                paragraph.tag, paragraph.text = "div", None
                continue
            paragraph.tag, paragraph.text = "div", None
            paragraph.attrib = {"class": "academic academic-bibliography"}
            places.append((paragraph, {**defaults, "all": BIBLIOGRAPHY_COMMANDS[command]}, None))
        options = places[0][1] if places else defaults
        style = (
            (places[0][2] if places else None)
            or self.front_matter_style_checked()
            or str(defaults["style"] or "numeric")
        )
        # In the order they are read (the patterns ran one after the other over each text).
        position = {id(element): index for index, element in enumerate(root.iter("span"))}
        order = sorted(range(len(page.citations)), key=lambda index: position.get(id(page.elements[index]), 0))
        page.citations = [page.citations[index] for index in order]
        page.elements = [page.elements[index] for index in order]
        cited: dict[str, Publication] = {}
        for citation in page.citations:
            for _, pub in citation.items:
                cited.setdefault(pub.key, pub)
        listed = list(self.dataset().publications) if options["all"] else list(cited.values())
        renderer = context.renderer
        formatter = CitationFormatter(style, list(cited.values()), listed, renderer.labels)
        back = number_citations(page.citations)
        titles = {pub.key: str(escape(plain_reference(pub, renderer.labels))) for pub in formatter.order}
        stash = self.md.htmlStash.store
        for citation, element in zip(page.citations, page.elements, strict=True):
            element.text = stash(str(formatter.citation_html(citation, titles)))
        if places:
            holder = places[0][0]
        else:
            holder = etree.Element("div", {"class": "academic academic-bibliography"})
            if not _ends_with_a_heading(root):  # `## References` last, as mkdocs-bibtex pages have it
                heading = etree.SubElement(holder, "h2")
                heading.text = renderer.labels["references"]
            _insert_before_footnotes(root, holder)
        if listed:
            html = bibliography_html(
                renderer,
                formatter,
                listed,
                back,
                base_url=context.base_url,
                urls=context.output_urls,
                page_dir=context.page_dir,
            )
        else:
            html = renderer.render("empty.html", message=renderer.labels["no_citations"])
        etree.SubElement(holder, "p").text = stash(str(html))

    def front_matter_style_checked(self) -> str | None:
        """The front matter's `citation_style`, checked (a bad value is a warning and unused)."""
        given = self.front_matter_style()
        try:
            return optional_citation_style(given)
        except OptionError as error:
            log.warning("%sfront matter citation_style: %s", self.where("citation_style:"), error)
            return None


def _split_trailing_commands(root: etree.Element) -> None:
    """`Text [@a].` and `\\bibliography` on the next line are one paragraph for Markdown (no
    blank line between them, as mkdocs-bibtex pages often have it): the command becomes a
    paragraph of its own after the text."""
    for parent in list(root.iter()):
        for index, paragraph in reversed(list(enumerate(parent))):
            if paragraph.tag != "p":
                continue
            last = paragraph[-1] if len(paragraph) else None
            text = (last.tail if last is not None else paragraph.text) or ""
            head, newline, command = text.rstrip().rpartition("\n")
            if not newline or command.strip() not in BIBLIOGRAPHY_COMMANDS:
                continue
            if last is not None:
                last.tail = head
            else:
                paragraph.text = head
            own = etree.Element("p")
            own.text = command.strip()
            parent.insert(index + 1, own)


def _drop_empty_commands(root: etree.Element, commands: list[etree.Element]) -> list[etree.Element]:
    """Remove the `\\bibliography` paragraphs of a page without citations; returns the others
    (`\\full_bibliography` lists every work, cited or not)."""
    kept = [paragraph for paragraph in commands if BIBLIOGRAPHY_COMMANDS[(paragraph.text or "").strip()]]
    if len(kept) < len(commands):
        parents = {child: parent for parent in root.iter() for child in parent}
        for paragraph in commands:
            if paragraph not in kept:
                parents[paragraph].remove(paragraph)
    return kept


def _ends_with_a_heading(root: etree.Element) -> bool:
    """Whether the page's last element (the footnotes aside) is a heading: the references go under it."""
    body = [child for child in root if not (child.tag == "div" and "footnote" in (child.get("class") or "").split())]
    return bool(body) and body[-1].tag in {"h1", "h2", "h3", "h4", "h5", "h6"}


def _insert_before_footnotes(root: etree.Element, element: etree.Element) -> None:
    """Append `element` to the page, before the footnotes when the page has them."""
    for index, child in enumerate(root):
        if child.tag == "div" and "footnote" in (child.get("class") or "").split():
            root.insert(index, element)
            return
    root.append(element)


class _CitationPattern(InlineProcessor):
    """Shared by both patterns: the data, the page state, no citation inside a link's text."""

    ANCESTOR_EXCLUDES = ("a",)

    def __init__(self, pattern: str, md: Markdown, finisher: CitationsTreeprocessor) -> None:
        super().__init__(pattern, md)
        self.finisher = finisher

    def lookup(self, key: str) -> Publication | None:
        return self.finisher.dataset().citable(key)


def _split_parts(body: str) -> list[str]:
    """The parts of a bracketed citation: `;`-separated, and `[@a, @b]`, `[@a @b]` as `[@a; @b]`."""
    parts: list[str] = []
    for part in _PARTS.split(body):
        if _KEYS_ONLY.fullmatch(part):
            parts.extend(re.findall(_KEY_ONLY, part))
        else:
            parts.append(part)
    return parts


class BracketCitation(_CitationPattern):
    """`[@key]`, `[@key, p. 12]`, `[see @a; @b, chap. 3]`, `[-@key]`."""

    #: Not followed by `(` or `[` (a link); `[x]: url` definitions are read before, as blocks.
    PATTERN = r"\[(?P<body>[^\[\]]*@[^\[\]]*)\](?![(\[])"

    def handleMatch(self, m: re.Match[str], data: str) -> tuple[Any, int | None, int | None]:  # type: ignore[override]  # noqa: N802
        from ..render.citations import Citation, CiteItem

        body = m.group("body")
        if "\x02" in body:
            return None, None, None  # holds code or raw HTML (their placeholders): not a citation
        parts = [_ITEM_FIRST.fullmatch(part) or _ITEM.fullmatch(part) for part in _split_parts(body)]
        parts = [None if part and self._hides_a_key(part) else part for part in parts]
        if not all(parts) or body.lower() in self.md.references:
            return None, None, None  # not a citation: text, or a link `[@x]` defined elsewhere
        items: list[tuple[CiteItem, Publication | None]] = []
        for part in parts:
            assert part is not None
            suffix = part.group("suffix").strip().removeprefix(",").strip().replace("--", "–")
            item = CiteItem(_key(part), part.group("prefix").strip(), suffix, bool(part.group("minus")))
            items.append((item, self.lookup(item.key)))
        missing = [item.key for item, pub in items if pub is None]
        if missing:
            self._warn_missing(m.group(0), missing)
            return m.group(0), m.start(0), m.end(0)  # as written, and no other pattern touches it
        found = [(item, pub) for item, pub in items if pub is not None]
        return self.finisher.page.add(Citation(found)), m.start(0), m.end(0)

    def _hides_a_key(self, part: re.Match[str]) -> bool:
        """Whether the prefix or suffix of `part` holds the `@key` of a work of the data."""
        text = part.group("prefix") + part.group("suffix")
        return "@" in text and any(self.lookup(_key(found)) for found in _OTHER_KEY.finditer(text))

    def _warn_missing(self, written: str, missing: list[str]) -> None:
        keys = [pub.key for pub in self.finisher.dataset().publications]
        where = self.finisher.where(written)
        for key in missing:
            hint = did_you_mean(key, keys) or "check the key in your .bib file"
            log.warning("%scitation %s: key '%s' is not in the data (%s); left as written", where, written, key, hint)


class TextCitation(_CitationPattern):
    """`@key` in the sentence (`@key [p. 12]` with a locator), when the key is in the data."""

    PATTERN = _NOT_BEFORE + "@" + KEY + r"(?:[ \t]?\[(?P<locator>[^\[\]\n@\x02]*)\](?![(\[]))?"

    def handleMatch(self, m: re.Match[str], data: str) -> tuple[Any, int | None, int | None]:  # type: ignore[override]  # noqa: N802
        from ..render.citations import Citation, CiteItem

        pub = self.lookup(_key(m))
        if pub is None:
            return None, None, None  # `@media`, a handle: text
        item = CiteItem(_key(m), suffix=(m.group("locator") or "").strip())
        return self.finisher.page.add(Citation([(item, pub)], in_text=True)), m.start(0), m.end(0)


class _StartPage(Preprocessor):
    """Starts the page's citations afresh and keeps its lines (for the line of a message)."""

    def __init__(self, md: Markdown, finisher: CitationsTreeprocessor) -> None:
        super().__init__(md)
        self.finisher = finisher

    def run(self, lines: list[str]) -> list[str]:
        self.finisher.page = PageCitations(lines=list(lines))
        return lines


def register_citations(md: Markdown, get_context: Callable[[], BuildContext]) -> CitationsTreeprocessor:
    """Add the citation patterns and their end-of-page step to `md`; returns the latter."""
    finisher = CitationsTreeprocessor(md, get_context)
    md.preprocessors.register(_StartPage(md, finisher), "academic_citations_start", 35)
    # After code spans, escapes, links, autolinks and raw HTML (so none of them is touched);
    # before entities, magiclink (85) and emphasis.
    md.inlinePatterns.register(BracketCitation(BracketCitation.PATTERN, md, finisher), "academic_cite", 89)
    md.inlinePatterns.register(TextCitation(TextCitation.PATTERN, md, finisher), "academic_cite_text", 88)
    # After the inline patterns (20), before attr_list (8) and the table of contents (5).
    md.treeprocessors.register(finisher, "academic_citations", 17)
    if "@" not in md.ESCAPED_CHARS:
        md.ESCAPED_CHARS.append("@")  # `\@key` is a literal @key
    return finisher
