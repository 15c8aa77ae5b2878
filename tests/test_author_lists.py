"""Author lists cut with `max_authors`: the site owner stays visible and keeps their place."""

from __future__ import annotations

from mkdocs_academic.data.names import MeMatcher, parse_names
from mkdocs_academic.render.environment import Renderer
from mkdocs_academic.render.format import author_items

PEOPLE = parse_names("Al Pha and Be Ta and Ga Mma and De Lta and Ada Lovelace and Ep Silon")
ME = MeMatcher(["Ada Lovelace"])


def shown(max_authors: int, people=PEOPLE) -> list[str]:
    return [
        "et al." if item.others else "…" if item.gap else item.name for item in author_items(people, ME, max_authors)
    ]


def test_owner_after_the_cut_keeps_their_place() -> None:
    assert shown(3) == ["Al Pha", "Be Ta", "Ga Mma", "…", "Ada Lovelace", "et al."]
    assert shown(4) == ["Al Pha", "Be Ta", "Ga Mma", "De Lta", "Ada Lovelace", "et al."]  # next to the cut
    assert shown(1) == ["Al Pha", "…", "Ada Lovelace", "et al."]


def test_owner_within_the_cut_or_last() -> None:
    assert shown(5) == ["Al Pha", "Be Ta", "Ga Mma", "De Lta", "Ada Lovelace", "et al."]
    last = parse_names("Al Pha and Be Ta and Ga Mma and Ada Lovelace")
    assert shown(2, last) == ["Al Pha", "Be Ta", "…", "Ada Lovelace"]
    assert shown(6) == [person.full for person in PEOPLE]


def test_the_gap_is_written_in_a_list() -> None:
    from mkdocs_academic.data.fields import publication_from_fields
    from mkdocs_academic.data.models import Source

    fields = {"title": "T", "year": "2020", "author": " and ".join(p.full for p in PEOPLE)}
    pub = publication_from_fields("k", "article", fields, Source("x.bib", 1), problems=[])
    html = str(Renderer(me=ME, max_authors=3).publication_list([pub], make_id=str))
    assert 'Ga Mma, <span class="academic-others">…</span>, <span class="academic-author academic-me">' in html
