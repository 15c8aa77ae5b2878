"""The one slug function: publication ids and URLs, heading ids, CSS classes, importer file names."""

from __future__ import annotations

import pytest

from mkdocs_academic.importers.common import SLUG_LENGTH, section_name
from mkdocs_academic.slugs import slugify, slugify_key


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("lovelace1843notes", "lovelace1843notes"),
        ("Smith:2020", "smith-2020"),
        ("DBLP:conf/acl/SmithL21", "dblp-conf-acl-smithl21"),
        ("Ünal2021", "unal2021"),  # accents removed
        ("Michał2020", "micha2020"),  # other non-ASCII letters dropped (URLs have always been so)
        ("Smith–Jones", "smithjones"),
        ("王2020", "pub-2020"),
        ("2019paper", "pub-2019paper"),  # an id must start with a letter
        ("_draft", "pub-_draft"),
        ("a--b__c", "a--b__c"),  # `_` and runs of `-` kept as written
        ("Müller_2020", "muller_2020"),
        ("", "pub"),
        (":::", "pub"),
    ],
)
def test_publication_key(key: str, expected: str) -> None:
    assert slugify_key(key) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024", "publications-2024"),
        ("2024–2025", "publications-2024-2025"),  # a dash outside ASCII still separates
        ("3D Über alles", "publications-3d-uber-alles"),
        ("2024年", "publications-2024"),
    ],
)
def test_heading_id(text: str, expected: str) -> None:
    assert slugify(text, non_ascii="separate", prefix="publications") == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("education", "education"),
        ("honors_and_awards", "honors_and_awards"),
        ("Invited Talks", "invited-talks"),
        ("Talks & Posters", "talks-posters"),
        ("Vorträge", "vortrage"),
    ],
)
def test_css_class(name: str, expected: str) -> None:
    assert slugify(name, keep_underscores=True, non_ascii="separate") == expected


def test_file_names_of_the_importers() -> None:
    assert slugify("2020-01-01-Paper_Title", max_length=SLUG_LENGTH) == "2020-01-01-paper-title"
    assert slugify("x" * 59 + "-yz", max_length=SLUG_LENGTH) == "x" * 59  # no `-` left at the cut
    assert slugify("", fallback="news") == "news"
    assert slugify("…", fallback="news") == "news"
    assert section_name("Honors and Awards") == "honors_and_awards"
    assert section_name("???") == "section"
