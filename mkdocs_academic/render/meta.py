"""Machine-readable descriptions of a publication for crawlers: pure functions over the model.

- Highwire Press `citation_*` meta tags, as Google Scholar's inclusion guidelines ask for;
- OpenGraph and Twitter card meta tags, for link previews on social sites and chat apps;
- schema.org JSON-LD: `ScholarlyArticle` for a publication, `Person` for the site owner.

Nothing here writes HTML: the `academic/head.html` template turns the results into tags, and
`script_json` makes JSON safe to put inside `<script type="application/ld+json">`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, NamedTuple
from urllib.parse import urljoin, urlsplit

from markupsafe import Markup

from ..data.latex import MARKDOWN_DOLLAR
from ..data.models import Person, Publication
from .format import resolve_url

if TYPE_CHECKING:
    from ..data.profile import Profile

#: Entry types whose venue is a journal, and those whose venue is a conference.
JOURNAL_TYPES = frozenset({"article"})
CONFERENCE_TYPES = frozenset({"inproceedings"})
#: Entry types whose venue is the book they are part of.
BOOK_PART_TYPES = frozenset({"inproceedings", "incollection", "inbook"})
THESIS_TYPES = frozenset({"phdthesis", "mastersthesis", "thesis"})
REPORT_TYPES = frozenset({"techreport"})


class MetaTag(NamedTuple):
    """One `<meta>` tag: `<meta {attribute}="{key}" content="{content}">`."""

    attribute: str  # "name" (Highwire, Twitter) or "property" (OpenGraph)
    key: str
    content: str


# ------------------------------------------------------------------------------ helpers


def absolute_url(site_url: str, url: str) -> str:
    """`url` (site-relative, root-relative or absolute) as an absolute URL, or "" without `site_url`."""
    if not url:
        return ""
    if urlsplit(url).scheme:
        return url
    if not site_url:
        return ""
    base = site_url if site_url.endswith("/") else site_url + "/"
    return urljoin(base, url)


def hosted_pdf_url(pub: Publication, site_url: str) -> str:
    """The absolute URL of the entry's PDF when the site itself serves it, else ""."""
    if not site_url:
        return ""
    site_host = urlsplit(site_url).netloc.lower()
    for link in pub.links:
        if link.kind != "pdf" or not resolve_url(link.url, ""):
            continue
        url = absolute_url(site_url, link.url)
        parts = urlsplit(url)
        if parts.scheme in {"http", "https"} and parts.netloc.lower() == site_host:
            return url
    return ""


def page_range(pages: str) -> tuple[str, str]:
    """First and last page of "211--229", "211–229" or "e1001" (then the last is "")."""
    parts = [part.strip() for part in re.split(r"\s*(?:-+|–|—)\s*", pages.strip()) if part.strip()]
    if not parts:
        return "", ""
    return parts[0], parts[-1] if len(parts) > 1 else ""


def author_name(person: Person) -> str:
    """A name as Highwire tags want it: "Family, Given" ("Márquez, Elena"), literal names as they are."""
    if person.literal:
        return person.literal
    given = person.first
    family = person.family
    name = f"{family}, {given}" if given else family
    return f"{name}, {person.jr}" if person.jr else name


def _people(people: Iterable[Person]) -> list[Person]:
    return [person for person in people if not person.is_others and person.full]


def description(pub: Publication) -> str:
    """One line for previews: "Ada Lovelace, Charles Babbage · Journal of Engines, 2024"."""
    names = ", ".join(person.full for person in _people(pub.authors or pub.editors))
    where = ", ".join(part for part in (pub.venue, str(pub.year) if pub.year else pub.status) if part)
    return " · ".join(part for part in (names, where) if part)


