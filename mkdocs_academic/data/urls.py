"""Links in entries: which URLs are safe to show, DOI and arXiv identifiers, one link per resource."""

from __future__ import annotations

import html
import re
from urllib.parse import unquote

from ..lazy_pattern import LazyPattern

SAFE_SCHEMES = ("http", "https", "mailto")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
_ARXIV_PREFIX = re.compile(r"^(?:https?://arxiv\.org/(?:abs|pdf)/|arxiv:)", re.IGNORECASE)
_ARXIV_ID = re.compile(r"\d{4}\.\d{4,5}(v\d+)?|[a-z-]+(\.[A-Z]{2})?/\d{7}(v\d+)?")
_ARXIV_IN_TEXT = re.compile(r"arXiv[:\s]\s*(\d{4}\.\d{4,5}(?:v\d+)?)", re.IGNORECASE)
_DOI_PREFIX = LazyPattern(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.IGNORECASE)
_LATEX_URL = re.compile(r"\\url\{(.*)\}")
_URL_IN_TEXT = re.compile(r"\\(?:url|href)\s*\{([^{}]+)\}")
_WEB_PREFIX = re.compile(r"^https?://(?:www\.|dx\.)?", re.IGNORECASE)
_ARXIV_VERSION = re.compile(r"v\d+$")

# Link targets inside Markdown: `[text](url)`, `![alt](url)`, `[ref]: url`, `<scheme:...>`
# autolinks and `href=` / `src=` attributes of raw HTML.
_MARKDOWN_LINKS = LazyPattern(
    r"\]\(\s*<?([^)\s>]+)"
    r"|^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)"
    r"|<([a-zA-Z][a-zA-Z0-9+.-]*:[^\s>]*)>"
    r"|\b(?:href|src|action|formaction|xlink:href)\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>]+))",
    re.IGNORECASE | re.MULTILINE,
)


def safe_url(url: str) -> bool:
    """True for http(s), mailto and relative URLs; false for `javascript:`, `data:` and co."""
    # Browsers decode character references before reading the scheme (`&#106;avascript:`).
    if "&" in url:
        url = html.unescape(url)
    # Browsers ignore control characters and spaces in a scheme (`java\tscript:`): drop them.
    cleaned = url if url.isascii() and url.isprintable() and " " not in url else _printable(url)
    match = _SCHEME.match(cleaned)
    return match is None or match.group(1).lower() in SAFE_SCHEMES


def _printable(url: str) -> str:
    return "".join(ch for ch in url if ch.isprintable() and not ch.isspace())


def _written_targets(text: str) -> list[str]:
    """The link targets of a Markdown value as written (character references kept)."""
    return [next(group for group in match.groups() if group is not None) for match in _MARKDOWN_LINKS.finditer(text)]


def markdown_link_targets(text: str) -> list[str]:
    """Every link target in a Markdown value: `[text](url)`, `![alt](url)`, `[ref]: url`,
    autolinks and the `href`/`src` of raw HTML, character references decoded."""
    if "](" not in text and "]:" not in text and "<" not in text and "=" not in text:
        return []
    return [html.unescape(url) for url in _written_targets(text)]


def unsafe_markdown_links(text: str) -> list[str]:
    """Link targets in a Markdown value whose scheme is not safe (they are dropped when shown),
    as written."""
    if ":" not in text:
        return []
    return [url for url in _written_targets(text) if not safe_url(html.unescape(url))]


def bare_doi(text: str) -> str:
    """A DOI without its `https://doi.org/` or `doi:` prefix."""
    return _DOI_PREFIX.sub("", text).strip()


def bare_arxiv_id(text: str) -> str:
    """An arXiv identifier without its `https://arxiv.org/abs/` (or `/pdf/`) or `arXiv:` prefix."""
    return _ARXIV_PREFIX.sub("", text).strip() if text else ""


def is_arxiv_id(text: str) -> bool:
    """True for an arXiv identifier, new style (`2401.01234v2`) or old (`hep-th/9901001`)."""
    return _ARXIV_ID.fullmatch(text) is not None


def arxiv_id_in_text(text: str) -> str | None:
    """The arXiv identifier named in free text (`arXiv preprint arXiv:2401.01234`), if any."""
    found = _ARXIV_IN_TEXT.search(text) if text else None
    return found.group(1) if found else None


def latex_url_in_text(text: str) -> str | None:
    r"""The target of the first `\url{...}` or `\href{...}` in `text`, if any."""
    found = _URL_IN_TEXT.search(text)
    return found.group(1) if found else None


def strip_latex_url(value: str) -> str:
    r"""`\url{...}` and braces around URLs, as some exports write them."""
    match = _LATEX_URL.fullmatch(value.strip())
    value = match.group(1) if match else value
    return value.replace("{", "").replace("}", "").replace("\\_", "_").replace("\\%", "%")


