"""The Jinja2 environment: autoescaped templates a user can override from the theme.

Templates are looked up first in the user's template folders (the theme's `custom_dir`,
then any extra folder), then in the package. To change how one publication looks, copy
`mkdocs_academic/templates/academic/publication.html` to `<custom_dir>/academic/`.

Publication entries and lists, the bulk of a site's HTML, are written by `entry_html`, a Python
copy of `publication.html`, `authors.html` and `publication-list.html` that gives the same
bytes several times faster; a template a user overrides is rendered by Jinja as usual.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PackageLoader, StrictUndefined
from markupsafe import Markup

from ..data.models import Publication
from ..data.names import MeMatcher
from .entry_html import EntryWriter
from .format import MARK_MEANINGS, author_items, format_date, format_date_range, resolve_url, slugify_key, text_content
from .inline_markdown import InlineMarkdown
from .labels import Labels
from .urls import OutputUrls

#: The templates that `entry_html` also implements in Python (used unless a user overrides them).
PYTHON_TEMPLATES = ("publication.html", "authors.html", "publication-list.html")


class Renderer:
    """Turns model objects into HTML through the templates.

    Publication entries and lists go through `entry_html` (the same HTML, faster) unless a
    template folder overrides their templates."""

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
        self.env.globals["labels"] = self.labels
        self.env.filters["date"] = lambda date, short=False: format_date(date, self.labels, short)
        self.env.filters["date_range"] = lambda when, short=True: format_date_range(when, self.labels, short)
        self.env.filters["site_url"] = resolve_url
        self.env.filters["markdown"] = self.markdown.block
        self.env.filters["inline_markdown"] = self.markdown.inline
        self.env.filters["text"] = text_content
        #: Which of `PYTHON_TEMPLATES` a user folder overrides: those are rendered by Jinja.
        #: Looked up once, like the templates themselves (`auto_reload=False`).
        self.overridden = frozenset(
            name
            for name in PYTHON_TEMPLATES
            if any((folder / "academic" / name).is_file() for folder in self.template_dirs)
        )
        # publication.html includes authors.html: a user's version of either means Jinja.
        self._python_entry = not (self.overridden & {"publication.html", "authors.html"})
        self._python_list = "publication-list.html" not in self.overridden
        self._writer = EntryWriter(self.labels, self.markdown.inline)

    def render(self, template: str, **context: Any) -> Markup:
        """Render `academic/<template>` with `context`."""
        return Markup(self.env.get_template(f"academic/{template}").render(**context).strip())

    def set_labels(self, labels: Labels) -> None:
        """Write what follows in another language (pages of a multilingual site)."""
        if labels is not self.labels:
            self.labels = labels
            self.env.globals["labels"] = labels

    def _entry_writer(self) -> EntryWriter:
        """The Python copy of the entry templates, for the current labels."""
        if self._writer.labels is not self.labels:
            self._writer = EntryWriter(self.labels, self.markdown.inline)
        return self._writer

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
        """One publication entry.

        With `urls`, the title links to the entry's own page and the BibTeX offers its `.bib`.
        Entries are not cached: each rendering has its own element id and base URL (so a cache
        would hardly ever hit), and keeping every entry's HTML would cost as much memory as
        the page itself.
        """
        page_url = urls.page(pub.key) if urls else ""
        bib_url = urls.bib(pub.key) if urls else ""
        context: dict[str, Any] = {
            "pub": pub,
            "id": element_id,
            "style": style,
            "authors": author_items(pub.authors, self.me, self.max_authors, base_url),
            "editors": author_items(pub.editors, self.me, self.max_authors, base_url) if not pub.authors else [],
            "links": [(link, url) for link in pub.links if (url := resolve_url(link.url, base_url))],
            "preview": resolve_url(pub.preview, base_url) if pub.preview else "",
            "show_abstract": show_abstract and bool(pub.abstract),
            "show_bibtex": show_bibtex and pub.show_bibtex and bool(pub.bibtex),
            "page_url": resolve_url(page_url, base_url) if page_url else "",
            "bib_url": resolve_url(bib_url, base_url) if bib_url else "",
        }
        if self._python_entry:
            html = Markup(self._entry_writer().publication(**context))
        else:
            html = self.render("publication.html", **context)
        return html

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
        """A list of publication entries (one `<ol>`)."""
        entries = [
            self.publication(
                pub,
                element_id=make_id(slugify_key(pub.key)),
                style=style,
                base_url=base_url,
                show_abstract=show_abstract,
                show_bibtex=show_bibtex,
                urls=urls,
            )
            for pub in publications
        ]
        if self._python_list:
            return Markup(self._entry_writer().publication_list(entries, style=style, numbered=numbered))
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
            links=[(link, resolve_url(link.url, base_url)) for link in pub.links if resolve_url(link.url, base_url)],
            preview=resolve_url(pub.preview, base_url) if pub.preview else "",
            bib_url=resolve_url(bib_url, base_url) if bib_url else "",
        )

    def marks_legend(self, publications: Sequence[Publication]) -> Markup:
        """The legend for contribution marks used in `publications`, or empty markup."""
        used = {mark for pub in publications for person in pub.authors for mark in person.marks}
        items = [(mark, self.labels[MARK_MEANINGS[mark]]) for mark in MARK_MEANINGS if mark in used]
        return self.render("marks-legend.html", items=items) if items else Markup("")