def script_json(data: Any) -> Markup:
    """JSON for a `<script>` element: `<`, `>` and `&` are written as `\\u003c` and so on,
    so no value (a title with `</script>` in it, say) can end the element early."""
    text = json.dumps(data, ensure_ascii=False)  # on one line: the C encoder, 10x the indenting one
    for char, escape in (
        ("&", "\\u0026"),
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(char, escape)
    return Markup(text)


# ------------------------------------------------------------------------ Highwire Press


def highwire_tags(pub: Publication, *, site_url: str = "", page_url: str = "") -> list[MetaTag]:
    """Google Scholar's `citation_*` tags for one publication, in the order its guidelines list them.

    `page_url` is the absolute URL of the publication's page (or ""); a `citation_pdf_url`
    is only given for a PDF the site itself serves, as Google Scholar requires.
    """
    tags: list[MetaTag] = []

    def add(key: str, value: str) -> None:
        if value:
            # `str()`: a DollarText's literal dollars are plain "$" in an attribute, not HTML.
            tags.append(MetaTag("name", key, str(value)))

    add("citation_title", pub.title)
    for person in _people(pub.authors):
        add("citation_author", author_name(person))
    if not pub.authors:
        for person in _people(pub.editors):
            add("citation_editor", author_name(person))
    if pub.date is not None:
        add("citation_publication_date", pub.date.iso().replace("-", "/"))
    if pub.entry_type in JOURNAL_TYPES:
        add("citation_journal_title", pub.venue)
        add("citation_issn", pub.fields.get("issn", "").strip())
    elif pub.entry_type in CONFERENCE_TYPES:
        add("citation_conference_title", pub.venue)
    elif pub.entry_type in BOOK_PART_TYPES:
        add("citation_inbook_title", pub.venue)
    elif pub.entry_type in THESIS_TYPES:
        add("citation_dissertation_institution", pub.venue)
    elif pub.entry_type in REPORT_TYPES:
        add("citation_technical_report_institution", pub.venue)
        add("citation_technical_report_number", pub.number)
    add("citation_volume", pub.volume)
    if pub.entry_type not in REPORT_TYPES:
        add("citation_issue", pub.number)
    first, last = page_range(pub.pages)
    add("citation_firstpage", first)
    add("citation_lastpage", last)
    add("citation_publisher", pub.publisher)
    add("citation_isbn", pub.fields.get("isbn", "").strip())
    add("citation_doi", pub.doi)
    add("citation_arxiv_id", pub.arxiv)
    if pub.keywords:
        add("citation_keywords", "; ".join(pub.keywords))
    add("citation_abstract_html_url", page_url)
    add("citation_pdf_url", hosted_pdf_url(pub, site_url))
    return tags


# ----------------------------------------------------------------- OpenGraph and Twitter


def social_tags(pub: Publication, *, site_name: str = "", site_url: str = "", page_url: str = "") -> list[MetaTag]:
    """OpenGraph and Twitter card tags for a publication's page: title, authors and venue."""
    summary = description(pub)
    image = absolute_url(site_url, pub.preview) if pub.preview and resolve_url(pub.preview, "") else ""
    tags = [
        MetaTag("property", "og:type", "article"),
        MetaTag("property", "og:title", str(pub.title)),  # a plain str, see `add` above
        MetaTag("property", "og:description", summary),
    ]
    if page_url:
        tags.append(MetaTag("property", "og:url", page_url))
    if site_name:
        tags.append(MetaTag("property", "og:site_name", site_name))
    if image:
        tags.append(MetaTag("property", "og:image", image))
    if pub.date is not None:
        tags.append(MetaTag("property", "article:published_time", pub.date.iso()))
    tags += [
        MetaTag("name", "twitter:card", "summary_large_image" if image else "summary"),
        MetaTag("name", "twitter:title", str(pub.title)),
        MetaTag("name", "twitter:description", summary),
    ]
    if image:
        tags.append(MetaTag("name", "twitter:image", image))
    return [tag for tag in tags if tag.content]


# ---------------------------------------------------------------------------- schema.org


def _schema_person(person: Person) -> dict[str, Any]:
    if person.literal:
        # Brace-protected names are nearly always groups: `{The Open Speech Collective}`.
        return {"@type": "Organization", "name": person.literal}
    item: dict[str, Any] = {"@type": "Person", "name": person.full}
    if person.first:
        item["givenName"] = person.first
    item["familyName"] = person.family
    if person.url and urlsplit(person.url).scheme in {"http", "https"}:
        item["url"] = person.url
    return item


def _container(pub: Publication) -> dict[str, Any] | None:
    """What the publication is part of: journal (with volume and issue) or book/proceedings."""
    if not pub.venue:
        return None
    if pub.entry_type in JOURNAL_TYPES:
        container: dict[str, Any] = {"@type": "Periodical", "name": pub.venue}
        issn = pub.fields.get("issn", "").strip()
        if issn:
            container["issn"] = issn
        if pub.volume:
            container = {"@type": "PublicationVolume", "volumeNumber": pub.volume, "isPartOf": container}
        if pub.number:
            container = {"@type": "PublicationIssue", "issueNumber": pub.number, "isPartOf": container}
        return container
    if pub.entry_type in BOOK_PART_TYPES:
        return {"@type": "Book", "name": pub.venue}
    return None


def scholarly_article(pub: Publication, *, site_url: str = "", page_url: str = "") -> dict[str, Any]:
    """schema.org `ScholarlyArticle` for one publication (a dict ready for `script_json`)."""
    item: dict[str, Any] = {"@context": "https://schema.org", "@type": "ScholarlyArticle"}
    if page_url:
        item["@id"] = page_url
        item["url"] = page_url
    item["headline"] = pub.title
    item["name"] = pub.title
    authors = [_schema_person(person) for person in _people(pub.authors)]
    if authors:
        item["author"] = authors
    editors = [_schema_person(person) for person in _people(pub.editors)]
    if editors:
        item["editor"] = editors
    if pub.date is not None:
        item["datePublished"] = pub.date.iso()
    if pub.status and pub.date is None:
        item["creativeWorkStatus"] = pub.status
    container = _container(pub)
    if container is not None:
        item["isPartOf"] = container
    elif pub.venue and pub.entry_type in THESIS_TYPES | REPORT_TYPES:
        item["sourceOrganization"] = {"@type": "Organization", "name": pub.venue}
    first, last = page_range(pub.pages)
    if first:
        item["pageStart"] = first
    if last:
        item["pageEnd"] = last
    if pub.pages:
        item["pagination"] = pub.pages
    if pub.publisher:
        item["publisher"] = {"@type": "Organization", "name": pub.publisher}
    identifiers = []
    same_as = []
    if pub.doi:
        identifiers.append({"@type": "PropertyValue", "propertyID": "DOI", "value": pub.doi})
        same_as.append(f"https://doi.org/{pub.doi}")
    if pub.arxiv:
        identifiers.append({"@type": "PropertyValue", "propertyID": "arXiv", "value": pub.arxiv})
        same_as.append(f"https://arxiv.org/abs/{pub.arxiv}")
    if identifiers:
        item["identifier"] = identifiers
        item["sameAs"] = same_as
    if pub.abstract:
        item["abstract"] = pub.abstract
    if pub.keywords:
        item["keywords"] = list(pub.keywords)
    if pub.award:
        item["award"] = pub.award.replace(MARKDOWN_DOLLAR, "$")  # Markdown text: plain here
    pdf = next((link for link in pub.links if link.kind == "pdf"), None)
    pdf_url = absolute_url(site_url, pdf.url) if pdf is not None and resolve_url(pdf.url, "") else ""
    if pdf_url:
        item["encoding"] = {"@type": "MediaObject", "contentUrl": pdf_url, "encodingFormat": "application/pdf"}
    return item


def person(
    *,
    name: str,
    affiliations: Iterable[str] = (),
    affiliation_url: str = "",
    same_as: Iterable[str] = (),
    job_title: str = "",
    url: str = "",
    image: str = "",
    email: str = "",
) -> dict[str, Any]:
    """schema.org `Person` for the site owner (a dict ready for `script_json`).

    `affiliation_url` (an absolute http(s) URL) is the `url` of the first affiliation."""
    item: dict[str, Any] = {"@context": "https://schema.org", "@type": "Person", "name": name}
    if url:
        item["url"] = url
    if job_title:
        item["jobTitle"] = job_title
    organisations: list[dict[str, Any]] = [
        {"@type": "Organization", "name": org} for org in dict.fromkeys(affiliations) if org
    ]
    if organisations and urlsplit(affiliation_url).scheme in {"http", "https"}:
        organisations[0]["url"] = affiliation_url
    if organisations:
        item["affiliation"] = organisations if len(organisations) > 1 else organisations[0]
    links = [link for link in dict.fromkeys(same_as) if urlsplit(link).scheme in {"http", "https"}]
    if links:
        item["sameAs"] = links
    if image:
        item["image"] = image
    if email:
        item["email"] = email
    return item


def profile_person(profile: Profile, *, site_url: str = "", page_url: str = "") -> dict[str, Any]:
    """`Person` JSON-LD for the site owner from `profile.yml` (`Dataset.owner_profile()`).

    `sameAs` lists the profile's absolute http(s) links (Scholar, ORCID, GitHub, ...); the
    affiliation's Markdown is reduced to plain text, and `affiliation_url` (made absolute
    against `site_url` when relative) is its `url`. `url` is `page_url`, else `site_url`.
    """
    return person(
        name=profile.name,
        affiliations=[plain_text(profile.affiliation_md)],
        affiliation_url=absolute_url(site_url, profile.affiliation_url) if profile.affiliation_url else "",
        same_as=[link.url for link in profile.links],
        job_title=profile.position,
        url=page_url or site_url,
        image=absolute_url(site_url, profile.photo) if profile.photo else "",
        email=profile.email,
    )


def plain_text(markdown: str) -> str:
    """Inline Markdown as plain text: `[ILT](https://…)` -> `ILT`, emphasis and code marks dropped."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    text = re.sub(r"<[^>]+>", "", text)
    text = re.sub(r"(\*\*|__|\*|`)", "", text)
    return " ".join(text.split())
