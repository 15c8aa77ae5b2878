"""The Jinja2 environment: autoescaped templates a user can override from the theme.

Templates are looked up first in the user's template folders (the theme's `custom_dir`,
then any extra folder), then in the package. To change how one publication looks, copy
`mkdocs_academic/templates/academic/publication.html` to `<custom_dir>/academic/`.

A publication list is one render of `publication-list.html`, which includes `publication.html`
for each entry; the author list, the venue line and the link labels of an entry (and of a
publication's own page) are written by the helpers of `entry_parts`, registered as filters.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PackageLoader, StrictUndefined
from markupsafe import Markup

from ..data.models import Link, Publication
from ..data.names import MeMatcher
from ..slugs import slugify_key
from .entry_parts import EntryParts
from .format import MARK_MEANINGS, AuthorItem, author_items, format_date, format_date_range, resolve_url, text_content
from .inline_markdown import InlineMarkdown
from .labels import Labels
from .urls import OutputUrls


class EntryContext(NamedTuple):
    """What `publication.html` reads for one entry (besides the list's `style`).

    A named tuple: a list makes one per entry, and `publication-list.html` unpacks it into
    the template's variables in its loop."""

    pub: Publication
    id: str
    authors: list[AuthorItem]
    editors: list[AuthorItem]
    links: list[tuple[Link, str]]
    preview: str
    show_abstract: bool
    show_bibtex: bool
    page_url: str
    bib_url: str


class Renderer:
    """Turns model objects into HTML through the templates."""

    def __init__(
        self,
        *,
        labels: Labels | None = None,
        me: MeMatcher | None = None,
        template_dirs: Sequence[Path] = (),
        allow_html: bool = False,
        max_authors: int | None = None,
    ) -> None:
        self.labels = labels or Labels()
        self.template_dirs = tuple(Path(folder) for folder in template_dirs)
        self.me = me or MeMatcher([])
        self.max_authors = max_authors
        self.markdown = InlineMarkdown(allow_html)
        self.env = Environment(
            loader=ChoiceLoader(
                [
                    FileSystemLoader([str(folder) for folder in self.template_dirs]),
                    PackageLoader("mkdocs_academic", "templates"),
                ]
            ),
            autoescape=True,
            trim_blocks=True,
            lstrip_blocks=True,
            undefined=StrictUndefined,
            # One Renderer serves one build: templates are read once, not checked on every use.
            auto_reload=False,
        )
        self.env.filters["date"] = lambda date, short=False: format_date(date, self.labels, short)
        self.env.filters["date_range"] = lambda when, short=True: format_date_range(when, self.labels, short)
        self.env.filters["site_url"] = resolve_url
        self.env.filters["markdown"] = self.markdown.block
        self.env.filters["inline_markdown"] = self.markdown.inline
        self.env.filters["text"] = text_content
        self._use_labels(self.labels)

    def _use_labels(self, labels: Labels) -> None:
        """Make `labels` the language of the templates and of the entry helpers."""
        self.labels = labels
        parts = EntryParts(labels)
        self.env.globals["labels"] = labels
        self.env.filters.update(author_list=parts.author_list, venue_line=parts.venue_line, link_label=parts.link_label)

    def render(self, template: str, **context: Any) -> Markup:
        """Render `academic/<template>` with `context`."""
        return Markup(self.env.get_template(f"academic/{template}").render(**context).strip())

    def set_labels(self, labels: Labels) -> None:
        """Write what follows in another language (pages of a multilingual site)."""
        if labels is not self.labels:
            self._use_labels(labels)

    def entry_context(
        self,
        pub: Publication,
        *,
        element_id: str,
        base_url: str,
        show_abstract: bool,
        show_bibtex: bool,
        urls: OutputUrls | None = None,
    ) -> EntryContext:
        """What `publication.html` shows of `pub`: names for display, URLs made relative to
        the page (`base_url`), and whether the abstract and the BibTeX are shown."""
        page_url = urls.page(pub.key) if urls else ""
        bib_url = urls.bib(pub.key) if urls else ""
        return EntryContext(
            pub=pub,
            id=element_id,
            authors=author_items(pub.authors, self.me, self.max_authors, base_url),
            editors=author_items(pub.editors, self.me, self.max_authors, base_url) if not pub.authors else [],
            links=[(link, url) for link in pub.links if (url := resolve_url(link.url, base_url))],
            preview=resolve_url(pub.preview, base_url) if pub.preview else "",
            show_abstract=show_abstract and bool(pub.abstract),
            show_bibtex=show_bibtex and pub.show_bibtex and bool(pub.bibtex),
            page_url=resolve_url(page_url, base_url) if page_url else "",
            bib_url=resolve_url(bib_url, base_url) if bib_url else "",
        )

    def publication(
        self,
        pub: Publication,
        *,
        element_id: str,
        style: str,
        base_url: str,
        show_abstract: bool,
        show_bibtex: bool,
        urls: OutputUrls | None = None,
    ) -> Markup:
        """One publication entry (`publication.html`), the `<li>` a list would hold.

        With `urls`, the title links to the entry's own page and the BibTeX offers its `.bib`.
        """
        entry = self.entry_context(
            pub,
            element_id=element_id,
            base_url=base_url,
            show_abstract=show_abstract,
            show_bibtex=show_bibtex,
            urls=urls,
        )
        return self.render("publication.html", style=style, **entry._asdict())

    def publication_list(
        self,
        publications: Sequence[Publication],
        *,
        make_id: Callable[[str], str],
        style: str = "full",
        base_url: str = "",
        show_abstract: bool = True,
        show_bibtex: bool = True,
        numbered: bool = False,
        urls: OutputUrls | None = None,
    ) -> Markup:
        """A list of publication entries (one `<ol>`), in one render of `publication-list.html`.

        Entries are not cached: each rendering has its own element ids and base URL (so a
        cache would hardly ever hit), and keeping every entry's HTML would cost as much memory
        as the page itself."""
        entries = [
            self.entry_context(
                pub,
                element_id=make_id(slugify_key(pub.key)),
                base_url=base_url,
                show_abstract=show_abstract,
                show_bibtex=show_bibtex,
                urls=urls,
            )
            for pub in publications
        ]
        return self.render("publication-list.html", entries=entries, style=style, numbered=numbered)

    def publication_page(self, pub: Publication, *, part: str, base_url: str, bib_url: str = "") -> Markup:
        """One part of a publication's own page: "summary" (authors, venue, links), "abstract"
        or "bibtex". The page's headings are real elements added by the `/// publication` block."""
        return self.render(
            "publication-page.html",
            pub=pub,
            part=part,
            authors=author_items(pub.authors, self.me, base_url=base_url),
            editors=author_items(pub.editors, self.me, base_url=base_url) if not pub.authors else [],
            links=[(link, url) for link in pub.links if (url := resolve_url(link.url, base_url))],
            preview=resolve_url(pub.preview, base_url) if pub.preview else "",
            bib_url=resolve_url(bib_url, base_url) if bib_url else "",
        )

    def marks_legend(self, publications: Sequence[Publication]) -> Markup:
        """The legend for contribution marks used in `publications`, or empty markup."""
        used = {mark for pub in publications for person in pub.authors for mark in person.marks}
        items = [(mark, self.labels[MARK_MEANINGS[mark]]) for mark in MARK_MEANINGS if mark in used]
        return self.render("marks-legend.html", items=items) if items else Markup("")
