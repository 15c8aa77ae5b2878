"""Publication entries written in Python: the same HTML as the templates, several times faster.

This module is a copy, in Python, of three templates: `academic/publication.html` (with the
`academic/authors.html` it includes) and `academic/publication-list.html`. The templates stay
the reference and the documented way to change an entry: `Renderer` uses this copy only for the
templates a user has not overridden in a template folder. Why a copy: a bibliography of a
thousand entries is common, and through Jinja its list cost more than parsing the `.bib` file;
written here, it costs about a fifth of that.

KEEP IN STEP WITH THE TEMPLATES: any change to one of those templates must be made here too,
and the other way round. `tests/test_entry_html.py` renders many entries both ways (every
option, every language, hostile values, real `.bib` files) and fails on any byte of difference.

How the templates' rules translate (the environment has `autoescape`, `trim_blocks` and
`lstrip_blocks`):

- `{{ value }}` is `escape(value)` (markupsafe: `&`, `<`, `>`, `"`, `'`); Markup is kept as is.
- `|text` is `text_content`, `|inline_markdown` is `InlineMarkdown.inline`, `|date` is
  `format_date` (then escaped like any value).
- `trim_blocks`: a block tag (`{% if %}`, `{% endfor %}`, ...) that ends a line takes the
  newline with it. A line of block tags alone writes nothing, and
  `{% if x %}<span>...</span>{% endif %}` writes its span without a newline. A newline after
  text or after `{{ ... }}` stays (`<li>...</li>` then `{% endfor %}`: one `<li>` per line).
- `{%-` and `-%}` / `-#}` also take all white space before / after them, newlines included.
- `lstrip_blocks` only removes indentation before a block tag; these templates have none.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from markupsafe import Markup, escape

from ..data.models import Link, Publication
from .format import AuthorItem, format_date, text_content
from .labels import Labels

#: Entry types whose venue is a book or proceedings the work is part of: "In <venue>".
_IN_TYPES = ("inproceedings", "incollection", "inbook")
#: Entry types whose publisher is shown after the venue.
_PUBLISHER_TYPES = ("book", "incollection", "inbook", "proceedings")

#: The labels the three templates write, escaped once per language (not once per entry).
_LABEL_KEYS = (
    "edited_by",
    "in",
    "volume",
    "number",
    "pages",
    "page",
    "award",
    "abstract",
    "bibtex",
    "copy",
    "download_bibtex",
    "et_al",
    "and",
    "copy_bibtex",
    "copied",
    "edition",
    "phdthesis",
    "mastersthesis",
)
#: Genres written with a label (any other is the `type` field as written).
_THESIS_GENRES = ("phdthesis", "mastersthesis")


def _e(value: object) -> str:
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


def _text(value: object) -> str:
    """`{{ value|text }}`: `text_content`, as a `str` (no Markup copy of a long abstract)."""
    if type(value) is str:
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return str(text_content(value))


class EntryWriter:
    """Writes publication entries and lists in one language, as the templates would."""

    def __init__(self, labels: Labels, inline_markdown: Callable[[str], Markup]) -> None:
        self.labels = labels
        self._inline = inline_markdown
        self._words = {key: _e(labels[key]) for key in _LABEL_KEYS}
        # `link_<kind>` labels, escaped, filled on first use
        self._link_words: dict[str, str] = {}

    def authors(self, people: Sequence[AuthorItem]) -> str:
        """`academic/authors.html`: names separated by commas and a final "and"."""
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
                name = f"<strong>{_e(person.name)}</strong>" if person.me else _e(person.name)
                if person.url:
                    parts.append(f'<a class="academic-author{me}" href="{_e(person.url)}">{name}</a>')
                elif person.me:
                    parts.append(f'<span class="academic-author academic-me">{name}</span>')
                else:
                    parts.append(name)  # a plain name is bare text: long lists stay light
                if person.marks:
                    parts.append(f'<sup class="academic-marks">{_e(person.marks)}</sup>')
            if index < last:
                # "A, B, and C" (Oxford comma from three names on), "A and B"; "A, B, et al."
                if index == last - 1 and not people[index + 1].others:
                    parts.append(f"{',' if len(people) > 2 else ''} {words['and']} ")
                else:
                    parts.append(", ")
        return "".join(parts)

    def _link_label(self, link: Link) -> str:
        if link.label:
            return _e(link.label)
        word = self._link_words.get(link.kind)
        if word is None:
            word = self._link_words[link.kind] = _e(self.labels.get(f"link_{link.kind}", link.kind))
        return word

    def _venue(self, pub: Publication) -> str:
        """The venue line's content: status, genre (thesis or report type), venue, series, volume, number, pages, edition,
        publisher, address, date (series, edition, publisher and address only for books and
        their parts)."""
        words = self._words
        parts: list[str] = []
        if pub.status:
            parts.append(f'<span class="academic-status">{_e(pub.status)}</span>')
            if pub.venue or pub.genre:
                parts.append(" · ")
        if pub.genre:
            parts.append(words[pub.genre] if pub.genre in _THESIS_GENRES else _e(pub.genre))
            if pub.venue:
                parts.append(", ")
        if pub.venue:
            if pub.entry_type in _IN_TYPES:
                parts.append(f"{words['in']} ")
            parts.append(f'<cite class="academic-venue">{_e(pub.venue)}</cite>')
        bookish = pub.entry_type in _PUBLISHER_TYPES
        # The details that follow, each after a comma unless it comes first on the line.
        details: list[str] = []
        if pub.series and bookish:
            details.append(_e(pub.series))
        if pub.volume:
            details.append(f"{words['volume']}&nbsp;{_e(pub.volume)}")
        if pub.number:
            details.append(f"{words['number']}&nbsp;{_e(pub.number)}")
        if pub.pages:
            label = words["pages"] if ("-" in pub.pages or "–" in pub.pages) else words["page"]
            details.append(f"{label}&nbsp;{_e(pub.pages)}")
        if pub.edition and bookish:
            details.append(f"{_e(pub.edition)} {words['edition']}")
        if pub.publisher and pub.venue != pub.publisher and bookish:
            details.append(_e(pub.publisher))
        if pub.address and bookish:
            details.append(_e(pub.address))
        if pub.date:
            when = _e(format_date(pub.date, self.labels))
            # iso() is digits and hyphens: nothing to escape
            details.append(f'<time datetime="{pub.date.iso()}">{when}</time>')
        if details:
            parts.append((", " if pub.venue or pub.status or pub.genre else "") + ", ".join(details))
        return "".join(parts)

    def publication(
        self,
        *,
        pub: Publication,
        id: str,  # the template's name for it
        style: str,
        authors: Sequence[AuthorItem],
        editors: Sequence[AuthorItem],
        links: Sequence[tuple[Link, str]],
        preview: str,
        show_abstract: bool,
        show_bibtex: bool,
        page_url: str,
        bib_url: str,
    ) -> str:
        """`academic/publication.html`: one `<li>` entry (same context as the template)."""
        words = self._words
        full = style == "full"
        classes = f"academic-pub academic-type-{_e(pub.entry_type)}{' academic-selected' if pub.selected else ''}"
        out = [f'<li class="{classes}" id="{_e(id)}" data-key="{_e(pub.key)}">\n']
        show_preview = bool(preview) and full
        if pub.abbr or show_preview:
            out.append('<div class="academic-pub-aside">\n')
            if pub.abbr:
                out.append(f'<span class="academic-badge academic-abbr">{_e(pub.abbr)}</span>')
            if show_preview:
                out.append(f'<img class="academic-preview" src="{_e(preview)}" alt="" loading="lazy">')
            out.append("</div>\n")
        title = f'<a href="{_e(page_url)}">{_e(pub.title)}</a>' if page_url else _e(pub.title)
        out.append(f'<div class="academic-pub-body">\n<span class="academic-pub-title">{title}</span>\n')
        if authors:
            out.append(f'<span class="academic-pub-authors">{self.authors(authors)}</span>\n')
        elif editors:
            out.append(f'<span class="academic-pub-authors">{self.authors(editors)} ({words["edited_by"]})</span>\n')
        out.append(f'<span class="academic-pub-venue">{self._venue(pub)}</span>\n')
        if pub.award:
            out.append(
                f'<span class="academic-badge academic-award" title="{words["award"]}">{self._inline(pub.award)}</span>'
            )
        if full:
            if pub.note:
                out.append(f'<span class="academic-pub-note">{_e(pub.note)}</span>')
            if pub.additional_info_md:
                out.append(f'<span class="academic-pub-info">{self._inline(pub.additional_info_md)}</span>')
            if pub.annotation_md:
                out.append(
                    f'<span class="academic-pub-info academic-annotation">{self._inline(pub.annotation_md)}</span>'
                )
            if pub.highlights_md:
                out.append('<ul class="academic-pub-highlights">\n')
                out.extend(f"<li>{self._inline(item)}</li>\n" for item in pub.highlights_md)
                out.append("</ul>\n")
        if links or show_abstract or show_bibtex:
            out.append('<div class="academic-pub-links">\n')
            for link, url in links:
                out.append(
                    f'<a class="academic-link academic-link-{_e(link.kind)}" href="{_e(url)}">{self._link_label(link)}</a>\n'
                )
            if show_abstract:
                out.append(
                    f'<details class="academic-abstract">\n<summary>{words["abstract"]}</summary>\n'
                    f"<p>{_text(pub.abstract)}</p>\n</details>\n"
                )
            if show_bibtex:
                out.append(
                    f'<details class="academic-bibtex">\n<summary>{words["bibtex"]}</summary>\n'
                    f"<pre><code>{_text(pub.bibtex)}</code></pre>\n"
                    f'<button type="button" class="academic-copy" hidden>{words["copy"]}</button>\n'
                )
                if bib_url:
                    out.append(
                        f'<a class="academic-bib-download" href="{_e(bib_url)}" download>{words["download_bibtex"]}</a>'
                    )
                out.append("</details>\n")
            out.append("</div>\n")
        out.append("</div>\n</li>")
        return "".join(out)

    def publication_list(self, entries: Sequence[str], *, style: str, numbered: bool) -> str:
        """`academic/publication-list.html`: the entries in one `<ol>`."""
        words = self._words
        numbered_class = " academic-numbered" if numbered else ""
        head = (
            f'<ol class="academic-pub-list academic-style-{_e(style)}{numbered_class}" '
            f'data-label-copy="{words["copy_bibtex"]}" data-label-copied="{words["copied"]}">\n'
        )
        # `{{ entry }}`: the entries are Markup (written as they are), anything else is escaped.
        body = [f"{entry.__html__() if hasattr(entry, '__html__') else _e(entry)}\n" for entry in entries]
        return "".join([head, *body, "</ol>"])
