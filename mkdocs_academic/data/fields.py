"""Turn the fields of one entry (from BibTeX or YAML) into a `Publication`.

BibTeX and YAML publications share this mapping, so a field means the same in both. The
README's "Publication fields" table documents every name handled here. Entry types and status
words are in `entry_types`, link safety and identifiers in `urls`, dates in `dates`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from ..lazy_pattern import LazyPattern
from .bibtex import add_bibtex_field
from .dates import parse_date, parse_edtf, parse_month, parse_year_field
from .entry_types import known_status, normalise_entry_type, status_label
from .latex import latex_to_markdown, latex_to_unicode, unknown_latex_commands
from .models import Link, PartialDate, Person, Publication, Source
from .names import name_list_problem, parse_names
from .problems import Problem
from .urls import (
    arxiv_id_in_text,
    bare_arxiv_id,
    doi_in_url,
    is_arxiv_id,
    is_link_text,
    is_placeholder_link,
    is_web_address,
    latex_url_in_text,
    link_identity,
    safe_url,
    split_doi,
    strip_latex_url,
    unsafe_markdown_links,
)

#: Fields that only steer how an entry is shown; they are left out of the copyable BibTeX.
PRESENTATION_FIELDS = frozenset(
    {
        "abbr",
        "abstract",
        "additional_info",
        "altmetric",
        "annotation",
        "award",
        "award_name",
        "bibtex_show",
        "blog",
        "code",
        "dimensions",
        "google_scholar_id",
        "highlights",
        "html",
        "inspirehep_id",
        "pdf",
        "post",
        "poster",
        "preview",
        "project",
        "selected",
        "slides",
        "supp",
        "video",
        "website",
        "demo",
        "data",
        "talk",
        "status",
        "tags",
        "links",
        "file",
        "owner",
        "timestamp",
        "groups",
        "biburl",
        "bibsource",
        # reference managers' private bookkeeping
        "mendeley-groups",
        "mendeley-tags",
        "comment",
        "readstatus",
        "ranking",
        "priority",
        "printed",
        "qualityassured",
        "relevance",
    }
)

#: Link fields in display order, with their English label (the page shows the localised one).
LINK_FIELDS: dict[str, str] = {
    "pdf": "PDF",
    "arxiv": "arXiv",
    "doi": "DOI",
    "html": "HTML",
    "url": "Link",
    "code": "Code",
    "data": "Data",
    "slides": "Slides",
    "poster": "Poster",
    "video": "Video",
    "talk": "Talk",
    "blog": "Blog",
    "post": "Post",
    "website": "Website",
    "project": "Project",
    "demo": "Demo",
    "supp": "Supplement",
}

_TRUE = {"true", "yes", "1", "on", "y"}
# Types that need no author or editor, and no year, as BibTeX's standard styles and biber read
# them (a `@manual` is often by an `organization`; a `@misc` or `@unpublished` has no year).
_AUTHOR_OPTIONAL = frozenset({"proceedings", "online", "misc", "manual", "booklet"})
_YEAR_OPTIONAL = frozenset({"online", "misc", "unpublished", "manual", "booklet"})
# `1600-1612` (IEEE writes one hyphen): a range of pages takes an en dash, as `--` gives.
_PAGE_RANGE_HYPHEN = re.compile(r"(?<=\w)\s*-\s*(?=\w)")


def publication_from_fields(
    key: str,
    entry_type: str,
    fields: Mapping[str, object],
    source: Source,
    *,
    field_lines: Mapping[str, int] | None = None,
    order: int = 0,
    latex: bool = True,
    bibtex: str = "",
    problems: list[Problem],
) -> Publication:
    """Build a `Publication` from the fields of one entry.

    `fields` maps lower-case field names to values: strings from BibTeX (raw LaTeX, decoded
    here when `latex` is true) or YAML values (strings, numbers, booleans and lists).
    Problems are appended to `problems` with the file and line of the field at fault.
    """
    lines = field_lines or {}

    def where(name: str) -> int:
        return lines.get(name, source.line)

    def report(name: str, message: str, hint: str = "") -> None:
        problems.append(Problem(source.path, where(name), f"entry '{key}': {message}", hint))

    decode: Callable[[str], str] = latex_to_unicode if latex else _collapse_space
    decoded: dict[str, str] = {}  # a field is often read twice (venue, date): decode it once

    def text(name: str) -> str:
        value = fields.get(name)
        if value is None:
            return ""
        found = decoded.get(name)
        if found is not None:
            return found
        result = _as_text(value, decode)
        decoded[name] = result
        if latex and isinstance(value, str):
            unknown_commands(name, value)
        return result

    def unknown_commands(name: str, value: str) -> None:
        for command in unknown_latex_commands(value):
            report(
                name,
                f"unknown LaTeX command '\\{command}' in field '{name}'; it is left out",
                "write the character itself (UTF-8), or a standard LaTeX command such as \\'{e} or \\textendash",
            )

    def markdown(name: str) -> str:
        """A field shown as Markdown: its LaTeX decoded when it comes from BibTeX."""
        value = raw(name)
        if not latex or not value:
            return value
        unknown_commands(name, value)
        return latex_to_markdown(value)

    def markdown_items(name: str) -> list[str]:
        """A Markdown list field (`highlights`): its LaTeX decoded when it comes from BibTeX."""
        items = _as_list(fields.get(name), split=None)
        value = fields.get(name)
        if not latex or not isinstance(value, str):
            return items
        unknown_commands(name, value)
        return [latex_to_markdown(item) for item in items]

    def raw(name: str) -> str:
        value = fields.get(name)
        return "" if value is None or isinstance(value, (list, dict)) else str(value).strip()

    kind = normalise_entry_type(entry_type)
    if kind is None:
        report(
            "",
            f"unknown entry type '@{entry_type}'; shown as @misc",
            "use a standard type such as @article, @inproceedings or @misc",
        )
        kind = "misc"

    all_text = all(type(value) is str for value in fields.values())
    for name, value in () if all_text else fields.items():
        if isinstance(value, (list, tuple, Mapping)) and name not in _LIST_FIELDS:
            what = "a list" if isinstance(value, (list, tuple)) else "a mapping"
            report(
                name,
                f"field '{name}' must be text, not {what}; it is left out",
                f"write `{name}: ...` on one line; put text with a colon or brackets in quotes",
            )

    title = text("title")
    if not title and not isinstance(fields.get("title"), (list, tuple, Mapping)):
        report("title", "missing title", "add a title field")
        title = key

    for name in ("author", "authors", "editor", "editors"):
        value = fields.get(name)
        trouble = name_list_problem(value) if isinstance(value, str) else None
        if trouble:
            report(
                name,
                f"malformed name list in field '{name}': {trouble}",
                "the name is shown as meant meanwhile"
                if "suffix" in trouble
                else "separate names with ' and ': `Lovelace, Ada and Babbage, Charles`",
            )
        if latex and isinstance(value, str):
            unknown_commands(name, value)
    authors = _people(fields.get("author") or fields.get("authors"))
    editors = _people(fields.get("editor") or fields.get("editors"))
    if not authors and not editors and kind not in _AUTHOR_OPTIONAL:
        report("author", "missing author", "add an author field: `author = {Last, First and Last, First}`")

    status = status_label(text("status") or text("pubstate"))
    date, date_status = _entry_date(fields, text, report)
    status = status or date_status
    date_from_status = venue_from_status = False
    if date is None and status and not date_status and not (text("year") or text("date")):
        # "Accepted at ICML 2022" with no year: the year (and venue, below) come from the status.
        status_year, status_venue = status_year_and_venue(status)
        if status_year is not None:
            date, date_from_status = PartialDate(status_year), True
    if date is None and not status and not (text("year") or text("date")) and kind not in _YEAR_OPTIONAL:
        report("year", "missing year", "add `year = {2024}`, or a `status` such as `submitted`")
    if (
        bibtex and status and (date is None or date_from_status) and "pubstate" not in fields
    ):  # `status` is not kept in it
        # A status in place of a year ("under review") stays in the BibTeX, as biblatex's pubstate.
        bibtex = add_bibtex_field(bibtex, "pubstate", status)

    links, doi, arxiv = _links(fields, raw, report)
    for name in _MARKDOWN_FIELDS:
        if name not in fields:
            continue
        for item in _as_list(fields.get(name), split=None):
            for url in unsafe_markdown_links(item):
                report(
                    name,
                    f"link '{url[:60]}' in field '{name}' is not http(s), mailto or a relative path; it is left out",
                    "link to an https:// address or a file of the site",
                )
    preview = raw("preview")
    if is_placeholder_link(preview) and preview:
        report("preview", placeholder_message(preview, "preview"), "an image of nothing is left out")
        preview = ""
    if preview and not safe_url(preview):
        report(
            "preview",
            f"image '{preview[:60]}' in field 'preview' is not http(s) or a relative path; it is left out",
            "point to an image file of the site or an https:// address",
        )
        preview = ""
    keywords = tuple(
        word.strip()
        for name in ("keywords", "tags")
        if name in fields
        for word in _as_list(fields.get(name), split=r"[,;]")
        if word.strip()
    )
    venue = next(
        (text(name) for name in _VENUE_FIELDS.get(kind, _DEFAULT_VENUE_FIELDS) if text(name)),
        "",
    )
    if venue and is_web_address(venue) and any(venue == link.url for link in links):
        venue = ""  # `howpublished = {\url{...}}`: the link says it, no need for a venue
    volume = text("volume")
    if arxiv and venue.lower() == "corr" and volume.lower().startswith("abs/"):
        venue, volume = "", ""  # DBLP's CoRR (`volume = {abs/2001.01234}`) is arXiv
    if not venue and arxiv:
        # An arXiv export (`@misc` with `eprint`) has no venue: name the preprint instead.
        category = raw("primaryclass")
        venue = f"arXiv:{arxiv}" + (f" [{category}]" if category else "")
    if not venue and date_from_status and status_venue:
        venue, venue_from_status = status_venue, True
    return Publication(
        key=key,
        entry_type=kind,
        title=title,
        source=source,
        order=order,
        authors=authors,
        editors=editors,
        date=date,
        venue=venue,
        volume=volume,
        number=text("number") or text("issue"),
        pages=_PAGE_RANGE_HYPHEN.sub("\N{EN DASH}", text("pages")),
        publisher=text("publisher"),
        edition=text("edition"),
        series=text("series"),
        address=text("address") or text("location"),
        status=status,
        note=text("note"),
        abbr=text("abbr"),
        award=markdown("award_name") or markdown("award"),
        selected=raw("selected").lower() in _TRUE,
        keywords=keywords,
        links=links,
        doi=doi,
        arxiv=arxiv,
        abstract=text("abstract"),
        highlights_md=tuple(markdown_items("highlights")),
        additional_info_md=markdown("additional_info"),
        annotation_md=markdown("annotation"),
        genre=_genre(entry_type.lower(), kind, text("type")),
        date_from_status=date_from_status,
        venue_from_status=venue_from_status,
        preview=preview,
        show_bibtex=raw("bibtex_show").lower() not in {"false", "no", "0", "off"},
        bibtex=bibtex,
        # BibTeX fields are all text already: share the dict rather than copy it.
        fields=fields if all_text and type(fields) is dict else {name: str(value) for name, value in fields.items()},
    )


#: Fields shown as Markdown (their links are checked too).
_MARKDOWN_FIELDS = ("award", "award_name", "highlights", "additional_info", "annotation")

#: Fields whose value may be a list (YAML) or mapping (`links`); every other one is text.
_LIST_FIELDS = frozenset({"author", "authors", "editor", "editors", "keywords", "tags", "highlights", "links"})

_DEFAULT_VENUE_FIELDS = (
    "journal",
    "journaltitle",
    "booktitle",
    "eventtitle",
    "howpublished",
    "organization",
    "publisher",
    "institution",
)
_VENUE_FIELDS: dict[str, tuple[str, ...]] = {
    "article": ("journal", "journaltitle", "booktitle", "howpublished"),
    "inproceedings": ("booktitle", "eventtitle", "journal", "organization"),
    "incollection": ("booktitle", "journal"),
    "inbook": ("booktitle", "title_of_book", "journal"),
    "phdthesis": ("school", "institution"),
    "mastersthesis": ("school", "institution"),
    "thesis": ("school", "institution"),
    "techreport": ("institution", "school", "organization", "publisher"),
    "book": ("publisher", "organization"),
    "proceedings": ("publisher", "organization"),
    "manual": ("organization", "publisher"),
    "booklet": ("howpublished", "organization"),
    "online": ("organization", "publisher", "howpublished"),
}


#: biblatex `type` values (and what Zotero writes) for the two usual kinds of thesis.
_THESIS_TYPES = {
    "phdthesis": "phdthesis",
    "phd": "phdthesis",
    "phd thesis": "phdthesis",
    "doctoral thesis": "phdthesis",
    "dissertation": "phdthesis",
    "doctoral dissertation": "phdthesis",
    "mathesis": "mastersthesis",
    "mastersthesis": "mastersthesis",
    "master's thesis": "mastersthesis",
    "masters thesis": "mastersthesis",
    "master thesis": "mastersthesis",
}


_STATUS_YEAR = re.compile(r"(?<!\w)((?:19|20)\d\d)(?![\w-])")
# "by", "at", "in", "to", "for" before a venue; not the "To" of "To appear", nor "for
# presentation/publication" ("Accepted for presentation at ICML 2022": the venue follows "at").
_VENUE_WORD = LazyPattern(r"(?<=\s)(?:by|at|in|to|for):?\s+(?!(?:presentation|publication)\b)", re.IGNORECASE)
# A work still under submission ("Submitted to ICLR 2026", "Under review at NeurIPS 2025") did
# not appear there: its status gives the year but no venue (no `citation_conference_title`).
_PENDING_STATUS = LazyPattern(
    r"^\s*(?:(?:re)?submitted|under\s+(?:review|revision|submission)|in\s+(?:review|revision|preparation)"
    r"|(?:major|minor)\s+revision|revise|rejected)\b",
    re.IGNORECASE,
)


def status_year_and_venue(status: str) -> tuple[int | None, str]:
    """The year (the last 19xx/20xx) and the venue a status names, as CVs write it.

    "Accepted by COLM 2024" -> (2024, "COLM"); "To appear in the Proceedings of ACL 2024" ->
    (2024, "Proceedings of ACL"); "Under review" -> (None, ""). The venue is the text after the
    first "by/at/in/to/for" up to the year; without a year there is no venue either, nor for a
    work under submission ("Submitted to ICLR 2026" -> (2026, "")).
    """
    years = list(_STATUS_YEAR.finditer(status))
    if not years:
        return None, ""
    last = years[-1]
    before = status[: last.start()]
    word = _VENUE_WORD.search(before)
    # The clause that names the venue: "Submitted 2023, accepted at TACL 2024" -> " accepted".
    clause = re.split(r"[,;]", before[: word.start()])[-1] if word else ""
    venue = before[word.end() :] if word and not _PENDING_STATUS.match(clause) else ""
    venue = venue.strip(" \t,;:(-–—'\"")
    venue = re.sub(r"^the\b\s*", "", venue, flags=re.IGNORECASE)  # "Accepted at the 2024 Conference..."
    return int(last.group(1)), venue


def _genre(written_type: str, kind: str, type_field: str) -> str:
    """What kind of thesis or report an entry is (see `Publication.genre`), or ""."""
    if written_type in ("phdthesis", "mastersthesis") and not type_field:
        return written_type
    if kind in ("phdthesis", "mastersthesis", "thesis", "techreport") and type_field:
        return _THESIS_TYPES.get(" ".join(type_field.lower().split()), type_field)
    return ""


def _as_text(value: object, decode: Callable[[str], str]) -> str:
    """A field's value as display text: strings decoded, numbers as written, lists empty."""
    if isinstance(value, str):
        return decode(value)
    return "" if isinstance(value, (list, dict)) else str(value)


