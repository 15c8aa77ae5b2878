"""Entry types (canonical names and their aliases) and the status words of unfinished works."""

from __future__ import annotations

#: Entry types we know, and the type each alias stands for.
ENTRY_TYPE_ALIASES: dict[str, str] = {
    "conference": "inproceedings",
    "conference_paper": "inproceedings",
    "proceedings_article": "inproceedings",
    "journal_article": "article",
    "magazine_article": "article",
    "newspaper_article": "article",
    "book_section": "incollection",
    "electronic": "online",
    "www": "online",
    "webpage": "online",
    "web_page": "online",
    "generic": "misc",
    "computer_program": "software",
    "presentation": "misc",
    "mvbook": "book",
    "bookinbook": "inbook",
    "suppbook": "inbook",
    "collection": "book",
    "mvcollection": "book",
    "reference": "book",
    "mvproceedings": "proceedings",
    "suppcollection": "incollection",
    "suppperiodical": "article",
    "periodical": "article",
    "artwork": "misc",
    "audio": "misc",
    "video": "misc",
    "image": "misc",
    "movie": "misc",
    "music": "misc",
    "performance": "misc",
    "standard": "techreport",
    "report": "techreport",
    "letter": "misc",
    "commentary": "misc",
    "jurisdiction": "misc",
    "legislation": "misc",
    "legal": "misc",
    "review": "article",
    # biblatex: an article in an encyclopedia or dictionary (Better BibLaTeX's Zotero
    # "encyclopedia article"), its venue the `booktitle`; the custom types are `@misc`.
    "inreference": "incollection",
    "mvreference": "book",
    "customa": "misc",
    "customb": "misc",
    "customc": "misc",
    "customd": "misc",
    "custome": "misc",
    "customf": "misc",
}

#: Entry types that are no publication: biblatex's `@set` (its members are listed) and
#: `@xdata` (its fields go to the entries naming it in `xdata`), and control entries of
#: BibTeX styles (IEEEtran's `@IEEEtranBSTCTL`). They are not listed, without a warning.
NOT_PUBLICATION_TYPES = frozenset({"set", "xdata", "ieeetranbstctl"})
KNOWN_ENTRY_TYPES = frozenset(
    {
        "article",
        "book",
        "booklet",
        "inbook",
        "incollection",
        "inproceedings",
        "manual",
        "mastersthesis",
        "misc",
        "phdthesis",
        "proceedings",
        "techreport",
        "unpublished",
        "thesis",
        "online",
        "patent",
        "dataset",
        "software",
        "preprint",
    }
)

#: Words for an unfinished work, accepted in `status`, `pubstate` or in place of a year.
STATUS_WORDS: dict[str, str] = {
    "submitted": "Submitted",
    "under review": "Under review",
    "underreview": "Under review",
    "in review": "Under review",
    "to appear": "To appear",
    "toappear": "To appear",
    "forthcoming": "To appear",
    "accepted": "Accepted",
    "in press": "In press",
    "inpress": "In press",
    "preprint": "Preprint",
    "prepublished": "Preprint",
    "in preparation": "In preparation",
    "inpreparation": "In preparation",
    "work in progress": "Work in progress",
    "wip": "Work in progress",
}


def normalise_entry_type(entry_type: str) -> str | None:
    """The canonical entry type for `entry_type`, or None when it is unknown."""
    lowered = entry_type.lower()
    if lowered in KNOWN_ENTRY_TYPES:
        return lowered
    return ENTRY_TYPE_ALIASES.get(lowered)


def known_status(text: str) -> str | None:
    """The display label of a status word ("in press" -> "In press"), or None."""
    return STATUS_WORDS.get(" ".join(text.lower().split()))


def status_label(text: str) -> str:
    """The display label for a status word, or the text itself when it is not a known word."""
    return known_status(text) or text