def link_identity(url: str) -> str:
    """What makes two links one resource, so that an entry shows it once.

    Exports often give one paper twice: DBLP writes `doi = {10.18653/V1/...}` beside a
    lower-case `url`, Crossref `https://doi.org/10.1103%2F...`, Mendeley `http://dx.doi.org/...`,
    and arXiv items carry an arXiv `url` and arXiv's own DOI (`10.48550/arXiv.<id>`). So the
    scheme, `www.`/`dx.`, percent-escapes, a trailing `/`, the case of a DOI and an arXiv
    version number do not count, and an arXiv abstract page is the same as arXiv's DOI.
    """
    text = _WEB_PREFIX.sub("", unquote(url)).rstrip("/")
    lowered = text.lower()
    if lowered.startswith("doi.org/"):
        doi = lowered.removeprefix("doi.org/")
        if doi.startswith("10.48550/arxiv."):
            return "arxiv:" + _ARXIV_VERSION.sub("", doi.removeprefix("10.48550/arxiv."))
        return "doi:" + doi
    if lowered.startswith("arxiv.org/abs/"):
        return "arxiv:" + _ARXIV_VERSION.sub("", lowered.removeprefix("arxiv.org/abs/"))
    return text


#: Link values that stand for "the real address goes here": a button that goes nowhere.
PLACEHOLDER_LINKS = frozenset({"", "#"})


def is_placeholder_link(url: str) -> bool:
    """True for `#` or an empty value: a link written down before its address was known."""
    return url.strip() in PLACEHOLDER_LINKS


def site_path(url: str) -> str | None:
    """The file of the site a relative link points to (`papers/x.pdf?dl=1#page=2` ->
    `papers/x.pdf`), or None when the link is not relative to the site root: a URL with a
    scheme, `//host`, `/path` (the host's root, not necessarily the site's) or `#anchor`."""
    if not url or _NOT_SITE_RELATIVE.match(url):
        return None
    path = unquote(url.split("#", 1)[0].split("?", 1)[0])
    return path if path.strip() else None


_NOT_SITE_RELATIVE = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:|^/|^#|^\?")


def in_site_folder(url: str, folder: str) -> str:
    """A bare file name (`paper.pdf`: no slash, no scheme) as a path in `folder`
    (`assets/pdf/paper.pdf`), the way al-folio reads `pdf` and `preview`; any other value
    (a path with a slash, a URL) as it is. `folder` "" is the site root."""
    url = url.strip()
    if not folder or not url or "/" in url or "\\" in url or _NOT_SITE_RELATIVE.match(url):
        return url
    return f"{folder}/{url}"


_DOI = re.compile(r"^10\.\d+(?:\.\d+)*/\S")
_DOI_URL = re.compile(r"^(?:https?://)?(?:www\.)?(?:dx\.)?doi\.(?:acm\.)?org/", re.IGNORECASE)
_DOI_SCHEME = re.compile(r"^doi:\s*", re.IGNORECASE)


def split_doi(value: str) -> tuple[str, str]:
    """A `doi` field as `(doi, other)`: the DOI (prefix `https://doi.org/`, `dx.doi.org` or
    `doi:` removed) when the value is one, else `("", value)`: a handle URL
    (`http://hdl.handle.net/...`) or other text that is not a DOI."""
    if not value:
        return "", ""  # most entries have no DOI
    value = strip_latex_url(value).strip()
    bare = _DOI_SCHEME.sub("", _DOI_URL.sub("", unquote(value) if "%2" in value.lower() else value)).strip()
    if _DOI.match(bare):
        return bare, ""
    return "", value


def doi_in_url(value: str) -> str:
    """The DOI a `url` field gives as `doi:10.…` (a DOI, not an address), or ""."""
    value = value.strip()
    if not _DOI_SCHEME.match(value):
        return ""
    doi, _ = split_doi(value)
    return doi


def is_link_text(value: str) -> bool:
    """False for a value of a link field that is words, not an address or a file
    (`html = {Proceedings of ICML}`: spaces, and neither a `.` nor a `/`). A bare file name
    (`pdf = {paper.pdf}`, al-folio's way) or a file name with spaces is a link."""
    value = value.strip()
    if _SCHEME.match(value) or "." in value or "/" in value or "\\" in value:
        return True
    return not any(ch.isspace() for ch in value)


def is_web_address(value: str) -> bool:
    """True for a value with a scheme (`https://…`, `http://hdl.handle.net/…`), after `\\url{}`."""
    return _SCHEME.match(strip_latex_url(value).strip()) is not None and not _DOI_SCHEME.match(value.strip())
