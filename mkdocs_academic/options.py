"""Every option of mkdocs-academic, for every host: the site-wide options and the block options.

The MkDocs plugin (from mkdocs.yml), the Markdown extension (from its `extension_configs`, also
what Zensical runs) and a Sphinx `conf.py` (`academic_<name>`) all call `build_site_options`
with the raw values they were given: the same names, defaults and checks everywhere. Each host
only decides how an option is named in messages and how a problem is reported.

Block options (`/// publications` and the others) are checked by `parse_options`. Pymdown
Blocks turn a block with a bad option back into plain text without a word, so our blocks
accept any option and check them here instead, turning each mistake into a message.

This module imports nothing of MkDocs, Markdown or Sphinx.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal, NamedTuple

from .data.dates import parse_partial_date
from .data.entry_types import KNOWN_ENTRY_TYPES
from .data.models import EMPTY_MAPPING
from .data.query import CATEGORIES, GROUPINGS, SORTS
from .data.yamlfile import did_you_mean
from .render.labels import LANGUAGES, Labels, shipped_language


class OptionError(ValueError):
    """A bad option value; the message says what is expected."""


Validator = Callable[[Any], Any]


# ------------------------------------------------------------------ value validators


def boolean(value: Any) -> bool:
    """`true` / `false` (also `yes` / `no` / `on` / `off` written as text)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in {"true", "yes", "on", "false", "no", "off"}:
        return value.lower() in {"true", "yes", "on"}
    raise OptionError(f"expected true or false, got {value!r}")


def optional_boolean(value: Any) -> bool | None:
    """`true`, `false` or unset (None)."""
    return None if value is None else boolean(value)