def _collapse_space(value: str) -> str:
    return " ".join(value.split())


def _as_list(value: object, split: str | None) -> list[str]:
    """A YAML list as strings, or a BibTeX string split into items."""
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return [str(item).strip() for item in value if str(item).strip()]
    text = str(value)
    if split is not None:
        return [item for item in re.split(split, text) if item.strip()]
    # Markdown bullets in one BibTeX field: one item per "- " line, else the whole value.
    items = [line.strip()[2:] for line in text.splitlines() if line.strip()[:2] in {"- ", "* "}]
    return items or ([text.strip()] if text.strip() else [])


def _people(value: object) -> tuple[Person, ...]:
    if value is None:
        return ()
    if isinstance(value, (list, tuple)):
        people: list[Person] = []
        for item in value:
            if isinstance(item, Mapping):
                name = str(item.get("name", ""))
                parsed = parse_names(name)
                if parsed:
                    people.append(_with_url(parsed[0], str(item.get("url", ""))))
            elif str(item).strip():
                parsed = parse_names(str(item))
                people.extend(parsed)
        return tuple(people)
    text = str(value).strip()
    if not text:
        return ()
    return parse_names(text)


def _with_url(person: Person, url: str) -> Person:
    if not url:
        return person
    return Person(person.first, person.von, person.last, person.jr, person.literal, person.marks, url)


