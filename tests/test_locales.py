"""The label files `mkdocs_academic/locales/*.yml`: complete, consistent and loadable.

en.yml is the list of keys; every other language file translates exactly those keys, keeping
their `{placeholders}`; names.yml holds the names that are the same in every language.
"""

from __future__ import annotations

import re
from importlib.resources import files

import pytest
import yaml

from mkdocs_academic.render.labels import LANGUAGES, Labels, english, names, read_locale

LOCALES = files("mkdocs_academic") / "locales"
PLACEHOLDER = re.compile(r"{\w+}")


def parse_strictly(name: str) -> dict[str, str]:
    """The file `<name>.yml` parsed with PyYAML's pure-Python safe loader, checked on the way."""
    raw = (LOCALES / f"{name}.yml").read_bytes()
    text = raw.decode("utf-8")  # raises on anything that is not UTF-8
    assert not text.startswith("\ufeff"), f"{name}.yml: starts with a byte-order mark"
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    assert isinstance(root, yaml.MappingNode), f"{name}.yml: not a mapping"
    keys = [key.value for key, _ in root.value]
    duplicates = sorted({key for key in keys if keys.count(key) > 1})
    assert not duplicates, f"{name}.yml: keys given twice (the last one would win silently): {duplicates}"
    data = yaml.safe_load(text)
    wrong = {key: value for key, value in data.items() if not isinstance(key, str) or not isinstance(value, str)}
    assert not wrong, f"{name}.yml: not text (quote them): {wrong}"
    return data


def test_one_file_per_shipped_language() -> None:
    on_disk = {entry.name for entry in LOCALES.iterdir() if entry.name.endswith(".yml")}
    assert on_disk == {f"{code}.yml" for code in LANGUAGES} | {"names.yml"}


@pytest.mark.parametrize("name", [*LANGUAGES, "names"])
def test_file_is_utf8_yaml_mapping_text_to_text(name: str) -> None:
    data = parse_strictly(name)
    assert data, f"{name}.yml is empty"
    assert dict(read_locale(name)) == data, "the fast loader reads the file differently"


@pytest.mark.parametrize("language", [code for code in LANGUAGES if code != "en"])
def test_every_language_has_exactly_the_english_keys(language: str) -> None:
    """A missing key would show English on that language's pages; an extra key is a typo."""
    translated = parse_strictly(language)
    missing = sorted(set(english()) - set(translated))
    unknown = sorted(set(translated) - set(english()))
    assert not missing, f"labels missing in locales/{language}.yml (see en.yml): {missing}"
    assert not unknown, f"labels in locales/{language}.yml that en.yml does not have: {unknown}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_placeholder_is_kept(language: str) -> None:
    translated = read_locale(language)
    changed = {
        key: translated[key]
        for key, text in english().items()
        if key in translated and set(PLACEHOLDER.findall(translated[key])) != set(PLACEHOLDER.findall(text))
    }
    assert not changed, f"locales/{language}.yml: placeholders differ from en.yml: {changed}"


def test_names_are_not_translated_twice() -> None:
    assert not set(names()) & set(english()), "a key is both in names.yml and en.yml"
    assert Labels.known_keys() == set(names()) | set(english())


def test_files_are_read_once() -> None:
    assert read_locale("de") is read_locale("de")
