"""What every importer shares: the files it will write, the report of what it could not map,
and small readers for Jekyll/Hugo Markdown files with front matter.

An importer never writes anything itself: it fills an `ImportResult` (file path relative to the
site root -> content) and the command line writes it with `write_files`, which refuses to
overwrite an existing file unless told to. The same source gives byte-identical files.
"""

from __future__ import annotations

import datetime as _dt
import html
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..slugs import slugify

#: Where the data files go, relative to the site root (the folder of mkdocs.yml).
DATA = "data"
#: Where Markdown pages go (long news posts, talk notes...), relative to the site root.
DOCS = "docs"


@dataclass(frozen=True)
class Unmapped:
    """Something of the source that the import did not carry over, and why."""

    source: str
    what: str
    why: str


@dataclass
class ImportResult:
    """Everything one import produces (nothing is written until `write_files`)."""

    #: Path relative to the site root ("data/news.yml", "docs/news/x.md") -> content.
    files: dict[str, str | bytes] = field(default_factory=dict)
    #: What was not carried over (or only partly), in the order found.
    unmapped: list[Unmapped] = field(default_factory=list)
    #: Things the user should do by hand (copy a PDF folder, set `me:`...).
    todo: list[str] = field(default_factory=list)
    #: How many items of each kind were imported ("publications": 9, "news items": 3...).
    counts: dict[str, int] = field(default_factory=dict)
    #: The site owner's name, when the source says it (used for `me:` in mkdocs.yml).
    owner: str = ""

    def skip(self, source: str, what: str, why: str) -> None:
        """Record something not carried over."""
        item = Unmapped(source, what, why)
        if item not in self.unmapped:
            self.unmapped.append(item)

    def count(self, kind: str, number: int = 1) -> None:
        self.counts[kind] = self.counts.get(kind, 0) + number

    def add_yaml(self, relative: str, data: Any, header: str = "") -> None:
        """Add a YAML file (`header` becomes comment lines at its top)."""
        self.files[relative] = dump_yaml(data, header)

    def add_page(self, relative: str, text: str) -> str:
        """Add a Markdown page under docs/ and return its site URL (`news/x/`)."""
        path = unique_path(f"{DOCS}/{relative}", self.files)
        self.files[path] = text if text.endswith("\n") else text + "\n"
        return path[len(DOCS) + 1 :].removesuffix(".md") + "/"


def unique_path(path: str, taken: Mapping[str, object]) -> str:
    """`path`, or `path` with `-2`, `-3`... before the suffix when it is taken."""
    if path not in taken:
        return path
    stem, dot, suffix = path.rpartition(".")
    number = 2
    while f"{stem}-{number}{dot}{suffix}" in taken:
        number += 1
    return f"{stem}-{number}{dot}{suffix}"


def unique_key(key: str, taken: set[str]) -> str:
    """`key`, or `key-2`, `key-3`... when it is taken; the result is added to `taken`."""
    candidate, number = key, 2
    while candidate in taken:
        candidate = f"{key}-{number}"
        number += 1
    taken.add(candidate)
    return candidate


# --- writing ---------------------------------------------------------------------------------


class _Dumper(yaml.SafeDumper):
    """Block style, with multi-line text written as `|` blocks (readable diffs)."""


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    if "\n" in value:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


_Dumper.add_representer(str, _represent_str)


def dump_yaml(data: Any, header: str = "") -> str:
    """YAML as our data files are written: keys in the given order, Unicode kept."""
    text = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
    comment = "".join(f"# {line}".rstrip() + "\n" for line in header.splitlines())
    return comment + text


def place(result: ImportResult, *, data_dir: Path, docs_dir: Path, root: Path) -> dict[Path, str | bytes]:
    """The files of `result` at their final paths: `data/...` in `data_dir`, `docs/...` in `docs_dir`."""
    placed: dict[Path, str | bytes] = {}
    for name, content in sorted(result.files.items()):
        head, _, rest = name.partition("/")
        if head == DATA:
            placed[data_dir / rest] = content
        elif head == DOCS:
            placed[docs_dir / rest] = content
        else:
            placed[root / name] = content
    return placed


def write_files(files: dict[Path, str | bytes], *, force: bool = False) -> list[Path]:
    """Write `files`; nothing at all is written when one of them exists, unless `force`.

    Raises FileExistsError naming the files that exist.
    """
    clashes = sorted(path for path in files if path.exists())
    if clashes and not force:
        raise FileExistsError(", ".join(str(path) for path in clashes))
    for path in sorted(files):
        path.parent.mkdir(parents=True, exist_ok=True)
        content = files[path]
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8", newline="\n")
    return sorted(files)


