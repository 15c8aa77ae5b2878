"""Check one YAML mapping against a small schema, turning every mistake into a `Problem`.

Used by the news, CV and profile loaders: `ItemReader` reads typed values from a mapping
(`LineDict`), reports unknown fields (with a "did you mean"), keys written twice, wrong types
and bad dates, each with its file and line, and never raises for a user mistake.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

from .dates import DateRange, is_present, parse_date_range, parse_partial_date
from .fields import LINK_FIELDS, placeholder_message
from .models import Link, PartialDate, Person
from .problems import Problem
from .urls import safe_url, unsafe_markdown_links
from .yamlfile import LineDict, LineList, did_you_mean

DATE_HINT = "write 2024-05-17, 2024-05, May 2024 or 2024"
_TRUE = {"true", "yes", "on"}
_FALSE = {"false", "no", "off"}

#: Link kinds with a label (and, in the profile, an icon); any other name is its own label.
KNOWN_LINK_KINDS = frozenset(
    {
        *LINK_FIELDS,
        "paper",
        "scholar",
        "orcid",
        "github",
        "gitlab",
        "linkedin",
        "x",
        "twitter",
        "bluesky",
        "mastodon",
        "semantic_scholar",
        "dblp",
        "researchgate",
        "cv",
        "email",
    }
)
#: Other ways people write a link kind.
LINK_KIND_ALIASES = {
    "google_scholar": "scholar",
    "googlescholar": "scholar",
    "semanticscholar": "semantic_scholar",
    "homepage": "website",
    "web": "website",
    "resume": "cv",
    "mail": "email",
    "e-mail": "email",
}


def link_kind(name: str) -> str:
    """A link's kind from the name it was given ("Google Scholar" -> "scholar")."""
    kind = "_".join(name.strip().lower().split()).replace("-", "_")
    return LINK_KIND_ALIASES.get(kind, kind)


