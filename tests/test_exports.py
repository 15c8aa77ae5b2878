"""BibTeX, CSL-JSON and Atom writers: each output read back with a real parser and compared with the data."""

from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as etree
from pathlib import Path

import bibtexparser
import jsonschema
import pytest

from mkdocs_academic.data.fields import PRESENTATION_FIELDS
from mkdocs_academic.data.models import PartialDate, Publication
from mkdocs_academic.data.news import NewsItem
from mkdocs_academic.data.store import DataStore
from mkdocs_academic.render.exports import bibtex_bibliography, bibtex_entry, csl_item, csl_json
from mkdocs_academic.render.feed import ATOM, FeedEntry, atom_feed, news_entries, rfc3339

CSL_SCHEMA = Path(__file__).parent / "fixtures" / "csl" / "csl-data.schema.json"

BIB = r"""
@string{jeng = {Journal of Engines}}

@article{lovelace1843notes,
  title    = {Notes on the {Analytical Engine} \& Its Uses},
  author   = {Lovelace, Ada and Babbage, Charles and others},
  journal  = jeng,
  volume   = {3},
  number   = {2},
  pages    = {1--42},
  year     = {1843},
  month    = sep,
  doi      = {10.1000/engine.1843},
  issn     = {1234-5678},
  keywords = {engines, computing},
  abstract = {We describe the engine.},
  pdf      = {papers/notes.pdf},
  selected = {true},
  abbr     = {JEng},
}

@inproceedings{babbage1830difference,
  title     = {On the Difference Engine},
  author    = {Babbage, Charles},
  crossref  = {proc1830},
  pages     = {7--9},
}

@proceedings{proc1830,
  title     = {Proceedings of the Royal Society},
  booktitle = {Proceedings of the Royal Society},
  year      = {1830},
  publisher = {Royal Society},
}

@misc{turing2025machines,
  title  = {</script><script>alert(1)</script> \& <b>Machines</b>},
  author = {Turing, Alan},
  arxiv  = {2501.01234},
  status = {submitted},
}

@phdthesis{hopper1934thesis,
  title  = {New Types of Irreducibility Criteria},
  author = {Hopper, Grace Murray},
  school = {Yale University},
  year   = {1934},
  url    = {https://example.org/hopper},
}

@book{neumann1945report,
  title     = {First Draft of a Report on the {EDVAC}},
  author    = {von Neumann, John and {Moore School of Electrical Engineering}},
  publisher = {University of Pennsylvania},
  address   = {Philadelphia},
  edition   = {2},
  year      = {1945},
  month     = jun,
  day       = {30},
  isbn      = {978-0-00-000000-2},
}
"""


def load(tmp_path: Path, name: str, text: str) -> list[Publication]:
    folder = tmp_path / name
    folder.mkdir()
    (folder / "papers.bib").write_text(text, encoding="utf-8")
    dataset = DataStore(folder).load()
    assert [str(problem) for problem in dataset.problems] == []
    return dataset.publications


@pytest.fixture
def publications(tmp_path: Path) -> list[Publication]:
    return load(tmp_path, "data", BIB)


def citation_view(pub: Publication) -> tuple:
    """What a citation needs, which the BibTeX export must keep."""
    return (
        pub.key,
        pub.entry_type,
        pub.title,
        pub.authors,
        pub.editors,
        pub.date,
        pub.venue,
        pub.volume,
        pub.number,
        pub.pages,
        pub.publisher,
        pub.edition,
        pub.address,
        pub.status,
        pub.doi,
        pub.arxiv,
        pub.keywords,
    )


# ---------------------------------------------------------------------------------- BibTeX


def test_bibliography_parses_with_bibtexparser_and_keeps_every_entry(publications: list[Publication]) -> None:
    library = bibtexparser.parse_string(bibtex_bibliography(publications))
    assert library.failed_blocks == []
    assert [entry.key for entry in library.entries] == [pub.key for pub in publications]
    for entry, pub in zip(library.entries, publications, strict=True):
        assert entry.entry_type == pub.entry_type
        names = {field.key.lower() for field in entry.fields}
        assert not names & PRESENTATION_FIELDS, f"{pub.key}: presentation fields {names & PRESENTATION_FIELDS}"
        assert "crossref" not in names  # the parent's fields are merged in: the entry stands alone


def test_bibliography_reads_back_to_the_same_publications(tmp_path: Path, publications: list[Publication]) -> None:
    again = load(tmp_path, "again", bibtex_bibliography(publications))
    assert [citation_view(pub) for pub in again] == [citation_view(pub) for pub in publications]


