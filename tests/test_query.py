"""Unit tests: filtering, sorting and grouping publications."""

from __future__ import annotations

from mkdocs_academic.data.models import PartialDate, Person, Publication, Source
from mkdocs_academic.data.query import PublicationQuery, group_publications, select, sort_publications


def pub(key: str, year: int | None, month: int | None = None, order: int = 0, **kw: object) -> Publication:
    date = PartialDate(year, month) if year else None
    return Publication(
        key=key,
        entry_type=str(kw.pop("entry_type", "article")),
        title=key,
        source=Source("x"),
        order=order,
        date=date,
        **kw,
    )  # type: ignore[arg-type]


def test_newest_first_then_month_then_file_order() -> None:
    items = [
        pub("a", 2020, order=0),
        pub("b", 2021, 3, order=1),
        pub("c", 2021, 7, order=2),
        pub("d", 2021, order=3),
        pub("e", 2021, order=4),
        pub("f", None, order=5, status="Submitted"),
        pub("g", None, order=6),
    ]
    assert [p.key for p in sort_publications(items, "newest")] == ["f", "c", "b", "d", "e", "a", "g"]
    assert [p.key for p in sort_publications(items, "oldest")][:2] == ["g", "a"]
    assert [p.key for p in sort_publications(items, "file")] == list("abcdefg")


def test_group_by_year_keeps_order() -> None:
    items = sort_publications([pub("a", 2020), pub("b", 2021), pub("c", 2021)], "newest")
    assert [(label, [p.key for p in ps]) for label, ps in group_publications(items, "year")] == [
        ("2021", ["b", "c"]),
        ("2020", ["a"]),
    ]


def test_group_by_type_in_category_order() -> None:
    items = [
        pub("a", 2020, entry_type="misc"),
        pub("b", 2021, entry_type="inproceedings"),
        pub("c", 2021, entry_type="article"),
        pub("d", 2019, entry_type="misc", arxiv="1234.5678"),
    ]
    assert [label for label, _ in group_publications(items, "type")] == [
        "article",
        "inproceedings",
        "preprint",
        "other",
    ]


def test_filters_combine() -> None:
    items = [
        pub("a", 2020, selected=True, keywords=("ML",), authors=(Person(first="Ada", last="Lovelace"),)),
        pub("b", 2021, keywords=("ml", "nlp")),
        pub("c", 2022, selected=True),
    ]
    assert [p.key for p in select(items, PublicationQuery(selected=True))] == ["c", "a"]
    assert [p.key for p in select(items, PublicationQuery(keywords=frozenset({"ML"})))] == ["b", "a"]
    assert [p.key for p in select(items, PublicationQuery(year_from=2021))] == ["c", "b"]
    assert [p.key for p in select(items, PublicationQuery(authors=("A. Lovelace",)))] == ["a"]
    assert [p.key for p in select(items, PublicationQuery(keys=("C", "a"), sort="file"))] == ["c", "a"]
    assert [p.key for p in select(items, PublicationQuery(limit=1))] == ["c"]
