"""The publication blocks: `publications` (a filtered, grouped list) and `publication` (one entry in full)."""

from __future__ import annotations

from typing import Any

from ..data.query import PublicationQuery, group_publications, select
from ..data.yamlfile import did_you_mean
from ..slugs import slugify, slugify_key
from .context import BuildContext
from .parts import BlockPage, Rendered


def group_heading(out: Rendered, page: BlockPage, block: str, level: int, text: str) -> None:
    """Append a group heading; a year heading gets the id `<block>-2024`, not `2024`: ids
    starting with a digit are invalid CSS selectors, and the mkdocs theme's ScrollSpy fails on them."""
    heading_id = None
    if text[:1].isdigit():
        heading_id = page.unique_id(slugify(text, non_ascii="separate", prefix=block))
    out.add_heading(level, text, heading_id)


def heading_level(page: BlockPage, chosen: int | None) -> int:
    """`chosen`, else one below the last heading before the block."""
    return chosen or page.auto_heading_level()


def publications(
    options: dict[str, Any], context: BuildContext, page: BlockPage, argument: str | None, out: Rendered
) -> None:
    """A filtered, sorted, grouped list of publications."""
    dataset = context.dataset()
    years = options["year"] or (None, None)
    query = PublicationQuery(
        selected=options["selected"],
        year_from=years[0],
        year_to=years[1],
        types=frozenset(options["type"]),
        keywords=frozenset(options["tag"]),
        authors=options["author"],
        keys=options["keys"],
        sort=options["sort"],
        limit=options["limit"],
    )
    for key in options["keys"]:
        if dataset.publication(key) is None:
            hint = did_you_mean(key, [pub.key for pub in dataset.publications]) or "check the key in your .bib file"
            page.warn(f"key '{key}' is not in the data ({hint})")
    if not dataset.publications:
        page.warn("no publications in the data: add your .bib file (or a publications.yml) to the data directory")
    found = select(dataset.publications, query)
    renderer = context.renderer
    if not found:
        out.add_html(renderer.render("empty.html", message=renderer.labels["no_publications"]))
        return
    level = heading_level(page, options["heading_level"])
    for label, entries in group_publications(found, options["group_by"]):
        if options["group_by"] == "year":
            group_heading(out, page, "publications", level, label or renderer.labels["undated"])
        elif options["group_by"] == "type":
            group_heading(out, page, "publications", level, renderer.labels[f"type_{label}"])
        html = renderer.publication_list(
            entries,
            make_id=page.unique_id,
            style=options["style"],
            base_url=context.base_url,
            show_abstract=options["abstract"],
            show_bibtex=options["bibtex"],
            numbered=options["numbered"],
            urls=context.output_urls,
            page_dir=context.page_dir,
        )
        out.add_html(html)
    out.add_html(renderer.marks_legend(found))


def publication(
    options: dict[str, Any], context: BuildContext, page: BlockPage, argument: str | None, out: Rendered
) -> None:
    """The full entry for one key (title, authors, venue, links, abstract, BibTeX), as on its own page.

    The title is a heading (level 1 on a publication page, else one below the last heading),
    and so is "Abstract", so both reach the table of contents."""
    key = options["key"]
    if not key:
        page.warn("option 'key' is missing (write `    key: yourkey2024` under the header)")
        return
    dataset = context.dataset()
    pub = dataset.publication(key)
    if pub is None:
        hint = did_you_mean(key, [entry.key for entry in dataset.publications]) or "check the key in your .bib file"
        page.warn(f"key '{key}' is not in the data ({hint})")
        return
    out.attributes["id"] = page.unique_id(slugify_key(pub.key))
    out.attributes["data-key"] = pub.key
    renderer = context.renderer
    bib_url = context.output_urls.bib(pub.key)
    level = heading_level(page, options["heading_level"])
    group_heading(out, page, "publication", level, pub.title)
    out.add_html(renderer.publication_page(pub, part="summary", base_url=context.base_url, bib_url=bib_url))
    if options["abstract"] and pub.abstract:
        group_heading(out, page, "publication", min(level + 1, 6), renderer.labels["abstract"])
        out.add_html(renderer.publication_page(pub, part="abstract", base_url=context.base_url))
    if options["bibtex"] and pub.show_bibtex and pub.bibtex:
        out.add_html(renderer.publication_page(pub, part="bibtex", base_url=context.base_url))