def test_each_entry_file_holds_exactly_its_entry(tmp_path: Path, publications: list[Publication]) -> None:
    for pub in publications:
        text = bibtex_entry(pub)
        library = bibtexparser.parse_string(text)
        assert [entry.key for entry in library.entries] == [pub.key]
        assert library.failed_blocks == []
        (again,) = load(tmp_path, pub.key, text)
        assert citation_view(again) == citation_view(pub)


def test_crossref_parent_is_merged_not_listed(publications: list[Publication]) -> None:
    child = next(pub for pub in publications if pub.key == "babbage1830difference")
    assert child.venue == "Proceedings of the Royal Society"
    assert child.year == 1830
    assert "proc1830" not in [pub.key for pub in publications]


def test_bibtex_output_is_deterministic(publications: list[Publication]) -> None:
    assert bibtex_bibliography(publications) == bibtex_bibliography(list(publications))
    assert bibtex_bibliography(publications).endswith("}\n")
    assert bibtex_bibliography([]) == ""


# -------------------------------------------------------------------------------- CSL-JSON


def test_csl_json_is_valid_against_the_csl_schema(publications: list[Publication]) -> None:
    data = json.loads(csl_json(publications))
    schema = json.loads(CSL_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    jsonschema.validate(data, schema, cls=jsonschema.Draft7Validator)


def test_csl_json_matches_the_data(publications: list[Publication]) -> None:
    items = {item["id"]: item for item in json.loads(csl_json(publications))}
    assert list(items) == [pub.key for pub in publications]
    for pub in publications:
        item = items[pub.key]
        assert item["citation-key"] == pub.key
        assert item["title"] == pub.title
        people = [person for person in pub.authors if not person.is_others]
        expected = [
            {"literal": person.literal} if person.literal else {"family": person.last, "given": person.first}
            for person in people
        ]
        got = [{k: v for k, v in name.items() if k != "non-dropping-particle"} for name in item.get("author", [])]
        assert got == expected
        if pub.date is not None:
            assert item["issued"]["date-parts"][0] == [p for p in (pub.date.year, pub.date.month, pub.date.day) if p]
        else:
            assert "issued" not in item
        assert item.get("DOI", "") == pub.doi
        assert item.get("volume", "") == pub.volume
        assert item.get("page", "") == pub.pages

    article = items["lovelace1843notes"]
    assert article["type"] == "article-journal"
    assert article["container-title"] == "Journal of Engines"
    assert article["issue"] == "2"
    assert article["ISSN"] == "1234-5678"
    assert article["keyword"] == "engines, computing"
    assert article["abstract"] == "We describe the engine."
    assert items["babbage1830difference"]["type"] == "paper-conference"
    assert items["babbage1830difference"]["container-title"] == "Proceedings of the Royal Society"
    thesis = items["hopper1934thesis"]
    assert (thesis["type"], thesis["publisher"], thesis["genre"]) == ("thesis", "Yale University", "PhD thesis")
    assert thesis["URL"] == "https://example.org/hopper"
    book = items["neumann1945report"]
    assert book["author"][0] == {"family": "Neumann", "given": "John", "non-dropping-particle": "von"}
    assert book["author"][1] == {"literal": "Moore School of Electrical Engineering"}
    assert (book["publisher"], book["publisher-place"], book["edition"]) == (
        "University of Pennsylvania",
        "Philadelphia",
        "2",
    )
    assert book["issued"] == {"date-parts": [[1945, 6, 30]]}
    preprint = items["turing2025machines"]
    assert (preprint["type"], preprint["status"], preprint["archive_location"]) == (
        "article",
        "Submitted",
        "2501.01234",
    )


def test_csl_item_of_a_minimal_publication_is_valid() -> None:
    from mkdocs_academic.data.models import Source

    pub = Publication(key="x", entry_type="misc", title="X", source=Source("x.bib", 1))
    schema = json.loads(CSL_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validate([csl_item(pub)], schema)
    assert csl_item(pub) == {"id": "x", "citation-key": "x", "type": "document", "title": "X"}


# ------------------------------------------------------------------------------------ Atom

NS = {"atom": ATOM}


def test_atom_feed_parses_and_lists_entries_newest_first() -> None:
    entries = [
        FeedEntry(id="https://ex.org/feed.xml#a", title="Older", date=PartialDate(2024, 1), link="https://ex.org/a"),
        FeedEntry(
            id="https://ex.org/feed.xml#b",
            title="</title> & <b>bold</b>",
            date=dt.date(2025, 3, 4),
            link="https://ex.org/b",
            content_html="<p>Hello &amp; <em>welcome</em></p>",
        ),
        FeedEntry(id="https://ex.org/feed.xml#c", title="Same day", date=PartialDate(2024, 1, 1)),
    ]
    text = atom_feed(
        entries, title="News & notes", feed_url="https://ex.org/feed.xml", site_url="https://ex.org/", author="Ada"
    )
    root = etree.fromstring(text.encode("utf-8"))
    assert root.tag == f"{{{ATOM}}}feed"
    assert root.findtext("atom:title", namespaces=NS) == "News & notes"
    assert root.findtext("atom:id", namespaces=NS) == "https://ex.org/feed.xml"
    assert root.findtext("atom:updated", namespaces=NS) == "2025-03-04T00:00:00Z"
    assert root.findtext("atom:author/atom:name", namespaces=NS) == "Ada"
    self_link = root.find("atom:link[@rel='self']", NS)
    assert self_link is not None and self_link.get("href") == "https://ex.org/feed.xml"
    got = root.findall("atom:entry", NS)
    assert [entry.findtext("atom:title", namespaces=NS) for entry in got] == [
        "</title> & <b>bold</b>",
        "Older",
        "Same day",
    ]
    assert [entry.findtext("atom:updated", namespaces=NS) for entry in got] == [
        "2025-03-04T00:00:00Z",
        "2024-01-01T00:00:00Z",
        "2024-01-01T00:00:00Z",
    ]
    first = got[0]
    assert first.findtext("atom:content", namespaces=NS) == "<p>Hello &amp; <em>welcome</em></p>"
    assert first.find("atom:content", NS).get("type") == "html"
    assert first.find("atom:link", NS).get("href") == "https://ex.org/b"
    assert got[2].find("atom:link", NS) is None
    assert text == atom_feed(
        entries, title="News & notes", feed_url="https://ex.org/feed.xml", site_url="https://ex.org/", author="Ada"
    )


def test_atom_feed_limit_and_empty_feed() -> None:
    entries = [FeedEntry(id=f"urn:x:{n}", title=str(n), date=PartialDate(2000 + n)) for n in range(5)]
    root = etree.fromstring(
        atom_feed(entries, title="T", feed_url="https://e/f", site_url="https://e/", author="A", limit=2).encode()
    )
    assert [entry.findtext("atom:title", namespaces=NS) for entry in root.findall("atom:entry", NS)] == ["4", "3"]
    empty = etree.fromstring(
        atom_feed([], title="T", feed_url="https://e/f", site_url="https://e/", author="A").encode()
    )
    assert empty.findtext("atom:updated", namespaces=NS) == "1970-01-01T00:00:00Z"


def test_rfc3339() -> None:
    assert rfc3339(PartialDate(2024)) == "2024-01-01T00:00:00Z"
    assert rfc3339(PartialDate(2024, 5, 17)) == "2024-05-17T00:00:00Z"
    assert rfc3339(dt.datetime(2024, 5, 17, 14, 3, 2, 99)) == "2024-05-17T14:03:02Z"
    aware = dt.datetime(2024, 5, 17, 14, 0, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    assert rfc3339(aware) == "2024-05-17T12:00:00Z"


def test_news_items_become_feed_entries() -> None:
    from mkdocs_academic.data.models import Source

    items = [
        NewsItem(
            date=PartialDate(2025, 12, 3), text_md="Paper **accepted**", source=Source("news.yml", 1), url="papers/#x"
        ),
        NewsItem(date=PartialDate(2025, 11), text_md="A talk", source=Source("news.yml", 4)),
    ]
    entries = news_entries(
        items,
        site_url="https://ex.org/me/",
        feed_url="https://ex.org/me/feed.xml",
        page_url="https://ex.org/me/news/",
        to_html=lambda text: text.replace("**accepted**", "<strong>accepted</strong>"),
    )
    assert [entry.title for entry in entries] == ["Paper accepted", "A talk"]
    assert entries[0].content_html == "Paper <strong>accepted</strong>"
    assert entries[0].link == "https://ex.org/me/papers/#x"
    assert entries[1].link == "https://ex.org/me/news/"
    assert entries[0].id.startswith("https://ex.org/me/feed.xml#2025-12-03-")
    assert len({entry.id for entry in entries}) == 2
