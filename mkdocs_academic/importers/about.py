"""An about page (academicpages' `_pages/about.md`) as the profile's bio and `news.yml`.

The page body, without its front matter, is the bio. A list under a heading such as "News",
"Updates" or "Announcements" (Markdown `##`, `===` underline, a bold line or `<h2>`), or a list
whose every item starts with a month, is the news: each item that starts with a date
(`[Dec 2025]`, `**Dec 2025**:`, `Dec 2025:`, `[12/2025]`, `*2025.12*:`, `[Dec 3, 2025]`...)
becomes a news item, its text kept as Markdown. Jekyll's Liquid tags (`{% ... %}`, `{{ ... }}`)
are removed. Whatever is left out is written to the report.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..data.dates import MONTHS
from ..data.models import PartialDate
from .common import FRONT_MATTER_PATTERN, ImportResult, describe_keys, html_to_markdown

#: A heading whose text names the news section.
NEWS_HEADING = re.compile(r"\b(?:news|updates?|announcements?|what'?s\s+new)\b", re.IGNORECASE)
#: Front matter keys of the page that only tell Jekyll how to show it.
PAGE_SETTINGS = {"permalink", "layout", "author_profile", "redirect_from", "title", "classes", "sidebar"}

_LIQUID = re.compile(r"\{%-?\s*comment\s*-?%\}.*?\{%-?\s*endcomment\s*-?%\}|\{%.*?%\}|\{\{.*?\}\}", re.DOTALL)
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_FENCE = re.compile(r"^\s*(```|~~~)")
_ATX = re.compile(r"^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)\s*$")
_BOLD_LINE = re.compile(r"^ {0,3}(?:\*\*|__)([^*_]+)(?:\*\*|__):?\s*$")
_HTML_HEADING = re.compile(r"^\s*<h([1-6])[^>]*>(.*?)</h\1>\s*$", re.IGNORECASE)
_ITEM = re.compile(r"^(\s*)(?:[-*+]|\d{1,3}[.)])\s+(.*)$")
_YEAR_ONLY = re.compile(r"^\s*\d{4}\s*$")

_MONTH_NAME = r"(?P<mon>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
#: Dates a news item may start with, most specific first; each gives year, month, day groups.
_DATES = [
    re.compile(_MONTH_NAME + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+" + _YEAR, re.IGNORECASE),
    re.compile(r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\.?\s+" + _MONTH_NAME + r",?\s+" + _YEAR, re.IGNORECASE),
    re.compile(_MONTH_NAME + r"[\s,]+" + _YEAR, re.IGNORECASE),
    re.compile(_YEAR + r"[-./](?P<month>\d{1,2})(?:[-./](?P<day>\d{1,2}))?(?!\d)"),
    re.compile(r"(?P<first>\d{1,2})[-./](?P<second>\d{1,2})[-./]" + _YEAR),
    re.compile(r"(?P<month>\d{1,2})[-./]" + _YEAR),
    re.compile(_YEAR + r"(?![-./]?\d)"),
]
#: Emoji, `&nbsp;` and other decoration before the date (kept in front of the text).
_DECORATION = re.compile(r"^((?:[^\w\s\[\](){}*_<>'\"`~]|:[a-z0-9_+-]+:)\s*)*", re.IGNORECASE)
_OPEN = re.compile(r"^[\[(*_]{0,4}\s*")
_CLOSE = re.compile(r"^\s*:?\s*(?P<close>[\])*_]{0,4})(?:\((?P<url>[^)\s]+)\))?\s*(?P<sep>[:|–—-]+)?\s*")


@dataclass
class AboutPage:
    """What an about page holds: the bio (Markdown) and the news items (`news.yml` entries)."""

    bio: str = ""
    news: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class _Item:
    line: int
    parts: list[str]


def read_about(path: Path, label: str, result: ImportResult) -> AboutPage:
    """The bio and news of the about page at `path` (`label`: its name in the report)."""
    text = path.read_text(encoding="utf-8", errors="replace").replace("\r\n", "\n")
    match = FRONT_MATTER_PATTERN.match(text)
    body, first_line = (text[match.end() :], text[: match.end()].count("\n") + 1) if match else (text, 1)
    if match:
        _report_front_matter(match.group(1), label, result)
    body = _strip_liquid(body, label, result)
    if _HTML_COMMENT.search(body):
        body = _HTML_COMMENT.sub(lambda found: "\n" * found.group(0).count("\n"), body)
        result.skip(label, "HTML comments (`<!-- ... -->`)", "they were not shown on the old site either")
    bio_lines, items = _split(body.split("\n"), first_line)
    page = AboutPage()
    for item in items:
        news = _news_item(item, label, result)
        if news:
            page.news.append(news)
    page.bio = _bio("\n".join(bio_lines), label, result)
    return page


def _report_front_matter(block: str, label: str, result: ImportResult) -> None:
    keys = [line.split(":", 1)[0].strip() for line in block.split("\n") if re.match(r"^[A-Za-z_][\w-]*\s*:", line)]
    settings = [key for key in keys if key in PAGE_SETTINGS]
    others = [key for key in keys if key not in PAGE_SETTINGS]
    if settings:
        result.skip(
            label,
            f"front matter {describe_keys(settings)}",
            "how Jekyll showed the page; the home page is docs/index.md",
        )
    if others:
        result.skip(label, f"front matter {describe_keys(others)}", "no matching profile or news field")


def _strip_liquid(body: str, label: str, result: ImportResult) -> str:
    tags = [" ".join(found.group(0).split()) for found in _LIQUID.finditer(body)]
    if not tags:
        return body
    shown = describe_keys(dict.fromkeys(tag if len(tag) <= 40 else tag[:37] + "..." for tag in tags))
    result.skip(
        label,
        f"{len(tags)} Liquid tag(s) {shown}",
        "removed: Jekyll tags do nothing here; check the text and links around them",
    )
    # `{{ site.baseurl }}/files/cv.pdf` keeps the path; line numbers stay those of the file.
    return _LIQUID.sub(lambda found: "\n" * found.group(0).count("\n"), body)


def _heading(lines: list[str], index: int) -> tuple[int, str, int] | None:
    """(level, text, lines used) when a heading starts at `lines[index]`."""
    line = lines[index]
    if not line.strip():
        return None
    found = _ATX.match(line)
    if found:
        return len(found.group(1)), found.group(2), 1
    found = _HTML_HEADING.match(line)
    if found:
        return int(found.group(1)), re.sub(r"<[^>]+>", "", found.group(2)), 1
    following = lines[index + 1] if index + 1 < len(lines) else ""
    underline = _SETEXT.match(following)
    if underline and not _ITEM.match(line) and (underline.group(1)[0] == "=" or len(underline.group(1)) >= 2):
        return (1 if underline.group(1)[0] == "=" else 2), line.strip(), 2
    found = _BOLD_LINE.match(line)
    if found:
        return 7, found.group(1).strip(), 1
    return None


def _split(lines: list[str], first_line: int) -> tuple[list[str], list[_Item]]:
    """The lines of the bio, and the list items of the news (the list and its heading leave the bio)."""
    sections: list[tuple[tuple[int, str, int] | None, list[tuple[int, str]]]] = [(None, [])]
    fence = False
    index = 0
    while index < len(lines):
        line = lines[index]
        if _FENCE.match(line):
            fence = not fence
        heading = None if fence else _heading(lines, index)
        if heading is not None:
            head = "\n".join(lines[index : index + heading[2]])
            sections.append((heading, [(first_line + index, head)]))
            index += heading[2]
            continue
        sections[-1][1].append((first_line + index, line))
        index += 1
    bio: list[str] = []
    items: list[_Item] = []
    news_level = 0  # inside a news section: the level of its heading
    for heading, content in sections:
        heading_lines = [line for _, line in content[:1]] if heading is not None else []
        body = content[1:] if heading is not None else content
        if heading is not None:
            level, title, _ = heading
            deeper = news_level and level > news_level and (_YEAR_ONLY.match(title) or NEWS_HEADING.search(title))
            if not deeper:
                news_level = level if NEWS_HEADING.search(title) else 0
            if news_level:
                found, rest = _list_items(body)
                items += found
                bio += [line for _, line in rest]
                continue
        found = _all_month_dated(body)
        if found:
            items += found
        else:
            bio += heading_lines + [line for _, line in body]
    return bio, items


def _list_items(content: list[tuple[int, str]]) -> tuple[list[_Item], list[tuple[int, str]]]:
    """The top-level list items of `content` (nested items and wrapped lines join their item),
    and the other lines."""
    items: list[_Item] = []
    rest: list[tuple[int, str]] = []
    top: int | None = None
    blank = False
    in_list = False
    fence = False
    for number, line in content:
        if fence or _FENCE.match(line):
            # A code block (not in a list item) stays in the bio as it is.
            fence = fence != bool(_FENCE.match(line))
            rest.append((number, line))
            in_list = False
            continue
        if not line.strip():
            blank = True
            if not in_list:
                rest.append((number, line))
            continue
        found = _ITEM.match(line)
        indent = len(line) - len(line.lstrip())
        if found and (top is None or indent <= top):
            top = indent if top is None else top
            items.append(_Item(number, [found.group(2).strip()]))
            in_list = True
        elif in_list and (indent > (top or 0) or not blank):
            items[-1].parts.append(found.group(2).strip() if found else line.strip())
        else:
            rest.append((number, line))
            in_list = False
        blank = False
    return items, rest


def _all_month_dated(content: list[tuple[int, str]]) -> list[_Item]:
    """The items of `content` when it is only a list whose every item starts with a month."""
    items, rest = _list_items(content)
    if not items or any(line.strip() for _, line in rest):
        return []
    for item in items:
        dated = _split_date(html_to_markdown(" ".join(item.parts))[0])
        if dated is None or dated[0].month is None:
            return []
    return items


def _split_date(text: str) -> tuple[PartialDate, str, str, bool] | None:
    """(date, the text after it, a link on the date, ambiguous) when `text` starts with a date."""
    text = text.replace("\xa0", " ")
    decoration = _DECORATION.match(text)
    lead = decoration.group(0) if decoration else ""
    rest = text[len(lead) :]
    opening = _OPEN.match(rest)
    opened = opening.group(0).strip() if opening else ""
    rest = rest[opening.end() :] if opening else rest
    for pattern in _DATES:
        found = pattern.match(rest)
        if found is None:
            continue
        date, ambiguous = _date_of(found.groupdict())
        if date is None:
            return None
        closing = _CLOSE.match(rest[found.end() :])
        assert closing is not None  # every part of it is optional
        after = rest[found.end() + closing.end() :]
        if after[:1].isalnum() and not closing.group(0):
            return None  # `2025-12x` or `2025 was...`: not a date followed by text
        if date.month is None and not (opened or closing.group(0).strip()):
            return None  # a bare year starts a sentence ("2025 was...") unless set apart
        words = " ".join(part for part in (lead.strip(), after.strip()) if part)
        return date, words, closing.group("url") or "", ambiguous
    return None


def _date_of(groups: dict[str, str | None]) -> tuple[PartialDate | None, bool]:
    year = int(groups["year"] or 0)
    day_text, month_text = groups.get("day"), groups.get("month")
    day = int(day_text) if day_text else None
    ambiguous = False
    if groups.get("mon"):
        month: int | None = MONTHS.get(str(groups["mon"]).lower().rstrip("."))
    elif groups.get("first"):
        first, second = int(groups["first"] or 0), int(groups["second"] or 0)
        if first > 12:
            day, month = first, second
        else:
            month, day = first, second
            ambiguous = second <= 12 and first != second
    else:
        month = int(month_text) if month_text else None
    if month is not None and not 1 <= month <= 12:
        return None, False
    if day is not None and not (month is not None and 1 <= day <= calendar.monthrange(year, month)[1]):
        return None, False  # `[Feb 30, 2025]` is no date (news.yml would refuse it)
    return PartialDate(year, month, day), ambiguous


def _news_item(item: _Item, label: str, result: ImportResult) -> dict[str, Any]:
    text, html_left = html_to_markdown(" ".join(item.parts))
    shown = " ".join(text.split())
    shown = shown if len(shown) <= 50 else shown[:47] + "..."
    dated = _split_date(text)
    if dated is None:
        result.skip(
            label, f"list item '{shown}' (line {item.line})", "no date at its start: add it to news.yml by hand"
        )
        return {}
    date, words, url, ambiguous = dated
    words = " ".join(words.split())
    if not words:
        result.skip(label, f"list item '{shown}' (line {item.line})", "a date without text")
        return {}
    if ambiguous:
        result.skip(
            label, f"the date of '{shown}' (line {item.line})", f"read as month/day/year ({date.iso()}): check it"
        )
    if html_left:
        result.skip(label, f"HTML in '{shown}' (line {item.line})", "it is shown escaped; rewrite it in Markdown")
    news: dict[str, Any] = {"date": date.iso(), "text": words}
    if url:
        news["url"] = url
    return news


def _bio(text: str, label: str, result: ImportResult) -> str:
    """The bio as Markdown: headings two levels down (the page has its own title), simple HTML
    as Markdown, blank lines tidied."""
    lines = text.split("\n")
    out: list[str] = []
    index = 0
    fence = False
    while index < len(lines):
        line = lines[index]
        if _FENCE.match(line):
            fence = not fence
        heading = None if fence else _heading(lines, index)
        if heading is not None and heading[0] <= 6:
            out += ["", "#" * min(heading[0] + 2, 6) + " " + heading[1], ""]
            index += heading[2]
            continue
        out.append(line.rstrip())
        index += 1
    bio = re.sub(r"\n{3,}", "\n\n", "\n".join(out)).strip()
    bio, html_left = html_to_markdown(bio)
    if html_left:
        result.skip(label, "HTML in the bio", "it is shown escaped; rewrite it in Markdown (or set allow_html)")
    rooted = sorted(set(re.findall(r"\]\((/[^)\s]*)\)", bio)))
    if rooted:
        result.skip(
            label,
            f"links from the site root in the bio: {describe_keys(rooted[:5])}",
            "they pointed at pages of the old site: copy the files into docs/ or fix the links",
        )
    return bio