def report_markdown(result: ImportResult, source: str, kind: str) -> str:
    """The import report as Markdown (printed, and written to IMPORT-REPORT.md)."""
    lines = [f"# Import from {kind}", "", f"Source: `{source}`", "", "## Imported", ""]
    lines += [f"- {number} {what}" for what, number in result.counts.items()] or ["- nothing"]
    lines += ["", "## Not imported (or only in part)", ""]
    lines += [f"- `{item.source}`: {item.what} — {item.why}" for item in result.unmapped] or ["- nothing"]
    if result.todo:
        lines += ["", "## To do by hand", ""]
        lines += [f"- {item}" for item in result.todo]
    return "\n".join(lines) + "\n"


# --- reading ---------------------------------------------------------------------------------

_FRONT_MATTER = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*\r?$\n?", re.DOTALL | re.MULTILINE)
#: The YAML front matter at the top of a Markdown file (group 1: its text).
FRONT_MATTER_PATTERN = _FRONT_MATTER


def read_front_matter(path: Path) -> tuple[dict[str, Any], str]:
    """A Markdown file's YAML front matter (a dict, {} when none or broken) and its body."""
    text = path.read_text(encoding="utf-8", errors="replace")
    match = _FRONT_MATTER.match(text)
    if match is None:
        return {}, text
    try:
        data = yaml.safe_load(match.group(1))
    except yaml.YAMLError:
        data = None
    return (data if isinstance(data, dict) else {}), text[match.end() :]


def read_yaml(path: Path) -> Any:
    """A YAML file's data (None when it is empty or cannot be parsed)."""
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8", errors="replace"))
    except yaml.YAMLError:
        return None


def relative(path: Path, root: Path) -> str:
    """`path` as shown in the report: relative to the source folder, with `/`."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def date_text(value: Any) -> str:
    """A date as our files write it: `2015-10-22` from a date, a datetime or an ISO timestamp."""
    if isinstance(value, _dt.datetime):
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    if value is None:
        return ""
    text = str(value).strip()
    match = re.match(r"^(\d{4}-\d{2}-\d{2})[T ]", text)
    return match.group(1) if match else text


def clean(value: Any) -> str:
    """A scalar as stripped text ("" for None)."""
    if value is None:
        return ""
    if isinstance(value, (_dt.date, _dt.datetime)):
        return date_text(value)
    return str(value).strip()


def compact(data: Mapping[str, Any]) -> dict[str, Any]:
    """`data` without empty values (keeps order)."""
    return {key: value for key, value in data.items() if value not in (None, "", [], {}, ())}


#: Longest slug the importers make for a key or a file name.
SLUG_LENGTH = 60


def section_name(title: str) -> str:
    """A CV section name from a heading ("Honors and Awards" -> "honors_and_awards")."""
    return slugify(title, max_length=SLUG_LENGTH, fallback="section").replace("-", "_")


# --- HTML and Markdown bodies ----------------------------------------------------------------

_INLINE_TAGS = [
    (re.compile(r"<a\s+[^>]*?href\s*=\s*[\"']([^\"']+)[\"'][^>]*>(.*?)</a>", re.IGNORECASE | re.DOTALL), r"[\2](\1)"),
    (re.compile(r"</?(?:b|strong)>", re.IGNORECASE), "**"),
    (re.compile(r"</?(?:i|em)>", re.IGNORECASE), "*"),
    (re.compile(r"</?(?:u|span|small)(?:\s[^>]*)?>", re.IGNORECASE), ""),
    (re.compile(r"<br\s*/?>", re.IGNORECASE), " "),
]
_ANY_TAG = re.compile(r"</?[a-zA-Z][^>]*>")


def html_to_markdown(text: str) -> tuple[str, bool]:
    """Simple inline HTML (`<a>`, `<b>`, `<i>`, `<u>`, `<br>`, entities) as Markdown.

    Returns the text and whether some other HTML is left in it (shown escaped by default).
    """
    for pattern, replacement in _INLINE_TAGS:
        text = pattern.sub(replacement, text)
    text = html.unescape(text)
    return text, bool(_ANY_TAG.search(text))


def is_simple_body(body: str) -> bool:
    """True when a Markdown body is only paragraphs of text (no headings, lists, quotes, code)."""
    for line in body.splitlines():
        stripped = line.strip()
        if re.match(
            r"^(#|>|[-*+]\s|\d+\.\s|```|~~~|={3,}|-{3,}|\||<(?!a\s|/a|b>|/b|i>|/i|em|/em|strong|/strong))", stripped
        ):
            return False
    return True


def one_line(body: str) -> str:
    """Paragraphs of text joined into one line."""
    return " ".join(body.split())


def plain_list(value: Any) -> list[Any]:
    """`value` as a list (a single value is a list of one; None is empty)."""
    if value is None or value == "":
        return []
    return list(value) if isinstance(value, (list, tuple)) else [value]


def describe_keys(keys: Iterable[str]) -> str:
    """Keys as text for the report: `a`, `b`, `c`."""
    names = [f"`{key}`" for key in keys]
    return ", ".join(names)
