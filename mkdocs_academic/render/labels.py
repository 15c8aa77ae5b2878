"""Every word the plugin writes on a page, in each shipped language.

The language comes from the page (front matter `language`, or mkdocs-static-i18n's locale of
its file), else the plugin's `language` option, else `theme.language` (or `locale`), else
English. Any label can be overridden with the `labels:` option in mkdocs.yml.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType

import yaml

#: The shipped languages: one file `mkdocs_academic/locales/<code>.yml` each (en.yml lists the keys).
LANGUAGES: tuple[str, ...] = ("en", "de", "fr", "es", "zh")

_LOCALES = Path(__file__).resolve().parent.parent / "locales"
# The C parser when PyYAML has it: the plugin's start-up cost counts at every `mkdocs build`.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@functools.cache
def read_locale(name: str) -> Mapping[str, str]:
    """The labels of `locales/<name>.yml` (a language code, or `names`), read once per process."""
    with open(_LOCALES / f"{name}.yml", encoding="utf-8") as file:
        data = yaml.load(file, Loader=_SAFE_LOADER)
    return MappingProxyType(data)


def english() -> Mapping[str, str]:
    """The English labels: every key a language must translate."""
    return read_locale("en")


def names() -> Mapping[str, str]:
    """Names of formats, identifiers and services (BibTeX, arXiv, ORCID...): the same in every language."""
    return read_locale("names")


def shipped_language(language: str | None) -> str | None:
    """The shipped language a code asks for (`de-AT`, `de_DE` -> `de`), or None when none is."""
    base = language.replace("_", "-").split("-")[0].lower() if language else ""
    return base if base in LANGUAGES else None


class Labels:
    """The labels for one language, with the user's overrides on top."""

    def __init__(self, language: str = "en", overrides: Mapping[str, str] | None = None) -> None:
        self.language = shipped_language(language) or "en"
        # English first: a key a language file lacks still reads as a word, not as its key.
        self._labels = {**names(), **english(), **read_locale(self.language), **(overrides or {})}
        self.months = self._labels["months"].split()
        self.months_short = self._labels["months_short"].split()

    def __getitem__(self, key: str) -> str:
        """The label `key` (the key itself when no language has it, so a typo shows on the page)."""
        return self._labels.get(key, key)

    def get(self, key: str, default: str = "") -> str:
        """The label `key`, or `default` when there is none."""
        return self._labels.get(key, default)

    def month(self, number: int, short: bool = False) -> str:
        """The name of month `number` (1-12)."""
        month_names = self.months_short if short else self.months
        return month_names[number - 1] if 1 <= number <= len(month_names) else str(number)

    @staticmethod
    def known_keys() -> frozenset[str]:
        """Every label key (what the `labels:` option may override)."""
        return frozenset(names()) | frozenset(english())
