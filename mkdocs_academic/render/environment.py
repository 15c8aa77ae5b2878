"""The Jinja2 environment: autoescaped templates a user can override from the theme.

Templates are looked up first in the user's template folders (the theme's `custom_dir`,
then any extra folder), then in the package. To change how one publication looks, copy
`mkdocs_academic/templates/academic/publication.html` to `<custom_dir>/academic/`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PackageLoader, StrictUndefined
from markupsafe import Markup

from ..data.models import Publication
from ..data.names import MeMatcher
from .format import MARK_MEANINGS, author_items, format_date, format_date_range, resolve_url, slugify_key
from .inline_markdown import InlineMarkdown
from .labels import Labels
from .urls import OutputUrls


def text_content(value: Any) -> Markup:
    """`value` escaped for element text (not for an attribute): only `&`, `<` and `>`.

    Quotes need no escaping there; leaving them as they are keeps BibTeX such as
    `{\\'e}` short in the page (`'` instead of `&#39;`)."""
    if hasattr(value, "__html__"):
        return Markup(value.__html__())
    return Markup(str(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))


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
        self.me = me or MeMatcher([])
        self.max_authors = max_authors
        self.markdown = InlineMarkdown(allow_html)
        self.env = Environment(
            loader=ChoiceLoader(
                [
                    FileSystemLoader([str(folder) for folder in template_dirs]),
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
        self._entry_cache: dict[tuple[Any, ...], tuple[Publication, Markup]] = {}

    def render(self, template: str, **context: Any) -> Markup:
        """Render `academic/<template>` with `context`."""
        return Markup(self.env.get_template(f"academic/{template}").render(**context).strip())

    def set_labels(self, labels: Labels) -> None:
        """Write what follows in another language (pages of a multilingual site)."""
        if labels is not self.labels:
            self.labels = labels
            self.env.globals["labels"] = labels
            self._entry_cache.clear()

    def clear_cache(self) -> None:
        """Forget rendered entries (call once per build)."""
        self._entry_cache.clear()

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
        """One publication entry; rendered once per build for the same settings.

        With `urls`, the title links to the entry's own page and the BibTeX offers its `.bib`.
        """
        cache_key = (id(pub), element_id, style, base_url, show_abstract, show_bibtex, id(urls))
        hit = self._entry_cache.get(cache_key)
        if hit is not None and hit[0] is pub:
            return hit[1]
        html = self.render(
            "publication.html",
            pub=pub,
            id=element_id,
            style=style,
            authors=author_items(pub.authors, self.me, self.max_authors),
            editors=author_items(pub.editors, self.me, self.max_authors) if not pub.authors else [],
            links=[(link, resolve_url(link.url, base_url)) for link in pub.links if resolve_url(link.url, base_url)],
            preview=resolve_url(pub.preview, base_url) if pub.preview else "",
            show_abstract=show_abstract and bool(pub.abstract),
            show_bibtex=show_bibtex and pub.show_bibtex and bool(pub.bibtex),
            page_url=resolve_url(urls.page(pub.key), base_url) if urls and urls.page(pub.key) else "",
            bib_url=resolve_url(urls.bib(pub.key), base_url) if urls and urls.bib(pub.key) else "",
        )
        self._entry_cache[cache_key] = (pub, html)
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
        return self.render("publication-list.html", entries=entries, style=style, numbered=numbered)

    def publication_page(self, pub: Publication, *, part: str, base_url: str, bib_url: str = "") -> Markup:
        """One part of a publication's own page: "summary" (authors, venue, links), "abstract"
        or "bibtex". The page's headings are real elements added by the `/// publication` block."""
        return self.render(
            "publication-page.html",
            pub=pub,
            part=part,
            authors=author_items(pub.authors, self.me),
            editors=author_items(pub.editors, self.me) if not pub.authors else [],
            links=[(link, resolve_url(link.url, base_url)) for link in pub.links if resolve_url(link.url, base_url)],
            preview=resolve_url(pub.preview, base_url) if pub.preview else "",
            bib_url=resolve_url(bib_url, base_url) if bib_url else "",
        )

    def marks_legend(self, publications: Sequence[Publication]) -> Markup:
        """The legend for contribution marks used in `publications`, or empty markup."""
        used = {mark for pub in publications for person in pub.authors for mark in person.marks}
        items = [(mark, self.labels[MARK_MEANINGS[mark]]) for mark in MARK_MEANINGS if mark in used]
        return self.render("marks-legend.html", items=items) if items else Markup("")
