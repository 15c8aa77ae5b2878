"""Slugs: the one way text becomes an element id, a CSS class, a URL segment or a file name.

A top-level module (not in `render/`) so that the render layer, the Markdown blocks and the
importers can all use it without importing each other.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

# Compiled once: `slugify_key` runs for every entry of every list.
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_NOT_ID = re.compile(r"[^a-z0-9_-]+")


def slugify(
    text: str,
    *,
    keep_underscores: bool = False,
    non_ascii: Literal["drop", "separate"] = "drop",
    max_length: int = 0,
    prefix: str = "",
    fallback: str = "",
) -> str:
    """`text` as lower-case ASCII letters, digits and `-`.

    Accents are removed (`Ü` -> `u`). Any other character outside ASCII is dropped
    (`non_ascii="drop"`: `Michał` -> `micha`, the rule publication URLs have always used) or
    separates words like a space (`"separate"`: `2024–2025` -> `2024-2025`). Every run of
    other characters becomes one `-`, and no `-` is left at either end. `keep_underscores`
    keeps `_` and leaves runs of `-` as written (`a--b_c`), the rule of publication ids.

    `max_length` cuts a longer slug. With a `prefix`, a slug that does not start with a letter
    gets `<prefix>-` in front (ids starting with a digit are invalid CSS selectors), and an
    empty slug becomes `prefix`. An empty result becomes `fallback`.
    """
    if not text.isascii():
        decomposed = unicodedata.normalize("NFKD", text)
        if non_ascii == "drop":
            text = decomposed.encode("ascii", "ignore").decode()
        else:
            text = "".join(
                char if char.isascii() else ("" if unicodedata.combining(char) else "-") for char in decomposed
            )
    pattern = _NOT_ID if keep_underscores else _NOT_SLUG
    slug = pattern.sub("-", text.lower()).strip("-")
    if max_length:
        slug = slug[:max_length].strip("-")
    if prefix and not slug[:1].isalpha():
        slug = f"{prefix}-{slug}" if slug else prefix
    return slug or fallback


def slugify_key(key: str) -> str:
    """The id of a publication's element and its page URL segment, from its BibTeX key.

    `Smith:2020` -> `smith-2020`, `Ünal2021` -> `unal2021`, `2019paper` -> `pub-2019paper`.
    """
    return slugify(key, keep_underscores=True, prefix="pub")