class ItemReader:
    """Typed access to one mapping of a data file; problems go to `problems`."""

    def __init__(
        self,
        item: LineDict,
        path: str,
        problems: list[Problem],
        *,
        fields: Collection[str],
        what: str = "",
        hints: Mapping[str, str] | None = None,
    ) -> None:
        self.item = item
        self.path = path
        self.problems = problems
        self.what = what
        for name, line in getattr(item, "duplicates", []):
            self.report(line, f"field '{name}' is written twice; the last one is used", "keep one of them")
        for name in item:
            if name in fields:
                continue
            better = (hints or {}).get(str(name).lower())
            hint = (
                f"did you mean '{better}'?"
                if better
                else did_you_mean(str(name), list(fields)) or f"known fields: {', '.join(sorted(fields))}"
            )
            self.report(self.line(name), f"unknown field '{name}'; it is not shown", hint)

    def report(self, line: int, message: str, hint: str = "") -> None:
        prefix = f"{self.what}: " if self.what else ""
        self.problems.append(Problem(self.path, line, prefix + message, hint))

    def line(self, key: str) -> int:
        return self.item.line_of(key)

    def has(self, key: str) -> bool:
        return self.item.get(key) not in (None, "")

    def text(self, key: str, *, required: bool = False) -> str:
        """A short text (numbers are read as text)."""
        value = self.item.get(key)
        if value is None or value == "":
            if required:
                self.report(self.line(key), f"missing required field '{key}'", f"add `{key}: ...`")
            return ""
        if isinstance(value, (list, dict, bool)):
            self.report(self.line(key), f"field '{key}' must be text, not {_kind(value)}", _quote_hint(key))
            return ""
        text = str(value).strip()
        self.check_markdown_links(text, key, self.line(key))
        return text

    def check_markdown_links(self, text: str, key: str, line: int) -> None:
        """Report links with an unsafe scheme inside a Markdown value (they are dropped when shown)."""
        for url in unsafe_markdown_links(text):
            self.report(
                line,
                f"field '{key}': link '{url[:60]}' is not http(s), mailto or a relative path; it is left out",
                "link to an https:// address or a file of the site",
            )

    def text_list(self, key: str, *, split_commas: bool = False) -> tuple[str, ...]:
        """A list of texts; a single text is a list of one (or split at commas)."""
        value = self.item.get(key)
        if value is None or value == "":
            return ()
        if isinstance(value, (str, int, float)) and not isinstance(value, bool):
            parts = str(value).split(",") if split_commas else [str(value)]
            return tuple(part.strip() for part in parts if part.strip())
        if isinstance(value, list):
            result: list[str] = []
            for index, entry in enumerate(value):
                if isinstance(entry, (str, int, float)) and not isinstance(entry, bool):
                    if str(entry).strip():
                        result.append(str(entry).strip())
                        line = value.line_of(index) if isinstance(value, LineList) else self.line(key)
                        self.check_markdown_links(str(entry), key, line)
                else:
                    line = value.line_of(index) if isinstance(value, LineList) else self.line(key)
                    self.report(line, f"field '{key}': each item must be text, not {_kind(entry)}", _quote_hint(key))
            return tuple(result)
        self.report(
            self.line(key), f"field '{key}' must be a list of texts, not {_kind(value)}", f"write `{key}: [a, b]`"
        )
        return ()

    def boolean(self, key: str) -> bool:
        value = self.item.get(key)
        if value is None:
            return False
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.lower() in _TRUE | _FALSE:
            return value.lower() in _TRUE
        self.report(self.line(key), f"field '{key}' must be true or false, not {value!r}", f"write `{key}: true`")
        return False

    def date(self, key: str, *, required: bool = False) -> PartialDate | None:
        value = self.item.get(key)
        if value is None or value == "":
            if required:
                self.report(self.line(key), f"missing required field '{key}'", DATE_HINT)
            return None
        parsed = parse_partial_date(value)
        if parsed is None:
            self.report(self.line(key), f"field '{key}': '{value}' is not a date", DATE_HINT)
        return parsed

    def date_range(self, single: str = "date", start: str = "start", end: str = "end") -> DateRange | None:
        """The entry's dates: `date` (one date or a range) or `start` / `end` (`end: present`)."""
        if self.has(single):
            if self.has(start) or self.has(end):
                self.report(self.line(single), f"write either '{single}' or '{start}'/'{end}', not both", "")
            value = self.item.get(single)
            parsed = parse_date_range(value)
            if parsed is None:
                self.report(
                    self.line(single),
                    f"field '{single}': '{value}' is not a date or a date range",
                    f"{DATE_HINT}, or a range: 2020–2022, Sep 2020 – present",
                )
            return parsed
        first = self.date(start)
        if is_present(self.item.get(end)):
            if first is None:
                self.report(self.line(end), f"'{end}: present' needs a '{start}' date", f"add `{start}: 2021`")
                return None
            return DateRange(start=first, ongoing=True)
        last = self.date(end)
        if first is None and last is None:
            return None
        if first is not None and last is not None and last.sort_key < first.sort_key:
            self.report(self.line(end), f"'{end}' ({last.iso()}) is before '{start}' ({first.iso()})", "swap them")
        if first is not None and last is None and not self.has(end):
            return DateRange(start=first, ongoing=True)
        return DateRange(start=first, end=last)

    def url(self, key: str) -> str:
        value = self.text(key)
        return self.check_url(value, key, self.line(key))

    def check_url(self, value: str, key: str, line: int) -> str:
        if value.strip() == "#" or (not value.strip() and key == "links"):
            self.report(line, placeholder_message(value.strip(), key), "a link to nowhere is left out")
            return ""
        if value and not safe_url(value):
            self.report(
                line,
                f"field '{key}': link '{value[:60]}' is not http(s), mailto or a relative path; it is left out",
                "link to an https:// address or a file of the site",
            )
            return ""
        return value

    def people(self, key: str) -> tuple[Person, ...]:
        """Names (Markdown allowed: `[Ana Ruiz](https://...)`) or mappings `{name, url}`."""
        value = self.item.get(key)
        if value is None or value == "":
            return ()
        entries = value if isinstance(value, list) else [value]
        people: list[Person] = []
        for index, entry in enumerate(entries):
            line = value.line_of(index) if isinstance(value, LineList) else self.line(key)
            if isinstance(entry, LineDict):
                person = ItemReader(entry, self.path, self.problems, fields={"name", "url"}, what=self.what)
                name = person.text("name", required=True)
                if name:
                    people.append(Person(literal=name, url=person.url("url")))
            elif isinstance(entry, (str, int)) and not isinstance(entry, bool):
                if str(entry).strip():
                    people.append(Person(literal=str(entry).strip()))
            else:
                self.report(line, f"field '{key}': a person is a name or `{{name: ..., url: ...}}`", "")
        return tuple(people)

    def links(self, key: str = "links") -> tuple[Link, ...]:
        """`links: {paper: url, code: url}` or a list of `{label, url}`."""
        value = self.item.get(key)
        if value is None or value == "":
            return ()
        links: list[Link] = []
        if isinstance(value, LineDict):
            for name, url in value.items():
                line = value.line_of(name)
                if isinstance(url, LineDict):
                    entry = ItemReader(url, self.path, self.problems, fields={"url", "label"}, what=self.what)
                    target = entry.url("url")
                    label = entry.text("label")
                elif isinstance(url, (str, int)) and not isinstance(url, bool):
                    target, label = self.check_url(str(url).strip(), key, line), ""
                else:
                    self.report(
                        line, f"link '{name}' must be an address, not {_kind(url)}", "write `name: https://...`"
                    )
                    continue
                kind = link_kind(str(name))
                if target:
                    links.append(Link(kind, target, label or ("" if kind in KNOWN_LINK_KINDS else str(name))))
        elif isinstance(value, LineList):
            for index, entry in enumerate(value):
                if not isinstance(entry, LineDict):
                    self.report(value.line_of(index), f"field '{key}': each link is `{{label: ..., url: ...}}`", "")
                    continue
                reader = ItemReader(entry, self.path, self.problems, fields={"url", "label", "kind"}, what=self.what)
                target = reader.url("url") if reader.has("url") else ""
                if not reader.has("url"):
                    reader.text("url", required=True)
                label = reader.text("label")
                kind = link_kind(reader.text("kind") or label or "url")
                if target:
                    links.append(
                        Link(kind, target, "" if kind in KNOWN_LINK_KINDS and not reader.has("label") else label)
                    )
        else:
            self.report(
                self.line(key), f"field '{key}' must be a mapping of name: address", "write `paper: https://...`"
            )
        return tuple(links)


def _kind(value: object) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _quote_hint(key: str) -> str:
    return f"write `{key}: ...` on one line; put text with a colon in quotes"


def top_level_list(data: object, key: str, path: str, problems: list[Problem], what: str) -> LineList | None:
    """The list of items in a file: the file itself, or its `key:` list."""
    if isinstance(data, LineDict) and key in data:
        data = data[key]
    if isinstance(data, LineList):
        return data
    problems.append(
        Problem(
            path, getattr(data, "line", 0), f"expected a list of {what}", "start each item with `- ` on its own line"
        )
    )
    return None
