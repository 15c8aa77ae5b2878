"""The fiddly inner parts of a publication entry, for the templates: authors, venue, link labels.

`academic/publication.html` (an entry of a list) and `academic/publication-page.html` (a
publication's own page) call the same helpers, registered as Jinja filters, so a list and a
page cannot disagree:

- `people|author_list`: names separated by commas and a final "and" (Oxford comma from three
  names on), "et al.", the gap "…" before the site owner kept after a cut, the owner
  highlighted, contribution marks and author links;
- `pub|venue_line`: status, genre (thesis or report type), "In" for parts of a book or
  proceedings, venue, series, volume, number, pages, edition, publisher, address and the date
  in a `<time>` element. Series, edition, publisher and address are shown for books and their
  parts only (`book`, `incollection`, `inbook`, `proceedings`);
- `link|link_label`: the link's own label, else the language's word for its kind.

They return `Markup` in which every value is escaped as the autoescaping templates would
(markupsafe's `&`, `<`, `>`, `"`, `'`). The structure of an entry (which elements, in which
order) stays in the templates; these rules are in Python because they run for every entry of
a list, where template code costs several times as much. Filters rather than globals: Jinja
calls a filter directly, a global function through `Context.call`, which is slower.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from markupsafe import Markup, escape

from ..data.models import Link, Publication
from ..lazy_pattern import LazyPattern
from .format import AuthorItem, format_date
from .labels import Labels

#: Entry types whose venue is a book or proceedings the work is part of: "In <venue>".
IN_TYPES = frozenset({"inproceedings", "incollection", "inbook"})
#: Entry types that show series, edition, publisher and address: books, their parts and
#: papers in proceedings (as BibTeX's styles and biblatex do).
BOOK_TYPES = frozenset({"book", "incollection", "inbook", "inproceedings", "proceedings"})
#: Genres written with a label (any other genre is the `type` field as written).
THESIS_GENRES = frozenset({"phdthesis", "mastersthesis"})

#: The labels the helpers write, escaped once per language (not once per entry).
_LABEL_KEYS = (
    "in",
    "volume",
    "number",
    "pages",
    "page",
    "edition",
    "et_al",
    "and",
    "phdthesis",
    "mastersthesis",
    "editor_one",
    "editor_many",
)
#: An edition that names itself one ("2nd ed", "Second edition", "3. Aufl."): shown as written.
_EDITION_WORD = LazyPattern(r"\b(?:ed|edn|eds|edition|éd|édition|aufl|auflage)\b|版", re.IGNORECASE)


def _escape(value: object) -> str:
    """`{{ value }}` in an autoescaped template: what `markupsafe.escape` gives, as a `str`."""
    if type(value) is str:
        # The same replacements as markupsafe, without making a Markup object: 3x faster.
        return (
            value.replace("&", "&amp;")
            .replace("<", "&lt;")
            .replace(">", "&gt;")
            .replace("'", "&#39;")
            .replace('"', "&#34;")
        )
    return str(escape(value))


class EntryParts:
    """The author list, venue line and link labels in one language (`labels`)."""

    def __init__(self, labels: Labels) -> None:
        self.labels = labels
        self._words = {key: _escape(labels[key]) for key in _LABEL_KEYS}
        # `link_<kind>` labels, escaped, filled on first use
        self._link_words: dict[str, str] = {}

    def author_list(self, people: Sequence[AuthorItem]) -> Markup:
        """An author or editor list as markup: "A, B, and C", "A and B", "A, B, et al.".

        A plain name is bare text (no element around it), so long lists stay light; the site
        owner is `<strong>` inside a `.academic-me` element, a name with a URL is a link."""
        words = self._words
        parts: list[str] = []
        last = len(people) - 1
        for index, person in enumerate(people):
            if person.others:
                parts.append(f'<span class="academic-others">{words["et_al"]}</span>')
            elif person.gap:
                parts.append('<span class="academic-others">…</span>')
            else:
                me = " academic-me" if person.me else ""
                name = f"<strong>{_escape(person.name)}</strong>" if person.me else _escape(person.name)
                if person.url:
                    parts.append(f'<a class="academic-author{me}" href="{_escape(person.url)}">{name}</a>')
                elif person.me:
                    parts.append(f'<span class="academic-author academic-me">{name}</span>')
                else:
                    parts.append(name)
                if person.marks:
                    parts.append(f'<sup class="academic-marks">{_escape(person.marks)}</sup>')
            if index < last:
                # "A, B, and C" (Oxford comma from three names on), "A and B"; "A, B, et al."
                if index == last - 1 and not people[index + 1].others:
                    parts.append(f"{',' if len(people) > 2 else ''} {words['and']} ")
                elif last == 1:
                    parts.append(" ")  # one name and others: "A et al.", no comma
                else:
                    parts.append(", ")
        return Markup("".join(parts))

    def venue_line(self, pub: Publication) -> Markup:
        """Where and when `pub` appeared, as markup (the content of the venue element)."""
        words = self._words
        parts: list[str] = []
        # A venue or year read from the status ("Accepted at ICML 2022") is not written twice.
        venue = "" if pub.venue_from_status else pub.venue
        if pub.status:
            parts.append(f'<span class="academic-status">{_escape(pub.status)}</span>')
            if venue or pub.genre:
                parts.append(" · ")
        if pub.genre:
            parts.append(words[pub.genre] if pub.genre in THESIS_GENRES else _escape(pub.genre))
            if venue:
                parts.append(", ")
        if venue and pub.entry_type in IN_TYPES and venue == pub.title:
            venue = ""  # a crossref `@inbook` whose title is its book's: the title says it
        if venue:
            if pub.entry_type in IN_TYPES:
                parts.append(f"{words['in']} ")
                if pub.authors and pub.editors:
                    # "In B. Editor and C. Editor (eds.), Proceedings of …"
                    parts.append(f"{self._editors(pub)}, ")
            parts.append(f'<cite class="academic-venue">{_escape(venue)}</cite>')
        bookish = pub.entry_type in BOOK_TYPES
        # The details that follow, each after a comma unless it comes first on the line.
        details: list[str] = []
        if pub.series and bookish:
            details.append(_escape(pub.series))
        if pub.volume:
            details.append(f"{words['volume']}&nbsp;{_escape(pub.volume)}")
        if pub.number:
            details.append(f"{words['number']}&nbsp;{_escape(pub.number)}")
        if pub.pages:
            label = words["pages"] if ("-" in pub.pages or "–" in pub.pages) else words["page"]
            details.append(f"{label}&nbsp;{_escape(pub.pages)}")
        if pub.edition and bookish:
            details.append(self._edition(pub.edition))
        if pub.publisher and pub.venue != pub.publisher and bookish:
            details.append(_escape(pub.publisher))
        if pub.address and bookish:
            details.append(_escape(pub.address))
        if pub.date and not pub.date_from_status:
            when = _escape(format_date(pub.date, self.labels))
            # iso() is digits and hyphens: nothing to escape
            details.append(f'<time datetime="{pub.date.iso()}">{when}</time>')
        if details:
            parts.append((", " if venue or pub.status or pub.genre else "") + ", ".join(details))
        return Markup("".join(parts))

    def _editors(self, pub: Publication) -> str:
        """The editors of the book or proceedings a part is in: "A and B (eds.)", "A (ed.)"."""
        words = self._words
        names = [_escape(person.full) for person in pub.editors if not person.is_others]
        if len(names) < len(pub.editors):
            text = f"{', '.join(names)} {words['et_al']}"
        elif len(names) > 2:
            text = f"{', '.join(names[:-1])}, {words['and']} {names[-1]}"
        else:
            text = f" {words['and']} ".join(names)
        label = words["editor_many"] if len(pub.editors) > 1 else words["editor_one"]
        return f'<span class="academic-editors">{text} ({label})</span>'

    def _edition(self, edition: str) -> str:
        """`edition = {2}` as "2nd ed.", `{Second}` as "Second ed.", `{2nd ed}` as written."""
        if edition.isdigit():
            number = int(edition)
            shown = _english_ordinal(number) if self.labels.language == "en" else str(number)
            return _escape(self.labels["edition_number"].replace("{n}", shown))
        if _EDITION_WORD.search(edition) or self.labels["edition"] in edition:
            return _escape(edition)
        return f"{_escape(edition)} {self._words['edition']}"

    def link_label(self, link: Link) -> Markup:
        """The text of a link: its own label, else the word for its kind ("PDF", "Code")."""
        if link.label:
            return Markup(_escape(link.label))
        word = self._link_words.get(link.kind)
        if word is None:
            word = self._link_words[link.kind] = _escape(self.labels.get(f"link_{link.kind}", link.kind))
        return Markup(word)


def _english_ordinal(number: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 21st."""
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"