def _entry_date(
    fields: Mapping[str, object],
    text: Callable[[str], str],
    report: Callable[..., None],
) -> tuple[PartialDate | None, str]:
    """The entry's date and, when the year is a status word ("in press"), that status."""
    date_text = text("date")
    if date_text:
        parsed = parse_edtf(date_text) or parse_date(date_text)
        if parsed is not None:
            return parsed, ""
        if known_status(date_text):
            return None, status_label(date_text)
        report("date", f"date '{date_text}' is not a date", "write it as YYYY, YYYY-MM or YYYY-MM-DD")
    year_text = text("year")
    if not year_text:
        return None, ""
    parsed_year = parse_year_field(year_text)
    if parsed_year is None:
        if known_status(year_text):
            return None, status_label(year_text)
        report("year", f"year '{year_text}' is not a year", "write a four-digit year, e.g. `year = {2024}`")
        return None, ""
    if parsed_year.end is not None or parsed_year.unspecified:
        return parsed_year, ""  # a range of years or `199X`: a month would not fit
    year = parsed_year.year
    month, day = (None, None)
    month_text = text("month")
    if month_text:
        month, day = parse_month(month_text)
        if month is None:
            report("month", f"month '{month_text}' is not a month", "write `month = may` or `month = {5}`")
    day_text = text("day")
    if day_text.isdigit() and 1 <= int(day_text) <= 31:
        day = int(day_text)
    return PartialDate(year, month, day if month else None), ""


