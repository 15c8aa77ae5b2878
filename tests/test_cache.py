"""The data caches: an edited file is read again, an unchanged one is not (no timing here).

`DataStore` keeps each file's parse by path, mtime and size, each `.bib` file's expanded
entries while no macro changed, and each `Publication` by its entry's text; the plugin keeps
one store across `mkdocs serve` rebuilds.
"""

from __future__ import annotations

import random
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from sitebuilder import rewrite, write_site

from mkdocs_academic.data.bibtex import SplitBib, expand_bib_file
from mkdocs_academic.data.bibtex.split import split_text
from mkdocs_academic.data.store import DataStore

ENTRIES = {
    "ada": "@article{ada, author = {Lovelace, Ada}, title = {Notes on the {Analytical} Engine}, journal = jnl, year = 1843}",
    "alan": "@article{alan, author = {Turing, Alan}, title = {On Computable Numbers}, journal = {Proc. LMS}, year = 1936}",
    "grace": "@misc{grace, author = {Hopper, Grace}, title = {Compilers}, year = 1952}",
}
MACROS = '@string{jnl = "Scientific Memoirs"}\n'


def make_data(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    data.mkdir()
    rewrite(data / "pubs.bib", "\n\n".join(ENTRIES.values()) + "\n")
    rewrite(data / "macros.bib", MACROS)
    return data


def test_unchanged_data_is_not_parsed_again(tmp_path: Path) -> None:
    store = DataStore(make_data(tmp_path))
    first = store.load()
    parsed = store.parse_count
    assert parsed == 2
    assert store.load() is first
    assert store.parse_count == parsed


def test_only_the_edited_file_is_parsed_again(tmp_path: Path) -> None:
    data = make_data(tmp_path)
    store = DataStore(data)
    first = store.load()
    rewrite(data / "pubs.bib", (data / "pubs.bib").read_text().replace("On Computable Numbers", "Computable Numbers"))
    second = store.load()
    assert second is not first
    assert store.parse_count == 3  # pubs.bib again, macros.bib not
    assert second.by_key["alan"].title == "Computable Numbers"


def test_unchanged_entries_keep_their_publication_objects(tmp_path: Path) -> None:
    data = make_data(tmp_path)
    store = DataStore(data)
    first = store.load()
    rewrite(data / "pubs.bib", (data / "pubs.bib").read_text().replace("Compilers", "Compilers, revisited"))
    second = store.load()
    assert second.by_key["ada"] is first.by_key["ada"]
    assert second.by_key["alan"] is first.by_key["alan"]
    assert second.by_key["grace"] is not first.by_key["grace"]
    assert second.by_key["grace"].title == "Compilers, revisited"


def test_same_size_edit_with_new_mtime_is_seen(tmp_path: Path) -> None:
    data = make_data(tmp_path)
    store = DataStore(data)
    store.load()
    text = (data / "pubs.bib").read_text()
    rewrite(data / "pubs.bib", text.replace("year = 1952", "year = 1953"))
    assert store.load().by_key["grace"].year == 1953


def test_a_macro_edited_in_another_file_reaches_the_entries(tmp_path: Path) -> None:
    data = make_data(tmp_path)
    store = DataStore(data)
    assert store.load().by_key["ada"].venue == "Scientific Memoirs"
    rewrite(data / "macros.bib", MACROS.replace("Scientific Memoirs", "Taylor's Memoirs"))
    dataset = store.load()
    assert store.parse_count == 3  # macros.bib only; pubs.bib is expanded again from its cached split
    assert dataset.by_key["ada"].venue == "Taylor's Memoirs"
    assert dataset.by_key["alan"].venue == "Proc. LMS"


def test_moved_entries_keep_file_order_and_lines(tmp_path: Path) -> None:
    data = make_data(tmp_path)
    store = DataStore(data)
    store.load()
    reordered = "\n\n".join([ENTRIES["grace"], ENTRIES["ada"], ENTRIES["alan"]]) + "\n"
    rewrite(data / "pubs.bib", "% a comment line\n" + reordered)
    dataset = store.load()
    assert [pub.key for pub in sorted(dataset.publications, key=lambda pub: pub.order)] == ["grace", "ada", "alan"]
    assert dataset.by_key["grace"].source.line == 2


def test_problems_are_reported_again_from_cached_entries(tmp_path: Path) -> None:
    data = make_data(tmp_path)
    rewrite(data / "extra.bib", "@article{nodate, author = {Doe, Jane}, title = {Undated}, journal = {J}}\n")
    store = DataStore(data)
    first = [str(problem) for problem in store.load().problems]
    assert any("missing year" in problem for problem in first)
    rewrite(data / "pubs.bib", (data / "pubs.bib").read_text().replace("Compilers", "Compilers 2"))
    assert [str(problem) for problem in store.load().problems] == first


def test_a_deleted_file_drops_its_entries(tmp_path: Path) -> None:
    data = make_data(tmp_path)
    rewrite(data / "more.bib", "@misc{extra, author = {Doe, Jane}, title = {More}, year = 2020}\n")
    store = DataStore(data)
    assert "extra" in store.load().by_key
    (data / "more.bib").unlink()
    assert "extra" not in store.load().by_key


def test_serve_rebuild_rereads_an_edited_file_only(tmp_path: Path) -> None:
    """As `mkdocs serve` does: config loaded again for each build, one plugin instance kept."""
    root = write_site(
        tmp_path / "site",
        pages={"index.md": "# Papers\n\n/// publications\n///\n"},
        data={"pubs.bib": "\n\n".join(ENTRIES.values()) + "\n", "macros.bib": MACROS},
        plugin={"publication_pages": False, "exports": False},
    )
    out = tmp_path / "out"

    # MkDocs' own build function, not `sitebuilder.build`: that one starts every build with a
    # new plugin, and this test needs the one plugin that `mkdocs serve` keeps across rebuilds.
    def rebuild() -> str:
        config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(out))
        mkdocs_build(config)
        return (out / "index.html").read_text(encoding="utf-8")

    config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(out))
    config.plugins.on_startup(command="serve", dirty=False)
    mkdocs_build(config)
    plugin = config.plugins["academic"]
    store = plugin.store
    assert store is not None and store.parse_count == 2
    page = rebuild()
    assert config.plugins["academic"] is not None
    assert store.parse_count == 2 and "On Computable Numbers" in page
    rewrite(
        root / "data" / "pubs.bib", (root / "data" / "pubs.bib").read_text().replace("On Computable", "Of Computable")
    )
    page = rebuild()
    assert store.parse_count == 3
    assert "Of Computable Numbers" in page and "On Computable Numbers" not in page


