"""Every real-world .bib file of the shared corpora: no entry may vanish without a word.

PROVENANCE.md counts entries as lines starting with `@` (after optional white space), not
counting `@string`, `@comment` and `@preamble`. Each such line must be the source line of an
entry that was read, or the line of a Problem (an entry dropped or a line that is no entry).
The corpora are found through ACADEMIC_CORPORA (tests/conftest.py); without them every test
here is skipped, with the reason.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs_academic.data.bibtex import read_bib_file, read_bib_files, resolve_crossrefs

AT_LINE = re.compile(r"[ \t]*@[ \t]*(\w*)")
NOT_ENTRIES = {"string", "comment", "preamble"}


def entry_lines(path: Path) -> set[int]:
    text = path.read_bytes().decode("utf-8", errors="replace")
    lines = set()
    for number, line in enumerate(text.splitlines(), start=1):
        match = AT_LINE.match(line)
        if match and match.group(1).lower() not in NOT_ENTRIES:
            lines.add(number)
    return lines


def test_every_entry_is_read_or_reported(corpus_bib: Path, corpora: Path) -> None:
    name = corpus_bib.relative_to(corpora).as_posix()
    bib = read_bib_file(corpus_bib, name)
    expected = entry_lines(corpus_bib)
    read = [entry.source.line for entry in bib.entries]
    assert len(read) == len(set(read)), "two entries claim the same line"
    assert set(read) <= expected, "an entry was read from a line that does not start with @"
    dropped = expected - set(read)
    reported = {problem.line for problem in bib.problems}
    assert dropped <= reported, f"entries lost without a problem at lines {sorted(dropped - reported)[:10]}"
    assert len(expected) == len(read) + len(dropped)
    for problem in bib.problems:
        assert problem.path == name
        assert problem.line >= 1
        assert problem.message


def test_mendeley_duplicate_keys(corpora: Path) -> None:
    bib = read_bib_file(corpora / "bibtex-quirks" / "mendeley-export.bib", "mendeley.bib")
    duplicates = [problem for problem in bib.problems if problem.message.startswith("duplicate key")]
    duplicated_keys = {problem.message.split("'")[1].casefold() for problem in duplicates}
    # PROVENANCE.md says "22 duplicate citation keys": 21 keys, 4 of them used three times,
    # give 25 ignored second entries.
    assert len(duplicated_keys) == 21
    assert len(duplicates) == 25
    keyless = [problem for problem in bib.problems if "without a key" in problem.message]
    assert len(bib.entries) + len(duplicates) == 512
    assert len({entry.key.casefold() for entry in bib.entries}) == len(bib.entries)
    assert keyless  # Mendeley writes `@article{,`: kept with a generated key, and reported


def test_plume_duplicated_fields_and_undefined_macros(corpora: Path) -> None:
    bib = read_bib_file(corpora / "bibtex-large" / "plume-all.bib", "plume-all.bib")
    assert len(bib.entries) == 4997
    duplicated = {
        problem.message.split("in entry '")[1].split("'")[0]
        for problem in bib.problems
        if problem.message.startswith("duplicate field")
    }
    assert len(duplicated) == 20
    undefined = [problem for problem in bib.problems if problem.message.startswith("undefined macro")]
    assert any("'ack-nhfb'" in problem.message for problem in undefined)
    assert len(bib.macros) >= 190
    entries, parents, problems = resolve_crossrefs([bib])
    assert len(entries) == 4997
    assert parents
    crossref_children = [entry for entry in entries if "crossref" in entry.fields]
    assert len(crossref_children) >= 1500
    resolved = [entry for entry in crossref_children if "booktitle" in entry.fields or "journal" in entry.fields]
    assert len(resolved) >= 0.95 * len(crossref_children)


def test_plume_ernst_with_the_macros_of_plume_all(corpora: Path) -> None:
    alone = read_bib_file(corpora / "bibtex-large" / "plume-ernst.bib", "ernst.bib")
    alone_undefined = [p for p in alone.problems if p.message.startswith("undefined macro")]
    together = read_bib_files(
        [
            (corpora / "bibtex-large" / "plume-all.bib", "all.bib"),
            (corpora / "bibtex-large" / "plume-ernst.bib", "ernst.bib"),
        ]
    )
    together_undefined = [p for p in together[1].problems if p.message.startswith("undefined macro")]
    assert len(together_undefined) < len(alone_undefined)


def test_bbt_month_macros_and_al_folio_front_matter(corpora: Path) -> None:
    bbt = read_bib_file(corpora / "bibtex-quirks" / "bbt-1436-unabbreviate.bib", "bbt.bib")
    months = [entry.fields["month"] for entry in bbt.entries if "month" in entry.fields]
    assert "March" in months
    assert all(not month.isalpha() or month[0].isupper() for month in months)
    folio = read_bib_file(corpora / "al-folio" / "_bibliography" / "papers.bib", "papers.bib")
    assert folio.problems == []
    assert len(folio.entries) == 9
