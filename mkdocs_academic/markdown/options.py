"""Block options: one schema per block, shared by `/// block` headers and mkdocs.yml defaults.

Pymdown Blocks turn a block with a bad option back into plain text without a word, so our
blocks accept any option and check them here instead, turning each mistake into a message.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from ..data.query import CATEGORIES, GROUPINGS, SORTS
from ..data.yamlfile import did_you_mean


class OptionError(ValueError):
    """A bad option value; the message says what is expected."""


Validator = Callable[[Any], Any]


def boolean(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in {"true", "yes", "on", "false", "no", "off"}:
        return value.lower() in {"true", "yes", "on"}
    raise OptionError(f"expected true or false, got {value!r}")


def optional_boolean(value: Any) -> bool | None:
    return None if value is None else boolean(value)


def positive_integer(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise OptionError(f"expected a whole number of at least 1, got {value!r}")
    return value


def optional_positive_integer(value: Any) -> int | None:
    return None if value is None else positive_integer(value)


def heading_level(value: Any) -> int | None:
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


def choice(*allowed: str) -> Validator:
    def check(value: Any) -> str:
        if isinstance(value, str) and value.lower() in allowed:
            return value.lower()
        raise OptionError(f"expected one of {', '.join(allowed)}, got {value!r}")

    return check


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
    types = tuple(word.lower() for word in string_list(value))
    from ..data.fields import KNOWN_ENTRY_TYPES

    unknown = [word for word in types if word not in KNOWN_ENTRY_TYPES and word not in CATEGORIES]
    if unknown:
        raise OptionError(
            f"unknown type {unknown[0]!r}; use an entry type (article, inproceedings, ...) "
            f"or a category ({', '.join(CATEGORIES)})"
        )
    return types


def partial_date(value: Any) -> Any:
    """`2024`, `2024-06`, `Jun 2024` or `2024-06-01`, as a PartialDate (None when unset)."""
    from ..data.dates import parse_partial_date

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


#: Option name -> (default, validator), per block. Other blocks register theirs here too.
BLOCK_OPTIONS: dict[str, dict[str, tuple[Any, Validator]]] = {
    "publications": {
        "selected": (None, optional_boolean),
        "year": (None, year_range),
        "type": ((), publication_types),
        "keyword": ((), string_list),
        "author": ((), string_list),
        "keys": ((), string_list),
        "sort": ("newest", choice(*SORTS)),
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
        "sort": ("newest", choice("newest", "oldest", "file")),
        "limit": (None, optional_positive_integer),
        "highlights": (True, boolean),
        "heading_level": (None, heading_level),
    },
    "profile": {
        "name": (True, boolean),
        "photo": (True, boolean),
        "bio": (True, boolean),
        "links": (True, boolean),
    },
}
#: Other spellings accepted for an option.
OPTION_ALIASES: dict[str, dict[str, str]] = {
    "publications": {
        "tag": "keyword",
        "tags": "keyword",
        "keywords": "keyword",
        "types": "type",
        "authors": "author",
        "key": "keys",
        "years": "year",
        "group": "group_by",
    },
    "news": {"tags": "tag", "from": "since", "group": "group_by"},
    "experience": {"order": "sort", "bullets": "highlights"},
}


def parse_options(
    block: str, given: Mapping[str, Any], site_defaults: Mapping[str, Any] | None = None
) -> tuple[dict[str, Any], list[str]]:
    """Options for one block: schema defaults, then site defaults, then the block's own.

    Returns the values and a list of messages, one per unknown option or bad value of the
    block's own (a site default's mistakes are reported once, for mkdocs.yml, by the plugin);
    a bad value falls back to the default so the block still renders.
    """
    schema = BLOCK_OPTIONS[block]
    aliases = OPTION_ALIASES.get(block, {})
    values = {name: default for name, (default, _) in schema.items()}
    errors: list[str] = []
    ignored: list[str] = []
    for source, found in ((site_defaults or {}), ignored), (given, errors):
        for raw_name, raw_value in source.items():
            name = aliases.get(str(raw_name), str(raw_name))
            if name not in schema:
                hint = did_you_mean(str(raw_name), list(schema)) or f"known options: {', '.join(schema)}"
                found.append(f"unknown option '{raw_name}' ({hint})")
                continue
            try:
                values[name] = schema[name][1](raw_value)
            except OptionError as error:
                found.append(f"option '{raw_name}': {error}")
    return values, errors