def test_a_one_off_store_keeps_only_the_dataset(tmp_path: Path) -> None:
    """`mkdocs build` needs no cache between builds: the store keeps the data, not the parse."""
    data = make_data(tmp_path)
    store = DataStore(data, incremental=False)
    first = store.load()
    assert not store._cache and not store._expanded and not store._publications
    assert store.load() is first  # unchanged files: the same data, nothing read again
    assert store.parse_count == 2
    rewrite(data / "pubs.bib", (data / "pubs.bib").read_text().replace("Compilers", "Compilers, revisited"))
    second = store.load()
    assert second.by_key["grace"].title == "Compilers, revisited"
    assert second.by_key["ada"].venue == "Scientific Memoirs"  # macros of the other file still apply
    assert not store._cache


def test_mkdocs_build_uses_a_one_off_store_and_serve_an_incremental_one(tmp_path: Path) -> None:
    for command, incremental in (("build", False), ("serve", True)):
        root = write_site(  # a site each: MkDocs may reuse a plugin instance for the same config
            tmp_path / f"site-{command}",
            pages={"index.md": "# Papers\n\n/// publications\n///\n"},
            data={"pubs.bib": "\n\n".join(ENTRIES.values()) + "\n", "macros.bib": MACROS},
            plugin={"publication_pages": False, "exports": False},
        )
        config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(tmp_path / command))
        config.plugins.on_startup(command=command, dirty=False)
        mkdocs_build(config)
        store = config.plugins["academic"].store
        assert store is not None and store.incremental is incremental
        assert "On Computable Numbers" in (tmp_path / command / "index.html").read_text(encoding="utf-8")
        config.plugins.on_shutdown()


# --------------------------------------------------------------- re-parsing only what changed

FIXTURES = Path(__file__).parent / "fixtures" / "bib"
EDITS = ["}", "{", '"', ",", "=", "%", "\n", "@", "\n@article{new,\n", "\n  @misc(x, title = {a}\n", "\\\n", "#", ""]


def _comparable(split: object) -> tuple:
    """What `split_text` found, in a form that compares by value (not by bibtexparser objects)."""
    entries = [(raw.entry_type, raw.key, raw.line, list(raw.fields), raw.field_lines) for raw in split.entries]
    problems = [(problem.path, problem.line, problem.message, problem.hint) for problem in split.problems]
    return entries, split.strings, problems, split.keys


def _expanded(split: object, previous: object = None) -> tuple:
    """`expand_bib_file` of a split (from the `previous` expansion when given), comparable."""
    bib = expand_bib_file(SplitBib(split, ()), {}, previous)
    problems = [(problem.path, problem.line, problem.message, problem.hint) for problem in bib.problems]
    return bib, (bib.entries, problems, bib.macros)


