"""The bare sites' pages: publications written by hand in Markdown, showing what the plugin's
pages show (title, authors, venue, year, DOI and URL links, abstract, the BibTeX), so that a bare
MkDocs build and the plugin's build write pages of about the same size (bench/run.py and
bench/default_config.py compare them)."""

from __future__ import annotations

import bibtexparser
from bibtexparser.model import Entry

from mkdocs_academic.render.urls import assign_slugs


def _shown(entry: Entry) -> tuple[dict[str, str], str, list[str]]:
    """An entry's fields (lower-case names), its venue, and its links as Markdown."""
    fields = {f.key.lower(): str(f.value) for f in entry.fields}
    venue = fields.get("journal") or fields.get("booktitle") or fields.get("publisher") or ""
    links = []
    if "doi" in fields:
        links.append(f"[DOI](https://doi.org/{fields['doi']})")
    if fields.get("url", "").split():
        links.append(f"[Link]({fields['url'].split()[0]})")
    return fields, venue, links


def static_listing(bib_text: str) -> str:
    """The listing page: every entry, as `/// publications` shows it."""
    library = bibtexparser.parse_string(bib_text)
    lines = ["# Publications", ""]
    for entry in library.entries:
        fields, venue, links = _shown(entry)
        lines.append(f"1. **{fields.get('title', entry.key)}**  ")
        lines.append(f"   {fields.get('author', '')}. *{venue}*, {fields.get('year', '')}. {' '.join(links)}")
        if "abstract" in fields:
            lines.append(f"   <details><summary>Abstract</summary>{fields['abstract']}</details>")
        lines.append("")
        lines += ["        " + line for line in (entry.raw or "").splitlines()]
        lines.append("")
    return "\n".join(lines) + "\n"


def static_publication_pages(bib_text: str) -> dict[str, str]:
    """A page per entry at the plugin's path, as its publication page shows it."""
    library = bibtexparser.parse_string(bib_text)
    slugs = assign_slugs(entry.key for entry in library.entries)
    pages = {}
    for entry in library.entries:
        fields, venue, links = _shown(entry)
        slug = slugs[entry.key]
        links.append(f"[Download .bib](../{slug}.bib)")
        lines = [f"# {fields.get('title', entry.key)}", "", fields.get("author", ""), ""]
        lines += [f"*{venue}*, {fields.get('year', '')}", "", " ".join(links), ""]
        if "abstract" in fields:
            lines += ["## Abstract", "", fields["abstract"], ""]
        lines += ["```bibtex", entry.raw or "", "```", ""]
        pages[f"publications/{slug}/index.md"] = "\n".join(lines)
    return pages
