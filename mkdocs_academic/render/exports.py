"""Downloadable bibliographies: BibTeX and CSL-JSON, pure functions over the model.

- BibTeX: `Publication.bibtex` is already the clean entry (macros expanded, crossref merged,
  presentation-only fields such as `abstract`, `pdf` or `selected` left out), so a `.bib`
  file is those entries, one after the other.
- CSL-JSON: the format Zotero, Pandoc and citeproc read
  (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html); the output is valid
  against the CSL data schema (`csl-data.json`, v1.0).

Both are deterministic: the same publications give byte-identical text.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

from ..data.models import Person, Publication

# --------------------------------------------------------------------------------- BibTeX


def clean_entry(pub: Publication) -> str:
    """The entry's BibTeX made to stand alone, without a final newline ("" when it has none).

    `Publication.bibtex` is already the clean entry shown on the page (see `clean_bibtex`: no
    `crossref`, no contribution marks; a status without a date kept as `pubstate`), so the
    download and the page's BibTeX are the same text.
    """
    return pub.bibtex.strip()


def bibtex_entry(pub: Publication) -> str:
    """One publication as a stand-alone `.bib` file ("" when it has no BibTeX)."""
    text = clean_entry(pub)
    return text + "\n" if text else ""


def bibtex_bibliography(publications: Iterable[Publication]) -> str:
    """All publications as one `.bib` file, in the order given, separated by blank lines."""
    entries = [text for text in (clean_entry(pub) for pub in publications) if text]
    return "\n\n".join(entries) + "\n" if entries else ""


# ------------------------------------------------------------------------------- CSL-JSON

#: Our entry types -> CSL item types.
CSL_TYPES: dict[str, str] = {
    "article": "article-journal",
    "inproceedings": "paper-conference",
    "proceedings": "book",
    "book": "book",
    "booklet": "pamphlet",
    "inbook": "chapter",
    "incollection": "chapter",
    "phdthesis": "thesis",
    "mastersthesis": "thesis",
    "thesis": "thesis",
    "techreport": "report",
    "manual": "report",
    "patent": "patent",
    "software": "software",
    "dataset": "dataset",
    "online": "webpage",
    "unpublished": "manuscript",
    "preprint": "article",
    "misc": "document",
}
#: CSL types whose venue is the container they appear in (journal, proceedings, book).
CONTAINER_TYPES = frozenset({"article-journal", "paper-conference", "chapter", "article", "webpage"})
THESIS_GENRES = {"phdthesis": "PhD thesis", "mastersthesis": "Master's thesis"}


def csl_name(person: Person) -> dict[str, str]:
    """A CSL name: family, given, particle and suffix, or `literal` for unsplit names."""
    if person.literal:
        return {"literal": person.literal}
    name = {"family": person.last, "given": person.first, "non-dropping-particle": person.von, "suffix": person.jr}
    return {part: value for part, value in name.items() if value}


def csl_type(pub: Publication) -> str:
    """The CSL item type of a publication (a preprint on arXiv is an `article`)."""
    if pub.entry_type == "misc" and pub.arxiv:
        return "article"
    return CSL_TYPES.get(pub.entry_type, "document")


def csl_item(pub: Publication) -> dict[str, Any]:
    """One publication as a CSL-JSON item."""
    kind = csl_type(pub)
    item: dict[str, Any] = {"id": pub.key, "citation-key": pub.key, "type": kind, "title": pub.title}
    authors = [csl_name(person) for person in pub.authors if not person.is_others]
    editors = [csl_name(person) for person in pub.editors if not person.is_others]
    if authors:
        item["author"] = authors
    if editors:
        item["editor"] = editors
    if pub.date is not None:
        parts = [part for part in (pub.date.year, pub.date.month, pub.date.day) if part]
        item["issued"] = {"date-parts": [parts]}
    if pub.status:
        item["status"] = pub.status
    publisher = pub.publisher
    if pub.venue:
        if kind in CONTAINER_TYPES:
            item["container-title"] = pub.venue
        elif not publisher and kind in {"thesis", "report", "pamphlet", "document", "book"}:
            # The school of a thesis, the institution of a report.
            publisher = pub.venue
    if pub.volume:
        item["volume"] = pub.volume
    if pub.number:
        item["number" if kind in {"report", "patent", "document", "software", "dataset"} else "issue"] = pub.number
    if pub.pages:
        item["page"] = pub.pages
    if publisher:
        item["publisher"] = publisher
    if pub.address:
        item["publisher-place"] = pub.address
    if pub.edition:
        item["edition"] = pub.edition
    if pub.series:
        item["collection-title"] = pub.series
    if pub.entry_type in THESIS_GENRES:
        item["genre"] = THESIS_GENRES[pub.entry_type]
    if pub.doi:
        item["DOI"] = pub.doi
    for name, csl_name_ in (("isbn", "ISBN"), ("issn", "ISSN")):
        value = pub.fields.get(name, "").strip()
        if value:
            item[csl_name_] = value
    url = next((link.url for link in pub.links if link.kind == "url"), "")
    if not url and pub.arxiv:
        url = f"https://arxiv.org/abs/{pub.arxiv}"
    if url:
        item["URL"] = url
    if pub.arxiv:
        item["archive"] = "arXiv"
        item["archive_location"] = pub.arxiv
    if pub.abstract:
        item["abstract"] = pub.abstract
    if pub.keywords:
        item["keyword"] = ", ".join(pub.keywords)
    if pub.note:
        item["note"] = pub.note
    return item


def csl_json(publications: Sequence[Publication]) -> str:
    """All publications as a CSL-JSON array (UTF-8 text): one item per line, so that a change
    of one entry is a one-line diff, and a final newline."""
    # Item by item without `indent`: json's C encoder, several times faster than the indenting
    # one; one encoder for all items (`json.dumps` with an option makes a new one per call).
    encode = json.JSONEncoder(ensure_ascii=False).encode
    items = [encode(csl_item(pub)) for pub in publications]
    return "[\n" + ",\n".join(items) + "\n]\n" if items else "[]\n"
