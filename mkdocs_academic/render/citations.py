"""Citations in prose and the page's bibliography: labels, author-year text, links both ways.

Host-neutral: the Markdown layer (`markdown/citations.py`) parses `[@key]` and hands over what
was cited, in page order; this module decides what each citation reads (`[1]`, `(Lovelace,
1843)`, `Lovelace (1843)`), in which order the works are listed, and renders the entries with
the same `Renderer` as `/// publications` (`bibliography.html`, `bibliography-entry.html`).

Two styles (`options.CITATION_STYLES`):

- `numeric`: works numbered in the order they are first cited; `[1]`, `[1, 2]`,
  `[see 1; 2, chap. 3]`; in the sentence (`@key`) `Lovelace [1]`.
- `author-year`: `(Lovelace, 1843)`, `(Lovelace and Babbage, 1843)`, `(Lovelace et al., 1843)`,
  year only `(1843)` for `[-@key]`, `Lovelace (1843)` for `@key`; works by the same authors in
  the same year get `1843a`, `1843b`; the list is sorted by author, year and title.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from markupsafe import Markup, escape

from ..data.models import Publication
from ..slugs import slugify_key
from .labels import Labels
from .urls import OutputUrls

if TYPE_CHECKING:  # used in annotations only
    from .environment import EntryContext, Renderer


@dataclass(frozen=True)
class CiteItem:
    """One work cited in a citation: `[see @key, p. 12]` has prefix "see" and suffix "p. 12"."""

    key: str
    prefix: str = ""
    suffix: str = ""
    #: `[-@key]`: the year (or number) only, the author's name being in the sentence.
    suppress_author: bool = False


@dataclass
class Citation:
    """One citation of the page (`[@a; @b]` or `@a`), its works already found in the data."""

    items: list[tuple[CiteItem, Publication]]
    #: `@key` in the sentence (the author's name is part of the text) rather than `[@key]`.
    in_text: bool = False
    #: The element id of each item's link, set by `number_citations` ("cite-key-1").
    ids: list[str] = field(default_factory=list)


def ref_id(pub: Publication) -> str:
    """The element id of `pub`'s entry in a page's bibliography: `ref-<slug of the key>`."""
    return f"ref-{slugify_key(pub.key)}"


def author_text(pub: Publication, labels: Labels) -> str:
    """The names a citation shows: "Lovelace", "Lovelace and Babbage", "Lovelace et al.".

    One or two family names, else the first and "et al." (also when the data says `and
    others`); editors when there are no authors; else the title."""
    people = pub.authors or pub.editors
    names = [person.family or person.full for person in people if not person.is_others]
    others = len(names) < len(people)
    if not names:
        return pub.title
    if len(names) == 1 and not others:
        return names[0]
    if len(names) == 2 and not others:
        return f"{names[0]} {labels['and']} {names[1]}"
    return f"{names[0]} {labels['et_al']}"


def plain_reference(pub: Publication, labels: Labels) -> str:
    """The work as one line of plain text, for a citation's `title` (shown on hover)."""
    people = pub.authors or pub.editors
    full = [person.full for person in people if not person.is_others]
    names = ", ".join(full)
    if len(full) < len(people):
        names = f"{names} {labels['et_al']}".strip()
    year = str(pub.year) if pub.year else labels["no_date"]
    parts = [f"{names} ({year})" if names else year, pub.title, pub.venue]
    return ". ".join(part.strip().rstrip(".") for part in parts if part and part.strip()) + "."


def _sort_key(pub: Publication) -> tuple[str, int, str]:
    people = pub.authors or pub.editors
    names = " ".join(f"{person.family} {person.first}" for person in people if not person.is_others)
    return (names.casefold() or pub.title.casefold(), pub.year or 10_000, pub.title.casefold())