def _links(
    fields: Mapping[str, object],
    raw: Callable[[str], str],
    report: Callable[..., None],
) -> tuple[tuple[Link, ...], str, str]:
    """Labelled links in display order, with the DOI and arXiv id found on the way."""
    links: list[Link] = []
    seen: set[str] = set()

    def add(kind: str, url: str, label: str, field_name: str) -> None:
        url = url.strip()
        if url == "#" or (not url and field_name == "links"):
            report(field_name, placeholder_message(url, field_name, label), "a link to nowhere is left out")
            return
        same = link_identity(url)
        if not url or same in seen:
            return
        if not safe_url(url):
            report(
                field_name,
                f"link '{url[:60]}' in field '{field_name}' is not http(s), mailto or a relative path; it is left out",
                "link to an https:// address or a file of the site",
            )
            return
        seen.add(same)
        links.append(Link(kind, url, label))

    doi, not_doi = split_doi(raw("doi"))
    if not doi and not not_doi:
        # `url = {doi:10.…}`: a DOI written in the url field
        doi = doi_in_url(raw("url"))
    arxiv = bare_arxiv_id(raw("arxiv"))
    eprint, prefix = raw("eprint"), (raw("archiveprefix") or raw("eprinttype")).lower()
    if not arxiv and eprint and (prefix == "arxiv" or (not prefix and is_arxiv_id(eprint))):
        arxiv = bare_arxiv_id(eprint)
    if not arxiv and raw("journal").lower() == "corr" and raw("volume").lower().startswith("abs/"):
        arxiv = raw("volume")[4:]  # DBLP: `journal = {CoRR}, volume = {abs/2001.01234}`
    if not arxiv:
        # Google Scholar writes preprints as `journal = {arXiv preprint arXiv:2401.01234}`.
        for name in ("journal", "note", "howpublished", "volume"):
            found = arxiv_id_in_text(raw(name))
            if found:
                arxiv = found
                break
    arxiv = arxiv.removesuffix(".pdf")
    for name in LINK_FIELDS:
        if name not in fields and name not in ("doi", "arxiv"):
            continue
        if name == "doi":
            if doi:
                add("doi", f"https://doi.org/{doi}", "", "doi")
            elif not_doi and is_web_address(not_doi):
                report(
                    "doi",
                    f"field 'doi' holds the address '{not_doi[:60]}', not a DOI; it is shown as a link of its own",
                    "put a DOI (`10.1234/abc`) in `doi` and other addresses in `url`",
                )
                add("url", strip_latex_url(not_doi), "", "doi")
            elif not_doi:
                report(
                    "doi",
                    f"field 'doi' holds '{not_doi[:60]}', which is not a DOI; it is left out",
                    "write the DOI as `10.1234/abc` (or `https://doi.org/10.1234/abc`)",
                )
        elif name == "arxiv":
            if arxiv:
                add("arxiv", f"https://arxiv.org/abs/{arxiv}", "", "arxiv")
        else:
            value = raw(name)
            if name == "url" and doi_in_url(value):
                continue  # `url = {doi:10.…}`: the DOI link above
            if value and not is_link_text(value):
                report(
                    name,
                    f"field '{name}' holds '{value[:60]}', which is not an address or a file; it is left out",
                    f"give `{name}` a URL (`https://…`) or a file of the site, or remove it",
                )
                continue
            if value and name == "url":
                value = value.split()[0]
            if value and value.lower() not in {"true", "false"}:
                add(name, strip_latex_url(value), "", name)
    if not any(link.kind == "url" for link in links):
        # `howpublished = {\url{...}}` (software, web pages) or `note = {\href{...}{Code}}`
        for name in ("howpublished", "note"):
            found = latex_url_in_text(raw(name))
            if found:
                add("url", strip_latex_url(found), "", name)
                break
    extra = fields.get("links")
    if isinstance(extra, Mapping):
        for label, url in extra.items():
            add("other", "" if url is None else str(url), str(label), "links")
    elif isinstance(extra, (list, tuple)):
        for item in extra:
            if isinstance(item, Mapping):
                add(
                    str(item.get("kind", "other")),
                    str(item.get("url", "")),
                    str(item.get("label", item.get("name", "Link"))),
                    "links",
                )
    return tuple(links), doi, arxiv


def placeholder_message(url: str, field_name: str, name: str = "") -> str:
    """The message for a placeholder link (`#`, or an empty address) in a field (`name`: the link's)."""
    what = f"placeholder link '{url}'" if url else "empty link"
    named = f" ('{name}')" if name else ""
    return f"field '{field_name}'{named}: {what}: give the real URL or remove it"