def _edited(text: str, rng: random.Random) -> str:
    """`text` with a few random edits: characters that matter to BibTeX inserted, text cut out,
    or whole lines removed, duplicated or swapped."""
    for _ in range(rng.randint(1, 3)):
        lines = text.split("\n")
        kind = rng.randrange(4)
        if kind == 0 or len(lines) < 3:
            at = rng.randrange(len(text) + 1)
            text = text[:at] + rng.choice(EDITS) + text[at + rng.choice([0, 0, 1, 5]) :]
        elif kind == 1:
            start = rng.randrange(len(lines))
            del lines[start : start + rng.randint(1, 6)]
            text = "\n".join(lines)
        elif kind == 2:
            start = rng.randrange(len(lines))
            lines[start:start] = lines[start : start + rng.randint(1, 8)]
            text = "\n".join(lines)
        else:
            first, second = rng.randrange(len(lines)), rng.randrange(len(lines))
            lines[first], lines[second] = lines[second], lines[first]
            text = "\n".join(lines)
    return text


def test_split_of_an_edited_text_equals_a_fresh_split() -> None:
    """`split_text` with the split of an earlier version re-parses only the changed chunks; what it
    finds (entries, fields, lines, problems) must be exactly what a split from scratch finds."""
    rng = random.Random(6)
    texts = [path.read_text(encoding="utf-8") for path in sorted(FIXTURES.glob("*.bib"))]
    checked = 0
    for text in texts:
        for _ in range(60):
            previous = split_text(text, "pubs.bib")
            edited = _edited(text, rng)
            again = split_text(edited, "pubs.bib", previous)
            assert _comparable(again) == _comparable(split_text(edited, "pubs.bib")), edited
            # expanding the edited split from the first expansion: the same as from scratch
            first, _ = _expanded(previous)
            assert _expanded(again, first)[1] == _expanded(split_text(edited, "pubs.bib"))[1], edited
            # and back: the edit undone, starting from the edited version's split
            assert _comparable(split_text(text, "pubs.bib", again)) == _comparable(previous)
            # a chain of edits, each from the one before
            further = _edited(edited, rng)
            assert _comparable(split_text(further, "pubs.bib", again)) == _comparable(split_text(further, "pubs.bib"))
            checked += 1
    assert checked > 100


def _entries_text(count: int) -> str:
    entries = [f"@misc{{key{i},\n  title = {{Title {i}}},\n  year = {{2000}},\n}}\n" for i in range(count)]
    return "% a file\n" + "\n".join(entries)


def test_an_edit_reads_only_its_own_chunks() -> None:
    """Editing one entry of a large text reads two chunks again (the entry and the one before
    it), whichever reader reads them; the other 300 are kept from the previous split."""
    text = _entries_text(300)
    previous = split_text(text, "pubs.bib")
    assert previous.parsed is not None and previous.parsed.reparsed == 301  # the header and 300 entries
    edited = text.replace("Title 150}", "Edited title}")
    again = split_text(edited, "pubs.bib", previous)
    assert again.parsed is not None and again.parsed.reparsed == 2
    assert _comparable(again) == _comparable(split_text(edited, "pubs.bib"))
    assert [raw.line for raw in again.entries] == [raw.line for raw in previous.entries]


def test_an_edit_gives_bibtexparser_only_its_own_entries(bibtexparser_calls: list[str]) -> None:
    """Without the fast reader, bibtexparser reads every chunk: after an edit it gets the two
    chunks read again, and the first line of the entry after them (where an unclosed one ends)."""
    text = _entries_text(300)
    previous = split_text(text, "pubs.bib", fast=False)
    bibtexparser_calls.clear()
    edited = text.replace("Title 150}", "Edited title}")
    again = split_text(edited, "pubs.bib", previous, fast=False)
    assert bibtexparser_calls and sum(chunk.count("@misc") for chunk in bibtexparser_calls) <= 3
    assert _comparable(again) == _comparable(split_text(edited, "pubs.bib", fast=False))


def test_store_after_an_edit_equals_a_fresh_store(tmp_path: Path) -> None:
    """A store that re-parses only the edited part of a file gives what a new store gives:
    the same publications and the same problems (with their lines)."""
    data = make_data(tmp_path)
    entries = [
        f"@misc{{key{i},\n  title = {{Title {i}}},\n  author = {{Doe, Jane}},\n  year = {{2000}},\n}}"
        for i in range(40)
    ]
    rewrite(data / "pubs.bib", "\n\n".join(entries) + "\n")
    store = DataStore(data)
    store.load()
    edits = [
        entries[:20] + ["@misc{key20,\n  title = {Edited},\n  year = {2001},\n}"] + entries[21:],
        entries[:10] + ["@misc{key10,\n  title = {Open brace,\n  year = {2001},\n"] + entries[11:],
        entries[:5] + entries[6:] + ["@misc{key7, title = {Duplicate}}", "  extra = {after the end}"],
        entries[:30] + ["% a comment\n\n\n"] + entries[30:],
    ]
    for edited in edits:
        rewrite(data / "pubs.bib", "\n\n".join(edited) + "\n")
        again, fresh = store.load(), DataStore(data).load()
        assert again.publications == fresh.publications
        assert again.problems == fresh.problems