class CitationFormatter:
    """What each citation of one page reads, and the order of its bibliography.

    `cited` are the works in the order they are first cited on the page; `listed` are the
    works the bibliography shows (the cited ones, or every work with `all: true`)."""

    def __init__(self, style: str, cited: Sequence[Publication], listed: Sequence[Publication], labels: Labels) -> None:
        self.style = style
        self.labels = labels
        if style == "numeric":
            first = {pub.key: index for index, pub in enumerate(cited)}
            rest = sorted((pub for pub in listed if pub.key not in first), key=_sort_key)
            self.order = [*cited, *rest]
        else:
            self.order = sorted({pub.key: pub for pub in [*cited, *listed]}.values(), key=_sort_key)
        self.numbers = {pub.key: index for index, pub in enumerate(self.order, start=1)}
        self.names = {pub.key: author_text(pub, labels) for pub in self.order}
        self.years = self._years()

    def _years(self) -> dict[str, str]:
        """Each work's year as cited, with a/b/c for the same names in the same year."""
        years: dict[str, str] = {}
        same: dict[tuple[str, int | None], list[Publication]] = {}
        for pub in self.order:
            same.setdefault((self.names[pub.key], pub.year), []).append(pub)
        for (_, year), works in same.items():
            text = str(year) if year else self.labels["no_date"]
            for index, pub in enumerate(works):
                years[pub.key] = f"{text}{chr(ord('a') + index % 26)}" if len(works) > 1 else text
        return years

    def item_html(self, item: CiteItem, pub: Publication, link: Callable[[str], Markup], in_text: bool) -> Markup:
        """One item of a citation: its link (made by `link` from the text) with prefix and suffix."""
        suffix = Markup(", ") + item.suffix if item.suffix else Markup("")
        prefix = Markup(escape(item.prefix)) + " " if item.prefix else Markup("")
        if self.style == "numeric":
            number = link(str(self.numbers[pub.key]))
            if in_text:
                return prefix + self.names[pub.key] + Markup(" [") + number + suffix + Markup("]")
            return prefix + number + suffix
        year = self.years[pub.key]
        if in_text:
            locator = f", {item.suffix}" if item.suffix else ""
            return prefix + link(f"{self.names[pub.key]} ({year}{locator})")
        if item.suppress_author:
            return prefix + link(year) + suffix
        return prefix + link(f"{self.names[pub.key]}, {year}") + suffix

    def citation_html(self, citation: Citation, titles: dict[str, str]) -> Markup:
        """A citation as HTML: each work a link to its entry (`#ref-key`), titled with the
        plain reference (`titles`: by key, escaped for an attribute); the link's id
        (`citation.ids`) is what the entry links back to."""
        parts = []
        for (item, pub), element_id in zip(citation.items, citation.ids, strict=True):
            start = f'<a class="academic-cite-link" href="#{escape(ref_id(pub))}" id="{escape(element_id)}" '
            start += f'title="{titles[pub.key]}">'

            def link(text: str, start: str = start) -> Markup:
                return Markup(f"{start}{escape(text)}</a>")

            parts.append(self.item_html(item, pub, link, citation.in_text))
        if citation.in_text:
            return Markup("; ").join(parts)
        numeric = self.style == "numeric"
        separator = Markup(", ") if numeric and not any(item.suffix for item, _ in citation.items) else Markup("; ")
        opening, closing = ("[", "]") if numeric else ("(", ")")
        return Markup(opening) + separator.join(parts) + Markup(closing)


def number_citations(citations: Sequence[Citation]) -> dict[str, list[str]]:
    """Give each cited item an element id (`cite-<slug>-<n>`, n counting the citations of that
    work on the page); returns each work's ids in page order, for its back links."""
    back: dict[str, list[str]] = {}
    for citation in citations:
        citation.ids = []
        for _, pub in citation.items:
            ids = back.setdefault(pub.key, [])
            ids.append(f"cite-{slugify_key(pub.key)}-{len(ids) + 1}")
            citation.ids.append(ids[-1])
    return back


def back_links(ids: Sequence[str]) -> list[tuple[str, str]]:
    """(id, letter) of each place a work is cited: one place reads "↩", several "↩ a", "↩ b"..."""
    if len(ids) == 1:
        return [(ids[0], "")]
    return [(element_id, _letters(index)) for index, element_id in enumerate(ids)]


def _letters(index: int) -> str:
    """a, b, ..., z, aa, ab, ... for 0, 1, 2, ..."""
    text = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        text = chr(ord("a") + rest) + text
    return text


def bibliography_html(
    renderer: Renderer,
    formatter: CitationFormatter,
    works: Sequence[Publication],
    back: dict[str, list[str]],
    *,
    base_url: str = "",
    urls: OutputUrls | None = None,
    page_dir: str = "",
) -> Markup:
    """The bibliography of a page: `works` in the style's order, each entry rendered as in
    `/// publications` (compact, no abstract or BibTeX), with `id="ref-<key>"` and its back
    links; numeric styles number the list (`[1]`, as `numbered: true` lists do). A work with its own page (publication pages) links to it from its title."""
    listed = {pub.key for pub in works}
    entries: list[EntryContext] = []
    for pub in formatter.order:
        if pub.key not in listed:
            continue
        entries.append(
            renderer.entry_context(
                pub,
                element_id=ref_id(pub),
                base_url=base_url,
                show_abstract=False,
                show_bibtex=False,
                urls=urls,
                max_authors=renderer.max_authors,
                page_dir=page_dir,
            )
        )
    backrefs = {key: back_links(ids) for key, ids in back.items()}
    # One render of the entry template for all entries, as a publication list does.
    rendered = renderer._render_each(
        "bibliography-entry.html", entries, style="compact", backrefs=backrefs, base_url=base_url
    )
    return renderer.render("bibliography.html", entries=rendered, citation_style=formatter.style)
