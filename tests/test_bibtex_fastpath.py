"""The fast reader of BibTeX (`bibtex.fast_reader`) gives exactly what bibtexparser gives.

Each text is split twice, with the fast reader and without it (`split_text(..., fast=False)`, so
that bibtexparser splits the whole text), and the results compared: entries with their types,
keys, lines, raw fields and field lines; `@string`s; problems with their lines and messages.
Texts: the fixtures (tests/fixtures/bib-fastpath: shapes the fast path reads, and entries it must
leave to bibtexparser; tests/fixtures/bib), every `.bib` of the shared corpora when present,
random edits of the fixtures, and edits re-split from the split of the text before the edit.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from mkdocs_academic.data.bibtex.chunks import cut_into_chunks
from mkdocs_academic.data.bibtex.decoding import prepare_text
from mkdocs_academic.data.bibtex.expand import expand_split
from mkdocs_academic.data.bibtex.fast_reader import fast_records
from mkdocs_academic.data.bibtex.macros import Macros
from mkdocs_academic.data.bibtex.split import SplitFile, split_text

FIXTURES = Path(__file__).parent / "fixtures"
FASTPATH_FILES = sorted((FIXTURES / "bib-fastpath").glob("*.bib"))
FIXTURE_FILES = FASTPATH_FILES + sorted((FIXTURES / "bib").glob("*.bib"))
PETSC = Path("bibtex-large") / "petsc.bib"  # in the shared corpora (the `corpora` fixture)


def comparable(split: SplitFile) -> tuple:
    """What `split_text` found, in a form that compares by value."""
    entries = [(raw.entry_type, raw.key, raw.line, list(raw.fields), raw.field_lines) for raw in split.entries]
    problems = [(problem.path, problem.line, problem.message, problem.hint) for problem in split.problems]
    return entries, split.strings, problems, split.keys


def split_both_ways(text: str, path: str = "refs.bib") -> tuple[SplitFile, SplitFile]:
    return split_text(text, path, fast=True), split_text(text, path, fast=False)


def assert_same(text: str, path: str = "refs.bib") -> None:
    fast, slow = split_both_ways(text, path)
    assert comparable(fast) == comparable(slow), text[:2000]


def fast_chunks(text: str) -> list[tuple[str, bool]]:
    """Each chunk of `text` (as `split_text` cuts it) and whether the fast reader reads it."""
    chunks, lines = cut_into_chunks(prepare_text(text))
    return [(chunk, fast_records(chunk, line) is not None) for chunk, line in zip(chunks, lines, strict=True)]


# --- fixtures -------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_fixture_splits_the_same_with_and_without_the_fast_path(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    for variant in (text, text.replace("\n", "\r\n"), "\ufeff" + text + "\n"):
        fast, slow = split_both_ways(variant, path.name)
        assert comparable(fast) == comparable(slow)
        # and so are the expanded entries and their problems
        expanded_fast = expand_split(fast, Macros(fast.strings))
        expanded_slow = expand_split(slow, Macros(slow.strings))
        assert expanded_fast.entries == expanded_slow.entries
        assert expanded_fast.problems == expanded_slow.problems


def test_well_formed_shapes_take_the_fast_path() -> None:
    """Every entry of shapes.bib is read by the fast path (else the comparison proves little);
    only the header comment and the `@string` are left to bibtexparser."""
    chunks = fast_chunks((FIXTURES / "bib-fastpath" / "shapes.bib").read_text(encoding="utf-8"))
    assert [chunk[:7] for chunk, fast in chunks if not fast] == ["% Shape", "@string"]
    assert sum(fast for _, fast in chunks) == 10


def test_odd_entries_fall_back_to_bibtexparser() -> None:
    chunks = fast_chunks((FIXTURES / "bib-fastpath" / "fallbacks.bib").read_text(encoding="utf-8"))
    fast = [chunk.split(",", 1)[0] for chunk, fast in chunks if fast]
    assert fast == ["@misc{after-unclosed", "@misc{last"]
    assert len(chunks) == 20


def test_fast_path_values_lines_and_comments() -> None:
    """A few results spelled out: raw names and values as bibtexparser gives them (stripped,
    delimiters kept, `%` lines part of the next name), lines of the `=`, trailing free text."""
    text = (
        "@InProceedings  {  spaced  ,\n\n   title\t=\t{Tabs {and} braces}\n   ,\n  year =\n 1999  ,\n"
        '  % note = {old},\n  series = ser # " part " # {two}}\n% after\nfree text\n'
    )
    [(entry, line, field_lines), (comment, comment_line, _)] = fast_records(text, 10)
    assert (entry.entry_type, entry.key, line) == ("inproceedings", "spaced", 10)
    assert entry.fields == (
        ("title", "{Tabs {and} braces}"),
        ("year", "1999"),
        ("% note", "{old}"),
        ("series", 'ser # " part " # {two}'),
    )
    assert field_lines == (12, 14, 16, 17)
    assert (comment.comment, comment_line) == ("% after\nfree text", 18)
    assert_same(text)


# --- corpora and random edits -------------------------------------------------------------------------


def test_corpus_file_splits_the_same_with_and_without_the_fast_path(corpus_bib: Path) -> None:
    assert_same(corpus_bib.read_bytes().decode("utf-8", errors="replace"), corpus_bib.name)


EDITS = ["{", "}", ",", '"', "@", "%", "\n", "=", "#", "(", ")", "\\", "\n@misc{new,\n", "% ", "\n}\n", "\\\n"]


def edited(text: str, rng: random.Random) -> str:
    """`text` with one to three characters that matter to BibTeX inserted or deleted."""
    for _ in range(rng.randint(1, 3)):
        at = rng.randrange(len(text) + 1)
        if rng.random() < 0.35:
            text = text[:at] + text[at + rng.randint(1, 2) :]
        else:
            text = text[:at] + rng.choice(EDITS) + text[at:]
    return text


def test_random_edits_split_the_same_with_and_without_the_fast_path() -> None:
    rng = random.Random(20)
    texts = [path.read_text(encoding="utf-8") for path in FIXTURE_FILES]
    for case in range(2500):
        text = texts[case % len(texts)]
        if len(text) > 1500:  # a window of whole lines keeps bibtexparser's share quick
            start = text.rfind("\n", 0, rng.randrange(len(text) - 1000)) + 1
            text = text[start : start + 1500]
        assert_same(edited(text, rng))


# --- re-splitting an edited text ------------------------------------------------------------------


def large_text() -> str:
    """The fixtures, then 300 ordinary entries."""
    parts = [path.read_text(encoding="utf-8") for path in FASTPATH_FILES]
    parts += [f"@article{{key{i},\n  title = {{Title {i}}},\n  year = {i % 50 + 1970},\n}}\n" for i in range(300)]
    return "\n".join(parts)


def test_resplit_of_an_edited_text_equals_bibtexparsers_split() -> None:
    text = large_text()
    middle = text.index("@article{key150,")
    edits = [
        text.replace("Title 150}", "Edited title}"),  # a well-formed entry stays well-formed
        text.replace("{Title 150},", "{Title 150,"),  # an unclosed value: bibtexparser, up to the next entry
        text[:middle] + "@string{new = {x}}\n" + text[middle:],
        text.replace("year = 1999,", "year = 1999"),  # a missing comma
        text.replace("@misc{nofields}\n", ""),
    ]
    rng = random.Random(7)
    edits += [text[:middle] + edited(text[middle : middle + 400], rng) + text[middle + 400 :] for _ in range(30)]
    previous = split_text(text, "refs.bib")
    for new in edits:
        again = split_text(new, "refs.bib", previous)
        fresh = split_text(new, "refs.bib")
        back = split_text(text, "refs.bib", again)  # and the edit undone
        reference = split_text(new, "refs.bib", fast=False)
        assert comparable(again) == comparable(reference) == comparable(fresh), new[middle - 200 : middle + 600]
        assert comparable(back) == comparable(previous)


def test_an_edited_well_formed_entry_needs_no_bibtexparser(bibtexparser_calls: list[str]) -> None:
    text = large_text()
    previous = split_text(text, "refs.bib")
    bibtexparser_calls.clear()
    again = split_text(text.replace("Title 150}", "Edited title}"), "refs.bib", previous)
    assert bibtexparser_calls == []
    assert again.parsed is not None and again.parsed.reparsed == 2  # the edited chunk and the one before
    assert [raw.line for raw in again.entries] == [raw.line for raw in previous.entries]


def test_resplit_of_an_edited_corpus_file(corpora: Path) -> None:
    text = (corpora / PETSC).read_text(encoding="utf-8")
    middle = text.index("\n@", len(text) // 2) + 1
    end = text.index("\n@", middle + 1)
    entry = text[middle:end]
    edits = [
        text[:middle] + entry.replace("title", "booktitle", 1) + text[end:],
        text[:middle] + entry.replace("}", "", 1) + text[end:],  # an unbalanced entry
        text[:middle] + entry + entry + text[end:],  # a duplicate key
    ]
    previous = split_text(text, "petsc.bib")
    for new in edits:
        again = split_text(new, "petsc.bib", previous)
        reference = split_text(new, "petsc.bib", fast=False)
        assert comparable(again) == comparable(reference)