def _whole_number(value: Any, least: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < least:
        raise OptionError(f"expected a whole number of at least {least}, got {value!r}")
    return value


def positive_integer(value: Any) -> int:
    """A whole number of at least 1."""
    return _whole_number(value, 1)


def optional_positive_integer(value: Any) -> int | None:
    """A whole number of at least 1, or unset (None)."""
    return None if value is None else positive_integer(value)


def non_negative_integer(value: Any) -> int:
    """A whole number of at least 0."""
    return _whole_number(value, 0)


def heading_level(value: Any) -> int | None:
    """1 to 6, or `auto` / unset (None: one below the heading before the block)."""
    if value is None or value == "auto":
        return None
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 6:
        return value
    raise OptionError(f"expected a heading level from 1 to 6 or 'auto', got {value!r}")


def string_list(value: Any) -> tuple[str, ...]:
    """A string, a comma-separated string, or a list of strings."""
    if value is None:
        return ()
    if isinstance(value, (str, int)) and not isinstance(value, bool):
        return tuple(part.strip() for part in str(value).split(",") if part.strip())
    if isinstance(value, list) and all(isinstance(v, (str, int)) and not isinstance(v, bool) for v in value):
        return tuple(str(v).strip() for v in value if str(v).strip())
    raise OptionError(f"expected a name or a list of names, got {value!r}")


def choice(*allowed: str, aliases: Mapping[str, str] | None = None) -> Validator:
    """One of `allowed` (any case); `aliases` maps other accepted spellings to one of them."""
    other_names = dict(aliases or {})

    def check(value: Any) -> str:
        if isinstance(value, str):
            word = other_names.get(value.lower(), value.lower())
            if word in allowed:
                return word
        raise OptionError(f"expected one of {', '.join(allowed)}, got {value!r}")

    return check


#: The citation styles (`render.citations`), as written in `citation_style` and in a
#: bibliography's `style`.
CITATION_STYLES = ("numeric", "author-year")
#: Other spellings accepted for a style.
STYLE_ALIASES = {"authoryear": "author-year", "author_year": "author-year", "number": "numeric", "numbers": "numeric"}


def citation_style(value: Any) -> str:
    """`numeric` or `author-year` (also `authoryear`, `author_year`)."""
    return choice(*CITATION_STYLES, aliases=STYLE_ALIASES)(value)


def optional_citation_style(value: Any) -> str | None:
    """A citation style, or unset (None: the page's, else the site's `citation_style`)."""
    return None if value is None else citation_style(value)


def year_range(value: Any) -> tuple[int | None, int | None] | None:
    """`2024`, `2019-2021`, `2019-` (from 2019) or `-2015` (up to 2015)."""
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        # YAML reads `year: -2015` as the number -2015: "up to 2015".
        return (None, -value) if value < 0 else (value, value)
    if isinstance(value, str):
        match = re.fullmatch(r"\s*(\d{4})?\s*(?:([-–]|\.\.)\s*(\d{4})?)?\s*", value)
        if match and (match.group(1) or match.group(3)):
            start = int(match.group(1)) if match.group(1) else None
            end = int(match.group(3)) if match.group(3) else (None if match.group(2) else start)
            if start is None or end is None or start <= end:
                return (start, end)
    raise OptionError(f"expected a year (2024) or a range (2019-2021, 2019-, -2015), got {value!r}")


def publication_types(value: Any) -> tuple[str, ...]:
    """Entry types (`article`) or categories (`preprint`), as a word, a comma list or a list."""
    types = tuple(word.lower() for word in string_list(value))
    unknown = [word for word in types if word not in KNOWN_ENTRY_TYPES and word not in CATEGORIES]
    if unknown:
        raise OptionError(
            f"unknown type {unknown[0]!r}; use an entry type (article, inproceedings, ...) "
            f"or a category ({', '.join(CATEGORIES)})"
        )
    return types


def partial_date(value: Any) -> Any:
    """`2024`, `2024-06`, `Jun 2024` or `2024-06-01`, as a PartialDate (None when unset)."""
    if value is None:
        return None
    parsed = parse_partial_date(value)
    if parsed is None:
        raise OptionError(f"expected a date such as 2024, 2024-06 or Jun 2024, got {value!r}")
    return parsed


def bibtex_key(value: Any) -> str:
    """One BibTeX key."""
    if isinstance(value, (str, int)) and not isinstance(value, bool) and str(value).strip():
        return str(value).strip()
    raise OptionError(f"expected one BibTeX key, got {value!r}")


def normalise_site_path(value: Any) -> str:
    """A path inside the built site (`publications`, `/exports/all.bib`), normalised to
    `exports/all.bib`: no leading or trailing slash, no `..` out of the site."""
    if not isinstance(value, str):
        raise OptionError(f"expected a path inside the site, got {value!r}")
    path = posixpath.normpath(value.strip().replace("\\", "/").strip("/")) if value.strip() else ""
    if not path or path == "." or path == ".." or path.startswith("../"):
        raise OptionError(f"expected a path inside the site, got {value!r}")
    return path


# ------------------------------------------------------------------ block options

#: Option name -> (default, validator), per block.
BLOCK_OPTIONS: dict[str, dict[str, tuple[Any, Validator]]] = {
    "publications": {
        "selected": (None, optional_boolean),
        "year": (None, year_range),
        "type": ((), publication_types),
        "tag": ((), string_list),
        "author": ((), string_list),
        "keys": ((), string_list),
        "sort": ("newest", choice(*SORTS, aliases={"none": "file"})),
        "group_by": ("year", choice(*GROUPINGS)),
        "limit": (None, optional_positive_integer),
        "style": ("full", choice("full", "compact")),
        "abstract": (True, boolean),
        "bibtex": (True, boolean),
        "numbered": (False, boolean),
        "heading_level": (None, heading_level),
    },
    "publication": {
        "key": ("", bibtex_key),
        "abstract": (True, boolean),
        "bibtex": (True, boolean),
        "heading_level": (None, heading_level),
    },
    "news": {
        "limit": (None, optional_positive_integer),
        "since": (None, partial_date),
        "pinned": (None, optional_boolean),
        "tag": ((), string_list),
        "group_by": ("none", choice("none", "year")),
        "heading_level": (None, heading_level),
    },
    "experience": {
        "sort": ("newest", choice("newest", "oldest", "file", aliases={"none": "file"})),
        "limit": (None, optional_positive_integer),
        "highlights": (True, boolean),
        "heading_level": (None, heading_level),
    },
    "bibliography": {
        "style": (None, optional_citation_style),
        "all": (False, boolean),
    },
    "profile": {
        "name": (True, boolean),
        "photo": (True, boolean),
        "bio": (True, boolean),
        "links": (True, boolean),
        "interests": (True, boolean),
        "notice": (True, boolean),
    },
}
#: The same idea has the same name in every block: `tag` (with these other spellings).
_TAG_ALIASES = {"tags": "tag", "keyword": "tag", "keywords": "tag"}
#: Other spellings accepted for an option.
OPTION_ALIASES: dict[str, dict[str, str]] = {
    "publications": {
        **_TAG_ALIASES,
        "types": "type",
        "authors": "author",
        "key": "keys",
        "years": "year",
        "group": "group_by",
        "order": "sort",
    },
    "news": {**_TAG_ALIASES, "from": "since", "group": "group_by"},
    "experience": {"order": "sort", "bullets": "highlights"},
}


def parse_options(
    block: str, given: Mapping[str, Any], site_defaults: Mapping[str, Any] | None = None
) -> tuple[dict[str, Any], list[str]]:
    """Options for one block: schema defaults, then site defaults, then the block's own.

    Returns the values and a list of messages, one per unknown option or bad value of the
    block's own (a site default's mistakes are reported once, by `build_site_options`);
    a bad value falls back to the default so the block still renders. Messages name the
    option as the user wrote it (`option 'keywords': ...`).
    """
    schema = BLOCK_OPTIONS[block]
    aliases = OPTION_ALIASES.get(block, {})
    values = {name: default for name, (default, _) in schema.items()}
    errors: list[str] = []
    ignored: list[str] = []
    for source, found in ((site_defaults or {}), ignored), (given, errors):
        written: dict[str, str] = {}  # option -> the spelling used for it in this source
        for raw_name, raw_value in source.items():
            name = aliases.get(str(raw_name), str(raw_name))
            if name not in schema:
                found.append(f"unknown option '{raw_name}' ({_option_hint(str(raw_name), schema, aliases)})")
                continue
            if name in written:
                found.append(
                    f"option '{name}' is given twice (as '{written[name]}' and '{raw_name}'); the last one is used"
                )
            written[name] = str(raw_name)
            try:
                values[name] = schema[name][1](raw_value)
            except OptionError as error:
                found.append(f"option '{raw_name}': {error}")
    return values, errors


def _option_hint(written: str, schema: Mapping[str, Any], aliases: Mapping[str, str]) -> str:
    """ "did you mean …?" for a misspelt option, among the names and their accepted spellings."""
    return did_you_mean(written, [*schema, *aliases]) or f"known options: {', '.join(schema)}"


# ------------------------------------------------------------------ site-wide options

#: A site option's check: the raw value and the folder relative paths resolve against -> value.
SiteCheck = Callable[[Any, Path], Any]


def _plain(validator: Validator) -> SiteCheck:
    """A site check from a validator that needs no folder."""
    return lambda value, base: validator(value)


def _folder(value: Any, base: Path) -> Path:
    if not isinstance(value, (str, Path)) or not str(value).strip():
        raise OptionError(f"expected the path of a folder, got {value!r}")
    return base / Path(value)


def _existing_folders(value: Any, base: Path) -> tuple[Path, ...]:
    if not isinstance(value, list) or not all(isinstance(item, (str, Path)) and str(item).strip() for item in value):
        raise OptionError(f"expected a list of folder paths, got {value!r}")
    folders = tuple(base / Path(item) for item in value)
    for written, folder in zip(value, folders, strict=True):
        if not folder.is_dir():
            raise OptionError(f"'{written}' is not an existing folder (relative paths start at {base})")
    return folders


def _names(value: Any, base: Path) -> tuple[str, ...]:
    # One string is one name: "Lovelace, Ada" must not be split at its comma.
    if isinstance(value, str):
        return (value,) if value.strip() else ()
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return tuple(item for item in value if item.strip())
    raise OptionError(f"expected a name or a list of names, got {value!r}")


def _optional_text(value: Any, base: Path) -> str | None:
    if value is None or isinstance(value, str):
        return value or None
    raise OptionError(f"expected a text, got {value!r}")


def _label_texts(value: Any, base: Path) -> Mapping[str, str]:
    if not isinstance(value, Mapping):
        raise OptionError(f"expected a mapping of label keys to texts (abstract: Summary), got {value!r}")
    for key, text in value.items():
        if not isinstance(text, str):
            raise OptionError(f"label '{key}': expected a text, got {text!r}")
    return MappingProxyType({str(key): text for key, text in value.items()})


def _block_defaults(value: Any, base: Path) -> Mapping[str, Any]:
    # Only the shape here: each option's mistakes are warnings (see `_block_default_problems`).
    if value is None:
        return MappingProxyType({})
    if not isinstance(value, Mapping):
        raise OptionError(f"expected a mapping of block options (group_by: none), got {value!r}")
    return MappingProxyType(dict(value))


class SiteOption(NamedTuple):
    """One site-wide option: its name, default (as a user would write it), check and doc."""

    name: str
    default: Any
    check: SiteCheck
    doc: str


def _table(*options: SiteOption) -> Mapping[str, SiteOption]:
    return MappingProxyType({option.name: option for option in options})


_path_in_site = _plain(normalise_site_path)


def _folder_in_site(value: Any, base: Path) -> str:
    """A folder inside the built site (`assets/pdf`), or "" (also `.` or `/`) for the site root."""
    if isinstance(value, str) and value.strip().strip("/") in {"", "."}:
        return ""
    return normalise_site_path(value)


#: Every site-wide option, in the order of README's table. Hosts take exactly these names.
SITE_OPTIONS: Mapping[str, SiteOption] = _table(
    SiteOption("enabled", True, _plain(boolean), "Switch the plugin off without removing it (blocks stay text)"),
    SiteOption("data_dir", "data", _folder, "Folder of the .bib, .yml and .json data files"),
    SiteOption("me", [], _names, "Name variants of the site owner, highlighted in author lists"),
    SiteOption("language", None, _optional_text, "Language of the labels (en, de, fr, es, zh); default: the host's"),
    SiteOption("labels", {}, _label_texts, "Labels to override, such as `abstract: Summary`"),
    SiteOption("allow_html", False, _plain(boolean), "Let raw HTML inside Markdown data values through"),
    SiteOption("max_authors", 0, _plain(non_negative_integer), "Cut author lists after this many names (0: never)"),
    SiteOption("template_dirs", [], _existing_folders, "Folders searched for academic/*.html before ours"),
    SiteOption("pdf_dir", "assets/pdf", _folder_in_site, "Folder in the site of a bare `pdf` file name (al-folio's)"),
    SiteOption(
        "preview_dir",
        "assets/img/publication_preview",
        _folder_in_site,
        "Folder in the site of a bare `preview` image name (al-folio's)",
    ),
    SiteOption("assets", True, _plain(boolean), "Add the plugin's stylesheet and script to every page"),
    SiteOption("publication_pages", True, _plain(boolean), "A page per publication, with Google Scholar tags"),
    SiteOption("publication_pages_dir", "publications", _path_in_site, "Folder of those pages in the site"),
    SiteOption("publication_pages_social", True, _plain(boolean), "OpenGraph and Twitter tags on those pages"),
    SiteOption("exports", True, _plain(boolean), "Write the bibliography as BibTeX and CSL-JSON files"),
    SiteOption("exports_bibtex", "publications.bib", _path_in_site, "Path in the site of the BibTeX file"),
    SiteOption("exports_csl_json", "publications.json", _path_in_site, "Path in the site of the CSL-JSON file"),
    SiteOption("feed", None, _plain(optional_boolean), "Atom feed of the news (unset: with news and a site_url)"),
    SiteOption("feed_file", "feed.xml", _path_in_site, "Path in the site of the Atom feed"),
    SiteOption("feed_title", None, _optional_text, 'Title of the feed; default: "<site_name>: News"'),
    SiteOption(
        "citation_style",
        "numeric",
        _plain(citation_style),
        "Citations in prose (`[@key]`): numeric ([1]) or author-year ((Lovelace, 1843))",
    ),
    *(
        SiteOption(block, {}, _block_defaults, f"Site-wide defaults of the /// {block} options")
        for block in BLOCK_OPTIONS
    ),
)

#: The labels' language when neither the options nor the host give one.
DEFAULT_LANGUAGE = "en"


class SiteOptions(NamedTuple):
    """The checked site-wide options (one field per `SITE_OPTIONS` entry)."""

    enabled: bool = True
    data_dir: Path = Path("data")
    me: tuple[str, ...] = ()
    language: str | None = None
    labels: Mapping[str, str] = EMPTY_MAPPING
    allow_html: bool = False
    max_authors: int = 0
    template_dirs: tuple[Path, ...] = ()
    pdf_dir: str = "assets/pdf"
    preview_dir: str = "assets/img/publication_preview"
    assets: bool = True
    publication_pages: bool = True
    publication_pages_dir: str = "publications"
    publication_pages_social: bool = True
    exports: bool = True
    exports_bibtex: str = "publications.bib"
    exports_csl_json: str = "publications.json"
    feed: bool | None = None
    feed_file: str = "feed.xml"
    feed_title: str | None = None
    citation_style: str = "numeric"
    # Site-wide block defaults as written; `parse_options` applies them under each block's own.
    publications: Mapping[str, Any] = EMPTY_MAPPING
    publication: Mapping[str, Any] = EMPTY_MAPPING
    news: Mapping[str, Any] = EMPTY_MAPPING
    experience: Mapping[str, Any] = EMPTY_MAPPING
    bibliography: Mapping[str, Any] = EMPTY_MAPPING
    profile: Mapping[str, Any] = EMPTY_MAPPING

    def block_defaults(self) -> dict[str, Mapping[str, Any]]:
        """Block name -> its site-wide defaults. `citation_style` is the default `style` of
        `/// bibliography`, which sets the style of the page's citations."""
        defaults = {block: getattr(self, block) for block in BLOCK_OPTIONS}
        defaults["bibliography"] = {"style": self.citation_style, **self.bibliography}
        return defaults

    def labels_language(self, host_language: str | None = None) -> str:
        """The labels' language: the `language` option, else the host's (MkDocs: the theme's),
        else English. (The plugin lets a page's own language come first.)"""
        return self.language or host_language or DEFAULT_LANGUAGE


class OptionProblem(NamedTuple):
    """A mistake in the site-wide options. `error`: the value is unusable (the host fails or
    uses the default); `warning`: recoverable (counts for `--strict`); `info`: a note."""

    option: str  # as the host names it in messages: "plugins.academic.max_authors"
    message: str
    level: Literal["error", "warning", "info"] = "error"

    def __str__(self) -> str:
        return f"{self.option}: {self.message}"


def build_site_options(
    raw: Mapping[str, Any],
    base: Path,
    *,
    name_in_messages: Callable[[str], str] = str,
) -> tuple[SiteOptions, list[OptionProblem]]:
    """Check the raw site-wide options a host was given; the one entry point of every host.

    `raw` holds only the options the user set (missing ones take their default; a name that
    is not an option is the host's business: MkDocs and Markdown reject it themselves).
    Relative paths resolve against `base` (the folder of mkdocs.yml, of conf.py, or the
    current directory). `name_in_messages` names an option as the user knows it
    (`lambda name: f"plugins.academic.{name}"`, `lambda name: f"academic_{name}"`).

    Returns the options (a bad value replaced by its default, so a host that only warns can
    go on) and the problems, each naming its option.
    """
    values: dict[str, Any] = {}
    problems: list[OptionProblem] = []
    for name, option in SITE_OPTIONS.items():
        given = raw.get(name, option.default)
        try:
            values[name] = option.check(given, base)
        except OptionError as error:
            problems.append(OptionProblem(name_in_messages(name), str(error)))
            values[name] = option.check(option.default, base)
    options = SiteOptions(**values)
    problems += _block_default_problems(options, name_in_messages)
    problems += _label_problems(options, name_in_messages)
    return options, problems


def _block_default_problems(options: SiteOptions, name_in_messages: Callable[[str], str]) -> list[OptionProblem]:
    """Each unknown option or bad value in a block's site-wide defaults, as a warning."""
    problems = []
    for block, given in options.block_defaults().items():
        for message in parse_options(block, given)[1]:
            problems.append(OptionProblem(name_in_messages(block), message, "warning"))
    return problems


def _label_problems(options: SiteOptions, name_in_messages: Callable[[str], str]) -> list[OptionProblem]:
    """A misspelt label key is a warning; a language without shipped labels a note."""
    problems = []
    known = Labels.known_keys()
    for key in options.labels:
        if key not in known and not key.startswith(("type_", "link_", "section_")):
            hint = did_you_mean(key, sorted(known)) or "see the label keys in README"
            problems.append(OptionProblem(name_in_messages("labels"), f"unknown label '{key}' ({hint})", "warning"))
    language = options.language
    if language and shipped_language(language) is None:
        problems.append(
            OptionProblem(
                name_in_messages("language"),
                f"no shipped labels for '{language}' ({', '.join(LANGUAGES)}); English is used where "
                "`labels:` does not translate",
                "info",
            )
        )
    return problems
