"""Where each publication's own page and `.bib` file live in the built site.

A publication's URL is derived from its BibTeX key alone (`slugify_key`), so it stays the same
from build to build. Two keys can give the same slug (`Smith:2020` and `smith-2020`): the key
that sorts first keeps the plain slug, the others get `-2`, `-3`, ... in key order, so the
result never depends on the order of the data files.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import NamedTuple

from ..data.models import EMPTY_MAPPING
from ..slugs import slugify_key


def assign_slugs(keys: Iterable[str]) -> dict[str, str]:
    """A unique slug for each key: key -> slug, deterministic for the same set of keys."""
    ordered = sorted(set(keys))
    natural = {key: slugify_key(key) for key in ordered}
    taken: set[str] = set()
    slugs: dict[str, str] = {}
    for key in ordered:
        if natural[key] not in taken:
            slugs[key] = natural[key]
            taken.add(natural[key])
    reserved = set(natural.values())
    for key in ordered:
        if key in slugs:
            continue
        number = 2
        while f"{natural[key]}-{number}" in taken or f"{natural[key]}-{number}" in reserved:
            number += 1
        slugs[key] = f"{natural[key]}-{number}"
        taken.add(slugs[key])
    return slugs


class OutputUrls(NamedTuple):
    """Site-relative URLs (no leading slash) of the files made for each publication.

    Empty when the Markdown extension runs without the MkDocs plugin: then entries link nowhere.
    """

    pages: Mapping[str, str] = EMPTY_MAPPING
    bib_files: Mapping[str, str] = EMPTY_MAPPING

    def page(self, key: str) -> str:
        """The URL of the publication's page, or ""."""
        return self.pages.get(key, "")

    def bib(self, key: str) -> str:
        """The URL of the publication's own `.bib` file, or ""."""
        return self.bib_files.get(key, "")
